"""Datelines and sign-offs: where a wire story was filed, and by which agency.

A dateline opens the first paragraph: "DAMASCUS, Feb 23 (Reuters) - ",
"QAMISHLI, Syria (AP) — ", "BEIRUT, March 3, 2025 (AFP) - ", or in a
republished copy just "DAMASCUS, Feb 23 - ". The dash may be "--", a wire's
"_" ("BEIJING (AP) _ ") or Spanish agencies' ".-" ("Lima, Jan 2 (EFE).- ").
A sign-off closes the story: a line that is only an agency's name ("REUTERS",
"Associated Press"), sometimes glued to the end of the last paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import MONTH_NAMES
from ingest.outlets import Outlet, OutletRegistry

NEWS_AGENCY = "news agency"
_MONTH = rf"(?i:{MONTH_NAMES})"
_DAY = rf"{_MONTH} \d{{1,2}}(?:, \d{{4}})?"
_REGION = rf"(?!{_MONTH} \d)[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{0,2}}"
_TAIL = (
    rf"(?:, (?P<region>{_REGION}))?(?:,? (?P<date>{_DAY}))?"
    r"(?:\s*\((?P<agency>[^()\s][^()]{1,38})\)\.?)?(?:\s*[-—–]+|\s+_)(?:\s+|$)"
)
# An all-capitals place may stand alone; a mixed-case one needs an agency.
_CAPS_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{0,3}}){_TAIL}"
)
_NAMED_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{0,3}}){_TAIL}"
)
_GLUED_NAME = re.compile(
    r"(?<=[.!?\"”’)])\s+[-—–]*\s*(?P<name>[A-Za-z][\w .&'’-]{1,40})$"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline as written; ``end`` is where the story text starts after it."""

    text: str
    place: str
    date: str | None
    agency: str | None
    end: int


def find_dateline(text: str, stated: bool = False) -> Dateline | None:
    """The dateline that opens ``text``, if there is one.

    In story text a mixed-case place ("Helsinki -") needs an agency to count;
    a dateline the format ``stated`` in a field of its own does not.
    """
    match = _CAPS_DATELINE.match(text)
    if match is None:
        match = _NAMED_DATELINE.match(text)
        if match is None or not (match["agency"] or stated):
            return None
    place = match["place"]
    if match["region"]:
        place = f"{place}, {match['region']}"
    return Dateline(
        text=match.group(0).strip(),
        place=place,
        date=match["date"],
        agency=match["agency"].strip() if match["agency"] else None,
        end=match.end(),
    )


def agency_named(text: str, registry: OutletRegistry) -> Outlet | None:
    """The news agency ``text`` names and nothing else ("REUTERS", "AP")."""
    name = text.strip().strip("-—–.").strip()
    if not name or len(name.split()) > 5:
        return None
    outlet = registry.lookup(name)
    return outlet if outlet is not None and outlet.kind == NEWS_AGENCY else None


def glued_signoff(text: str, registry: OutletRegistry) -> tuple[str, Outlet] | None:
    """("…a civilian.", Reuters) for "…a civilian. REUTERS", else None."""
    match = _GLUED_NAME.search(text)
    if match is None:
        return None
    outlet = agency_named(match["name"], registry)
    if outlet is None:
        return None
    return text[: match.start()].rstrip(), outlet
