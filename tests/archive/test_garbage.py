"""Batch work runs with the garbage collector set for it, and leaves it as it was."""

from __future__ import annotations

import gc

from archive.batch import expand, ingest_all
from archive.garbage import BATCH_THRESHOLDS
from ingest import ParseOptions
from tests.conftest import SAMPLES
from tests.index.conftest import make_archive


def test_an_ingest_collects_less_often_while_it_runs_and_restores_after(tmp_path):
    archive = make_archive(tmp_path)
    before = gc.get_threshold()
    assert before != BATCH_THRESHOLDS
    seen = [
        gc.get_threshold()
        for _ in ingest_all(expand([SAMPLES]), archive.sessions, ParseOptions())
    ]
    assert seen == [BATCH_THRESHOLDS] * 3
    assert gc.get_threshold() == before
    archive.searcher.close()
