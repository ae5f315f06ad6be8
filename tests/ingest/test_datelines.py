"""Datelines as agencies write them, and the end matter around agency copy."""

from __future__ import annotations

import pytest

from ingest.boilerplate import split_block
from ingest.datelines import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "date", "agency", "rest"),
    [
        ("WASHINGTON, March 3 - The U.S. is", "WASHINGTON", "March 3", None, "The"),
        ("BEIJING (AP) _ Stuck in a", "BEIJING", None, "AP", "Stuck"),
        (
            "STOCKHOLM, Aug 29, 2014 (AFP) - A Chinese-owned",
            "STOCKHOLM",
            "Aug 29, 2014",
            "AFP",
            "A",
        ),
        ("NEW YORK (AP) -- The gas", "NEW YORK", None, "AP", "The"),
        ("NEW YORK (AP) — The gas", "NEW YORK", None, "AP", "The"),
        (
            "BUENOS AIRES, Argentina (AP) _ For cancer",
            "BUENOS AIRES, Argentina",
            None,
            "AP",
            "For",
        ),
        (
            "Tegucigalpa, Jan 2 (EFE).- The president",
            "Tegucigalpa",
            "Jan 2",
            "EFE",
            "The",
        ),
    ],
)
def test_dateline_forms(text, place, date, agency, rest) -> None:
    dateline = find_dateline(text)
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)
    assert text[dateline.end :].split()[0] == rest


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. is sticking to its policy",
        "Helsinki - the parliament voted",  # mixed case needs an agency in the text
        "WASHINGTON_ANALYSTS said",  # an underscore glued to a word is no dash
        "2014-07-16 15:53:10 GMT+00:00 -",  # a timestamp is no place
    ],
)
def test_no_dateline(text) -> None:
    assert find_dateline(text) is None


def test_a_dateline_stated_in_a_field_may_be_mixed_case() -> None:
    assert find_dateline("Helsinki -", stated=True).place == "Helsinki"
    assert find_dateline("4/4/2018 -", stated=True) is None
    assert find_dateline("2014-07-16 15:53:10 GMT+00:00 -", stated=True) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("___", "chrome"),
        ("* * *", "chrome"),
        (
            "Bernard Condon can be reached at http://twitter.com/BernardFCondon . "
            "His work can be found at http://www.bigstory.ap.org/content/x .",
            "chrome",
        ),
        ("hh/ph/ts/hd", "chrome"),
        (
            "(Additional reporting by Sylvia Westall in Beirut; Editing by Peter "
            "Graff)",
            "credit",
        ),
        (
            "APTN contributor Kacey Cherry in Buenos Aires helped with this story.",
            "credit",
        ),
    ],
)
def test_agency_end_matter_is_recognised(text, kind) -> None:
    split = split_block(text)
    assert split.rest == ""
    assert [piece.kind for piece in split.pieces] == [kind]


def test_story_sentences_are_not_end_matter() -> None:
    for text in (
        "Roeslein figures he can generate $7 million a year.",
        "Roeslein can be reached only through his company, he says.",
        "Fu said the family is on its way to Texas.",
    ):
        split = split_block(text)
        assert (split.pieces, split.rest) == ((), text)
