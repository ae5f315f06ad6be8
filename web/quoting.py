"""A quote with its source: a claim's sentence (or a passage) in quotation
marks, the works it cites, the document's "cite as" text, and a link that opens
the document at those words (the permalink plus a ``#:~:text=`` fragment).

Made on the server for every claim and passage of a document page: the copy
buttons put it on the clipboard, and without JavaScript the same text is shown
ready to select.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import quote

from archive.browse import (
    CitationInfo,
    ClaimDetail,
    ClaimInfo,
    DocumentDetail,
    FootnoteInfo,
    PassageInfo,
)
from web.citing import attribution, describe
from web.display import human_date

FRAGMENT_WORDS = 4  # words at each end of a text fragment's range
TRAILING = re.compile(r"[^\w]+$")


@dataclass(frozen=True, slots=True)
class Quotes:
    """The quote of each claim and of each passage (headings have none), by id."""

    claims: dict[int, str]
    passages: dict[int, str]


def document_quotes(doc: DocumentDetail, page_url: str) -> Quotes:
    """Every quote of ``doc``, whose page is at ``page_url``."""
    notes = {note.id: note for note in doc.footnotes}
    cite = f"Cite as: {doc.cite_as or describe(doc)}"
    claims, passages = {}, {}
    for passage in doc.passages:
        for claim in passage.claims:
            claims[claim.id] = _claim(passage.text, claim, notes, cite, page_url)
        if passage.kind != "heading":
            spans = _spans(passage.text, 0, len(passage.text), _markers(passage))
            link = fragment_link(page_url, passage.anchor, spans)
            sources = _sources(passage.claims, notes)
            passages[passage.id] = _quote(passage.text, sources, cite, link)
    return Quotes(claims, passages)


def claim_quote(detail: ClaimDetail, page_url: str) -> str:
    """The quote of one claim (its own page), its document at ``page_url``."""
    notes = {note.id: note for note in detail.footnotes}
    cite = f"Cite as: {detail.cite_as or describe(detail.document)}"
    return _claim(detail.passage_text, detail.claim, notes, cite, page_url)


def _claim(
    text: str,
    claim: ClaimInfo,
    notes: dict[int, FootnoteInfo],
    cite: str,
    page_url: str,
) -> str:
    spans = _spans(text, claim.start, claim.end, claim.markers)
    link = fragment_link(page_url, f"claim-{claim.id}", spans)
    return _quote(claim.text, _sources([claim], notes), cite, link)


def _quote(text: str, sources: list[str], cite: str, link: str) -> str:
    lines = [f"“{' '.join(text.split())}”"]
    lines += sources
    lines += [cite, link]
    return "\n".join(lines)


def _markers(passage: PassageInfo):
    return tuple(m for claim in passage.claims for m in claim.markers)


def _sources(
    claims: list[ClaimInfo] | tuple[ClaimInfo, ...], notes: dict[int, FootnoteInfo]
) -> list[str]:
    """One line per footnote the claims cite (its works: outlet, title, date),
    then one per source a story attributes them to; each once."""
    lines: dict[str, None] = {}
    for claim in claims:
        for marker in claim.markers:
            note = notes.get(marker.footnote_id) if marker.footnote_id else None
            if note is None:
                continue
            cited = "; ".join(source(c) for c in note.citations) or note.text
            lines[f"Footnote {note.label}: {cited}"] = None
    for claim in claims:
        for citation in claim.citations:
            lines[f"Source: {attribution(citation)}"] = None
    return list(lines)


def source(item: CitationInfo) -> str:
    """A cited work as outlet, “title”, date; one not read into fields, or read
    with low confidence, as written."""
    if not item.title or item.uncertain:
        return item.text
    outlet = item.outlet_text or (item.outlet.short_name if item.outlet else None)
    date = human_date(item.date) if item.date else None
    return ", ".join(part for part in (outlet, f"“{item.title}”", date) if part)


def _spans(text: str, start: int, end: int, markers) -> list[str]:
    """The text between ``start`` and ``end`` cut at its footnote markers, which
    the page shows between the words."""
    cuts = sorted(m.offset for m in markers if start < m.offset < end)
    edges = [start, *cuts, end]
    found = [" ".join(text[a:b].split()) for a, b in itertools.pairwise(edges)]
    return [span for span in found if span]


def fragment_link(page_url: str, anchor: str, spans: list[str]) -> str:
    """``page_url#anchor:~:text=...``: the browser scrolls to the anchor, and
    where it supports text fragments, highlights the words.

    The words are the first and last few of the quoted text (no marker between
    them), or all of it when it is short and unbroken. The last word's trailing
    punctuation is left out: a footnote marker follows it on the page, and
    Chromium finds no word boundary between the two.
    """
    if not spans:
        return f"{page_url}#{anchor}"
    first, last = spans[0].split(), spans[-1].split()
    if len(spans) == 1 and len(first) <= 2 * FRAGMENT_WORDS:
        directive = _encoded(_trimmed(spans[0]))
    else:
        start = " ".join(first[:FRAGMENT_WORDS])
        end = _trimmed(" ".join(last[-FRAGMENT_WORDS:]))
        directive = f"{_encoded(start)},{_encoded(end)}"
    return f"{page_url}#{anchor}:~:text={directive}"


def _trimmed(words: str) -> str:
    """``words`` without trailing punctuation, unless that is all they are."""
    return TRAILING.sub("", words) or words


def _encoded(words: str) -> str:
    """Percent-encoded for a text directive: ``-``, ``,`` and ``&`` are syntax
    there, so they are encoded too."""
    return quote(words, safe="").replace("-", "%2D")
