"""The index writer in a process of its own, so that storing and indexing overlap.

An ingest of many files stores a batch of documents, hands their ids to this
writer and goes on with the next batch while the writer reads the batch back from
the database and commits it to the index. Batches are written one at a time, in
the order they were handed over; each one's outcome (an ``IndexUpdate`` or the
error that stopped it) comes back in that order too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from archive.db import connect
from index.directory import OnWait
from index.errors import write_failure
from index.writer import Indexer, IndexUpdate

Outcome = tuple[list[int], IndexUpdate | BaseException]

_indexer: Indexer | None = None  # the writer process's own


class BackgroundIndexer:
    """Writes batches of stored documents to the index at ``path`` in another process.

    Raises ``OSError`` (or ``NotImplementedError``) at once where the platform
    cannot start one; the caller then indexes in its own process.
    """

    def __init__(
        self, path: Path, database_url: str, on_wait: OnWait | None = None
    ) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            initializer=_open,
            initargs=(str(path), database_url, on_wait),
        )
        self._queued: deque[tuple[list[int], Future]] = deque()

    def submit(self, document_ids: list[int]) -> None:
        try:
            future = self._pool.submit(_update, list(document_ids))
        except BrokenProcessPool as error:
            future = Future()
            future.set_exception(error)
        self._queued.append((list(document_ids), future))

    def finished(self) -> Iterator[Outcome]:
        """Outcomes of the batches written so far, oldest first, without waiting."""
        while self._queued and self._queued[0][1].done():
            yield self._outcome(*self._queued.popleft())

    def close(self) -> Iterator[Outcome]:
        """Wait for every batch handed over, yielding their outcomes, then stop."""
        try:
            while self._queued:
                yield self._outcome(*self._queued.popleft())
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _outcome(ids: list[int], future: Future) -> Outcome:
        try:
            return ids, future.result()
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            return ids, error


def _open(path: str, database_url: str, on_wait: OnWait | None) -> None:
    global _indexer
    _indexer = Indexer(Path(path), connect(database_url), on_wait=on_wait)


def _update(document_ids: list[int]) -> IndexUpdate:
    """One batch; any failure comes back as an ``IndexWriteFailed`` that pickles."""
    try:
        assert _indexer is not None, "the index writer process was not started"
        return _indexer.update_documents(document_ids)
    except Exception as error:  # noqa: BLE001 - described for the caller
        raise write_failure(error) from None
