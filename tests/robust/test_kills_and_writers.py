"""Nothing is lost to a kill or to writers at once.

``archive ingest`` is killed (``kill -9``, with every process it started) at a
few moments and run again; a rebuild of the index is killed too. After a plain
re-run the archive holds exactly what one uninterrupted ingest stores, and
``archive check`` finds the index in step. Three ingests of overlapping folders
at once, on SQLite and on PostgreSQL, fail no file and store each document once.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archive.db import connect
from archive.models import Citation, Claim, Document, Footnote, Passage
from tests.conftest import BUNDLED_SAMPLES, FIXTURES
from tests.robust import archive_process as archive

KILL_AFTER = (1.5, 3.0, 5.0)  # seconds into an ingest; the moments vary with speed
IN_STEP = "the index matches the archive"


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    """Three folders that share files: samples, corpus, and half of each."""
    samples, corpus, mixed = (tmp_path / n for n in ("samples", "corpus", "mixed"))
    shutil.copytree(BUNDLED_SAMPLES, samples)
    shutil.copytree(FIXTURES / "corpus", corpus)
    mixed.mkdir()
    for source in (samples, corpus):
        for path in sorted(source.iterdir())[::2]:
            shutil.copy(path, mixed / path.name)
    return [samples, corpus, mixed]


def counts(url: str) -> dict[str, int]:
    sessions = connect(url)
    with sessions() as session:
        found = {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Document, Passage, Claim, Footnote, Citation)
        }
    sessions.kw["bind"].dispose()
    return found


def test_ingests_killed_at_any_moment_lose_nothing_once_run_again(tmp_path, folders):
    reference = archive.environment(tmp_path / "reference")
    first = archive.run(reference, "ingest", *map(str, folders[:2]))
    assert first.returncode == 0, first.stderr
    expected = counts(f"sqlite:///{tmp_path / 'reference' / 'archive.db'}")

    env = archive.environment(tmp_path / "data")
    for delay in KILL_AFTER:
        process = archive.start(env, "ingest", *map(str, folders[:2]))
        time.sleep(delay)
        archive.kill(process)
    rebuild = archive.start(env, "reindex")
    time.sleep(1.0)
    archive.kill(rebuild)

    rerun = archive.run(env, "ingest", *map(str, folders[:2]))
    assert rerun.returncode == 0, rerun.stderr
    assert counts(f"sqlite:///{tmp_path / 'data' / 'archive.db'}") == expected
    check = archive.run(env, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1] == IN_STEP


def test_three_ingests_at_once_fail_no_file(tmp_path, folders, database_url):
    env = archive.environment(tmp_path / "data", database_url)
    started = [archive.start(env, "ingest", "--json", str(f)) for f in folders]
    results = [process.communicate(timeout=archive.HANG) for process in started]
    for process, (stdout, stderr) in zip(started, results, strict=True):
        assert process.returncode == 0, stderr
        assert '"status": "failed"' not in stdout
    alone = archive.environment(tmp_path / "alone")
    assert archive.run(alone, "ingest", *map(str, folders[:2])).returncode == 0
    assert counts(database_url) == counts(
        f"sqlite:///{tmp_path / 'alone' / 'archive.db'}"
    )
    check = archive.run(env, "check")
    assert check.stdout.splitlines()[-1] == IN_STEP, check.stdout + check.stderr
