"""A bare web address: the note is a URL and nothing else.

Nothing names the title or the outlet; the date is read from the address
path where it carries one (``/2017/aug/02/``, ``/2019/06/03/``).
"""

from __future__ import annotations

import re

from ingest.model import PartialDate
from ingest.outlets import OutletRegistry
from ingest.styles.parts import Item, read_date
from ingest.styles.reading import Fields, Reading, reading

NAME = "url"
_DATED_PATH = re.compile(
    r"/((?:19|20)\d\d)/(\d\d?|[a-z]{3})(?:/(\d\d?))?(?=/)", re.IGNORECASE
)


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    if item.url is None or item.core.strip(" .,;:-–—"):
        return None
    return reading(
        item, NAME, 0.5, Fields(date=path_date(item.url), kind="web"), registry
    )


def path_date(url: str) -> PartialDate | None:
    found = _DATED_PATH.search(url)
    if not found:
        return None
    year, month, day = found.groups()
    return read_date(
        " ".join(p for p in (day, month, year) if p)
        if not month.isdigit()
        else f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    )
