"""APA: ``Thorne, D. (1997, June 26). Privatization accepted. Calgary Herald, p. A7.``

The authors come first, the date in brackets followed by a full stop, then the
title, the container (with volume and pages) and the publisher or the URL.
"""

from __future__ import annotations

import re

from ingest.outlets import OutletRegistry
from ingest.styles.names import is_media, is_organisation, is_person, split_authors
from ingest.styles.parts import Item, read_date
from ingest.styles.reading import Fields, Reading, reading
from ingest.styles.segments import container, segments

NAME = "apa"
_HEAD = re.compile(
    r"^(?P<authors>[^()]{2,400}?)\s*\((?P<date>(?:\d{4}[a-z]?|n\.\s?d\.)(?:,\s*[^()]{2,30})?)\)"
    r"\.\s+(?P<rest>.+)$"
)
_VOLUME = re.compile(r"^\d+\s*(?:\(\d+[^)]*\))?$")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    head = _HEAD.match(item.core)
    if not head:
        return None
    written = head["authors"].strip()
    people = is_person(written, registry)
    if not people and not is_organisation(written, registry):
        return None
    parts = segments(head["rest"])
    if not parts:
        return None
    date = read_date(re.sub(r"(\d{4})[a-z]", r"\1", head["date"]))
    title, outlet, pages, publisher = parts[0], None, None, None
    if len(parts) > 1:
        outlet, _, pages, rest = container(parts[1])
        if rest and not _VOLUME.match(rest.split(",")[0].strip()) and not pages:
            pages = rest if re.match(r"^(?:pp?\.|\d)", rest) else None
        book = not (pages or rest or item.url or item.doi)
        if len(parts) == 2 and book and not is_media(outlet or "", registry):
            outlet, publisher = None, parts[1]
    authors = split_authors(written) if people else (written,)
    initials = bool(re.search(r",\s+(?:[A-Z]\.\s*)+(?:,|&|$)", written))
    score = (0.9 if initials else 0.65) if people else 0.8
    found = Fields(
        title=title,
        authors=authors,
        outlet=outlet,
        publisher=publisher,
        date=date,
        pages=pages,
    )
    return reading(item, NAME, score, found, registry)
