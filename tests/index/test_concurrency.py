"""Two processes writing the index: the second waits, says so, and succeeds.

Whoosh allows one writer at a time. These tests run real ``archive ingest``
processes against one data folder (nothing shared in memory), and one process
that only holds the index lock, to make the wait certain rather than likely.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.config import load_settings
from archive.db import connect
from index import IndexBusy
from tests.index.conftest import AP, EUAA, REUTERS

ROOT = Path(__file__).resolve().parents[2]
RUN_CLI = "import sys; from archive.cli import cli; sys.exit(cli())"
HOLD_LOCK = """
import sys, time
from pathlib import Path
from index.directory import locked
with locked(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""
DEADLINE = 120


def start(data_dir: Path, *args: str | Path) -> subprocess.Popen:
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-c", RUN_CLI, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out, err


def hold_lock(index_dir: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index_dir), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def first_line(stream, timeout: float = DEADLINE) -> str:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(stream.readline).result(timeout=timeout)


def test_two_ingests_at_once_both_succeed(tmp_path: Path) -> None:
    """GIVEN an archive database (created first: two processes creating its
    tables at the same moment is a different race, archive/db.py's)
    WHEN two ``archive ingest`` processes start together
    THEN both succeed, and the index holds every passage of both.
    """
    data = tmp_path / "data"
    connect(load_settings({"ARCHIVE_DATA_DIR": str(data)}).database_url)
    processes = [start(data, "ingest", EUAA, AP), start(data, "ingest", REUTERS)]
    results = [finish(process) for process in processes]
    for code, out, err in results:
        assert code == 0, f"stdout:\n{out}\nstderr:\n{err}"
        assert "Traceback" not in err and "LockError" not in err
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    checked = runner.invoke(cli, ["check"])
    assert checked.exit_code == 0, checked.output
    assert checked.output.endswith("the index matches the archive\n")
    found = runner.invoke(cli, ["search", "--json", "Qasrak"])
    assert '"total": 6' in found.output


def test_an_ingest_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    """GIVEN another process holding the index lock
    WHEN ``archive ingest`` runs
    THEN it tells the user it is waiting, and completes once the lock is free.
    """
    data = tmp_path / "data"
    connect(load_settings({"ARCHIVE_DATA_DIR": str(data)}).database_url)
    holder = hold_lock(data / "index", 60)
    ingest = start(data, "ingest", EUAA)
    try:
        line = first_line(ingest.stderr)
    finally:
        holder.kill()
        holder.communicate()
        code, out, err = finish(ingest)
    assert line.startswith(
        "waiting for another process to finish writing the search index ("
    ), line
    assert code == 0, err
    assert out == "1 added\n"
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_the_wait_is_bounded_and_ends_in_a_sentence(archive) -> None:
    archive.ingest(EUAA)
    holder = hold_lock(archive.index_dir, 60)
    waits: list[float] = []
    try:
        archive.indexer.on_wait = waits.append
        archive.indexer.patience = 1.0
        with pytest.raises(IndexBusy) as caught:
            archive.indexer.update_document(1)
    finally:
        holder.kill()
        holder.communicate()
    assert waits and waits[0] < 1.0
    assert str(caught.value) == (
        f"another process held the search index at {archive.index_dir} for 1 s; "
        "the archive is up to date but the index may not be: run `archive check`, "
        "then `archive reindex` if it reports differences"
    )
    archive.indexer.patience = 60.0
    assert archive.indexer.update_document(1).documents == (1,)
