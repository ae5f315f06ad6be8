"""Lists that grow with the archive come a page at a time: outlets by cited work,
attributions, claims citing a work or the same works. Small page sizes make the
sample corpus span several pages; HTML and JSON show the same pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.web.conftest import close_app, conformance, make_app, words


@pytest.fixture
def client(sample_dir) -> Iterator[FlaskClient]:
    """The sample site with five outlets, four cited works and one claim to a
    page, and two claims under each work on an outlet's page."""
    app = make_app(
        sample_dir,
        OUTLETS_PER_PAGE=5,
        WORKS_PER_PAGE=4,
        CLAIMS_PER_PAGE=1,
        CLAIMS_PER_GROUP=2,
    )
    yield app.test_client()
    close_app(app)


@pytest.fixture
def wire_client(wire_dir) -> Iterator[FlaskClient]:
    """The wire fixtures' site with one claim to a page and two to a group."""
    app = make_app(wire_dir, CLAIMS_PER_PAGE=1, CLAIMS_PER_GROUP=2)
    yield app.test_client()
    close_app(app)


@pytest.fixture
def sohr_works(sample_dir) -> list[int]:
    """SOHR's eleven cited works in the order of its page, with the default sizes."""
    app = make_app(sample_dir)
    try:
        found = app.test_client().get("/api/outlets/sohr").get_json()
    finally:
        close_app(app)
    return [group["work"]["id"] for group in found["groups"]]


def page(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def group_work_ids(soup: BeautifulSoup) -> list[int]:
    links = soup.select("section.work-group h3 a")
    return [int(a["href"].rsplit("/", 1)[-1]) for a in links]


def pager(soup: BeautifulSoup) -> dict[str, str]:
    """The pager's links by their text, and the current page under "current"."""
    links = {words(a): a["href"] for a in soup.select("nav.pager a")}
    links["current"] = words(soup.select_one("nav.pager [aria-current=page]"))
    return links


def test_outlet_pages_show_the_next_works_and_the_same_counts(
    client, sohr_works
) -> None:
    first = page(client, "/outlets/sohr")
    assert group_work_ids(first) == sohr_works[:4]
    assert pager(first) == {
        "2": "/outlets/sohr?page=2",
        "3": "/outlets/sohr?page=3",
        "Next →": "/outlets/sohr?page=2",
        "current": "1",
    }
    second = page(client, "/outlets/sohr?page=2")
    assert group_work_ids(second) == sohr_works[4:8]
    assert pager(second)["← Previous"] == "/outlets/sohr?page=1"
    last = page(client, "/outlets/sohr?page=3")
    assert group_work_ids(last) == sohr_works[8:]
    assert "Next →" not in pager(last)
    for soup in (first, second, last):
        facts = [dd.get_text() for dd in soup.select(".document-facts dd")]
        assert facts == ["monitoring NGO", "15", "11"]
    assert words(last.select_one(".results-count")).startswith("Groups 9–11 of 11")


def test_outlet_page_past_the_last_is_a_404_that_says_so(client) -> None:
    soup = page(client, "/outlets/sohr?page=4", status=404)
    assert soup.select_one(".error-message").get_text() == (
        "There is no page 4 of this list: the last is 3."
    )
    assert page(client, "/outlets/sohr?page=0", status=400)


def test_outlet_api_pages_with_totals(conforms, sohr_works) -> None:
    second = conforms("/api/outlets/sohr?page=2", "/api/outlets/{slug}")
    assert (second["total"], second["page"], second["pages"]) == (11, 2, 3)
    assert second["per_page"] == 4
    assert [g["work"]["id"] for g in second["groups"]] == sohr_works[4:8]
    assert (second["citations"], second["works"]) == (15, 11)
    past = conforms("/api/outlets/sohr?page=4", "/api/outlets/{slug}", status=404)
    assert past["message"] == "There is no page 4 of this list: the last is 3."


def test_a_group_shows_its_newest_claims_and_links_to_all(wire_client) -> None:
    client = wire_client
    conforms = conformance(client, client.get("/api/openapi.json").get_json())
    soup = page(client, "/outlets/sdf")
    (group,) = soup.select("section.work-group")
    assert len(group.select("li.claim-ref")) == 2
    more = group.select_one("p.more a")
    assert (words(more), more["href"]) == (
        "All 3 claims attributed to SDF",
        "/outlets/sdf/attributions",
    )
    found = conforms("/api/outlets/sdf", "/api/outlets/{slug}")
    (attributions,) = found["groups"]
    assert attributions["work"] is None and attributions["claims_total"] == 3


def test_attributions_come_one_page_at_a_time(wire_client) -> None:
    client = wire_client
    conforms = conformance(client, client.get("/api/openapi.json").get_json())
    path = "/api/outlets/{slug}/attributions"
    pages = [
        conforms(f"/api/outlets/sdf/attributions?page={n}", path) for n in (1, 2, 3)
    ]
    assert [(p["total"], p["page"], p["pages"]) for p in pages] == [
        (3, 1, 3),
        (3, 2, 3),
        (3, 3, 3),
    ]
    ids = [claim["id"] for p in pages for claim in p["claims"]]
    assert len(set(ids)) == 3
    second = page(client, "/outlets/sdf/attributions?page=2")
    (ref,) = second.select("li.claim-ref blockquote a")
    assert ref["href"] == f"/claims/{ids[1]}"
    assert pager(second)["current"] == "2"
    conforms("/api/outlets/sdf/attributions?page=4", path, status=404)
    page(client, "/outlets/sdf/attributions?page=4", status=404)


def test_work_pages_hold_the_next_claims(client, conforms, sohr_works) -> None:
    work_id = client.get("/api/outlets/inss").get_json()["groups"][0]["work"]["id"]
    path = "/api/works/{work_id}"
    first = conforms(f"/api/works/{work_id}", path)
    second = conforms(f"/api/works/{work_id}?page=2", path)
    assert [(p["total"], p["pages"], p["per_page"]) for p in (first, second)] == [
        (2, 2, 1),
        (2, 2, 1),
    ]
    assert [c["footnotes"] for c in first["claims"] + second["claims"]] == [
        ["537"],
        ["539"],
    ]
    soup = page(client, f"/works/{work_id}?page=2")
    footnotes = [
        words(p).rsplit("·", 1)[-1].strip() for p in soup.select(".claim-ref-source")
    ]
    assert footnotes == ["footnote 539"]
    assert pager(soup)["current"] == "2"
    conforms(f"/api/works/{work_id}?page=3", path, status=404)


def test_claim_page_pages_the_claims_citing_the_same_works(
    client, conforms, claim_id
) -> None:
    claim = claim_id("euaa", "As a result")
    found = conforms(f"/api/claims/{claim}", "/api/claims/{claim_id}")
    assert (found["total"], found["page"], found["pages"]) == (1, 1, 1)
    assert [c["id"] for c in found["same_works"]] == [claim_id("euaa", "Soon after")]
    past = page(client, f"/claims/{claim}?page=2", status=404)
    assert past.select_one(".error-message").get_text() == (
        "There is no page 2 of this list: the list has one page."
    )


def test_outlet_ranking_pages_continue_the_ranks(client, conforms) -> None:
    first = conforms("/api/outlets", "/api/outlets")
    second = conforms("/api/outlets?page=2", "/api/outlets")
    assert (second["total"], second["page"], second["per_page"]) == (
        first["total"],
        2,
        5,
    )
    assert second["pages"] == -(-first["total"] // 5) > 2
    assert second["citations"] == first["citations"]
    slugs = [c["outlet"]["slug"] for c in first["ranking"] + second["ranking"]]
    assert len(set(slugs)) == 10
    soup = page(client, "/outlets?page=2")
    rows = soup.select("#overall tbody tr")
    assert [r.select_one("td.num").get_text() for r in rows] == [
        "6",
        "7",
        "8",
        "9",
        "10",
    ]
    assert [r.select_one("th a:not(.badge)")["href"] for r in rows] == [
        f"/outlets/{slug}" for slug in slugs[5:]
    ]
    assert pager(soup)["current"] == "2"


def test_outlet_ranking_past_the_last_page_or_of_no_report(client, conforms) -> None:
    last = conforms("/api/outlets", "/api/outlets")["pages"]
    past = conforms(f"/api/outlets?page={last + 1}", "/api/outlets", status=404)
    assert past["message"] == (
        f"There is no page {last + 1} of this list: the last is {last}."
    )
    missing = conforms("/api/outlets?report=999", "/api/outlets", status=404)
    assert missing["message"] == "There is no report 999 in the archive."
    bad = conforms("/api/outlets?report=x", "/api/outlets", status=400)
    assert bad["message"] == "report must be a number, not 'x'"
