"""Wire stories: dateline, agency, byline, boilerplate, and who said what.

Works on neutral blocks only. ``story_parts`` sorts the blocks into the story
text and what surrounds it (rules in ``boilerplate.toml``), ``wire_meta``
chooses the date, agency and title in their order of trust, and
``attributions`` turns each sentence that names its source into a claim.
"""

from __future__ import annotations

import re

from ingest.attributions import sentence_citations
from ingest.blocks import Block, Source
from ingest.bylines import author_names, byline_names
from ingest.datelines import Dateline
from ingest.errors import ParseError
from ingest.model import ParsedCitation, ParsedClaim, ParsedDocument, ParsedPassage
from ingest.options import ParseOptions
from ingest.outlets import OutletRegistry, load_registry
from ingest.sentences import sentence_spans
from ingest.story_parts import StoryParts, split_story
from ingest.wire_meta import agency, meta_agencies, publication_date, title

KIND = "wire"
LOOKED_FOR = (
    "an agency dateline such as 'BEIRUT (AFP) -', an agency sign-off such as "
    "'REUTERS', or page metadata naming a news agency"
)
FOOTNOTED = 10  # this many footnote markers and notes make a report, not a story
_SUBHEAD = re.compile(r"^[A-Z0-9][A-Z0-9 ,'’&:/().-]*[A-Z0-9)]$")
_SUBHEAD_WORDS = range(2, 13)


def sniff(source: Source) -> float | None:
    """How sure we are that ``source`` is a wire story; None to decline."""
    footnotes = sum(len(b.marks) for b in source.blocks)
    footnotes += sum(b.kind == "note" for b in source.blocks)
    if footnotes >= FOOTNOTED:
        return None
    registry = load_registry()
    parts = split_story(source, registry)
    score = _signal_score(parts, source.meta, registry)
    if score < 0.3:
        return None
    if parts.authors or parts.credits:
        score += 0.05
    if footnotes:
        score /= 2
    return round(min(score, 0.95), 2)


def _signal_score(
    parts: StoryParts, meta: dict[str, str], registry: OutletRegistry
) -> float:
    """Evidence of a wire story: its dateline, a sign-off, an agency's page."""
    score = _dateline_score(parts.dateline)
    if parts.signoffs:
        score += 0.3
    if meta_agencies(meta, registry):
        score += 0.2
    return score


def _dateline_score(dateline: Dateline | None) -> float:
    if dateline is None:
        return 0.0
    if dateline.agency:  # "QAMISHLI, Syria (AP) —"
        return 0.6
    if dateline.date or "," in dateline.place:  # "DAMASCUS, Feb 23 -"
        return 0.35
    return 0.15  # "DAMASCUS -" alone could be any capitalised word


def parse(source: Source, options: ParseOptions) -> ParsedDocument:
    registry = options.registry
    parts = split_story(source, registry)
    if _signal_score(parts, source.meta, registry) == 0:
        raise ParseError(source.path, f"is not a wire story: looked for {LOOKED_FOR}")
    lead = _lead_sentence(parts.body)
    headline, derived, warnings = title(source.meta, options.title, lead)
    passages = _passages(parts.body, None if derived else headline, registry)
    if not any(p.kind != "heading" for p in passages):
        raise ParseError(
            source.path, "holds no story text once its boilerplate is removed"
        )
    date, date_warnings = publication_date(parts, source.meta, options.date, registry)
    agency_name, agency_warnings = agency(parts, source.meta, registry)
    if parts.dateline is None:
        warnings.append("no dateline found (such as 'DAMASCUS, Feb 23 (Reuters) -')")
    return ParsedDocument(
        kind=KIND,
        path=source.path,
        checksum=source.checksum,
        source_format=source.format,
        title=headline,
        title_derived=derived,
        passages=passages,
        date=date,
        agency=agency_name,
        dateline=parts.dateline.place if parts.dateline else None,
        authors=parts.authors or _meta_authors(source.meta, parts.corpus, registry),
        credits=parts.credits,
        warnings=(*date_warnings, *agency_warnings, *warnings),
    )


def _lead_sentence(body: tuple[Block, ...]) -> str:
    for block in body:
        spans = sentence_spans(block.text)
        if spans and block.kind != "heading" and not _is_subhead(block.text):
            start, end = spans[0]
            return block.text[start:end]
    return ""


def _passages(
    body: tuple[Block, ...], headline: str | None, registry: OutletRegistry
) -> tuple[ParsedPassage, ...]:
    passages: list[ParsedPassage] = []
    previous: tuple[ParsedCitation, ...] = ()
    for block in body:
        if block.kind == "heading":
            if headline is None or block.text.casefold() != headline.casefold():
                passages.append(ParsedPassage("heading", block.text, level=block.level))
        elif _is_subhead(block.text):
            passages.append(ParsedPassage("heading", block.text, level=2))
        else:
            claims = _claims(block.text, registry, previous)
            previous = claims[-1].citations if claims else previous
            kind = "list_item" if block.kind == "list_item" else "paragraph"
            passages.append(ParsedPassage(kind, block.text, claims=claims))
    return tuple(passages)


def _is_subhead(text: str) -> bool:
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


def _meta_authors(
    meta: dict[str, str], corpus: str, registry: OutletRegistry
) -> tuple[str, ...]:
    """Authors from page metadata when the story has no byline."""
    byline = meta.get("byl", "")
    author = meta.get("author", "")
    names = byline and byline_names(byline, corpus, registry)
    if not names and author:
        names = author_names(author, corpus, registry)
    return names or ()
