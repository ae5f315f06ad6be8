"""Nothing a document holds can run script in the reader's browser.

The hostile archive holds a report file with markup in its text and citations
(ingested through the real pipeline) and hand-built documents with markup in every
field and ``javascript:``/``data:`` URLs (stored through ``archive.store``). Every
page that shows them is checked: no script but our own file, no event-handler
attribute, no link or source with a scripting scheme, and the hostile text shown
as text. ``test_browser.py`` opens the same pages in Chromium and listens for
dialogs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from tests.web.conftest import close_app, make_app
from tests.web.hostile import IMG, PASSAGE, SCRIPT
from web.security import CONTENT_SECURITY_POLICY

SCRIPTING = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x20]")


@pytest.fixture
def hostile_app(hostile_dir) -> Iterator[Flask]:
    app = make_app(hostile_dir)
    yield app
    close_app(app)


def hostile_urls(client) -> list[str]:
    """Every page showing something from the hostile archive."""
    documents = client.get("/api/documents").get_json()["documents"]
    urls = ["/", "/documents", "/outlets", "/?q=Qasrik", "/?q=hostile", "/?q=xss"]
    for document in documents:
        urls.append(f"/documents/{document['id']}")
        detail = client.get(f"/api/documents/{document['id']}").get_json()
        for passage in detail["passages"]:
            urls += [f"/claims/{claim['id']}" for claim in passage["claims"]]
        for note in detail["footnotes"]:
            urls += [
                f"/works/{c['work_id']}" for c in note["citations"] if c["work_id"]
            ]
    ranking = client.get("/api/outlets").get_json()
    for outlet in ranking["ranking"]:
        urls.append(f"/outlets/{outlet['outlet']['slug']}")
    urls += [f"/outlets?report={r['report_id']}" for r in ranking["reports"]]
    return urls


def assert_inert(html: str, url: str) -> None:
    page = BeautifulSoup(html, "html.parser")
    scripts = [tag.get("src") for tag in page.find_all("script")]
    assert scripts == ["/static/footnotes.js", "/static/quotes.js"], (url, scripts)
    for tag in page.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, (url, str(tag)[:200])
        assert tag.name not in {"iframe", "object", "embed", "svg", "img", "b", "i"}, (
            url,
            str(tag)[:200],
        )
        for name in ("href", "src", "action", "formaction"):
            value = CONTROL.sub("", tag.get(name, ""))
            assert not SCRIPTING.match(value), (url, name, tag.get(name))


def test_hostile_documents_render_inert_everywhere(hostile_app) -> None:
    client = hostile_app.test_client()
    urls = hostile_urls(client)
    assert len(urls) > 15
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.get_data(as_text=True), url)


def test_hostile_text_is_shown_as_text(hostile_app) -> None:
    client = hostile_app.test_client()
    wire = client.get("/api/documents?kind=wire").get_json()["documents"]
    hostile = next(d for d in wire if d["title"].startswith("Hostile wire"))
    report = next(
        d
        for d in client.get("/api/documents?kind=report").get_json()["documents"]
        if d["title"].startswith("Hostile report")
    )
    page = BeautifulSoup(
        client.get(f"/documents/{report['id']}").get_data(as_text=True), "html.parser"
    )
    assert page.select_one("h1").get_text() == f"Hostile report {SCRIPT}"
    assert page.select_one(".cite-as p").get_text() == f"Cite as {SCRIPT} {IMG}"
    assert (
        page.select_one(".document-body p.passage .claim")
        .get_text()
        .startswith(PASSAGE[: PASSAGE.index(" the base")])
    )
    refused = [span.get_text() for span in page.select(".url-refused")]
    assert "javascript:alert(document.cookie)" in refused
    assert [a["href"] for a in page.select("a.url")] == ["https://example.org/ok"]
    story = BeautifulSoup(
        client.get(f"/documents/{hostile['id']}").get_data(as_text=True), "html.parser"
    )
    assert story.select_one(".dateline").get_text() == f"{SCRIPT}, Syria"
    assert story.select_one(".badge-anonymous").get_text() == f"{IMG} sources"


def test_markup_from_a_parsed_file_stays_text(hostile_app) -> None:
    """GIVEN a report file with markup in its footnotes, ingested by the pipeline
    WHEN its page is shown
    THEN the markup is text and the URL with a quote in it stays one attribute."""
    client = hostile_app.test_client()
    report = next(
        d
        for d in client.get("/api/documents?kind=report").get_json()["documents"]
        if d["title"] == "9.9. Hostile section"
    )
    page = BeautifulSoup(
        client.get(f"/documents/{report['id']}").get_data(as_text=True), "html.parser"
    )
    titles = [c.get_text() for c in page.select("li#fn-901 cite")]
    (title,) = titles  # shown as text, whatever the reader made of the rest
    assert title.startswith('<img src=x onerror=alert("footnote")> Hostile title ">')
    assert not page.select("li#fn-901 img, li#fn-901 script")
    link = page.select_one("li#fn-902 a.url")
    assert link["href"] == 'https://example.org/a"onmouseover="alert(5'
    assert set(link.attrs) == {"class", "href", "rel"}


def test_security_headers_on_pages_api_static_and_errors(client) -> None:
    for url in ("/", "/documents/1", "/api/documents", "/static/style.css", "/nope"):
        with client.get(url) as response:
            headers = response.headers
            assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["X-Frame-Options"] == "DENY"
            assert headers["Referrer-Policy"] == "no-referrer"
    policy = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_no_template_marks_text_safe() -> None:
    """Text reaches pages only through autoescaping: no |safe, no Markup()."""
    from pathlib import Path

    import web

    root = Path(web.__file__).parent
    for template in (root / "templates").glob("*.html"):
        assert "|safe" not in template.read_text().replace(" ", ""), template.name
        assert "autoescape false" not in template.read_text(), template.name
    for module in root.glob("*.py"):
        assert "Markup(" not in module.read_text(), module.name


def test_reflected_query_is_escaped(client) -> None:
    response = client.get("/", query_string={"q": '"><script>alert(1)</script>'})
    assert_inert(response.get_data(as_text=True), "/?q=...")
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("main input#q")["value"] == '"><script>alert(1)</script>'
    missing = client.get("/outlets/<script>alert(1)<%2Fscript>")
    assert_inert(missing.get_data(as_text=True), "/outlets/<script>")
