"""NITF stories: W06 of the corpus (golden from MANIFEST.md), field rules, bad XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, PartialDate, parse_path
from ingest.loader import load, load_bytes
from ingest.sentences import sentence_spans

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
W06 = CORPUS / "W06_ap_nitf_2015-12-10_new_york_pollution_trading.xml"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>
"""


def nitf(body_head: str = "", content: str = "<p>Text.</p>", head: str = "") -> bytes:
    return (
        f"<nitf><head>{head}</head><body><body.head>{body_head}</body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    ).encode()


@pytest.fixture(scope="module")
def story():
    return parse_path(W06)


def test_ap_story_fields(story) -> None:
    assert load(W06).format == "nitf"
    assert story.kind == "wire"
    assert story.agency == "AP"
    assert story.dateline == "NEW YORK"
    assert story.date == PartialDate(2015, 12, 10)
    assert story.authors == ("Bernard Condon",)
    assert story.title == "Can trading pollution like stocks help fight climate change?"
    assert story.warnings == ()


def test_ap_story_first_sentence_without_its_dateline(story) -> None:
    text = story.passages[0].text
    start, end = sentence_spans(text)[0]
    assert text[start:end] == (
        "The gas produced by hog manure at farms across the U.S. punches holes in "
        "the ozone layer, overheats the planet, and angers neighbors with its "
        "peculiar odor, a mix of rotten egg and ammonia."
    )


def test_ap_story_end_matter_is_not_story_text(story) -> None:
    texts = [passage.text for passage in story.passages]
    assert len(texts) == 26  # 28 <p>, less the "___" and the contact line
    assert texts[-1] == (
        '"It has to be profitable to be repeatable, for other people to follow '
        'this model," he says.'
    )
    assert not any("___" in t or "can be reached at" in t for t in texts)


def test_head_fields_as_the_format_states_them() -> None:
    fields = load(W06).fields
    assert fields.date == "2015-12-10T19:10:44Z"
    assert fields.agency == "The Associated Press"
    assert fields.authors == ("BERNARD CONDON",)  # without "AP Business Writer"
    assert fields.dateline == "NEW YORK"


def test_story_date_in_the_dateline_is_a_date_not_a_place() -> None:
    data = nitf(
        "<distributor>Agencia EFE</distributor><dateline>"
        '<story.date norm="20170102T222800+0000">20170102T222800+0000</story.date>'
        "</dateline>",
        "<p>The president announced changes to his Cabinet on Monday.</p>",
    )
    source = load_bytes("efe.xml", data)
    assert source.fields.dateline is None
    assert source.fields.date == "2017-01-02T22:28:00+00:00"


def test_location_in_the_dateline_serves_when_the_text_has_none() -> None:
    data = nitf(
        "<distributor>Agencia EFE</distributor>"
        "<dateline><location>Tegucigalpa</location></dateline>",
        "<p>The president announced changes to his Cabinet on Monday.</p>",
    )
    path = Path("efe.xml")
    document = _parse_bytes(path, data)
    assert document.dateline == "Tegucigalpa"
    assert document.agency == "EFE"


def test_staff_initials_in_the_byline_are_no_author() -> None:
    data = nitf(
        "<byline>gr/bp</byline><distributor>Agencia EFE</distributor>",
        "<p>Tegucigalpa, Jan 2 (EFE).- The president announced changes.</p>",
    )
    document = _parse_bytes(Path("efe.xml"), data)
    assert document.authors == ()
    assert document.dateline == "Tegucigalpa"
    assert document.passages[0].text == "The president announced changes."


def test_html_named_entities_are_read_without_the_dtd() -> None:
    data = nitf(content="<p>Prices rose&mdash;sharply&nbsp;today &amp; fell.</p>")
    assert (
        load_bytes("s.xml", data).blocks[0].text == "Prices rose—sharply today & fell."
    )


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("bomb.xml", BILLION_LAUGHS)
    assert caught.value.reason == (
        "declares the XML entity 'lol'; entities declared inside a document are "
        "refused, as they can expand without bound ('billion laughs')"
    )


def test_external_entity_is_refused_and_never_read() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("xxe.xml", EXTERNAL_ENTITY)
    assert caught.value.reason == (
        "declares an external XML entity 'secret' (file:///etc/passwd); the "
        "archive never reads other files or the network for a document"
    )


def test_broken_xml_names_the_place() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("broken.xml", b"<nitf><body><body.content><p>Text</body></nitf>")
    assert caught.value.reason == (
        "is not well-formed XML (mismatched tag at line 1, column 36)"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            W06.read_bytes()[:3000],
            "is not well-formed XML (unclosed token at line 32, column 155)",
        ),
        (
            W06.read_bytes().replace(b"Roeslein", b"R\xf6eslein", 1),
            "is not well-formed XML (invalid token, such as a byte that does not fit "
            "the declared encoding, at line 27, column 122)",
        ),
        (
            W06.read_bytes().replace(b'"utf-8"', b'"x-klingon"'),
            "declares an unknown encoding 'x-klingon'",
        ),
    ],
    ids=["cut off", "wrong encoding", "unknown encoding"],
)
def test_unreadable_nitf_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("story.xml", data)
    assert caught.value.reason == reason


def test_other_xml_named_nitf_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("feed.nitf", b"<rss><channel><title>News</title></channel></rss>")
    assert caught.value.reason == "is XML but not NITF: its root element is <rss>"


def test_utf16_nitf_is_read() -> None:
    text = '<?xml version="1.0" encoding="utf-16"?><nitf><body><body.content>'
    text += "<p>Prices rose in Malmö.</p></body.content></body></nitf>"
    source = load_bytes("story.xml", text.encode("utf-16"))
    assert source.format == "nitf"
    assert source.blocks[0].text == "Prices rose in Malmö."


def test_nitf_without_story_text_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        load_bytes("empty.xml", nitf(content=""))
    assert caught.value.reason == "is an NITF story with no text in its <body.content>"


def test_deep_nesting_is_read_without_recursion() -> None:
    depth = 50_000
    data = b"<nitf><body><body.content>" + b"<block>" * depth + b"<p>Deep.</p>"
    data += b"</block>" * depth + b"</body.content></body></nitf>"
    assert [b.text for b in load_bytes("deep.xml", data).blocks] == ["Deep."]


def _parse_bytes(path: Path, data: bytes):
    from ingest.options import ParseOptions
    from ingest.registry import parse_source

    return parse_source(load_bytes(str(path), data), ParseOptions())
