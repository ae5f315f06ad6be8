"""ANPA-1312 wire transmissions: W08 (golden from MANIFEST.md) and one more."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, PartialDate, parse_path
from ingest.loader import load, load_bytes
from ingest.sentences import sentence_spans

FIXTURES = Path(__file__).parents[2] / "fixtures"
W08 = FIXTURES / "corpus" / "W08_ap_anpa1312_2017-05-09_beijing_china_lawyer_family.tst"
CANCER = FIXTURES / "anpa" / "ap-anpa-2013-11-13-buenos-aires-cancer-beauty.tst"


def first_sentence(document) -> str:
    text = document.passages[0].text
    start, end = sentence_spans(text)[0]
    return text[start:end]


@pytest.fixture(scope="module")
def story():
    return parse_path(W08)


def texts(document) -> list[str]:
    return [passage.text for passage in document.passages]


def test_ap_transmission_fields(story) -> None:
    assert load(W08).format == "anpa"
    assert story.kind == "wire"
    assert story.agency == "AP"
    assert story.dateline == "BEIJING"  # "BEIJING (AP) _"
    assert story.date == PartialDate(2017, 5, 9)  # trailer AP-WF-05-09-17
    assert story.authors == ("Gerry Shih",)  # "By GERRY SHIH=" / "Associated Press="
    assert story.title == "AP Exclusive: China lawyer's family says US helped them flee"
    assert first_sentence(story) == (
        "Stuck in a Bangkok jail with a deportation order against her, Chen Guiqiu "
        "waited with dread over what seemed certain to come next."
    )


def test_header_lines_trailer_and_rules_are_not_story_text(story) -> None:
    joined = "\n".join(texts(story))
    for leftover in ("AP Photo", "Eds:", "BC-AS", "___", "AP-WF", "GMT", "\x03"):
        assert leftover not in joined
    assert len(texts(story)) == 24  # 26 indented lines, less "___" and the credit
    assert story.credits == (
        "AP writers Gillian Wong in Beijing, Matthew Pennington in Washington and "
        "Grant Peck in Bangkok contributed to this report.",
    )


def test_typewriter_quotes_and_dashes_are_undone(story) -> None:
    assert texts(story)[2] == (
        "After weeks on the run, Chen was exhausted, and so was her luck. A "
        "Christian, she prayed: “Don't desert us now, not like this.”"
    )
    assert "charge of inciting subversion — and where" in texts(story)[1]


def test_fields_as_the_transmission_states_them() -> None:
    fields = load(W08).fields
    assert fields.date == "2017-05-09T00:56:00Z"
    assert fields.agency == "AP"
    assert fields.authors == ("GERRY SHIH",)


def test_two_writers_and_a_country_in_the_dateline() -> None:
    document = parse_path(CANCER)
    assert document.agency == "AP"
    assert document.dateline == "BUENOS AIRES, Argentina"
    assert document.date == PartialDate(2013, 11, 13)
    assert document.authors == ("Paul Byrne", "Almudena Calatrava")
    assert document.title == "For Argentine chemo patients, mirrors can hurt"
    assert first_sentence(document) == (
        "For cancer patients dealing with the physical and psychological trauma of "
        "the disease, even looking in the mirror can be difficult."
    )
    assert document.credits == (
        "APTN contributor Kacey Cherry in Buenos Aires helped with this story.",
    )


def transmission(*lines: str) -> bytes:
    text = "\x16\x16\x01W2346\x1fasian\nr i\x13\x11 BC-AS--Test   05-09 0120\r\n\x02"
    text += "\r\n".join(lines) + "\r\n\x03AP-WF-05-09-17 0056GMT<\r\n\x04"
    return text.encode("ascii")


def test_format_lines_in_the_text_are_subheads_and_end_ends_it() -> None:
    source = load_bytes(
        "standings.tst",
        transmission(
            "^BC-BBO--Standings<",
            "^Baseball Standings<",
            "\t   Boston leads the division.",
            "^NATIONAL LEAGUE=",
            "\t   Washington leads the East.",
            "^END<",
            "\t   (Not part of the story.)",
        ),
    )
    assert [(b.kind, b.text) for b in source.blocks] == [
        ("paragraph", "Boston leads the division."),
        ("heading", "NATIONAL LEAGUE"),
        ("paragraph", "Washington leads the East."),
    ]
    assert source.fields.title == "Baseball Standings"


def test_a_list_of_headlines_is_read_as_its_lines() -> None:
    source = load_bytes(
        "headlines.tst",
        transmission(
            "^AP-Top-Headlines,0176<",
            "^AP Top News at 11:23 p.m. EST<",
            "^Judge to decide retrial",
            "^Storm hits the coast",
        ),
    )
    assert source.fields.title == "AP Top News at 11:23 p.m. EST"
    assert [b.text for b in source.blocks] == [
        "Judge to decide retrial",
        "Storm hits the coast",
    ]


def test_several_transmissions_in_one_file_are_refused() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("feed.tst", W08.read_bytes() + CANCER.read_bytes())
    assert caught.value.reason == (
        "holds 2 ANPA transmissions; the archive keeps one story per file, so "
        "split it at each SOH"
    )


def test_a_transmission_without_text_is_refused() -> None:
    data = W08.read_bytes()
    header = data[: data.index(b"\x02")]
    with pytest.raises(ParseError) as caught:
        load_bytes("header.tst", header)
    assert caught.value.reason == "is not an ANPA-1312 transmission: it has no STX"
    with pytest.raises(ParseError) as caught:
        load_bytes("empty.tst", header + b"\x02^BC-Slug<\r\n\x03AP-WF-05-09-17\x04")
    assert caught.value.reason == "is an ANPA-1312 transmission with no story text"


def test_an_eight_bit_transmission_is_read_as_latin1() -> None:
    data = transmission("^BC-Slug<", "\t   Caf\\xe9 owners met.").replace(
        b"\\xe9", b"\xe9"
    )
    assert load_bytes("cafe.tst", data).blocks[0].text == "Café owners met."
