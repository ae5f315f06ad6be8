"""The statistical citation reader: a CRF that labels each token of a citation.

``read(text)`` cuts the string into tokens (``ingest.citation_tokens``), tags
each with the field it belongs to (author, title, outlet, publisher, date,
accessed, url, pages, or another part) using a linear-chain CRF
(python-crfsuite), and joins each field's tokens back into the text as written.
Its ``confidence`` comes from the tagger's marginal probabilities: the mean
probability of the labels chosen for the title's tokens, times that of all
tokens, so a string the model is unsure about reads as uncertain.

The model is trained by ``python -m bench.train_citation_crf`` (AnyStyle's
labeled references and the training part of the archive's labeled footnotes)
and shipped in ``ingest/data/citations.crfsuite``; ingest needs no training.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from ingest.citation_tokens import Token, features, tokens
from ingest.outlets import load_registry
from ingest.styles.names import split_authors

MODEL = Path(__file__).with_name("data") / "citations.crfsuite"
LABELS = (
    "author",
    "title",
    "outlet",
    "publisher",
    "date",
    "accessed",
    "url",
    "pages",
    "location",
    "volume",
    "other",
)
_TRIM = " \t.,;:()[]{}“”\"‘’'«»–—-/|"
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*|\s+(?:and|&)\s+|,\s+(?=(?:and|&)\s)")
_ACCESS_WORDS = re.compile(
    r"^(?:last\s+)?(?:retrieved|accessed|consulted|viewed|visited)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=\w{2})\.\s+(?=[A-Z])")
_QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}
_PAGE_WORDS = re.compile(r"^(?:pp?|pages?|paras?)\.?\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CrfReading:
    """One citation as the CRF reads it; dates are as written."""

    authors: tuple[str, ...] = ()
    outlet: str | None = None
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    accessed: str | None = None
    url: str | None = None
    pages: str | None = None
    kind: str = "other"
    confidence: float = 0.0


class CrfReader:
    """A tagger opened on one model file; ``read`` is safe across threads."""

    def __init__(self, model: Path = MODEL) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lock = threading.Lock()

    def read(self, text: str) -> CrfReading | None:
        """The fields of ``text``, or None when it has no words to read."""
        toks = tokens(text)
        if not any(t.text[0].isalnum() for t in toks):
            return None
        with self._lock:
            labels = self._tagger.tag(features(toks, text))
            marginals = [self._tagger.marginal(y, i) for i, y in enumerate(labels)]
        return _reading(text, toks, labels, marginals)


@cache
def _default() -> CrfReader | None:
    return CrfReader(MODEL) if MODEL.exists() else None


def read(text: str) -> CrfReading | None:
    """``text`` read by the shipped model (None if it is not installed)."""
    reader = _default()
    return reader.read(text) if reader is not None else None


def _runs(toks: list[Token], labels: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each label's runs of consecutive tokens, as (first, last) token indices."""
    runs: dict[str, list[tuple[int, int]]] = {}
    start = 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or labels[i] != labels[start]:
            runs.setdefault(labels[start], []).append((start, i - 1))
            start = i
    return runs


def _names(written: str) -> list[str]:
    """The names in the authors' run: parted at "and", "&" and ";", and a piece
    with more commas than one name has ("Buchen, J. R., Wang, T.") read as a
    list of inverted names, as the grammars read one."""
    names = []
    for piece in _AUTHOR_SEPARATOR.split(written):
        piece = piece.strip(_TRIM)
        if piece.count(",") > 1:
            names += split_authors(piece) or [piece]
        elif piece:
            names.append(piece)
    return names


def _span(text: str, toks: list[Token], run: tuple[int, int]) -> str | None:
    value = text[toks[run[0]].start : toks[run[1]].end].strip(_TRIM)
    return " ".join(value.split()) or None


def _reading(text, toks, labels, marginals) -> CrfReading:
    runs = _runs(toks, labels)
    longest = {
        label: max(spans, key=lambda r: toks[r[1]].end - toks[r[0]].start)
        for label, spans in runs.items()
    }
    field = {label: _span(text, toks, run) for label, run in longest.items()}
    if "title" in longest:
        field["title"] = _quoted_title(text, toks, longest["title"])
    _split_container(field)
    authors = ()
    if written := (_span(text, toks, runs["author"][0]) if "author" in runs else None):
        # the authors are the first run: a later one is a name the tagger mistook
        authors = tuple(_names(written))
    if (
        len(authors) == 1
        and not field.get("outlet")
        and load_registry().lookup(authors[0])
    ):
        field["outlet"] = authors[0]  # "NBC News, Title, date": a known outlet first
    accessed = field.get("accessed")
    if accessed:
        accessed = _ACCESS_WORDS.sub("", accessed) or None
    pages = field.get("pages")
    if pages:
        pages = _PAGE_WORDS.sub("", pages) or None
    url = field.get("url")
    if url is None:
        url = next((t.text for t in toks if t.text.lower().startswith("http")), None)
    return CrfReading(
        authors=authors,
        outlet=field.get("outlet"),
        publisher=field.get("publisher"),
        title=field.get("title"),
        date=field.get("date"),
        accessed=accessed,
        url=url.rstrip(".,;)") if url else None,
        pages=pages,
        kind=_kind(field),
        confidence=_confidence(labels, marginals),
    )


def _quoted_title(text: str, toks: list[Token], run: tuple[int, int]) -> str | None:
    """The title, cut at its closing quote when the tagger ran on past it."""
    first, last = run
    opening = toks[first - 1].text if first else toks[first].text
    closing = _QUOTE_PAIRS.get(opening)
    if closing is not None:
        for i in range(first + 1, last):
            if toks[i].text == closing and toks[i + 1].text in ".,;:":
                return _span(text, toks, (first, i))
    return _span(text, toks, run)


def _split_container(field: dict[str, str | None]) -> None:
    """Part a publisher of two sentences, ``Stuff.co.nz. Fairfax NZ``, in two.

    The tagger labels tokens, not where one field ends and the next begins, so an
    outlet and its publisher side by side can come out as one publisher. Where
    no outlet was read, the first sentence is the outlet. Only a full stop after
    a word of two letters or more parts them, so abbreviations ("U.S.
    Department") stay whole.
    """
    value = field.get("publisher")
    if value and not field.get("outlet"):
        parts = _SENTENCE.split(value, maxsplit=1)
        if len(parts) == 2:
            field["outlet"], field["publisher"] = parts


def _kind(field: dict[str, str | None]) -> str:
    if field.get("volume") and field.get("outlet"):
        return "journal"
    if field.get("url") or field.get("accessed"):
        return "web"
    if field.get("outlet"):
        return "news"
    if field.get("publisher"):
        return "book"
    return "other"


def _confidence(labels: list[str], marginals: list[float]) -> float:
    overall = sum(marginals) / len(marginals)
    title = [p for y, p in zip(labels, marginals, strict=True) if y == "title"]
    if not title:
        return 0.0
    return round(overall * sum(title) / len(title), 3)
