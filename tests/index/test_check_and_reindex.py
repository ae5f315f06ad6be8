"""The database is the truth: ``check`` finds every difference, ``reindex`` mends it.

Differences are made by hand, the way a crash or an old index would leave them:
an ingest that stored a document but died before the index commit, a passage
edited behind the index's back, index documents changed or deleted directly.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update
from whoosh import index as whoosh_index

from archive.batch import ingest_all
from archive.cli import cli
from archive.models import Passage
from archive.queries import indexable_passages
from index import Indexer, Searcher, check
from index.directory import INDEX_NAME
from index.entries import entry
from ingest import ParseOptions
from tests.conftest import SAMPLES
from tests.index.conftest import AP, EUAA, REUTERS, Archive


@pytest.fixture
def runner(tmp_path) -> CliRunner:
    return CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "data")})


def test_a_fresh_ingest_leaves_index_and_database_in_step(archive) -> None:
    archive.ingest(SAMPLES)
    report = check(archive.index_dir, archive.sessions)
    assert report.ok
    assert report.lines() == [
        "32 passages in the archive, 32 in the index",
        "the index matches the archive",
    ]


def test_an_ingest_after_reindexing_an_empty_archive_is_indexed(runner) -> None:
    assert runner.invoke(cli, ["reindex"]).exit_code == 0
    ingested = runner.invoke(cli, ["ingest", str(EUAA), str(AP)])
    assert ingested.exit_code == 0, ingested.output
    assert "not in the search index" not in ingested.output
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_an_ingest_that_died_before_the_index_commit_shows_as_missing(
    archive,
) -> None:
    """GIVEN a document stored without its index step (the process died there)
    WHEN checking
    THEN its passages are reported missing; reindex makes them searchable.
    """
    archive.ingest(EUAA)
    list(ingest_all([REUTERS], archive.sessions, ParseOptions()))
    report = check(archive.index_dir, archive.sessions)
    reuters = archive.passages_of(REUTERS)
    assert set(report.missing) == reuters
    assert not report.ok
    assert report.lines()[-1] == (
        "run `archive reindex` to rebuild the index from the archive"
    )
    assert archive.matched_ids("Rmelan") == []
    archive.indexer.rebuild()
    assert check(archive.index_dir, archive.sessions).ok
    assert set(archive.matched_ids("Rmelan")) == archive.passages_saying("Rmelan")


def test_an_index_edited_by_hand_shows_missing_stale_and_orphaned_passages(
    archive,
) -> None:
    """GIVEN an index where, by hand, one passage holds an older text, one is
    deleted and one that the archive never had is added
    WHEN checking, then reindexing
    THEN each is reported by its kind and id, and the rebuild mends all three.
    """
    archive.ingest(EUAA, AP)
    ap = sorted(archive.passages_of(AP))
    with archive.sessions() as session:
        first = next(
            p
            for p in indexable_passages(session, archive.documents())
            if p.passage_id == ap[0]
        )
    older = replace(first, text="A sentence the archive no longer holds.")
    ix = whoosh_index.open_dir(str(archive.index_dir), INDEX_NAME)
    with ix.writer() as writer:
        writer.update_document(**entry(older))
        writer.add_document(**dict(entry(first), passage_id="99999"))
        writer.delete_by_term("passage_id", str(ap[1]))
    report = check(archive.index_dir, archive.sessions)
    assert (report.missing, report.stale, report.orphaned) == (
        (ap[1],),
        (ap[0],),
        (99999,),
    )
    assert archive.matched_ids("no longer holds") == [ap[0]]
    archive.indexer.rebuild()
    assert check(archive.index_dir, archive.sessions).ok
    assert archive.matched_ids("no longer holds") == []


def test_a_passage_changed_in_the_database_shows_as_stale(archive) -> None:
    archive.ingest(EUAA)
    target = min(archive.passages_of(EUAA))
    with archive.sessions.begin() as session:
        session.execute(
            update(Passage).where(Passage.id == target).values(text="Edited.")
        )
    report = check(archive.index_dir, archive.sessions)
    assert report.stale == (target,)
    assert "1 stale (changed since they were indexed): #" in "\n".join(report.lines())
    archive.indexer.rebuild()
    assert check(archive.index_dir, archive.sessions).ok


def test_archive_check_exits_1_on_a_stale_index_and_reindex_repairs_it(
    runner, tmp_path
) -> None:
    assert runner.invoke(cli, ["ingest", str(EUAA), str(REUTERS)]).exit_code == 0
    assert runner.invoke(cli, ["check"]).output == (
        "20 passages in the archive, 20 in the index\nthe index matches the archive\n"
    )
    ix = whoosh_index.open_dir(str(tmp_path / "data" / "index"), INDEX_NAME)
    writer = ix.writer()
    writer.delete_by_term("document_id", "2")
    writer.commit()
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "20 passages in the archive, 6 in the index"
    assert lines[1].startswith("14 missing (in the archive but not in the index): #")
    assert lines[-1] == "run `archive reindex` to rebuild the index from the archive"
    reindexed = runner.invoke(cli, ["reindex"])
    assert reindexed.output == "indexed 20 passages of 2 documents\n"
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_reingesting_a_changed_file_replaces_its_passages_as_a_unit(
    archive, tmp_path
) -> None:
    story = tmp_path / "story.txt"
    text = REUTERS.read_text(encoding="utf-8")
    story.write_text(text, encoding="utf-8")
    archive.ingest(story)
    assert archive.matched_ids("Rmelan")
    story.write_text(text.replace("Rmelan", "Rumeilan"), encoding="utf-8")
    (outcome,) = archive.ingest(story)
    assert outcome.status == "updated"
    assert archive.matched_ids("Rmelan", exact=True) == []
    assert set(archive.matched_ids("Rumeilan")) == archive.passages_saying("Rumeilan")
    report = check(archive.index_dir, archive.sessions)
    assert report.ok and report.in_index == len(archive.passages_of(story))


def test_check_without_an_index_names_the_command_to_run(archive) -> None:
    list(ingest_all([EUAA], archive.sessions, ParseOptions()))
    report = check(archive.index_dir, archive.sessions)
    assert not report.ok
    assert report.lines() == [
        f"there is no search index at {archive.index_dir}: "
        "run `archive reindex` to build it"
    ]


def test_the_database_ids_are_what_the_index_holds(archive) -> None:
    archive.ingest(SAMPLES)
    with archive.sessions() as session:
        ids = set(session.scalars(select(Passage.id)))
    assert (
        set(archive.matched_ids("", filters=(("kind", "wire"),)))
        | set(archive.matched_ids("", filters=(("kind", "report"),)))
        == ids
    )


def test_index_and_check_work_on_every_database(sessions, tmp_path) -> None:
    """The index reads the archive through ``archive.queries`` only, so it works
    on PostgreSQL as on SQLite (the PostgreSQL leg runs when configured)."""
    archive = Archive(
        sessions, tmp_path / "index", Indexer(tmp_path / "index", sessions), None
    )
    archive.searcher = Searcher(archive.index_dir)
    archive.ingest(SAMPLES)
    assert check(archive.index_dir, sessions).ok
    assert len(archive.matched_ids("Qasrak")) == 6
    assert archive.indexer.rebuild().passages == 32
    archive.searcher.close()
