"""Dates as citations write them: the common forms are read without the general
parser, and read exactly as it reads them."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil import parser

from ingest import dates
from ingest.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19 December 2024", "2024-12-19"),
        ("Sept. 22, 2020", "2020-09-22"),
        ("Jan. 17, 2018", "2018-01-17"),
        ("March 2025", "2025-03"),
        ("2024", "2024"),
        ("5 Mar. 2008", "2008-03-05"),
    ],
)
def test_common_citation_dates_keep_their_precision(text: str, expected: str) -> None:
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize(
    "text",
    ["31 September 2024", "Febr 3, 2020", "30 Feb 2024", "Mayo 2020", "12 Jun 1999"],
)
def test_the_quick_path_agrees_with_the_general_parser(text: str) -> None:
    """GIVEN a date the quick path reads
    THEN it reads it as dateutil does (each part that two defaults agree on)."""
    quick = dates._common_date(text)
    if quick is None:
        return  # left to the general parser
    first, second = (
        parser.parse(text, default=dt.datetime(*d))
        for d in ((1, 1, 1), (2, 2, 2))  # noqa: DTZ001
    )
    assert (first.year, first.month, first.day) == (
        quick.year,
        quick.month if first.month == second.month else None,
        quick.day if first.day == second.day else None,
    )
