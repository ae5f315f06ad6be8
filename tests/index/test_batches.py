"""Indexing during an ingest, in the ingest's process or in a writer process."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from archive.batch import expand, ingest_all
from archive.garbage import BATCH_THRESHOLDS
from index import IndexUpdate, SearchRequest, background
from index.background import NICENESS, BackgroundIndexer
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
        say=said.append,
        batch=batch,
    )
    outcomes = list(
        ingest_all(files, archive.sessions, ParseOptions(), after_store=batches)
    )
    assert all(o.status == "added" for o in outcomes), outcomes
    return batches, outcomes


IN_ONE_BATCH = 10**6  # passages: more than the samples hold


@pytest.mark.parametrize(
    "batch", [1, IN_ONE_BATCH], ids=["writer process", "same process"]
)
def test_every_stored_document_is_searchable_after_the_ingest(tmp_path, batch):
    batches, outcomes = _ingest(tmp_path, tmp_path / "index", batch)
    # Only a run that fills a batch starts the writer process.
    assert (batches.background is not None) == (batch == 1)
    assert batches.finish()
    archive = make_archive(tmp_path)
    found = archive.searcher.search(SearchRequest("Qasrak", per_page=100))
    assert {hit.document_id for hit in found.hits} == {o.document for o in outcomes}
    archive.searcher.close()


@pytest.mark.parametrize(
    "batch", [1, IN_ONE_BATCH], ids=["writer process", "same process"]
)
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
        writer.submit([first], 1)
        for document in rest:
            writer.submit([document], 1)
    commits = list(writer.close())
    assert [ids for ids, _ in commits] == [[first], rest]
    assert all(isinstance(update, IndexUpdate) for _, update in commits)


def test_batches_waiting_together_are_split_at_most_passages(tmp_path, monkeypatch):
    monkeypatch.setattr(background, "MOST_PASSAGES", 10)
    archive = make_archive(tmp_path)
    outcomes = list(ingest_all(expand([SAMPLES]), archive.sessions, ParseOptions()))
    first, second, third = [o.document for o in outcomes]
    writer = BackgroundIndexer(
        archive.index_dir, f"sqlite:///{tmp_path / 'archive.db'}"
    )
    with locked(archive.index_dir):
        writer.submit([first], 1)
        writer.submit([second], 4)  # waits with the third: 4 + 6 <= 10
        writer.submit([third], 6)
        writer.submit([first], 11)  # more than the bound alone: a commit of its own
    commits = list(writer.close())
    assert [ids for ids, _ in commits] == [[first], [second, third], [first]]
    assert all(isinstance(update, IndexUpdate) for _, update in commits)


def test_the_writer_process_runs_at_a_lower_priority(tmp_path):
    archive = make_archive(tmp_path)
    writer = BackgroundIndexer(
        archive.index_dir, f"sqlite:///{tmp_path / 'archive.db'}"
    )
    try:
        assert writer._pool.submit(os.nice, 0).result() == os.nice(0) + NICENESS
    finally:
        list(writer.close())


def test_the_writer_process_collects_garbage_less_often(tmp_path):
    archive = make_archive(tmp_path)
    writer = BackgroundIndexer(
        archive.index_dir, f"sqlite:///{tmp_path / 'archive.db'}"
    )
    try:
        assert writer._pool.submit(gc.get_threshold).result() == BATCH_THRESHOLDS
    finally:
        list(writer.close())
