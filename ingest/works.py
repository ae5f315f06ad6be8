"""Citations from the works a format states field by field.

A wikitext ``{{cite news}}`` or a page's COinS names each part of a citation, so
nothing is guessed: the outlet is the work's newspaper, site or journal (or its
publisher when it has none), and the date is its publication date, never the
date it was retrieved.
"""

from __future__ import annotations

from ingest.blocks import Work
from ingest.dates import stated_date
from ingest.model import CITATION_KINDS, ParsedCitation
from ingest.outlets import OutletRegistry


def work_citations(
    note_text: str, works: tuple[Work, ...], registry: OutletRegistry
) -> tuple[ParsedCitation, ...]:
    """One citation per stated work; a note of one work keeps its text as written."""
    return tuple(
        _citation(note_text if len(works) == 1 else _written(work), work, registry)
        for work in works
    )


def _citation(text: str, work: Work, registry: OutletRegistry) -> ParsedCitation:
    outlet_name = work.outlet or work.publisher
    outlet = registry.lookup(outlet_name) if outlet_name else None
    return ParsedCitation(
        text=text,
        outlet=outlet_name,
        outlet_slug=outlet.slug if outlet else None,
        title=work.title,
        date=stated_date(work.date) if work.date else None,
        url=work.url,
        pages=work.pages,
        authors=work.authors,
        publisher=work.publisher,
        via=work.agency,  # the agency whose copy the outlet ran
        accessed=stated_date(work.accessed) if work.accessed else None,
        kind=work.kind if work.kind in CITATION_KINDS else None,
        style="stated",
    )


def _written(work: Work) -> str:
    """The work as a line of text, for a note that cites several."""
    parts = [", ".join(work.authors), f"“{work.title}”" if work.title else ""]
    parts += [work.outlet or work.publisher or "", work.date or "", work.url or ""]
    return ", ".join(part for part in parts if part)
