"""The one wrapper around the date parser: text in, ``PartialDate`` (or None) out."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateutil import parser

from ingest.model import PartialDate

MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_WORD = re.compile(rf"\b{MONTH_NAMES}(?![a-z])", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_NOT_A_DATE = re.compile(r"[|;]|\b\d{5,}\b|\bpp?\.")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))  # noqa: DTZ001


@lru_cache(maxsize=8192)  # citations repeat the same few hundred dates
def parse_date(text: str, default_year: int | None = None) -> PartialDate | None:
    """Read ``text`` as one date, keeping how precise it is.

    "19 December 2024" is a day, "March 2025" a month, "2024" a year. A date with
    no year ("Feb 23") takes ``default_year`` or is refused. Anything that is not
    wholly a date gives None: dates are never guessed from stray numbers.
    """
    value = text.strip().strip(".,;:()").strip()
    if not value or len(value) > 40 or _NOT_A_DATE.search(value):
        return None
    common = _common_date(value)
    if common is not None:
        return common
    has_year = bool(_YEAR.search(value))
    if not has_year and not _MONTH_WORD.search(value):
        return None
    try:
        first, second = (parser.parse(value, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    year = first.year if has_year and first.year == second.year else default_year
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day and month else None
    if year is None or (month is None and not has_year):
        return None
    return PartialDate(year, month, day)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{4})$")
_BARE_YEAR = re.compile(r"^(1[89]\d\d|2\d\d\d)$")


def _common_date(value: str) -> PartialDate | None:
    """The forms citations write most, read without the general parser:
    "19 December 2024", "Sept. 22, 2020", "March 2025", "2024"."""
    if found := _BARE_YEAR.match(value):
        return PartialDate(int(found[1]))
    if found := _MONTH_YEAR.match(value):
        month = _MONTHS.get(found[1].casefold())
        return PartialDate(int(found[2]), month) if month else None
    found = _DAY_MONTH_YEAR.match(value)
    day, name, year = (found[1], found[2], found[3]) if found else (None, None, None)
    if found is None and (found := _MONTH_DAY_YEAR.match(value)):
        name, day, year = found[1], found[2], found[3]
    month = _MONTHS.get(name.casefold()) if name else None
    if month is None:
        return None
    try:
        dt.date(int(year), month, int(day))
    except ValueError:
        return None
    return PartialDate(int(year), month, int(day))


_NAME_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")


def name_date(name: str) -> PartialDate | None:
    """A calendar day written in a file's name (``ap-2026-02-23-qasrak.txt``)."""
    for match in _NAME_DAY.finditer(name):
        try:
            return PartialDate.from_date(dt.date(*(int(p) for p in match.groups())))
        except ValueError:
            continue
    return None


def stated_date(value: str) -> PartialDate | None:
    """A date as a format or page metadata states it.

    An ISO day is taken as written, before any time-zone arithmetic; anything
    else goes to ``parse_date``.
    """
    iso = _ISO_DAY.match(value.strip())
    if iso:
        try:
            return PartialDate.from_date(dt.date(*(int(p) for p in iso.groups())))
        except ValueError:
            return None
    return parse_date(value.strip()) if value.strip() else None
