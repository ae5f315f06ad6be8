"""Web fixtures: a real SQLite archive and a real Whoosh index built from real files.

The sample corpus is ingested once per session through the same pipeline as
``archive ingest`` (``archive.batch.ingest_all``, then the index is built from the
database); each test gets its own app over it. Tests that add documents build
their own archive in ``tmp_path``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from archive import browse
from archive.batch import expand, ingest_all
from archive.db import connect
from index import Indexer
from ingest import ParseOptions, load_registry
from tests.conftest import SAMPLES
from tests.web.hostile import store_hostile_documents
from web import create_app

WEB_FIXTURES = Path(__file__).parent / "fixtures"
WIRE_FIXTURES = Path(__file__).parent.parent / "fixtures" / "wire"


def words(element) -> str:
    """An element's text with its whitespace runs made single spaces, as it reads."""
    return " ".join(element.get_text().split())


def build_archive(data_dir: Path, paths: list[Path], extra=None) -> None:
    """Ingest ``paths`` into ``data_dir`` (and ``extra(sessions)``), then index it."""
    sessions = connect(f"sqlite:///{data_dir / 'archive.db'}")
    try:
        outcomes = list(
            ingest_all(expand(paths), sessions, ParseOptions(load_registry()))
        )
        failed = [o for o in outcomes if o.status == "failed"]
        assert not failed, failed
        if extra is not None:
            extra(sessions)
        Indexer(data_dir / "index", sessions).rebuild()
    finally:
        sessions.kw["bind"].dispose()


def make_app(data_dir: Path, **config) -> Flask:
    return create_app({"TESTING": True, "DATA_DIR": str(data_dir), **config})


def close_app(app: Flask) -> None:
    found = app.extensions["archive"]
    found.searcher.close()
    found.sessions.kw["bind"].dispose()


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """The three sample documents (tests/fixtures/samples), archived and indexed."""
    data_dir = tmp_path_factory.mktemp("samples")
    build_archive(data_dir, [SAMPLES])
    return data_dir


@pytest.fixture(scope="session")
def linked_dir(tmp_path_factory) -> Path:
    """A report citing a wire story that is archived too, so the work is linked."""
    data_dir = tmp_path_factory.mktemp("linked")
    build_archive(
        data_dir,
        [
            WIRE_FIXTURES / "levant-ledger-raqqa-handover.html",
            WEB_FIXTURES / "report-citing-archived-story.md",
        ],
    )
    return data_dir


@pytest.fixture(scope="session")
def wire_dir(tmp_path_factory) -> Path:
    """The wire stories of tests/fixtures/wire: three claims attributed to the SDF."""
    data_dir = tmp_path_factory.mktemp("wire")
    stories = [p for p in WIRE_FIXTURES.iterdir() if p.suffix in (".txt", ".html")]
    build_archive(data_dir, sorted(stories))
    return data_dir


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    """Documents whose text, titles and URLs try to run script in the browser."""
    data_dir = tmp_path_factory.mktemp("hostile")
    build_archive(
        data_dir,
        [WEB_FIXTURES / "hostile-report.txt"],
        extra=store_hostile_documents,
    )
    return data_dir


@pytest.fixture
def app(sample_dir: Path) -> Iterator[Flask]:
    app = make_app(sample_dir)
    yield app
    close_app(app)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def soup(client: FlaskClient) -> Callable[..., BeautifulSoup]:
    """``soup(url)``: the page at ``url`` parsed, after checking its status."""

    def get(url: str, status: int = 200, **kwargs) -> BeautifulSoup:
        response = client.get(url, **kwargs)
        assert response.status_code == status, response.get_data(as_text=True)[:2000]
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")

    return get


@pytest.fixture
def ids(app: Flask) -> dict[str, int]:
    """Sample document ids by publisher or agency key: ap, euaa, reuters."""
    with app.extensions["archive"].sessions() as session:
        found = browse.list_documents(session).documents
    return {doc.source: doc.id for doc in found}


@pytest.fixture
def claim_id(app: Flask, ids: dict[str, int]) -> Callable[[str, str], int]:
    """``claim_id("euaa", "As a result")``: the claim whose sentence starts so."""

    def find(source: str, start: str) -> int:
        with app.extensions["archive"].sessions() as session:
            document = browse.document(session, ids[source])
        for passage in document.passages:
            for claim in passage.claims:
                if claim.text.startswith(start):
                    return claim.id
        raise AssertionError(f"no claim starting {start!r} in {source}")

    return find


@pytest.fixture
def spec(client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


@pytest.fixture
def conforms(client, spec):
    """``conforms(url, path, status)``: the response, after checking it against the
    schema the OpenAPI description gives for ``path`` and ``status``."""
    return conformance(client, spec)


@pytest.fixture
def schema_errors(spec) -> Callable[[dict, str, int], list[str]]:
    """``schema_errors(data, path, status)``: how ``data`` departs from the schema
    the OpenAPI description gives for ``path`` and ``status`` (none: it conforms)."""
    return schema_checker(spec)


def schema_checker(spec: dict) -> Callable[[dict, str, int], list[str]]:
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(spec, default_specification=DRAFT202012)
    )

    def errors(data: dict, path: str, status: int = 200) -> list[str]:
        declared = spec["paths"][path]["get"]["responses"][str(status)]
        ref = declared["content"]["application/json"]["schema"]["$ref"]
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"urn:openapi{ref}"}, registry=registry
        )
        return [
            f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)
        ]

    return errors


def conformance(client, spec):
    """The ``conforms`` check for any test client."""
    schema_errors = schema_checker(spec)

    def check(url: str, path: str, status: int = 200) -> dict:
        response = client.get(url)
        assert response.status_code == status, response.get_data(as_text=True)
        assert response.mimetype == "application/json"
        errors = schema_errors(response.get_json(), path, status)
        assert not errors, errors[:5]
        return response.get_json()

    return check


# The browser tests' shared fixtures (tests/web/test_browser*.py): one Chromium
# and one `archive serve` over the sample corpus for the whole run.


@pytest.fixture(scope="session")
def browser():
    from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: install the "
            "`chromium` package (apt-get install chromium); no browser is downloaded"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_site(sample_dir, tmp_path_factory):
    from tests.web.test_browser import start_site, stop_site

    site = start_site(sample_dir, tmp_path_factory.mktemp("serve") / "serve.log")
    yield site
    stop_site(site)
