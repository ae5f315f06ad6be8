"""NewsML-G2 (W05) and NewsML 1.2 (W07), golden from MANIFEST.md; two more agencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, PartialDate, parse_path
from ingest.loader import load, load_bytes
from ingest.options import ParseOptions
from ingest.registry import parse_source
from ingest.sentences import sentence_spans

FIXTURES = Path(__file__).parents[2] / "fixtures"
W05 = (
    FIXTURES / "corpus" / "W05_reuters_newsmlg2_2014-07-16_damascus_assad_new_term.xml"
)
W07 = FIXTURES / "corpus" / "W07_afp_newsml12_2014-08-29_stockholm_saab.xml"
DPA = FIXTURES / "newsml" / "dpa-newsmlg2-2022-10-11-london-eintracht.xml"
ANA = FIXTURES / "newsml" / "ana-mpe-newsml12-2018-04-04-wage-employment.xml"
AFP_FR = (
    FIXTURES / "newsml" / "afp-newsml12-2024-07-10-strasbourg-utf8-declared-latin1.xml"
)
G2 = "http://iptc.org/std/nar/2006-10-01/"


def first_sentence(document) -> str:
    text = document.passages[0].text
    start, end = sentence_spans(text)[0]
    return text[start:end]


def texts(document) -> list[str]:
    return [passage.text for passage in document.passages]


def g2_item(content_meta: str, body: str) -> str:
    return (
        f'<newsItem xmlns="{G2}"><itemMeta><itemClass qcode="ninat:text"/>'
        "<firstCreated>2014-07-16T08:10:15Z</firstCreated></itemMeta>"
        f"<contentMeta>{content_meta}</contentMeta><contentSet>"
        '<inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'
        "</inlineXML></contentSet></newsItem>"
    )


def parse_bytes(name: str, data: bytes):
    return parse_source(load_bytes(name, data), ParseOptions())


# --- W05 Reuters NewsML-G2 ------------------------------------------------------


@pytest.fixture(scope="module")
def reuters():
    return parse_path(W05)


def test_reuters_g2_story_fields(reuters) -> None:
    assert load(W05).format == "newsml-g2"
    assert reuters.kind == "wire"
    assert reuters.agency == "Reuters"
    assert reuters.dateline == "DAMASCUS"  # the text's, not <located> Bangalore
    assert reuters.date == PartialDate(2014, 7, 16)
    assert reuters.authors == ("Marwan Makdisi",)
    assert reuters.title == "Confident Assad launches new term in stronger position"
    assert first_sentence(reuters) == (
        "Bashar al-Assad was sworn in for a new term as Syria's president on "
        "Wednesday, after an election which his opponents dismiss as a sham but "
        'which he said proved he had achieved victory after a "dirty war" to unseat '
        "him."
    )


def test_reuters_g2_byline_and_credits_are_not_story_text(reuters) -> None:
    assert "By Marwan Makdisi" not in texts(reuters)
    assert not any("Additional reporting" in text for text in texts(reuters))
    assert reuters.credits == (
        "Additional reporting by Sylvia Westall, Laila Bassam, Oliver Holmes, "
        "Mariam Karouny and Tom Perry in Beirut; Editing by Peter Graff",
    )
    assert texts(reuters)[-1].endswith(
        "Official returns gave him 88.7 percent of the vote."
    )


def test_g2_fields_keep_the_timestamp_dateline_as_written() -> None:
    fields = load(W05).fields
    assert fields.date == "2014-07-16T08:10:15Z"  # firstCreated, not versionCreated
    assert fields.dateline == "2014-07-16 15:53:10 GMT+00:00"
    assert fields.agency == "Reuters"
    assert fields.language == "en-US"


def test_timestamp_dateline_and_desk_location_never_become_the_dateline() -> None:
    # Reuters fills <dateline> with a time and <located> with the editing desk:
    # with no dateline in the text, the story has none rather than a wrong one.
    data = g2_item(
        "<located><name>Bangalore</name></located><headline>Assad sworn in</headline>"
        "<dateline>2014-07-16 15:53:10 GMT+00:00</dateline>"
        "<creditline>Reuters</creditline>",
        "<p>Bashar al-Assad was sworn in for a new term on Wednesday.</p>",
    )
    document = parse_bytes("item.xml", data.encode())
    assert document.dateline is None
    assert document.agency == "Reuters"


def test_a_place_in_the_dateline_field_serves_when_the_text_has_none() -> None:
    data = g2_item(
        "<headline>Parliament passes the law</headline><dateline>Helsinki</dateline>"
        "<creditline>Reuters</creditline>",
        "<p>The parliament passed the law by 124 votes to 65.</p>",
    )
    assert parse_bytes("item.xml", data.encode()).dateline == "Helsinki"


def test_a_message_of_several_stories_is_refused() -> None:
    item = g2_item("<headline>One</headline>", "<p>Text.</p>")
    data = f'<newsMessage xmlns="{G2}"><itemSet>{item}{item}</itemSet></newsMessage>'
    with pytest.raises(ParseError) as caught:
        load_bytes("message.xml", data.encode())
    assert caught.value.reason == (
        "holds 2 news stories; the archive keeps one story per file, so split the "
        "message into one file per newsItem"
    )


def test_a_package_of_references_is_refused() -> None:
    data = (
        f'<packageItem xmlns="{G2}"><groupSet><group>'
        '<itemRef residref="a"/><itemRef residref="b"/></group></groupSet>'
        "</packageItem>"
    )
    with pytest.raises(ParseError) as caught:
        load_bytes("package.xml", data.encode())
    assert caught.value.reason == (
        "is a NewsML-G2 message with no story text inline (it lists 2 items "
        "stored elsewhere)"
    )


def test_g2_entity_declarations_are_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY a "aaaa">]>'
        + g2_item("", "<p>&a;</p>").encode()
    )
    with pytest.raises(ParseError) as caught:
        load_bytes("bomb.xml", data)
    assert "billion laughs" in caught.value.reason


# --- W07 AFP NewsML 1.2 ---------------------------------------------------------


@pytest.fixture(scope="module")
def afp():
    return parse_path(W07)


def test_afp_newsml1_story_fields(afp) -> None:
    assert load(W07).format == "newsml-1"
    assert afp.kind == "wire"
    assert afp.agency == "AFP"
    assert afp.dateline == "STOCKHOLM"  # from <DateLine>: the body has none
    assert afp.date == PartialDate(2014, 8, 29)
    assert afp.authors == ()
    assert afp.title == "Sweden court accepts receivership for Saab carmaker"
    assert first_sentence(afp) == (
        "A Chinese-owned company set up to take over Saab's assets after the "
        "troubled Swedish carmaker's bankruptcy said on Friday it had succeeded in "
        "being placed in receivership."
    )


def test_afp_staff_initials_are_not_story_text(afp) -> None:
    assert len(texts(afp)) == 9
    assert "hh/ph/ts/hd" not in texts(afp)
    assert afp.warnings == ()


# --- more agencies: dpa (G2, XHTML body), ANA-MPA (NewsML 1.2, HTML in CDATA) ---


def test_dpa_g2_story_with_an_xhtml_header() -> None:
    document = parse_path(DPA)
    assert document.kind == "wire"
    assert document.agency == "dpa"
    assert document.dateline == "London"
    assert document.date == PartialDate(2022, 10, 11)
    assert document.authors == ()  # <creator> is a login, not a byline
    assert document.title == (
        "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter"
    )
    assert len(texts(document)) == 3  # the header's slugline, time and h1 are not
    assert first_sentence(document) == (
        "2019 gab es bittere Tränen in der Kurve, 2022 erst mächtig Wut auf "
        "englische Fans und eine Woche später ausgelassenen Jubel: Für Eintracht "
        "Frankfurt ist London in den vergangenen Jahren zu einem "
        "Standard-Reiseziel im europäischen Fußball-Wettbewerb geworden."
    )


def test_ana_newsml1_story_with_an_html_body_and_a_date_for_dateline() -> None:
    document = parse_path(ANA)
    assert document.kind == "wire"
    assert document.agency == "ΑΠΕ-ΜΠΕ"
    assert document.dateline is None  # <DateLine>4/4/2018</DateLine> is no place
    assert document.date == PartialDate(2018, 4, 4)
    assert document.title == "Wage employment balance positive in Jan-March"
    assert len(texts(document)) == 3  # the copyright paragraph is not story text
    assert first_sentence(document) == (
        "Wage employment in the private sector grew in March, recording the best "
        "performance since 2001, the Labour ministry said in a report released on "
        "Wednesday."
    )


def test_utf8_declared_as_latin1_is_read_as_utf8() -> None:
    document = parse_path(AFP_FR)
    assert document.agency == "AFP"
    assert document.date == PartialDate(2024, 7, 10)
    assert document.title == (
        "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée"
    )
    assert texts(document)[-1] == "L'opératrice, Corinne M."
    assert load(AFP_FR).fields.language == "fr"


def test_real_latin1_stays_latin1() -> None:
    data = W07.read_bytes().replace(b"utf-8", b"iso-8859-1")
    data = data.replace(b"Vaenersborg", b"V\xe4nersborg")
    source = load_bytes("afp.xml", data)
    assert "Vänersborg" in source.blocks[2].text


def test_newsml1_file_of_several_stories_is_refused() -> None:
    data = W07.read_bytes().replace(b"</NewsML>", b"")
    item = data[data.index(b"<NewsItem") : data.rindex(b"</NewsItem>") + 11]
    with pytest.raises(ParseError) as caught:
        load_bytes("two.xml", data + item + b"</NewsML>")
    assert caught.value.reason == (
        "holds 2 news stories; the archive keeps one story per file, so split it "
        "into one file per NewsItem"
    )


def test_newsml1_without_text_is_refused() -> None:
    data = b"<NewsML><NewsItem><NewsComponent><ContentItem><MediaType "
    data += b'FormalName="Photo"/></ContentItem></NewsComponent></NewsItem></NewsML>'
    with pytest.raises(ParseError) as caught:
        load_bytes("photo.xml", data)
    assert caught.value.reason == "is a NewsML file with no text ContentItem"
