"""The index folder: its recorded schema version, its write lock, opening it.

The folder records the schema version it was built with in ``schema-version``,
written only after a build has committed: a folder without it, or with another
number, is refused with a sentence that says to run ``archive reindex``.

Whoosh allows one writer at a time. ``locked`` waits for the lock in steps,
telling the caller how long it has waited, and gives up with ``IndexBusy``
after ``patience`` seconds; no raw ``LockError`` reaches the user.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from index import engine_fixes
from index.errors import IndexBusy, IndexMissing, IndexOutdated
from index.schema import SCHEMA_VERSION, build_schema

INDEX_NAME = "MAIN"
VERSION_FILE = "schema-version"
WRITE_PATIENCE = 600.0
WAIT_STEP = 0.2
REPORT_EVERY = 5.0

OnWait = Callable[[float], None]


def recorded_version(path: Path) -> int | None:
    try:
        return int((path / VERSION_FILE).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def exists(path: Path) -> bool:
    return path.is_dir() and whoosh_index.exists_in(str(path), INDEX_NAME)


def is_current(path: Path) -> bool:
    return exists(path) and recorded_version(path) == SCHEMA_VERSION


def open_index(path: Path) -> FileIndex:
    """The index at ``path`` if it is there and current; otherwise a clear error."""
    if not exists(path):
        raise IndexMissing(path)
    found = recorded_version(path)
    if found != SCHEMA_VERSION:
        raise IndexOutdated(path, found, SCHEMA_VERSION)
    engine_fixes.apply()
    return whoosh_index.open_dir(str(path), INDEX_NAME, schema=build_schema())


def create_index(path: Path) -> FileIndex:
    """A new, empty index at ``path``; call only while holding ``locked(path)``.

    The version file is removed first and written back (``mark_current``) only
    after the build has committed, so a build that dies half-way leaves a folder
    that is refused, never one read as current.
    """
    (path / VERSION_FILE).unlink(missing_ok=True)
    engine_fixes.apply()
    return FileIndex.create(FileStorage(str(path)), build_schema(), INDEX_NAME)


def mark_current(path: Path) -> None:
    (path / VERSION_FILE).write_text(f"{SCHEMA_VERSION}\n", encoding="utf-8")


@contextmanager
def locked(
    path: Path, on_wait: OnWait | None = None, patience: float = WRITE_PATIENCE
) -> Iterator[None]:
    """Hold the index's write lock (the one Whoosh writers take) for the block."""
    path.mkdir(parents=True, exist_ok=True)
    lock = FileStorage(str(path)).lock(f"{INDEX_NAME}_WRITELOCK")
    started = time.monotonic()
    reported = -REPORT_EVERY
    while not lock.acquire(blocking=False):
        waited = time.monotonic() - started
        if waited >= patience:
            raise IndexBusy(path, waited)
        if on_wait is not None and waited - reported >= REPORT_EVERY:
            reported = waited
            on_wait(waited)
        time.sleep(WAIT_STEP)
    try:
        yield
    finally:
        lock.release()
