"""Harvard: ``Author, A. (2008) Title. Outlet, 5 March. Available at: url``.

The year follows the authors, in brackets with no full stop after them, or
after a comma ("Author, A., 2008. Title."); a quoted title ends in a comma.
"""

from __future__ import annotations

import re

from ingest.model import PartialDate
from ingest.outlets import OutletRegistry
from ingest.styles.names import is_organisation, is_person, split_authors
from ingest.styles.parts import Item, read_date
from ingest.styles.reading import Fields, Reading, reading
from ingest.styles.segments import container, segments

NAME = "harvard"
_HEAD = re.compile(
    r"^(?P<authors>[^()]{2,400}?)(?:\s*\((?P<year>\d{4})[a-z]?\)(?!\.)[,:]?"
    r"|,\s+(?P<year2>\d{4})[a-z]?\.)\s+(?P<rest>.+)$"
)
_QUOTED = re.compile(r"^[‘'“\"](?P<title>.+?)[’'”\"],?\s+(?P<rest>.*)$")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    head = _HEAD.match(item.core)
    if not head:
        return None
    written = head["authors"].strip()
    if any(q in written for q in '"“”') or ". " in written.rstrip("."):
        return None  # a title or a sentence before the year: not an author list
    people = is_person(written, registry)
    if not people and not is_organisation(written, registry):
        return None
    year = int(head["year"] or head["year2"])
    quoted = _QUOTED.match(head["rest"])
    if quoted:
        title, after = quoted["title"], quoted["rest"]
        parts = [after] if after else []
    else:
        parts = segments(head["rest"])
        title, parts = (parts[0], parts[1:]) if parts else (None, [])
    outlet = pages = None
    date: PartialDate | None = PartialDate(year)
    if parts:
        outlet, _, pages, rest = container(parts[0])
        day = read_date(f"{rest or ''} {year}") if rest else None
        date = day if day and day.year == year else date
    authors = split_authors(written) if people else (written,)
    found = Fields(title=title, authors=authors, outlet=outlet, date=date, pages=pages)
    return reading(item, NAME, 0.85 if people else 0.75, found, registry)
