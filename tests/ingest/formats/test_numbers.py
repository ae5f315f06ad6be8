"""Numbers as Word and Writer show them, and a bound on repeated letters."""

from __future__ import annotations

import pytest

from ingest.formats.numbers import number_label


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (6, "chicago", "††"),
        (7, "decimalZero", "07"),
        (12, "ordinal", "12"),
    ],
)
def test_number_formats(number: int, fmt: str, shown: str) -> None:
    assert number_label(number, fmt) == shown


def test_huge_start_value_is_written_in_digits_not_a_million_letters() -> None:
    assert number_label(999_999_999, "lowerLetter") == "999999999"
    assert number_label(999_999_999, "chicago") == "999999999"
    assert number_label(999_999_999, "upperRoman") == "999999999"
