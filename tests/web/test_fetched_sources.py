"""What ``archive fetch`` leaves on the site: each cited URL's state on its work's
page and in the API, the archived copy linked from its work and footnote, the
original bytes as a download only, and the counts on outlet and report pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import select

from archive.cli import cli
from archive.db import connect
from archive.models import CitedWork, Report
from tests.archive.cited_site import CORPUS, PAGES, CitedSite
from tests.archive.test_fetch import FETCH, REPORT
from tests.web.conftest import close_app, conformance, make_app, words


@pytest.fixture(scope="module")
def fetched(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """An archive of the report citing the local site, its URLs fetched: the
    data folder and the site's origin."""
    folder = tmp_path_factory.mktemp("fetched")
    data = folder / "data"
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    with CitedSite() as site:
        report = folder / "cited-urls.md"
        report.write_text(REPORT.read_text().replace("{origin}", site.origin))
        assert runner.invoke(cli, ["ingest", str(report)]).exit_code == 0
        result = runner.invoke(cli, FETCH)
        assert result.exit_code == 0, result.output
        yield data, site.origin


@pytest.fixture
def app(fetched) -> Iterator[Flask]:
    app = make_app(fetched[0])
    yield app
    close_app(app)


@pytest.fixture
def client(app: Flask):
    return app.test_client()


@pytest.fixture
def work_ids(fetched) -> dict[str, int]:
    """Cited work ids by their URL's path."""
    data, origin = fetched
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    with sessions() as session:
        rows = session.execute(select(CitedWork.url, CitedWork.id)).all()
    sessions.kw["bind"].dispose()
    return {url.removeprefix(origin): n for url, n in rows if url}


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_a_gone_url_says_so_and_offers_the_wayback_machine(
    client, work_ids, fetched
) -> None:
    soup = page(client, f"/works/{work_ids['/statements/closures']}")
    state = soup.select_one("dd.link-state")
    assert words(state).startswith("gone (HTTP 404), checked ")
    wayback = state.select_one("a.wayback")
    assert wayback["href"] == (
        f"https://web.archive.org/web/*/{fetched[1]}/statements/closures"
    )
    assert words(soup.select("dl.document-facts dd")[-1]) == "not in the archive"


def test_an_archived_url_links_its_copy_with_the_fetch_date_and_the_original(
    client, work_ids
) -> None:
    soup = page(client, f"/works/{work_ids['/docs/gao-strategy.pdf']}")
    assert words(soup.select_one("dd.link-state")).startswith("archived, checked ")
    assert soup.select_one("dd.link-state a.wayback") is None
    copy = soup.select_one("a.in-archive")
    assert words(copy).startswith("GAO-23-106826, Cybersecurity")
    assert words(soup.select_one("span.fetched")).startswith(
        ", archived copy, fetched "
    )
    original = soup.select_one("a.original-bytes")
    response = client.get(original["href"])
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    pdf = (CORPUS / PAGES["/docs/gao-strategy.pdf"][1]).read_bytes()
    assert response.get_data() == pdf


def test_a_fetched_page_is_never_served_as_html(client, work_ids) -> None:
    soup = page(client, f"/works/{work_ids['/news/cargo-ship.html']}")
    document_id = int(soup.select_one("a.in-archive")["href"].rsplit("/", 1)[1])
    response = client.get(f"/documents/{document_id}/original")
    assert response.mimetype == "application/octet-stream"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="document-{document_id}-original.html"'
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("sandbox")
    html = (CORPUS / PAGES["/news/cargo-ship.html"][1]).read_bytes()
    assert response.get_data() == html


def test_a_redirected_url_says_where_it_went(client, work_ids, fetched) -> None:
    soup = page(client, f"/works/{work_ids['/old/sudan']}")
    assert words(soup.select_one("dd.link-state")).startswith(
        f"redirected to {fetched[1]}/news/sudan-sanctions, checked "
    )
    document = page(client, soup.select_one("a.in-archive")["href"])
    fetched_from = document.select_one("dd.fetched")
    assert [a["href"] for a in fetched_from.select("a.url")] == [
        f"{fetched[1]}/old/sudan",
        f"{fetched[1]}/news/sudan-sanctions",
    ]
    assert fetched_from.select_one("a.original-bytes") is not None


def test_the_reports_footnotes_link_to_the_archived_copies(client, fetched) -> None:
    soup = page(client, "/documents/1")
    linked = {
        note.get("id"): bool(note.select_one("a.in-archive"))
        for note in soup.select("li[id^='fn-'], li[id^='note-']")
    }
    assert list(linked.values()).count(True) == 4, linked


def test_outlet_and_report_pages_count_gone_and_held_urls(client, fetched) -> None:
    outlet = page(client, "/outlets/x-ministry-of-transport")
    assert words(outlet.select_one("p.link-counts")) == (
        "2 cited URLs: 0 with an archived copy, 1 gone."
    )
    sessions = connect(f"sqlite:///{fetched[0] / 'archive.db'}")
    with sessions() as session:
        report_id = session.scalar(select(Report.id))
    sessions.kw["bind"].dispose()
    report = page(client, f"/outlets?report={report_id}")
    assert words(report.select_one("p.link-counts")) == (
        "9 cited URLs: 4 with an archived copy, 2 gone."
    )


def test_the_api_gives_each_urls_state(client, work_ids, fetched) -> None:
    check = conformance(client, client.get("/api/openapi.json").get_json())
    gone = check(f"/api/works/{work_ids['/notices/fuel']}", "/api/works/{work_id}")
    link = gone["link"]
    assert (link["state"], link["label"], link["http_status"]) == (
        "gone",
        "gone (HTTP 410)",
        410,
    )
    assert link["wayback"] == f"https://web.archive.org/web/*/{fetched[1]}/notices/fuel"
    held = check(f"/api/works/{work_ids['/data/vessels.csv']}", "/api/works/{work_id}")
    assert held["link"]["document_id"] == held["archived"]["id"]
    assert held["link"]["original"] is True
    outlet = check("/api/outlets/x-ministry-of-energy", "/api/outlets/{slug}")
    assert outlet["links"] == {"urls": 1, "checked": 1, "gone": 1, "archived": 0}
