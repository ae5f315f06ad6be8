"""A citation read with little confidence is shown as uncertain, never as a reading.

The archive holds a report stored through the real write path, with one note
read surely and one read with confidence 0.3: its page and its API response
mark the second as uncertain beside the note as written, and the outlet
rankings leave it out and say so.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from archive import store
from ingest import (
    ParsedCitation,
    ParsedClaim,
    ParsedDocument,
    ParsedFootnote,
    ParsedMarker,
    ParsedPassage,
    PartialDate,
)
from tests.references_readers import read_ris
from tests.web.conftest import build_archive, close_app, make_app, words

SURE = ParsedCitation(
    text="Human Rights Watch, Syria: detention, 2 May 2024, url",
    outlet="Human Rights Watch",
    outlet_slug="hrw",
    title="Syria: detention",
    date=PartialDate(2024, 5, 2),
    authors=("Lama Fakih",),
    accessed=PartialDate(2024, 6, 4),
    kind="report",
    style="euaa",
    confidence=0.9,
)
UNSURE = ParsedCitation(
    text="SOHR Clashes 3 3 March in Raqqa countryside see also",
    outlet="SOHR",
    outlet_slug="sohr",
    title="Clashes 3 3 March",
    kind="other",
    style="chicago",
    confidence=0.3,
)
TEXT = "Fighting resumed near Raqqa in March."


def _report() -> ParsedDocument:
    claim = ParsedClaim(
        TEXT, 0, len(TEXT), markers=(ParsedMarker("1", 20), ParsedMarker("2", 36))
    )
    return ParsedDocument(
        kind="report",
        path="reports/raqqa.md",
        checksum="uncertain-report",
        source_format="markdown",
        title="Raqqa in March",
        passages=(ParsedPassage("paragraph", TEXT, claims=(claim,)),),
        date=PartialDate(2025, 4),
        footnotes=(
            ParsedFootnote("1", SURE.text, (SURE,)),
            ParsedFootnote("2", UNSURE.text, (UNSURE,)),
        ),
    )


@pytest.fixture(scope="module")
def uncertain_app(tmp_path_factory) -> Iterator[Flask]:
    data_dir = tmp_path_factory.mktemp("uncertain")
    build_archive(data_dir, [], extra=lambda sessions: store(sessions, _report()))
    app = make_app(data_dir)
    yield app
    close_app(app)


def _document_id(client) -> int:
    (found,) = client.get("/api/documents").get_json()["documents"]
    return found["id"]


def test_uncertain_reading_is_marked_beside_the_note_as_written(uncertain_app) -> None:
    client = uncertain_app.test_client()
    page = BeautifulSoup(
        client.get(f"/documents/{_document_id(client)}").get_data(as_text=True),
        "html.parser",
    )
    (unsure,) = page.select("li.citation-uncertain")
    assert words(unsure.select_one(".badge-uncertain")) == "uncertain reading"
    assert words(unsure.select_one("div.as-written")) == f"As written: {UNSURE.text}"
    (sure,) = [li for li in page.select("li.citation") if li is not unsure]
    assert words(sure.select_one(".authors")) == "Lama Fakih"
    assert sure.select_one(".accessed time")["datetime"] == "2024-06-04"
    assert words(sure.select_one(".citation-kind")) == "report"
    assert sure.select_one(".badge-uncertain") is None


def test_api_says_which_readings_are_uncertain(uncertain_app) -> None:
    client = uncertain_app.test_client()
    document = client.get(f"/api/documents/{_document_id(client)}").get_json()
    readings = [
        (c["style"], c["confidence"], c["uncertain"], c["authors"], c["accessed"])
        for note in document["footnotes"]
        for c in note["citations"]
    ]
    assert readings == [
        ("euaa", 0.9, False, ["Lama Fakih"], "2024-06-04"),
        ("chicago", 0.3, True, [], None),
    ]
    sure, unsure = (note["citations"][0] for note in document["footnotes"])
    assert sure["work_id"] is not None
    assert unsure["work_id"] is None  # a doubtful reading makes no cited work


def test_outlet_ranking_leaves_out_uncertain_readings_and_says_so(
    uncertain_app,
) -> None:
    client = uncertain_app.test_client()
    ranking = client.get("/api/outlets").get_json()
    assert [c["outlet"]["slug"] for c in ranking["ranking"]] == ["hrw"]
    assert (ranking["citations"], ranking["uncertain"]) == (1, 1)
    page = BeautifulSoup(client.get("/outlets").get_data(as_text=True), "html.parser")
    assert words(page.select_one("p.left-out")) == (
        "1 citation left out as uncertain readings (confidence below 0.5)."
    )


def test_exports_and_quotes_give_an_uncertain_reading_as_written(
    uncertain_app,
) -> None:
    """GIVEN a claim citing a sure reading and one read with confidence 0.3
    WHEN its works are exported and its quote is copied
    THEN the sure one keeps its fields, the unsure one its words as written."""
    client = uncertain_app.test_client()
    document_id = _document_id(client)
    document = client.get(f"/api/documents/{document_id}").get_json()
    claim_id = document["passages"][0]["claims"][0]["id"]
    sure, unsure, source = read_ris(
        client.get(f"/api/claims/{claim_id}?format=ris").get_data(as_text=True)
    )
    assert (sure["type_of_reference"], sure["title"]) == ("RPRT", "Syria: detention")
    assert sure["authors"] == ["Fakih, Lama"]
    assert sure["access_date"] == "2024/06/04/"
    assert (unsure["type_of_reference"], unsure["title"]) == ("GEN", UNSURE.text)
    assert "authors" not in unsure and "date" not in unsure
    assert unsure["notes"] == [
        "The citation as the footnote writes it: it could not be read into fields."
    ]
    assert source["id"] == f"doc-{document_id}"
    page = BeautifulSoup(
        client.get(f"/documents/{document_id}").get_data(as_text=True),
        "html.parser",
    )
    quote = page.select_one("span.claim button.copy-quote")["data-quote"]
    assert quote.split("\n")[1:3] == [
        "Footnote 1: Human Rights Watch, “Syria: detention”, 2 May 2024",
        f"Footnote 2: {UNSURE.text}",
    ]
