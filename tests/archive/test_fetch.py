"""``archive fetch`` against a real web site on 127.0.0.1 (``cited_site``): a
report citing its pages is ingested, then its cited URLs are fetched, kept in
WARC files, archived and linked, or marked with why they could not be."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.archiveiterator import ArchiveIterator

from archive.cli import cli
from archive.db import connect
from archive.fetching.warc import read_original
from archive.models import CitedWork, Document, LinkCheck
from tests.archive.cited_site import CORPUS, PAGES, CitedSite
from tests.conftest import FIXTURES, SAMPLES

REPORT = FIXTURES / "fetch" / "cited-urls.md"
FETCH = ["fetch", "--allow-private", "--delay", "0", "--timeout", "1"]
FETCH += ["--max-size", "4000000"]
ROOT = Path(__file__).parent.parent.parent


@pytest.fixture
def site():
    with CitedSite() as running:
        yield running


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data: Path) -> str:
    """The archive's database (``test_link_health`` runs the SQL on PostgreSQL too;
    the command, which never closes its connections, runs on SQLite here)."""
    return f"sqlite:///{data / 'archive.db'}"


@pytest.fixture
def runner(data: Path, db: str) -> CliRunner:
    return CliRunner(env={"ARCHIVE_DATA_DIR": str(data), "ARCHIVE_DATABASE_URL": db})


def ingest_report(runner: CliRunner, site: CitedSite, folder: Path, text=None) -> None:
    """The report fixture, its URLs on ``site``, ingested."""
    path = folder / "cited-urls.md"
    path.write_text((text or REPORT.read_text()).replace("{origin}", site.origin))
    result = runner.invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 0, result.output


def link_states(db: str, origin: str) -> dict[str, tuple[str, str | None]]:
    """Each checked URL's path: its state and detail."""
    with reading(db) as session:
        rows = session.execute(select(LinkCheck.url, LinkCheck.state, LinkCheck.detail))
        return {
            url.removeprefix(origin): (state, detail) for url, state, detail in rows
        }


@contextmanager
def reading(db: str) -> Iterator[Session]:
    sessions = connect(db)
    try:
        with sessions() as session:
            yield session
    finally:
        sessions.kw["bind"].dispose()


def test_fetch_archives_live_urls_and_marks_dead_ones(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    result = runner.invoke(cli, FETCH)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "3 archived, 1 redirected, 2 gone, 1 failed, 1 refused by robots.txt, "
        "1 too large; 4 new documents"
    ]
    origin = site.origin
    assert link_states(db, origin) == {
        "/news/cargo-ship.html": ("archived", None),
        "/old/sudan": ("redirected", f"{origin}/news/sudan-sanctions"),
        "/docs/gao-strategy.pdf": ("archived", None),
        "/statements/closures": ("gone", "HTTP 404"),
        "/notices/fuel": ("gone", "HTTP 410"),
        "/slow/bulletin": ("failed", "timeout"),
        "/data/vessels.csv": ("archived", None),
        "/private/memo.html": ("robots", f"{origin}/robots.txt"),
        "/huge/register": (
            "too-large",
            "the body is more than 4,000,000 bytes; at most 4,000,000 bytes are "
            "fetched",
        ),
    }
    assert (
        f"{origin}/private/memo.html: refused by robots.txt ({origin}/robots.txt)"
        in (result.stderr.splitlines())
    )
    assert site.requests["/private/memo.html"] == 0
    assert site.user_agents == {site.user_agents.copy().pop()}
    assert site.user_agents.pop().startswith("citation-archive/")


def test_each_live_url_is_linked_from_its_work_to_its_archived_copy(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    assert runner.invoke(cli, FETCH).exit_code == 0
    with reading(db) as session:
        linked = session.execute(
            select(CitedWork.url, Document.title, Document.source_format)
            .join(Document, Document.id == CitedWork.document_id)
            .where(CitedWork.url.is_not(None))
            .order_by(CitedWork.id)
        ).all()
    found = sorted((url.removeprefix(site.origin), t, f) for url, t, f in linked)
    assert found == sorted(
        [
            (
                "/news/cargo-ship.html",
                "Russia: Space ship malfunctions, breaks up over Siberia",
                "html",
            ),
            ("/old/sudan", "United States to Lift Sudan Sanctions", "html"),
            (
                "/docs/gao-strategy.pdf",
                "GAO-23-106826, Cybersecurity: Launching and Implementing the National "
                "Cybersecurity Strategy",
                "pdf",
            ),
            ("/data/vessels.csv", "vessel,port,date Aurora,Tartus,2026-01-08", "text"),
        ]
    )


def test_the_warc_store_keeps_the_exact_bytes_and_every_hop(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    assert runner.invoke(cli, FETCH).exit_code == 0
    with reading(db) as session:
        kept = {
            row.url.removeprefix(site.origin): row
            for row in session.scalars(select(LinkCheck))
        }
    pdf = kept["/docs/gao-strategy.pdf"]
    original = read_original(data, pdf.warc_file, pdf.warc_offset)
    assert original.body == (CORPUS / PAGES["/docs/gao-strategy.pdf"][1]).read_bytes()
    assert original.content_type == "application/pdf"
    assert original.url == f"{site.origin}/docs/gao-strategy.pdf"
    moved = kept["/old/sudan"]
    original = read_original(data, moved.warc_file, moved.warc_offset)
    assert original.url == f"{site.origin}/news/sudan-sanctions"
    assert original.body == (CORPUS / PAGES["/news/sudan-sanctions"][1]).read_bytes()
    (warc,) = (data / "warc").iterdir()
    with warc.open("rb") as handle:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
             r.http_headers.get_statuscode() if r.rec_type == "response" else None)
            for r in ArchiveIterator(handle)
        ]  # fmt: skip
    assert records[0][0] == "warcinfo"
    sudan = [(kind, uri.removeprefix(site.origin), code) for kind, uri, code in records
             if uri and ("sudan" in uri)]  # fmt: skip
    assert sudan == [
        ("request", "/old/sudan", None),
        ("response", "/old/sudan", "301"),
        ("request", "/news/sudan-sanctions", None),
        ("response", "/news/sudan-sanctions", "200"),
    ]
    assert [kind for kind, uri, _ in records if uri and "/statements/" in uri] == []


def test_running_fetch_again_fetches_nothing_new(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    assert runner.invoke(cli, FETCH).exit_code == 0
    before = site.pages_requested()
    again = runner.invoke(cli, FETCH)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines() == [
        "nothing to fetch: every cited URL chosen has an archived copy or was "
        "checked (--recheck checks them again)"
    ]
    assert site.pages_requested() == before
    assert len(list((data / "warc").iterdir())) == 1


def test_without_allow_private_the_loopback_server_is_refused(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    result = runner.invoke(cli, ["fetch", "--delay", "0"])
    assert result.exit_code == 0, result.output
    reason = (
        "127.0.0.1 resolves to the loopback address 127.0.0.1; such addresses are "
        "fetched only with --allow-private"
    )
    assert f"{site.origin}/news/cargo-ship.html: refused ({reason})" in (
        result.stderr.splitlines()
    )
    assert set(link_states(db, site.origin).values()) == {("refused", reason)}
    assert site.requests == {}


def test_dry_run_lists_the_urls_and_fetches_nothing(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    result = runner.invoke(cli, ["fetch", "--dry-run", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{site.origin}/news/cargo-ship.html",
        f"{site.origin}/old/sudan",
        f"{site.origin}/docs/gao-strategy.pdf",
    ]
    assert result.stderr.splitlines() == ["3 URLs to fetch"]
    assert site.requests == {}
    assert link_states(db, site.origin) == {}


def test_fetch_narrows_to_an_outlet_and_names_an_unknown_one(
    runner: CliRunner, site: CitedSite, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    result = runner.invoke(
        cli, ["fetch", "--dry-run", "--outlet", "x-ministry-of-transport"]
    )
    assert result.stdout.splitlines() == [
        f"{site.origin}/statements/closures",
        f"{site.origin}/private/memo.html",
    ]
    unknown = runner.invoke(cli, ["fetch", "--outlet", "no-such-outlet"])
    assert unknown.exit_code == 1
    assert unknown.stderr.splitlines() == ["Error: no outlet no-such-outlet"]


def test_recheck_marks_a_page_taken_down_and_keeps_its_copy(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    ingest_report(runner, site, tmp_path)
    assert runner.invoke(cli, FETCH).exit_code == 0
    with reading(db) as session:
        copy = session.scalar(
            select(LinkCheck.document_id).where(
                LinkCheck.url == f"{site.origin}/news/cargo-ship.html"
            )
        )
    site.removed.add("/news/cargo-ship.html")
    result = runner.invoke(cli, [*FETCH, "--recheck", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["1 gone; 0 new documents"]
    assert link_states(db, site.origin)["/news/cargo-ship.html"] == (
        "gone",
        "HTTP 410",
    )
    with reading(db) as session:
        row = session.scalar(
            select(LinkCheck).where(
                LinkCheck.url == f"{site.origin}/news/cargo-ship.html"
            )
        )
        assert row.document_id == copy
        assert row.warc_file is not None


def test_an_interrupted_run_goes_on_where_it_stopped(
    runner: CliRunner, site: CitedSite, data: Path, db: str, tmp_path: Path
) -> None:
    """GIVEN a report citing three pages, the second of which hangs
    WHEN ``archive fetch`` is interrupted (Ctrl+C) while it waits for that page
    THEN the first page is kept, and the next run fetches only the other two."""
    report = (
        "# Three pages\n\nThe ship was detained.[^1] The page hangs.[^2] "
        "Auditors found gaps.[^3]\n\n"
        '[^1]: Associated Press, "Cargo ship", 12 January 2026, '
        "{origin}/news/cargo-ship.html\n"
        '[^2]: Regional Office, "Bulletin", 7 January 2026, {origin}/hang/bulletin\n'
        '[^3]: Government Accountability Office, "Strategy", 10 January 2026, '
        "{origin}/docs/gao-strategy.pdf\n"
    )
    ingest_report(runner, site, tmp_path, report)
    command = [sys.executable, "-c", "from archive.cli import cli; cli()", *FETCH]
    command += ["--timeout", "60"]  # the hanging page must not time out first
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "ARCHIVE_DATABASE_URL": db}
    env["PYTHONPATH"] = str(ROOT)
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert site.hanging.wait(60), process.communicate(timeout=5)
        deadline = time.monotonic() + 60
        while "/news/cargo-ship.html" not in link_states(db, site.origin):
            assert time.monotonic() < deadline, "the first page was never kept"
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert (
        "interrupted: 1 of 3 URLs checked and kept; run the command again to go on"
        in stderr.splitlines()
    )
    site.release.set()
    again = runner.invoke(cli, FETCH)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines() == ["2 archived; 2 new documents"]
    assert site.pages_requested()["/news/cargo-ship.html"] == 1
    assert site.pages_requested()["/docs/gao-strategy.pdf"] == 1
    assert set(link_states(db, site.origin).values()) == {("archived", None)}


def test_ingest_fetches_and_archives_one_web_page(
    runner: CliRunner, site: CitedSite, db: str
) -> None:
    url = f"{site.origin}/docs/gao-strategy.pdf"
    result = runner.invoke(cli, ["ingest", "--allow-private", url])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{url}: added as #1",
        "1 archived; 1 new document",
    ]
    again = runner.invoke(cli, ["ingest", "--allow-private", url])
    assert again.stdout.splitlines()[0] == f"{url}: unchanged, already archived as #1"
    with reading(db) as session:
        document = session.get(Document, 1)
        assert (document.path, document.source_format) == (url, "pdf")


def test_ingest_of_a_refused_web_address_fails_with_the_reason(
    runner: CliRunner, site: CitedSite
) -> None:
    url = f"{site.origin}/news/cargo-ship.html"
    result = runner.invoke(cli, ["ingest", url])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{url}: refused (127.0.0.1 resolves to the loopback address 127.0.0.1; "
        "such addresses are fetched only with --allow-private)"
    ]
    assert site.requests == {}


def test_ingest_names_a_missing_path(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ingest", "no-such-file.md"])
    assert result.exit_code == 1
    assert "no-such-file.md: no such file" in result.stderr.splitlines()


def test_on_the_samples_nothing_is_fetched(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["ingest", str(SAMPLES)]).exit_code == 0
    dry = runner.invoke(cli, ["fetch", "--dry-run"])
    assert dry.stdout == "" and dry.stderr.splitlines() == ["0 URLs to fetch"]
    result = runner.invoke(cli, ["fetch"])
    assert result.exit_code == 0
    assert result.stdout.startswith("nothing to fetch")
