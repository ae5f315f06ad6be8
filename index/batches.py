"""Indexing during an ingest: stored documents go to the index in batches.

Every ``INDEX_BATCH`` stored documents, and at the end of the run, a batch is
written to the index in one commit. With more files than one batch, the batches
are written by a process of its own (``BackgroundIndexer``) while the ingest
stores the next ones; otherwise, or where no such process can be started, in the
ingest's own process. If the index cannot be written (another process holds it
too long, a disk error, a fault in the search engine), the rest of the run is
archived without indexing and the user is told what to run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session, sessionmaker

from archive.batch import INDEX_BATCH
from index.background import BackgroundIndexer, Outcome
from index.directory import OnWait
from index.errors import write_failure
from index.writer import Indexer, IndexUpdate


class IndexBatches:
    """``after_store`` for an ingest of ``files`` files; ``finish`` says if all went in.

    ``say`` is told of rebuilds (an outdated index is rebuilt by the first write).
    """

    def __init__(
        self,
        index_dir,
        database_url: str,
        sessions: sessionmaker[Session],
        files: int,
        say: Callable[[str], None],
        on_wait: OnWait | None = None,
        batch: int = INDEX_BATCH,
    ) -> None:
        self.say = say
        self.batch = batch
        self.pending: list[int] = []
        self.missed: list[int] = []
        self.problem: str | None = None
        self.seconds = 0.0  # spent writing the index, in whichever process
        self.background: BackgroundIndexer | None = None
        if files > batch:
            try:
                self.background = BackgroundIndexer(index_dir, database_url, on_wait)
            except (OSError, NotImplementedError):
                self.background = None
        self.indexer = Indexer(index_dir, sessions, on_wait=on_wait)

    def __call__(self, document_id: int) -> None:
        self.pending.append(document_id)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.problem is not None:
            self.missed.extend(batch)
        elif self.background is not None:
            self.background.submit(batch)
            self._take(self.background.finished())
        else:
            try:
                update: IndexUpdate | BaseException = self.indexer.update_documents(
                    batch
                )
            except Exception as error:  # noqa: BLE001 - the archive must go on
                update = error
            self._take([(batch, update)])

    def finish(self) -> bool:
        """Write what is left and wait for the writer; True if every batch went in."""
        self.flush()
        if self.background is not None:
            self._take(self.background.close())
        return not self.missed

    def _take(self, outcomes: Iterable[Outcome]) -> None:
        for batch, update in outcomes:
            if isinstance(update, IndexUpdate):
                self.seconds += update.seconds
                if update.rebuilt:
                    self.say(update.rebuilt)
                continue
            if self.problem is None:
                self.problem = str(write_failure(update))
            self.missed.extend(batch)
