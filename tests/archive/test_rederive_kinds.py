"""Countries, citation readings and attributions made by an older version are
recomputed by `archive rederive` from the stored text alone, to what a fresh
ingest of the same files stores; ids and links stay, and the index follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, func, insert, select, update

from archive.cli import cli
from archive.db import connect
from archive.derived import CURRENT, recorded, rederive_in_batches
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    DocumentCountry,
    Footnote,
    Marker,
    NoComment,
    Outlet,
    Passage,
)
from ingest import ATTRIBUTIONS_VERSION, CITATIONS_VERSION, COUNTRIES_VERSION
from tests.archive.rederived_rows import (
    agrees,
    derived_rows,
    document_id,
    ids,
    older,
    rederive,
)
from tests.conftest import FIXTURES, SAMPLES

STORY = "reuters-2026-02-23-us-forces-qasrak.txt"


@pytest.fixture
def archived(tmp_path: Path, database_url: str):
    """The samples in the archive under test, and in a fresh SQLite archive."""
    runner = CliRunner(
        env={
            "ARCHIVE_DATA_DIR": str(tmp_path / "data"),
            "ARCHIVE_DATABASE_URL": database_url,
        }
    )
    assert runner.invoke(cli, ["ingest", str(SAMPLES)]).exit_code == 0
    fresh = CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "fresh")})
    assert fresh.invoke(cli, ["ingest", str(SAMPLES)]).exit_code == 0
    return runner, database_url, f"sqlite:///{tmp_path / 'fresh' / 'archive.db'}"


def test_countries_of_an_older_version_become_those_of_a_fresh_ingest(
    archived,
) -> None:
    runner, url, fresh = archived

    def wrong_countries(session) -> None:
        story = document_id(session, STORY)
        session.execute(
            delete(DocumentCountry).where(DocumentCountry.document_id == story)
        )
        session.execute(
            insert(DocumentCountry),
            [{"document_id": story, "code": "FR", "position": 0}],
        )

    older(url, "countries", wrong_countries)
    assert derived_rows(url)["countries"] != derived_rows(fresh)["countries"]
    lines = rederive(runner)
    assert (
        lines[0] == f"countries: version 0 -> {COUNTRIES_VERSION}: "
        "3 documents read, 1 changed in 1 documents"
    )
    assert lines[1].startswith("search index: ")
    agrees(runner, url, fresh)


def test_citations_of_an_older_reading_are_read_again_keeping_ids_and_links(
    archived,
) -> None:
    """
    GIVEN a report whose footnote citations an older version read otherwise (one
      with another title, no authors and a work of its own, one missing)
    WHEN `archive rederive` runs
    THEN the citations are those a fresh ingest reads, the footnotes, claims and
      markers keep their ids and links, the old work and outlet are gone, and
      the index agrees
    """
    runner, url, fresh = archived

    def older_reading(session) -> None:
        footnote = session.scalars(
            select(Citation.footnote_id)
            .where(Citation.footnote_id.is_not(None))
            .group_by(Citation.footnote_id)
            .having(func.count() > 1)
            .order_by(Citation.footnote_id)
        ).first()
        first, *_, last = session.scalars(
            select(Citation.id)
            .where(Citation.footnote_id == footnote)
            .order_by(Citation.position)
        ).all()
        outlet = session.scalar(
            insert(Outlet)
            .values(slug="x-old-reading", short_name="Old", name="Old", kind="unknown")
            .returning(Outlet.id)
        )
        work = session.scalar(
            insert(CitedWork)
            .values(work_key="old", outlet_id=outlet, title="Old title")
            .returning(CitedWork.id)
        )
        session.execute(
            update(Citation)
            .where(Citation.id == first)
            .values(
                title="Old title",
                authors=None,
                style=None,
                work_id=work,
                outlet_id=outlet,
            )
        )
        session.execute(delete(Citation).where(Citation.id == last))

    links = select(Marker.id, Marker.claim_id, Marker.footnote_id)
    before = ids(url, links), ids(url, select(Footnote.id, Footnote.label))
    older(url, "citations", older_reading)
    assert (
        derived_rows(url)["footnote citations"]
        != derived_rows(fresh)["footnote citations"]
    )
    lines = rederive(runner)
    assert (
        lines[0] == f"citations: version 0 -> {CITATIONS_VERSION}: "
        "1 documents read, 1 changed in 1 documents"
    )
    agrees(runner, url, fresh)
    assert (ids(url, links), ids(url, select(Footnote.id, Footnote.label))) == before
    assert ids(url, select(Outlet.id).where(Outlet.slug == "x-old-reading")) == []
    assert ids(url, select(CitedWork.id).where(CitedWork.work_key == "old")) == []


def test_attributions_of_an_older_version_are_found_again_keeping_claimids(
    archived,
) -> None:
    """
    GIVEN a story whose claims an older version found otherwise (a claim it
      missed, a relation read otherwise, a false claim, nobody asked in vain)
    WHEN `archive rederive` runs
    THEN the claims, their citations and relations and whom it asked in vain
      are those of a fresh ingest, the claims found before keep their ids, and
      the index agrees
    """
    runner, url, fresh = archived

    def older_attribution(session) -> set[int]:
        story = document_id(session, STORY)
        claims = session.execute(
            select(Claim.id, Claim.passage_id)
            .join(Passage)
            .where(Passage.document_id == story)
            .order_by(Passage.position, Claim.position)
        ).all()
        session.execute(delete(Claim).where(Claim.id == claims[0].id))
        session.execute(
            update(Citation)
            .where(Citation.claim_id == claims[1].id)
            .values(how="old relation", via="Old Outlet", qualifier=None)
        )
        session.execute(
            insert(Claim).values(
                passage_id=claims[1].passage_id, position=9, start=0, end=1, text="U"
            )
        )
        session.execute(delete(NoComment).where(NoComment.document_id == story))
        return {claim.id for claim in claims[1:]}

    kept = older(url, "attributions", older_attribution)
    old = derived_rows(url)
    assert old["claims"] != derived_rows(fresh)["claims"]
    assert old["no comment"] != derived_rows(fresh)["no comment"]
    lines = rederive(runner)
    assert lines[0] == (
        f"attributions: version 0 -> {ATTRIBUTIONS_VERSION}: "
        "2 documents read, 1 changed in 1 documents"
    )
    agrees(runner, url, fresh)
    assert kept <= {claim_id for (claim_id,) in ids(url, select(Claim.id))}


def test_only_recomputes_the_kind_asked_for_and_every_stale_kind_is_warned_of(
    archived,
) -> None:
    runner, url, fresh = archived
    for name in ("countries", "citations", "attributions"):
        older(url, name, lambda session: None)
    warned = runner.invoke(cli, ["stats"])
    assert warned.stderr.splitlines() == [
        f"warning: the archive's {name} were computed by version 0 of the code "
        f"(this is version {CURRENT[name]}); run `archive rederive` to bring them "
        "up to date"
        for name in ("countries", "citations", "attributions")
    ]
    lines = rederive(runner, "--only", "countries")
    assert lines == [
        f"countries: version 0 -> {COUNTRIES_VERSION}: "
        "3 documents read, 0 changed in 0 documents"
    ]
    sessions = connect(url)
    with sessions() as session:
        assert recorded(session.connection()) == {
            **CURRENT,
            "citations": 0,
            "attributions": 0,
        }
    sessions.kw["bind"].dispose()


def test_an_interrupted_run_leaves_the_old_version_recorded(archived) -> None:
    runner, url, fresh = archived
    older(url, "countries", lambda session: None)
    sessions = connect(url)

    def interrupted(session, ids: list[int]) -> dict[int, int]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rederive_in_batches(sessions, "countries", Document.id, interrupted)
    with sessions() as session:
        assert recorded(session.connection())["countries"] == 0
    sessions.kw["bind"].dispose()


def test_a_footnote_stored_without_its_links_keeps_an_address_from_a_link(
    archived,
) -> None:
    """
    GIVEN a linked footnote stored before footnotes kept their links, whose
      citation's address is not in its text, and a reading of it since changed
    WHEN `archive rederive --only citations` runs
    THEN that citation is kept as stored (its address cannot be read again);
      once the footnote has its links, it is read again
    """
    runner, url, _ = archived
    report = FIXTURES / "report" / "cpin-syria-html-endnotes.html"
    assert runner.invoke(cli, ["ingest", str(report)]).exit_code == 0
    linked = (
        select(Citation.id, Footnote.id, Citation.title, Citation.url)
        .join(Footnote)
        .join(Document)
        .where(Document.path.endswith(report.name), Citation.url.is_not(None))
        .where(~Footnote.text.contains(Citation.url))
    )
    citation_id, footnote_id, title, address = ids(url, linked)[0]
    links = ids(url, select(Footnote.links).where(Footnote.id == footnote_id))[0][0]
    reading = select(Citation.title, Citation.url).where(Citation.id == citation_id)

    def older_reading(links_kept: list | None):
        def change(session) -> None:
            session.execute(
                update(Citation).where(Citation.id == citation_id).values(title="Old")
            )
            session.execute(
                update(Footnote)
                .where(Footnote.id == footnote_id)
                .values(links=links_kept)
            )

        return change

    older(url, "citations", older_reading(None))
    assert rederive(runner, "--only", "citations")[0].endswith(
        " 0 changed in 0 documents"
    )
    assert ids(url, reading) == [("Old", address)]
    older(url, "citations", older_reading(links))
    assert rederive(runner, "--only", "citations")[0].endswith(
        " 1 changed in 1 documents"
    )
    assert ids(url, reading) == [(title, address)]
