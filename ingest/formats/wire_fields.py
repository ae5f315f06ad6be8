"""What the agency formats share: compact ISO dates, bylines, 8-bit wire text."""

from __future__ import annotations

import re

_COMPACT = re.compile(
    r"^(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?(?:[.,]\d+)?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?$"
)
_BY = re.compile(r"^\s*by[:\s]\s*", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|\band\b|&|;)\s*", re.IGNORECASE)


def iso_date(value: str | None) -> str | None:
    """ "20151210T191044Z" -> "2015-12-10T19:10:44Z"; other values as written."""
    if value is None or not value.strip():
        return None
    match = _COMPACT.match(value.strip())
    if match is None:
        return value.strip()
    day = f"{match['y']}-{match['m']}-{match['d']}"
    if match["H"] is None:
        return day
    zone = match["zone"] or ""
    if len(zone) == 5:  # "+0000" -> "+00:00"
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{match['H']}:{match['M']}:{match['S'] or '00'}{zone}"


def byline_authors(byline: str | None, *not_names: str | None) -> tuple[str, ...]:
    """The names in "By PAUL BYRNE and ALMUDENA CALATRAVA", without ``not_names``.

    ``not_names`` are what the same file states as the agency or the writer's
    title, so "By David Hume, Reuters" with agency "Reuters" gives one name.
    """
    if not byline:
        return ()
    skip = {name.casefold() for name in not_names if name}
    names = _NAME_SEPARATOR.split(_BY.sub("", byline.strip()).rstrip("=.").strip())
    return tuple(n for n in names if n and n.casefold() not in skip)


def wire_text(data: bytes) -> str:
    """A wire file's text: UTF-8, or else Latin-1 (old feeds are 7- or 8-bit)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
