"""``date:`` filters: checked here, then handed to Whoosh's range syntax.

Accepted: ``date:2025``, ``date:2025-03``, ``date:2025-03-15``; ranges
``date:2024-12..2025-01`` (either end may be left open: ``date:2025-01..``) and
Whoosh's own form ``date:[2024-12 TO 2025-01]`` (``to`` in any case). A month or
year at the end of a range includes all of it. A value that is not such a date,
or a range that ends before it starts, is an ``InvalidDateQuery`` naming it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from index.errors import InvalidDateQuery, SearchQueryError

_DATE_FILTER = re.compile(r"(?:^|(?<=[\s(]))(-?)date:(\[[^\]]*\]?|\{[^}]*\}?|[^\s()]*)")
_ENDPOINT = re.compile(r"(\d{4})(?:-?(\d{1,2})(?:-?(\d{1,2}))?)?")
_TO = re.compile(r"\s+to\s+|^to\s+|\s+to$|^to$", re.IGNORECASE)
FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 2024-12..2025-01"


def rewrite_dates(text: str) -> tuple[str, list[SearchQueryError]]:
    """``text`` with every ``date:`` value in Whoosh's syntax, and any problems."""
    problems: list[SearchQueryError] = []

    def rewrite(match: re.Match[str]) -> str:
        try:
            return match.group(1) + "date:" + _whoosh_form(match.group(2))
        except InvalidDateQuery as error:
            problems.append(error)
            return ""

    return _DATE_FILTER.sub(rewrite, text), problems


def _whoosh_form(value: str) -> str:
    if not value:
        raise InvalidDateQuery(value, f"no date given; {FORMS}")
    if value[0] in "[{":
        start, end = _bracketed(value)
    elif ".." in value:
        start, end = value.split("..", 1)
    else:
        return _canonical(value, value)
    if not start and not end:
        raise InvalidDateQuery(value, f"a range needs at least one end; {FORMS}")
    first = _bounds(value, start)[0] if start else None
    last = _bounds(value, end)[1] if end else None
    if first and last and first > last:
        raise InvalidDateQuery(value, "the range ends before it starts")
    opening, closing = ("{", "}") if value[0] == "{" else ("[", "]")
    ends = [_canonical(value, start) if start else "", "TO"]
    ends.append(_canonical(value, end) if end else "")
    return opening + " ".join(part for part in ends if part) + closing


def _bracketed(value: str) -> tuple[str, str]:
    if value[-1] not in "]}":
        raise InvalidDateQuery(value, "the range has no closing bracket")
    parts = _TO.split(value[1:-1].strip(), maxsplit=1)
    if len(parts) != 2:
        raise InvalidDateQuery(value, f"write a range as [START TO END]; {FORMS}")
    return parts[0].strip(), parts[1].strip()


def _canonical(value: str, endpoint: str) -> str:
    """The endpoint as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, once it is valid."""
    _bounds(value, endpoint)
    year, month, day = _ENDPOINT.fullmatch(endpoint).groups()
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)


def _bounds(value: str, endpoint: str) -> tuple[dt.date, dt.date]:
    """The first and last day ``endpoint`` can mean."""
    match = _ENDPOINT.fullmatch(endpoint.strip())
    if match is None:
        raise InvalidDateQuery(value, f"{endpoint!r} is not a date; {FORMS}")
    year, month, day = (int(p) if p else None for p in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise InvalidDateQuery(value, f"{endpoint!r} has no month {month}")
    try:
        if day is not None:
            exact = dt.date(year, month, day)
            return exact, exact
    except ValueError:
        raise InvalidDateQuery(
            value, f"{endpoint!r} is not a day of the calendar"
        ) from None
    if month is not None:
        last_day = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last_day)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
