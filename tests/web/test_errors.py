"""One error handler: the same facts as an HTML page or as JSON, never a traceback."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.web.conftest import close_app, make_app, words


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize(
    ("page", "api", "message"),
    [
        (
            "/documents/999",
            "/api/documents/999",
            "There is no document 999 in the archive.",
        ),
        ("/claims/999", "/api/claims/999", "There is no claim 999 in the archive."),
        (
            "/outlets/nobody",
            "/api/outlets/nobody",
            "There is no outlet nobody in the archive.",
        ),
        ("/works/999", "/api/works/999", "There is no cited work 999 in the archive."),
    ],
)
def test_missing_record_gives_the_same_404_as_page_and_json(
    client, page, api, message
) -> None:
    html = client.get(page)
    json = client.get(api)
    assert html.status_code == json.status_code == 404
    assert page_of(html).select_one(".error-message").get_text() == message
    assert json.get_json() == {"status": 404, "title": "Not found", "message": message}


def test_unknown_url_is_a_404_page(client) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert page_of(response).select_one(".error-message").get_text() == (
        "There is no page at /no/such/page."
    )
    api = client.get("/api/nothing")
    assert api.get_json()["message"] == "There is no page at /api/nothing."


def test_query_error_page_lists_every_problem_and_keeps_the_query(client) -> None:
    response = client.get("/?q=date:2025-13 colour:red")
    assert response.status_code == 400
    page = page_of(response)
    assert page.select_one("h1").get_text() == "The search could not be run"
    problems = [li.get_text() for li in page.select("ul.problems li")]
    assert problems == [
        "unknown field 'colour' in 'colour:...'; known fields: agency, country, date, "
        "footnote, kind, outlet, publisher, text, title",
        "date:2025-13: '2025-13' has no month 13",
    ]
    assert page.select_one("main input#q")["value"] == "date:2025-13 colour:red"
    assert (
        client.get("/api/search?q=date:2025-13 colour:red").get_json()["problems"]
        == problems
    )


def test_over_long_query_is_refused_with_its_length(client) -> None:
    response = client.get("/api/search", query_string={"q": "a " * 600})
    assert response.status_code == 400
    assert response.get_json()["message"].startswith(
        "the query is 1199 characters long; the limit is 1000"
    )


def test_bad_date_range_names_the_argument(client) -> None:
    response = client.get("/documents?from=2025-03&to=2025-01")
    assert response.status_code == 400
    assert words(page_of(response).select_one(".error-message")) == (
        "the date range ends (to) before it starts (from)"
    )


def test_forced_500_shows_no_traceback(sample_dir, caplog) -> None:
    """GIVEN a view that fails unexpectedly
    WHEN it is requested as a page and through the API
    THEN both answer 500 with a plain message; the traceback is in the log only."""
    app = make_app(sample_dir)
    try:

        def broken():
            raise RuntimeError("secret detail of the failure")

        app.add_url_rule("/broken", view_func=broken)
        app.add_url_rule("/api/broken", view_func=broken)
        client = app.test_client()
        for url in ("/broken", "/api/broken"):
            response = client.get(url)
            body = response.get_data(as_text=True)
            assert response.status_code == 500
            assert "secret detail" not in body and "Traceback" not in body
        assert client.get("/api/broken").get_json()["message"] == (
            "The archive met an unexpected error; it has been logged."
        )
        assert "secret detail of the failure" in caplog.text
    finally:
        close_app(app)


def test_missing_index_is_a_503_that_says_what_to_run(tmp_path, sample_dir) -> None:
    """GIVEN an archive with documents but no search index
    WHEN a search is made
    THEN the answer is 503 and tells the operator to run `archive reindex`."""
    app = make_app(sample_dir, INDEX_DIR=str(tmp_path / "no-index"))
    try:
        client = app.test_client()
        api = client.get("/api/search?q=Qasrak")
        assert api.status_code == 503
        assert "run `archive reindex` to build it" in api.get_json()["message"]
        assert client.get("/?q=Qasrak").status_code == 503
        assert client.get("/documents").status_code == 200
    finally:
        close_app(app)
