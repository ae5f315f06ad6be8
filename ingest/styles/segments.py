"""An item cut into its sentences, the unit of the period-separated styles.

APA, MLA, Harvard, Chicago's bibliography and Wikipedia's CS1 separate the
author, the title and the container with full stops. A stop after an initial
("D."), an abbreviation ("Vol.", "D.C.", "Sept.") or inside a quoted title or a
bracket does not end a sentence; a quoted title is a sentence of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import PartialDate
from ingest.styles.euaa import PAGES
from ingest.styles.parts import last_date

_ABBREVIATIONS = frozenset(
    "al ed eds vol vols no nos pp p para paras ch sec art inc ltd co corp jr sr st dr "
    "mr mrs ms prof gen col lt rev dept univ assn intl natl govt jan feb mar apr jun "
    "jul aug sep sept oct nov dec op cit ibid id cf vs v etc trans repr n nn fig "
    "approx ca cong sess doc rep pub stat tit u s c d e g i".split()
)
_BOUNDARY = re.compile(r"([.?!])([”\"’']?)\s+(?=[\"“‘'(\[A-Z0-9À-ÖØ-Þ]|pp?\.\s*\d)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_OPENING = "“‘«("
_CLOSING = "”’»)"


@lru_cache(maxsize=2048)  # several grammars cut the same item
def segments(text: str) -> tuple[str, ...]:
    """The sentences of ``text``, each without its closing full stop."""
    found: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        before = _WORD_BEFORE.search(text, start, stop + 1)
        written = before.group(1).rstrip(".") if before else ""
        word = written.split(".")[-1].casefold()
        domain = len(word) >= 2 and len(written.split(".")[0]) >= 3 and "." in written
        abbreviation = word in _ABBREVIATIONS or len(word) == 1
        if not match.group(2) and abbreviation and not domain:
            continue
        piece = text[start : match.end(2)]
        if _open(piece):
            continue
        found.append(piece.strip())
        start = match.end()
    found.append(text[start:].strip())
    return tuple(_without_stop(s) for s in found if s.strip(" ."))


def _open(piece: str) -> bool:
    """True while a bracket or a curly or straight quote is still open in ``piece``."""
    depth = sum(piece.count(c) for c in _OPENING) - sum(
        piece.count(c) for c in _CLOSING
    )
    return depth > 0 or piece.count('"') % 2 == 1


def _without_stop(text: str) -> str:
    text = text.strip()
    if text.endswith(".") and not re.search(
        r"(?:\b[A-Z]|et al|Jr|Sr|Inc|Ltd|Co)\.$", text
    ):
        text = text[:-1].rstrip()
    return text


def container(text: str) -> tuple[str | None, PartialDate | None, str | None, str]:
    """The container sentence ``Outlet, vol. 3, 5 March 2008, pp. 2-4``: its outlet,
    date, pages and what remains between them."""
    pages = None
    parts = [p.strip() for p in re.split(r",\s+", text) if p.strip()]
    while parts and PAGES.match(parts[-1]):
        pages = parts.pop()
    dated = last_date(", ".join(parts)) if parts else None
    date = None
    if dated and dated[2] >= len(", ".join(parts)) - 2:
        date = dated[0]
        parts = [
            p.strip()
            for p in re.split(r",\s+", ", ".join(parts)[: dated[1]])
            if p.strip()
        ]
    outlet = parts[0] if parts else None
    rest = ", ".join(parts[1:])
    return outlet, date, pages, rest
