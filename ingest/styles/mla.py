"""MLA and Chicago's bibliography: ``Last, First. "Title." Outlet, date, url.``

The author (inverted) and the title are sentences of their own; the container
sentence holds the outlet, the date and the pages, separated by commas. A book
has no quoted title and names its publisher in the container sentence.
"""

from __future__ import annotations

import re

from ingest.outlets import OutletRegistry
from ingest.styles.names import is_organisation, is_person, split_authors
from ingest.styles.parts import Item, read_date, unquote
from ingest.styles.reading import Fields, Reading, reading
from ingest.styles.segments import container, segments

NAME = "mla"
_QUOTED = re.compile(r"^[\"“].+[.?!,]?[\"”]$")
_YEAR = re.compile(r"^\(?(?:1[6-9]|20)\d\d[a-z]?\)?$")
_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\b")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    parts = segments(item.core)
    if len(parts) < 2:
        return None
    authors: tuple[str, ...] = ()
    if not _QUOTED.match(parts[0]):
        written = parts[0]
        if is_person(written, registry):
            authors = split_authors(written)
        elif is_organisation(written, registry) and len(parts) > 2:
            authors = (written,)
        else:
            return None
        parts = parts[1:]
    year = None
    if len(parts) > 1 and _YEAR.match(parts[0]):
        year, parts = read_date(parts[0].strip("()")), parts[1:]  # author-date order
    title = unquote(parts[0]).rstrip(".,")
    quoted = bool(_QUOTED.match(parts[0]))
    outlet = date = pages = publisher = None
    if len(parts) > 1:
        outlet, date, pages, _ = container(parts[1])
        for part in parts[2:]:
            date = date or read_date(part)
    date = date or year
    if not quoted and outlet and not item.url:
        outlet, publisher = None, outlet
    score = 0.5 + (0.2 if quoted else 0.0) + (0.15 if authors else 0.0)
    score += 0.1 if date else -0.1
    score += 0.05 if _DAY_MONTH_YEAR.search(item.core) else 0.0
    found = Fields(
        title=title,
        authors=authors,
        outlet=outlet,
        publisher=publisher,
        date=date,
        pages=pages,
    )
    return reading(item, NAME, score, found, registry)
