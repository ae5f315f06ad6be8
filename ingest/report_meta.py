"""A report's own description: who published it, its title, section and date.

Read from a "Please cite as" line when there is one, from HTML metadata, from a
numbered section heading, and from a copyright footer, in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.blocks import Block, Source
from ingest.dates import parse_date, stated_date
from ingest.model import PartialDate
from ingest.outlets import OutletRegistry

CITE_AS = re.compile(
    r"^(?:please\s+)?(?:cite\s+as|suggested\s+citation|recommended\s+citation|"
    r"how\s+to\s+cite(?:\s+this\s+(?:report|section))?)\s*:\s*(?P<text>.+)$",
    re.IGNORECASE,
)
SECTION_HEADING = re.compile(
    r"^(?P<number>(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*)\.?\s+(?P<heading>[A-Z(‘'\"“].{0,150})$"
)
FOOTER = re.compile(
    r"^©|^copyright\b|\ball rights reserved\b|^page \d+(?: of \d+)?$|"
    r"^\d+\s*\|\s*page$|\|\s*e-?mail\s*:",
    re.IGNORECASE,
)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:©|copyright)\s*(?:\d{4}\s*)?(?P<name>[^|\d]+)", re.I
)
_QUOTED = re.compile(r"[‘'\"“](?P<text>[^’'\"”]+)[’'\"”]")
_IN_TITLE = re.compile(r"\bin\s+(?P<title>[^,]+(?:,[^,]+)*?),\s*[^,]+$")


@dataclass(frozen=True, slots=True)
class ReportMeta:
    publisher: str | None = None
    report_title: str | None = None
    section_number: str | None = None
    section_heading: str | None = None
    section_title: str | None = None
    date: PartialDate | None = None
    cite_as: str | None = None


def is_footer(block: Block) -> bool:
    return (
        block.kind != "heading"
        and len(block.text) < 300
        and bool(FOOTER.search(block.text.strip()))
    )


def cite_as_text(block: Block) -> str | None:
    match = CITE_AS.match(block.text.strip())
    return match.group("text").strip() if match else None


def section_heading(block: Block) -> tuple[str, str] | None:
    """(number, heading) of a numbered section heading: "3.4. US-led coalition"."""
    text = block.text.strip()
    if block.marks or len(text) > 160 or text.endswith((".", ":", ";", ",")):
        return None
    match = SECTION_HEADING.match(text)
    return (match["number"], match["heading"].strip()) if match else None


def _section_block(blocks: list[Block]) -> Block | None:
    """The numbered heading of a section export ("3.4. US-led coalition"): the
    first heading under the title. A numbered heading that comes after other
    headings numbers a part of a whole document, not the document."""
    for block in blocks:
        if section_heading(block):
            return block
        if block.kind == "heading" and (block.level or 1) > 1:
            return None
    return None


def read_meta(
    source: Source, blocks: list[Block], registry: OutletRegistry
) -> ReportMeta:
    cite_block = next((b for b in blocks if cite_as_text(b)), None)
    from_cite = _from_cite_as(cite_block) if cite_block else ReportMeta()
    heading_block = _section_block(blocks)
    heading = section_heading(heading_block) if heading_block else None
    fields = source.fields
    publisher = (
        from_cite.publisher
        or fields.publisher
        or fields.outlet
        or _copyright_holder(blocks, registry)
    )
    report_title = from_cite.report_title or fields.title
    date = from_cite.date or stated_date(fields.date or "")
    number, heading_text = heading or (None, None)
    return ReportMeta(
        publisher=_short_name(publisher, registry),
        report_title=report_title,
        section_number=number,
        section_heading=heading_text,
        section_title=heading_block.text if heading_block else None,
        date=date,
        cite_as=from_cite.cite_as,
    )


def _from_cite_as(block: Block) -> ReportMeta:
    """Publisher, report title and date from "EUAA, 'Part' in *Report*, March 2025"."""
    text = cite_as_text(block) or ""
    offset = len(block.text) - len(block.text.lstrip()) + block.text.strip().index(text)
    emphasised = [
        block.text[e.start : e.end].strip()
        for e in block.emphasis
        if e.start >= offset and e.end - e.start > 3
    ]
    fields = [field.strip() for field in text.rstrip(".").split(",")]
    publisher = fields[0] if len(fields) > 1 and len(fields[0]) < 80 else None
    title = emphasised[0] if emphasised else None
    if title is None and (found := _IN_TITLE.search(text.rstrip("."))):
        title = found["title"].strip().strip("*_")
    date = parse_date(fields[-1]) if len(fields) > 1 else None
    return ReportMeta(publisher=publisher, report_title=title, date=date, cite_as=text)


def _copyright_holder(blocks: list[Block], registry: OutletRegistry) -> str | None:
    for block in reversed(blocks):
        match = _COPYRIGHT_HOLDER.match(block.text.strip())
        name = match["name"].strip(" ,.") if match else ""
        if name[:1].isupper() and is_footer(block):  # not "and related rights waived"
            return name
    return None


def _short_name(name: str | None, registry: OutletRegistry) -> str | None:
    if not name:
        return None
    known = registry.lookup(name)
    return known.short if known else name
