"""The one reader of date bounds (the site's from/to, the index's ``date:``) and the
one page count."""

from __future__ import annotations

import datetime as dt

import pytest

from archive import NotADate, date_bounds, page_count
from archive.date_bounds import canonical


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-2", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        (" 2025-03-15 ", dt.date(2025, 3, 15), dt.date(2025, 3, 15)),
        ("20250315", dt.date(2025, 3, 15), dt.date(2025, 3, 15)),
    ],
)
def test_a_bound_means_every_day_from_its_first_to_its_last(text, first, last) -> None:
    assert date_bounds(text) == (first, last)


@pytest.mark.parametrize(
    ("text", "reason", "unreadable"),
    [
        ("March", "'March' is not a date", True),
        ("0000", "'0000' is not a date", True),
        ("2025-13", "'2025-13' has no month 13", False),
        ("2025-00", "'2025-00' has no month 0", False),
        ("2025-02-30", "'2025-02-30' is not a day of the calendar", False),
    ],
)
def test_a_bad_bound_says_what_is_wrong(text, reason, unreadable) -> None:
    with pytest.raises(NotADate) as raised:
        date_bounds(text)
    assert (raised.value.reason, raised.value.unreadable) == (reason, unreadable)


def test_canonical_writes_months_and_days_with_two_digits() -> None:
    assert canonical("2025-3-5") == "2025-03-05"
    assert canonical("2025") == "2025"


@pytest.mark.parametrize(
    ("total", "per_page", "pages"), [(0, 10, 1), (1, 10, 1), (10, 10, 1), (11, 10, 2)]
)
def test_page_count_is_at_least_one(total, per_page, pages) -> None:
    assert page_count(total, per_page) == pages
