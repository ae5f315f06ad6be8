"""Plain documents: anything with text that is neither a report nor a story.

Nothing readable is refused. A document keeps its passages, the title and date
its format states (or its first heading, or words from its first sentence,
marked as derived), and its attributed sentences as claims, as a story does.
"""

from __future__ import annotations

from ingest.blocks import Block, Source
from ingest.dates import stated_date
from ingest.errors import ParseError
from ingest.kinds import from_source
from ingest.model import ParsedDocument, PartialDate
from ingest.options import ParseOptions
from ingest.outlets import OutletRegistry
from ingest.passages import attributed_passages, lead_sentence
from ingest.wire_meta import derived_title

KIND = "document"
SCORE = 0.05  # any text will do: every other kind that claims a file outbids this


def sniff(source: Source, registry: OutletRegistry | None = None) -> float | None:
    return SCORE if any(block.text.strip() for block in source.blocks) else None


def parse(source: Source, options: ParseOptions) -> ParsedDocument:
    body = tuple(block for block in source.blocks if block.kind != "note")
    if not any(block.text.strip() for block in body):
        raise ParseError(source.path, "holds no text")
    title, derived = _title(source, options, lead_sentence(body))
    attributed = attributed_passages(body, None if derived else title, options.registry)
    passages = attributed.passages
    date, warnings = _date(source, options)
    warnings = _marker_warnings(body) + warnings
    fields = source.fields
    return from_source(
        source,
        kind=KIND,
        title=title,
        title_derived=derived,
        passages=passages,
        date=date,
        publisher=fields.publisher or fields.outlet,
        authors=fields.authors,
        warnings=tuple(warnings),
        no_comment=attributed.no_comment,
    )


def _title(source: Source, options: ParseOptions, lead: str) -> tuple[str, bool]:
    if options.title:
        return options.title, False
    stated = source.fields.title
    if stated and stated.strip():
        return stated.strip(), False
    heading = next((b.text for b in source.blocks if b.kind == "heading"), None)
    if heading:
        return heading, False
    return derived_title(lead or source.blocks[0].text), True


def _date(source: Source, options: ParseOptions) -> tuple[PartialDate | None, list]:
    date = stated_date(source.fields.date or "")
    if date is not None:
        return date, []
    if options.date is not None:
        return options.date, []
    return None, ["no date found; stored as undated"]


def _marker_warnings(body: tuple[Block, ...]) -> list[str]:
    markers = sum(len(block.marks) for block in body)
    if not markers:
        return []
    return [
        f"has {markers} footnote markers but no footnotes: looked for an endnote "
        "list (numbered items, '[^n]:' definitions or HTML notes) after the text; "
        "stored as a plain document"
    ]
