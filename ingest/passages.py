"""Prose passages of a story or document, each sentence that names its source a claim.

Stories and plain documents share this: headings and all-capitals subheads are
headings; every other block is a paragraph or list item whose attributed
sentences ("three military sources said") become claims citing their sources.
"""

from __future__ import annotations

import re

from ingest.attributions import sentence_citations
from ingest.blocks import Block
from ingest.model import ParsedCitation, ParsedClaim, ParsedPassage
from ingest.outlets import OutletRegistry
from ingest.sentences import sentence_spans

_SUBHEAD = re.compile(r"^[A-Z0-9][A-Z0-9 ,'’&:/().-]*[A-Z0-9)]$")
_SUBHEAD_WORDS = range(2, 13)


def attributed_passages(
    body: tuple[Block, ...], headline: str | None, registry: OutletRegistry
) -> tuple[ParsedPassage, ...]:
    """Passages in order; a heading equal to ``headline`` is not repeated."""
    passages: list[ParsedPassage] = []
    previous: tuple[ParsedCitation, ...] = ()
    for block in body:
        if block.kind == "heading":
            if headline is None or block.text.casefold() != headline.casefold():
                passages.append(ParsedPassage("heading", block.text, level=block.level))
        elif is_subhead(block.text):
            passages.append(ParsedPassage("heading", block.text, level=2))
        else:
            claims = _claims(block.text, registry, previous)
            previous = claims[-1].citations if claims else previous
            kind = "list_item" if block.kind == "list_item" else "paragraph"
            passages.append(ParsedPassage(kind, block.text, claims=claims))
    return tuple(passages)


def lead_sentence(body: tuple[Block, ...]) -> str:
    """The first sentence of the first paragraph that is not a heading."""
    for block in body:
        spans = sentence_spans(block.text)
        if spans and block.kind != "heading" and not is_subhead(block.text):
            start, end = spans[0]
            return block.text[start:end]
    return ""


def is_subhead(text: str) -> bool:
    """An all-capitals line such as "DRAWDOWN EXPECTED TO TAKE WEEKS"."""
    return bool(_SUBHEAD.match(text)) and len(text.split()) in _SUBHEAD_WORDS


def _claims(
    text: str, registry: OutletRegistry, previous: tuple[ParsedCitation, ...]
) -> tuple[ParsedClaim, ...]:
    """One claim per sentence that names its source."""
    claims = []
    for start, end in sentence_spans(text):
        citations = sentence_citations(text[start:end], registry, previous)
        if citations:
            claims.append(ParsedClaim(text[start:end], start, end, citations=citations))
            previous = citations
    return tuple(claims)
