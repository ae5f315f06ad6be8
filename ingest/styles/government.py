"""Government reports: ``GAO, Title, GAO-20-629 (Washington, D.C.: Sept. 22, 2020)``.

The issuing body comes first, then the title, a report number where there is
one, and the place and date of issue in brackets at the end.
"""

from __future__ import annotations

import re

from ingest.outlets import OutletRegistry
from ingest.styles.names import is_organisation
from ingest.styles.parts import Item, read_date
from ingest.styles.reading import Fields, Reading, reading

NAME = "government"
_ISSUED = re.compile(
    r"\s*\((?P<place>[^():]{2,60}):\s*(?:(?P<publisher>[^():,]{2,80}),\s*)?"
    r"(?P<date>[^():]{4,40})\)\.?$"
)
_NUMBER = re.compile(
    r"(?:,\s*|\s+)(?P<number>(?:[A-Z]{2,10}[-‑–]\d{2,4}[-‑–]?\d*[A-Z]?"
    r"|(?:Report|Doc(?:ument)?|Publication|Pub\.)\s+No\.?\s*[\w.\-]+))\.?$"
)


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    issued = _ISSUED.search(item.core)
    if not issued:
        return None
    date = read_date(issued["date"])
    if issued["publisher"] and (
        joined := read_date(f"{issued['publisher']}, {issued['date']}")
    ):
        date = joined
    head = item.core[: issued.start()].rstrip(" .,")
    number = _NUMBER.search(head)
    if number:
        head = head[: number.start()].rstrip(" .,")
    issuer, sep, title = head.partition(", ")
    if not sep or not title:
        return None
    if not is_organisation(issuer, registry):
        return None
    score = 0.6 + (0.2 if date else -0.2) + (0.15 if number else 0.0)
    found = Fields(
        title=title,
        publisher=issuer,
        date=date,
        report_number=number["number"] if number else None,
        kind="report",
    )
    return reading(item, NAME, score, found, registry)
