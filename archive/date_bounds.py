"""Dates as users write them in filters, read once for the site and the index.

``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the dashes may be left out) stands for
every day from the first to the last it can mean: ``2025`` is 1 January to 31
December 2025. The site's ``from``/``to`` arguments and the index's ``date:``
queries both read their dates here; each caller says in its own words where the
bad date was.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DATE_FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"(\d{4})(?:-?(\d{1,2})(?:-?(\d{1,2}))?)?")


class NotADate(ValueError):
    """``text`` is not a date bound; ``reason`` says why in plain words.

    ``unreadable``: the text is not of the form at all (callers add the forms
    they accept), rather than a month or a day the calendar lacks.
    """

    def __init__(self, text: str, reason: str, unreadable: bool = False) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason
        self.unreadable = unreadable


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day that ``text`` can mean."""
    match = _DATE.fullmatch(text.strip())
    year, month, day = (
        (int(part) if part else None for part in match.groups()) if match else (0,) * 3
    )
    if year < 1:  # not of the form, or year 0, which no calendar has
        raise NotADate(text, f"{text!r} is not a date", unreadable=True)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise NotADate(text, f"{text!r} has no month {month}")
    if day is None:
        last_day = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last_day)
    try:
        exact = dt.date(year, month, day)
    except ValueError:
        raise NotADate(text, f"{text!r} is not a day of the calendar") from None
    return exact, exact


def canonical(text: str) -> str:
    """A valid bound written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    date_bounds(text)
    year, month, day = _DATE.fullmatch(text.strip()).groups()
    return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])
