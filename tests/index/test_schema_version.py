"""The index records its schema version; another version is never read as current.

A search on an outdated, half-built or missing index stops with a sentence that
names ``archive reindex``; ``archive reindex`` (and any ingest) rebuilds it from
the database. A failing write reaches its caller and leaves the index as it was.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from whoosh import fields
from whoosh import index as whoosh_index

from archive.cli import cli
from index import SCHEMA_VERSION, IndexMissing, IndexOutdated, SearchRequest, check
from index.directory import INDEX_NAME, VERSION_FILE, locked, open_index
from index.writer import _writer
from tests.index.conftest import EUAA, REUTERS


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def runner(data) -> CliRunner:
    return CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})


def outdated_message(index_dir, found: str) -> str:
    return (
        f"the search index at {index_dir} was built with {found} and this version "
        f"of the archive needs schema version {SCHEMA_VERSION}: "
        "run `archive reindex` to rebuild it"
    )


def test_an_index_of_another_schema_version_is_refused_with_a_sentence(
    archive,
) -> None:
    archive.ingest(EUAA)
    (archive.index_dir / VERSION_FILE).write_text(f"{SCHEMA_VERSION - 1}\n")
    with pytest.raises(IndexOutdated) as caught:
        archive.search("coalition")
    assert str(caught.value) == outdated_message(
        archive.index_dir, f"schema version {SCHEMA_VERSION - 1}"
    )


def test_a_half_built_index_without_its_version_is_refused(archive) -> None:
    archive.ingest(EUAA)
    (archive.index_dir / VERSION_FILE).unlink()
    with pytest.raises(IndexOutdated) as caught:
        archive.search("coalition")
    assert str(caught.value) == outdated_message(
        archive.index_dir, "an unknown version"
    )


def test_a_missing_index_is_refused_not_searched_as_empty(archive) -> None:
    with pytest.raises(IndexMissing) as caught:
        archive.searcher.search(SearchRequest("coalition"))
    assert str(caught.value) == (
        f"there is no search index at {archive.index_dir}: "
        "run `archive reindex` to build it"
    )


def test_archive_search_on_an_old_index_says_to_reindex_and_reindex_fixes_it(
    runner, data
) -> None:
    """GIVEN an index folder written by an older schema (other fields entirely)
    WHEN searching, then running ``archive reindex``
    THEN the search fails with the sentence and exit 1, the rebuild replaces
    the old index with one of the current schema, and the search works.
    """
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    index_dir = data / "index"
    old = fields.Schema(path=fields.ID(stored=True), content=fields.TEXT)
    ix = whoosh_index.create_in(str(index_dir), old, INDEX_NAME)
    with ix.writer() as writer:
        writer.add_document(path="a", content="coalition")
    (index_dir / VERSION_FILE).write_text("0\n")
    result = runner.invoke(cli, ["search", "coalition"])
    assert result.exit_code == 1
    expected = outdated_message(index_dir, "schema version 0")
    assert result.output == f"Error: {expected}\n"
    assert runner.invoke(cli, ["check"]).output == f"{expected}\n"
    rebuilt = runner.invoke(cli, ["reindex"])
    assert rebuilt.output == "indexed 6 passages of 1 documents\n"
    assert "content" not in open_index(index_dir).schema.names()
    assert runner.invoke(cli, ["search", "--json", "coalition"]).exit_code == 0
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_an_ingest_rebuilds_an_outdated_index_and_says_why(runner, data) -> None:
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    (data / "index" / VERSION_FILE).write_text("0\n")
    result = runner.invoke(cli, ["ingest", str(REUTERS)])
    assert result.exit_code == 0
    assert result.stderr == (
        f"the search index at {data / 'index'} was built with schema version 0; "
        f"rebuilt it from the archive with schema version {SCHEMA_VERSION}\n"
    )
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_the_first_ingest_builds_the_index_from_the_whole_archive(archive) -> None:
    from archive.batch import ingest_all
    from ingest import ParseOptions

    list(ingest_all([EUAA], archive.sessions, ParseOptions()))
    archive.ingest(REUTERS)
    assert check(archive.index_dir, archive.sessions).ok


def test_a_failing_write_reaches_the_caller_and_changes_nothing(archive) -> None:
    archive.ingest(EUAA)
    before = archive.search("coalition").total
    ix = open_index(archive.index_dir)
    with locked(archive.index_dir), pytest.raises(fields.UnknownFieldError):
        with _writer(ix) as writer:
            writer.delete_by_term("document_id", "1")
            writer.add_document(no_such_field="x")
    assert archive.search("coalition").total == before
    assert archive.indexer.update_document(1).passages == 6


def test_an_ingest_whose_index_cannot_be_written_says_so_and_exits_1(
    runner, data
) -> None:
    """GIVEN a file where the index folder should be
    WHEN ingesting two files
    THEN both are archived, the user is told neither is indexed and why, and the
    command exits 1 so that scripts notice.
    """
    data.mkdir()
    (data / "index").write_text("not a folder")
    result = runner.invoke(cli, ["ingest", str(EUAA), str(REUTERS)])
    assert result.exit_code == 1
    assert result.stdout.endswith("2 added\n")
    assert result.stderr.splitlines()[-1] == (
        "not in the search index: #1, #2: the search index could not be written: "
        f"[Errno 17] File exists: '{data / 'index'}'"
    )
