"""Wikipedia's CS1 as displayed: ``Last, First (date). "Title". Outlet. Publisher.``

The date follows the authors in brackets, or stands alone after the container;
a quoted title is closed before its full stop (``"Title".``). "Retrieved ..."
and "Archived from the original ..." were already taken out as access dates.
"""

from __future__ import annotations

import re

from ingest.model import PartialDate
from ingest.outlets import OutletRegistry
from ingest.styles.names import is_organisation, is_person, split_authors
from ingest.styles.parts import Item, read_date
from ingest.styles.reading import Fields, Reading, reading
from ingest.styles.segments import segments

NAME = "cs1"
_HEAD = re.compile(
    r"^(?P<authors>[^()\"“]{2,300}?)\s*\((?P<date>[^()]{4,40})\)\.\s+(?P<rest>.+)$"
)
_TITLE = re.compile(r"^[\"“](?P<title>[^\"“”]*[^\"“”,])[\"”](?:\.\s+(?P<rest>.*)|\.?$)")
_SKIP = re.compile(
    r"^(?:ISBN|ISSN|OCLC|doi|PMID|ID|pp?\.|Vol\.|No\.)\b|^\d+[\d:–-]*$", re.I
)
_SURNAME = re.compile(r"^[A-Z][\w'’\-]+$")
_PAGES = re.compile(r"^(?:pp?\.)\s*\S+$")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    core = item.core
    authors: tuple[str, ...] = ()
    date: PartialDate | None = None
    head = _HEAD.match(core)
    if head:
        written = head["authors"].strip()
        known = is_person(written, registry) or is_organisation(written, registry)
        quoted_next = head["rest"][:1] in '"“'  # (date). "Title": CS1's own mark
        if not (known or quoted_next or _SURNAME.match(written)):
            return None
        date = read_date(head["date"])
        if date is None:
            return None  # "(AECOM)." names, it does not date
        authors = split_authors(written) if is_person(written, registry) else (written,)
        core = head["rest"]
    quoted = _TITLE.match(core)
    if quoted:
        title, parts = quoted["title"].strip(), segments(quoted["rest"] or "")
    elif head:
        parts = segments(core)
        title, parts = parts[0], parts[1:]
    else:
        return None
    outlet = publisher = pages = None
    for part in parts:
        if _PAGES.match(part):
            pages = pages or part
        elif date is None and (found := read_date(part)):
            date = found
        elif _SKIP.match(part):
            continue
        elif outlet is None:
            outlet = part
        elif publisher is None:
            publisher = part
    if outlet and not quoted and publisher is None:
        outlet, publisher = None, outlet  # a book: its publisher, no container
    score = 0.55 + (0.2 if quoted else 0.0) + (0.15 if head else 0.0)
    score += 0.05 if item.accessed else 0.0
    found_fields = Fields(
        title=title,
        authors=authors,
        outlet=outlet,
        publisher=publisher,
        date=date,
        pages=pages,
    )
    return reading(item, NAME, score, found_fields, registry)
