"""An ingest that finds the index behind the archive brings it up to date.

The index is left behind the way a crash leaves it: an ingest stored in the
database whose index step never ran, index entries deleted or added behind the
archive's back, a rebuild killed half-way (the schema-version file is gone
until a build commits). A plain re-run of ``archive ingest`` mends each and
says so; ``archive check`` then finds the index in step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from whoosh import index as whoosh_index

from archive.batch import ingest_all
from archive.cli import cli
from archive.db import connect
from archive.queries import indexable_passages
from index.directory import INDEX_NAME, VERSION_FILE
from index.entries import entry
from ingest import ParseOptions
from tests.index.conftest import AP, EUAA, REUTERS

IN_STEP = "the index matches the archive"


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def runner(data) -> CliRunner:
    return CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})


def _check(runner: CliRunner) -> list[str]:
    result = runner.invoke(cli, ["check"])
    return result.output.splitlines()


def test_a_rerun_after_an_ingest_that_died_before_indexing_mends_the_index(
    runner, data
):
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    list(ingest_all([REUTERS], sessions, ParseOptions()))  # died before the index
    assert _check(runner)[1].startswith("14 missing (in the archive but not in")

    rerun = runner.invoke(cli, ["ingest", str(EUAA), str(REUTERS)])
    assert rerun.exit_code == 0, rerun.output
    assert (
        "the search index was behind the archive (14 missing passages); "
        "brought it up to date: 14 passages of 1 documents rewritten"
    ) in rerun.output
    assert _check(runner)[-1] == IN_STEP


def test_orphaned_and_missing_entries_are_mended_by_the_next_ingest(runner, data):
    assert runner.invoke(cli, ["ingest", str(EUAA), str(REUTERS)]).exit_code == 0
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    with sessions() as session:
        first = indexable_passages(session, [1])[0]
    ix = whoosh_index.open_dir(str(data / "index"), INDEX_NAME)
    with ix.writer() as writer:
        writer.delete_by_term("document_id", "2")
        writer.add_document(**dict(entry(first), passage_id="99999", document_id="77"))
    assert _check(runner)[0] == "20 passages in the archive, 7 in the index"

    result = runner.invoke(cli, ["ingest", str(AP)])
    assert result.exit_code == 0, result.output
    assert (
        "the search index was behind the archive (14 missing, 1 orphaned "
        "passages); brought it up to date:"
    ) in result.output
    assert _check(runner)[-1] == IN_STEP


def test_a_rebuild_killed_half_way_is_rebuilt_by_the_next_ingest(runner, data):
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    (data / "index" / VERSION_FILE).unlink()  # as a rebuild leaves it until done
    assert "archive reindex" in _check(runner)[0]

    result = runner.invoke(cli, ["ingest", str(EUAA)])
    assert result.exit_code == 0, result.output
    assert "the search index could not be used (" in result.output
    assert "rebuilt it from the archive: 6 passages of 1 documents" in result.output
    assert _check(runner)[-1] == IN_STEP


def test_check_on_an_empty_archive_and_index_says_they_match(runner):
    assert runner.invoke(cli, ["reindex"]).exit_code == 0
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "0 passages in the archive, 0 in the index",
        IN_STEP,
    ]


def test_check_on_a_damaged_index_names_the_problem(runner, data):
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    for segment in (data / "index").glob("*.seg"):
        segment.unlink()
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "cannot be read" in result.output
    assert "run `archive reindex`" in result.output
