"""Indexing during an ingest, in the ingest's process or in a writer process."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.batch import expand, ingest_all
from index import IndexUpdate, SearchRequest
from index.background import BackgroundIndexer
from index.batches import IndexBatches
from index.directory import locked
from ingest import ParseOptions
from tests.conftest import SAMPLES
from tests.index.conftest import make_archive


def _ingest(root: Path, index_dir: Path, batch: int) -> tuple[IndexBatches, list]:
    archive = make_archive(root)
    files = expand([SAMPLES])
    said: list[str] = []
    batches = IndexBatches(
        index_dir,
        f"sqlite:///{root / 'archive.db'}",
        archive.sessions,
        len(files),
        say=said.append,
        batch=batch,
    )
    outcomes = list(
        ingest_all(files, archive.sessions, ParseOptions(), after_store=batches)
    )
    assert all(o.status == "added" for o in outcomes), outcomes
    return batches, outcomes


@pytest.mark.parametrize("batch", [1, 50], ids=["writer process", "same process"])
def test_every_stored_document_is_searchable_after_the_ingest(tmp_path, batch):
    batches, outcomes = _ingest(tmp_path, tmp_path / "index", batch)
    assert (batches.background is not None) == (batch < len(outcomes))
    assert batches.finish()
    archive = make_archive(tmp_path)
    found = archive.searcher.search(SearchRequest("Qasrak", per_page=100))
    assert {hit.document_id for hit in found.hits} == {o.document for o in outcomes}
    archive.searcher.close()


@pytest.mark.parametrize("batch", [1, 50], ids=["writer process", "same process"])
def test_an_unwritable_index_is_reported_not_raised(tmp_path, batch):
    blocked = tmp_path / "index"
    blocked.write_text("a file where the index folder should be")
    batches, outcomes = _ingest(tmp_path, blocked, batch)
    assert not batches.finish()
    assert sorted(batches.missed) == sorted(o.document for o in outcomes)
    assert batches.problem and str(blocked) in batches.problem


def test_batches_handed_over_while_the_writer_is_busy_go_in_one_commit(tmp_path):
    archive = make_archive(tmp_path)
    outcomes = list(ingest_all(expand([SAMPLES]), archive.sessions, ParseOptions()))
    first, *rest = [o.document for o in outcomes]
    writer = BackgroundIndexer(
        archive.index_dir, f"sqlite:///{tmp_path / 'archive.db'}"
    )
    with locked(archive.index_dir):  # the writer waits for this lock
        writer.submit([first])
        for document in rest:
            writer.submit([document])
    commits = list(writer.close())
    assert [ids for ids, _ in commits] == [[first], rest]
    assert all(isinstance(update, IndexUpdate) for _, update in commits)
