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
