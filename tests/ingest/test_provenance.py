"""Provenance: the original's address from ``--url``, a date from the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseOptions, PartialDate, parse_path
from ingest.dates import name_date

FIXTURES = Path(__file__).parent.parent / "fixtures"
AP = (
    Path(__file__).parents[2]
    / "archive"
    / "samples"
    / "ap-2026-02-23-us-forces-qasrak.txt"
)
NYT = (
    FIXTURES
    / "corpus"
    / "H04_news_html_NYT_US_to_lift_Sudan_sanctions_readability_nytimes-1.html"
)
NYT_URL = "https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("ap-2026-02-23-us-forces-qasrak.txt", PartialDate(2026, 2, 23)),
        ("report_2025_03_15.pdf", PartialDate(2025, 3, 15)),
        ("gao-20250315.pdf", PartialDate(2025, 3, 15)),
        ("story-2026-13-45.txt", None),  # no month 13
        ("GAO-23-106826.pdf", None),  # a report number, not a day
        ("story.txt", None),
    ],
)
def test_a_day_in_a_files_name(name: str, date: PartialDate | None) -> None:
    assert name_date(name) == date


def test_an_undated_story_is_dated_from_its_name_with_a_warning() -> None:
    parsed = parse_path(AP)
    assert parsed.date == PartialDate(2026, 2, 23)
    assert parsed.warnings[-1] == (
        "no date in the file; 2026-02-23 is taken from its name "
        "'ap-2026-02-23-us-forces-qasrak.txt'"
    )
    assert not any(w.endswith("stored as undated") for w in parsed.warnings)


def test_the_same_story_without_a_date_in_its_name_is_undated(tmp_path) -> None:
    story = tmp_path / "ap-us-forces-qasrak.txt"
    story.write_bytes(AP.read_bytes())
    parsed = parse_path(story)
    assert parsed.date is None
    assert "no publication date found; stored as undated" in parsed.warnings


def test_a_date_the_file_states_outranks_its_name(tmp_path) -> None:
    copy = tmp_path / "nyt-1999-01-01-sudan.html"
    copy.write_bytes(NYT.read_bytes())
    parsed = parse_path(copy)
    assert parsed.date == PartialDate(2017, 1, 13)
    assert not any("taken from its name" in w for w in parsed.warnings)


def test_url_option_gives_the_original_of_a_file_that_states_none() -> None:
    url = "https://apnews.com/article/syria-us-troops-qasrak"
    parsed = parse_path(AP, ParseOptions(url=url))
    assert parsed.url == url


def test_a_url_the_file_states_outranks_the_option_with_a_warning() -> None:
    parsed = parse_path(NYT, ParseOptions(url="https://example.org/elsewhere"))
    assert parsed.url == NYT_URL
    assert parsed.warnings[-1] == (
        f"--url differs from the address the file states ({NYT_URL}); kept the file's"
    )
