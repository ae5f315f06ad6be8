"""Fetching and keeping through the library, on SQLite and PostgreSQL: which
URLs are chosen, what is stored of each, and the counts the pages show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from archive.batch import ingest_all
from archive.browse import link_health
from archive.fetching.fetcher import Rules
from archive.fetching.health import Selection, targets
from archive.fetching.keeping import keep
from archive.fetching.run import fetch_all
from archive.fetching.warc import WarcStore, read_original
from archive.models import Report
from ingest import ParseOptions, load_registry
from tests.archive.cited_site import CORPUS, PAGES, CitedSite
from tests.archive.test_fetch import REPORT

RULES = Rules(allow_private=True, delay=0, timeout=1, max_bytes=4_000_000)


def ingest(sessions, site: CitedSite, folder: Path) -> int:
    """The report fixture, citing ``site``, stored; its report id."""
    path = folder / "cited-urls.md"
    path.write_text(REPORT.read_text().replace("{origin}", site.origin))
    (outcome,) = ingest_all([path], sessions, ParseOptions(load_registry()))
    assert outcome.status == "added", outcome
    with sessions() as session:
        return session.scalar(select(Report.id))


def test_urls_are_chosen_kept_and_counted(sessions, tmp_path: Path) -> None:
    with CitedSite() as site:
        report_id = ingest(sessions, site, tmp_path)
        with sessions() as session:
            chosen = targets(session, Selection(report_id=report_id))
            assert targets(session, Selection(since=dt.date(2999, 1, 1))) == []
        assert len(chosen) == 9
        warcs = WarcStore(tmp_path / "data", "test.warc.gz")
        registry = load_registry()
        kept = [keep(sessions, warcs, f, registry) for f in fetch_all(chosen, RULES)]
    assert sorted(k.state for k in kept) == sorted(
        ["archived"] * 3 + ["redirected", "gone", "gone", "failed", "robots"]
        + ["too-large"]
    )  # fmt: skip
    with sessions() as session:
        assert targets(session, Selection()) == []
        assert len(targets(session, Selection(recheck=True, limit=4))) == 4
        everything = link_health.counts(session, link_health.of_report(report_id))
        pdf = link_health.link_state(session, f"{site.origin}/docs/gao-strategy.pdf")
        where = link_health.original_of(session, pdf.document_id)
        copy = link_health.fetched_copy(session, pdf.document_id)
    assert everything == link_health.LinkCounts(urls=9, checked=9, gone=2, archived=4)
    assert (pdf.state, pdf.original, pdf.wayback) == ("archived", True, None)
    assert copy.url == pdf.url
    body = read_original(tmp_path / "data", *where).body
    assert body == (CORPUS / PAGES["/docs/gao-strategy.pdf"][1]).read_bytes()
