"""Chicago notes: ``Luisa Krol, “The World’s Billionaires,” Forbes.com, March 5, 2008``.

Fields are separated by commas, the comma after a quoted title sits inside the
closing quote, and the author comes first in natural order. A book puts its
place, publisher and year in brackets (``Title (New York: Knopf, 2001), 12``);
a work may date itself in brackets after its outlet (``Washington Post (Jan.
17, 2018)``).
"""

from __future__ import annotations

import re

from ingest.outlets import OutletRegistry
from ingest.styles.euaa import PAGES, fields
from ingest.styles.names import is_organisation, is_person, split_authors
from ingest.styles.parts import Item, read_date, unquote
from ingest.styles.reading import Fields, Reading, reading

NAME = "chicago"
_QUOTED = re.compile(r"^[\"“][^\"“”]+[,.]?[\"”],?$")
_PUBLISHED = re.compile(
    r"^(?P<title>.+?)\s*\((?P<place>[^():]+):\s*(?P<publisher>[^()]+?),\s*(?P<year>\d{4})\)$"
)
_BARE_DAY = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{1,2}$")
_YEAR = re.compile(r"^\d{4}\.?$")
_DATED = re.compile(r"^(?P<outlet>.+?)\s*\((?P<date>[^()]{4,30})\)$")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    parts = _joined_dates([f.text.strip() for f in fields(item.core)])
    if not parts:
        return None
    authors: tuple[str, ...] = ()
    organisation = None
    quoted_at = next((n for n, p in enumerate(parts) if _QUOTED.match(p)), 0)
    if quoted_at > 1 and all(
        is_person(re.sub(r"^(?:and|&)\s+", "", p), registry) for p in parts[:quoted_at]
    ):
        names = (re.sub(r"^(?:and|&)\s+", "", p) for p in parts[:quoted_at])
        authors, parts = tuple(names), parts[quoted_at:]
    elif not _QUOTED.match(parts[0]) and len(parts) > 1:
        if is_person(parts[0], registry):
            authors = split_authors(parts[0])
        elif is_organisation(parts[0], registry) and _QUOTED.match(parts[1]):
            organisation = parts[0]
        else:
            return None
        parts = parts[1:]
    title, rest = parts[0], parts[1:]
    quoted = bool(_QUOTED.match(title))
    if not rest and not quoted:
        return None
    outlet = date = publisher = pages = None
    book = _PUBLISHED.match(title)
    if book:
        title, publisher, date = (
            book["title"],
            book["publisher"],
            read_date(book["year"]),
        )
    for part in rest:
        dated = _DATED.match(part)
        if PAGES.match(part) or re.fullmatch(r"\d+(?:[-–]\d+)?", part):
            pages = pages or part
        elif date is None and (found := read_date(part)):
            date = found
        elif dated and date is None and (found := read_date(dated["date"])):
            outlet, date = outlet or dated["outlet"], found
        elif outlet is None:
            outlet = part
    if organisation and outlet is None:
        outlet = organisation
    elif organisation:
        authors = (organisation,)
    score = 0.45 + (0.25 if quoted else 0.0) + (0.2 if authors else 0.0)
    score += 0.1 if date or book else -0.1
    found_fields = Fields(
        title=unquote(title).rstrip(","),
        authors=authors,
        outlet=outlet,
        publisher=publisher,
        date=date,
        pages=pages,
    )
    return reading(item, NAME, score, found_fields, registry)


def _joined_dates(parts: list[str]) -> list[str]:
    """ "March 5" and "2008" are one date: the comma inside it is no separator."""
    joined: list[str] = []
    for part in parts:
        if joined and _YEAR.match(part) and _BARE_DAY.match(joined[-1]):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined
