"""``date:`` filters: checked here, then handed to Whoosh's range syntax.

Accepted: ``date:2025``, ``date:2025-03``, ``date:2025-03-15``; ranges
``date:2024-12..2025-01`` (either end may be left open: ``date:2025-01..``) and
Whoosh's own form ``date:[2024-12 TO 2025-01]`` (``to`` in any case). A month or
year at the end of a range includes all of it. A value that is not such a date,
or a range that ends before it starts, is an ``InvalidDateQuery`` naming it.
"""

from __future__ import annotations

import datetime as dt
import re

from archive.date_bounds import NotADate, canonical, date_bounds
from index.errors import InvalidDateQuery, SearchQueryError

_DATE_FILTER = re.compile(r"(?:^|(?<=[\s(]))(-?)date:(\[[^\]]*\]?|\{[^}]*\}?|[^\s()]*)")
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
    return canonical(endpoint)


def _bounds(value: str, endpoint: str) -> tuple[dt.date, dt.date]:
    """The first and last day ``endpoint`` can mean."""
    try:
        return date_bounds(endpoint)
    except NotADate as error:
        hint = f"; {FORMS}" if error.unreadable else ""
        raise InvalidDateQuery(value, error.reason + hint) from None
