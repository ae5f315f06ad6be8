"""Non-answers on the sample stories, as a reader sees them: whom a story asked in
vain is listed under "Asked, no comment", and is the source of no claim."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import FIXTURES
from tests.web.conftest import build_archive, close_app, make_app, words


def asked(page) -> list[str]:
    return [words(li.select_one(".who")) for li in page.select("section.no-comment li")]


def test_story_page_lists_who_did_not_answer(soup, ids) -> None:
    reuters = soup(f"/documents/{ids['reuters']}")
    section = reuters.select_one("section.no-comment")
    assert words(section.select_one("h2")) == "Asked, no comment"
    assert asked(reuters) == [
        "U.S. military's Central Command (Centcom)",
        "Syrian defence ministry",
        "SDF",
    ]
    (first, *_) = section.select("li .as-written")
    assert "did not immediately respond to an emailed request for comment" in words(
        first
    )
    ap = soup(f"/documents/{ids['ap']}")
    assert asked(ap) == [
        "U.S. military’s Central Command",
        "Kurdish-led Syrian Democratic Forces",
    ]


def test_no_claim_cites_a_source_for_not_answering(soup, ids) -> None:
    for source in ("reuters", "ap"):
        page = soup(f"/documents/{ids[source]}")
        for claim in page.select(".document-body .claim"):
            text = words(claim)
            assert "request for comment" not in text, text
            assert "requests for comment" not in text, text
            assert "condition of anonymity" not in text, text


def test_outlet_page_counts_no_non_answer(soup) -> None:
    centcom = soup("/outlets/centcom")
    claims = [words(q) for q in centcom.select("li.claim-ref blockquote")]
    assert len(claims) == 1
    assert claims[0].startswith("Earlier this month, CENTCOM")


def test_cite_this_names_a_source_only_for_what_it_said(client, claim_id) -> None:
    announced = client.get(
        f"/api/claims/{claim_id('ap', 'Earlier this month, CENTCOM')}"
    ).get_json()
    assert "Attributed to: US Central Command" in announced["cite_this"]
    for start in ("The U.S. military", "Neither the Syrian"):
        try:
            claim_id("reuters", start)
        except AssertionError:
            continue  # no such claim: as it should be
        raise AssertionError(f"{start!r} is stored as a claim")


def test_api_document_holds_the_non_answers(client, conforms, ids) -> None:
    found = conforms(f"/api/documents/{ids['reuters']}", "/api/documents/{document_id}")
    assert [(a["outlet_slug"], a["how"]) for a in found["no_comment"]] == [
        ("centcom", "did not immediately respond to an emailed request for comment"),
        ("syria-mod", "responded to requests for comment"),
        ("sdf", "responded to requests for comment"),
    ]


def test_anonymity_statement_shows_on_the_claims_it_qualifies(client, claim_id) -> None:
    found = client.get(
        f"/api/claims/{claim_id('ap', 'A Syrian security official')}"
    ).get_json()
    (citation,) = found["claim"]["citations"]
    assert citation["qualifier"].startswith("Both officials spoke on condition")
    assert "(Both officials spoke on condition of anonymity" in found["cite_this"]


def test_an_agency_relayed_by_another_is_shown_with_its_relay(tmp_path) -> None:
    story = FIXTURES / "corpus" / "W04_reuters21578_1899_bahrain_iran_iraq_noauthor.sgm"
    build_archive(tmp_path, [story])
    app = make_app(tmp_path)
    try:
        client = app.test_client()
        (doc,) = client.get("/api/documents").get_json()["documents"]
        page = BeautifulSoup(
            client.get(f"/documents/{doc['id']}").get_data(as_text=True),
            "html.parser",
        )
        relayed = next(
            c for c in page.select(".document-body .claim") if "monitored" in words(c)
        )
        assert words(relayed.select_one(".via")) == "via BBC"
        claim = relayed["id"].removeprefix("claim-")
        cite = client.get(f"/api/claims/{claim}").get_json()["cite_this"]
        assert "Attributed to: IRNA" in cite and ", via BBC" in cite
    finally:
        close_app(app)
