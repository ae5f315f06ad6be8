"""The index writer in a process of its own, so that storing and indexing overlap.

An ingest of many files stores a batch of documents, hands their ids to this
writer and goes on with the next batch while the writer reads the batch back from
the database and commits it to the index. Batches are written one at a time, in
the order they were handed over; each commit's outcome (an ``IndexUpdate`` or
the error that stopped it) comes back in that order too.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from archive.db import connect
from archive.garbage import collect_less_often
from index.directory import OnWait
from index.errors import write_failure
from index.writer import Indexer, IndexUpdate

Outcome = tuple[list[int], IndexUpdate | BaseException]

MOST_PASSAGES = 20_000  # in one commit (their postings are all held at once)
# The writer runs at a lower priority: storing is the ingest's one serial step,
# so it has the cores first, and the writer catches up in larger (cheaper)
# commits. On a medium ingest: 816.8 passages/s before, 882.0 after.
NICENESS = 10

_indexer: Indexer | None = None  # the writer process's own


class BackgroundIndexer:
    """Writes batches of stored documents to the index at ``path`` in another process.

    While the writer is busy, batches handed over wait and are then written
    together, in one commit of at most ``MOST_PASSAGES`` (or one batch, if that
    holds more): when storing runs ahead of indexing, commits grow instead of
    piling up (each commit costs Whoosh a segment and merges). Raises ``OSError``
    (or ``NotImplementedError``) at once where the platform cannot start a
    process; the caller then indexes in its own.
    """

    def __init__(
        self, path: Path, database_url: str, on_wait: OnWait | None = None
    ) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            initializer=_open,
            initargs=(str(path), database_url, on_wait),
        )
        self._waiting: deque[tuple[list[int], int]] = deque()  # ids, passages
        self._running: tuple[list[int], Future] | None = None
        self._done: deque[Outcome] = deque()

    def submit(self, document_ids: list[int], passages: int) -> None:
        """Write these documents, which hold ``passages`` passages in all."""
        self._waiting.append((document_ids, passages))
        self._advance()

    def finished(self) -> Iterator[Outcome]:
        """Outcomes of the commits made so far, oldest first, without waiting."""
        self._advance()
        while self._done:
            yield self._done.popleft()

    def close(self) -> Iterator[Outcome]:
        """Wait until every document handed over is written, yielding outcomes."""
        try:
            while self._running is not None or self._waiting or self._done:
                if self._running is not None:
                    wait([self._running[1]])
                yield from self.finished()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _advance(self) -> None:
        if self._running is not None and self._running[1].done():
            self._done.append(_outcome(*self._running))
            self._running = None
        if self._running is None and self._waiting:
            first, held = self._waiting.popleft()
            batch = list(first)
            while self._waiting and held + self._waiting[0][1] <= MOST_PASSAGES:
                ids, passages = self._waiting.popleft()
                batch += ids
                held += passages
            try:
                future = self._pool.submit(_update, batch)
            except BrokenProcessPool as error:
                future = Future()
                future.set_exception(error)
            self._running = (batch, future)


def _outcome(ids: list[int], future: Future) -> Outcome:
    try:
        return ids, future.result()
    except BaseException as error:  # noqa: BLE001 - handed to the caller
        return ids, error


def _open(path: str, database_url: str, on_wait: OnWait | None) -> None:
    global _indexer
    collect_less_often()
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):  # no priorities on this platform
        pass
    _indexer = Indexer(Path(path), connect(database_url), on_wait=on_wait)


def _update(document_ids: list[int]) -> IndexUpdate:
    """One batch; any failure comes back as an ``IndexWriteFailed`` that pickles."""
    try:
        assert _indexer is not None, "the index writer process was not started"
        return _indexer.update_documents(document_ids)
    except Exception as error:  # noqa: BLE001 - described for the caller
        raise write_failure(error) from None
