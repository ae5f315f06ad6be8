"""Indexing during an ingest: stored documents go to the index in batches.

Once the documents stored since the last batch hold ``INDEX_BATCH`` passages,
and at the end of the run, they are written to the index in one commit. A run
that fills a batch starts a process of its own (``BackgroundIndexer``) to write
the batches while the ingest stores the next documents; a smaller run, or one
where no such process can be started, writes in the ingest's own process. If the
index cannot be written (another process holds it too long, a disk error, a
fault in the search engine), the rest of the run is archived without indexing
and the user is told what to run.

Batches are counted in passages because a commit costs the index a segment:
every term the batch holds is written once for it, and segments are merged as
they pile up. Commits of a few thousand passages cost about a quarter less CPU
per passage than commits of fifty documents did (BENCHMARKS.md), and keep what
a search sees a few seconds behind what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session, sessionmaker

from index.background import BackgroundIndexer, Outcome
from index.directory import OnWait
from index.errors import write_failure
from index.writer import Indexer, IndexUpdate

INDEX_BATCH = 5_000  # passages stored before they are written in one commit


class IndexBatches:
    """``after_store`` for an ingest; ``finish`` says if every document went in.

    ``say`` is told of rebuilds (an outdated index is rebuilt by the first write).
    """

    def __init__(
        self,
        index_dir,
        database_url: str,
        sessions: sessionmaker[Session],
        say: Callable[[str], None],
        on_wait: OnWait | None = None,
        batch: int = INDEX_BATCH,
    ) -> None:
        self.say = say
        self.batch = batch
        self.index_dir = index_dir
        self.database_url = database_url
        self.on_wait = on_wait
        self.pending: list[int] = []
        self.pending_passages = 0
        self.missed: list[int] = []
        self.problem: str | None = None
        self.seconds = 0.0  # spent writing the index, in whichever process
        self.background: BackgroundIndexer | None = None
        self._tried_background = False
        self.indexer = Indexer(index_dir, sessions, on_wait=on_wait)

    def __call__(self, document_id: int, passages: int) -> None:
        self.pending.append(document_id)
        self.pending_passages += passages
        if self.pending_passages >= self.batch:
            self._start_background()
            self.flush()

    def flush(self) -> None:
        batch, passages = self.pending, self.pending_passages
        self.pending, self.pending_passages = [], 0
        if not batch:
            return
        if self.problem is not None:
            self.missed.extend(batch)
        elif self.background is not None:
            self.background.submit(batch, passages)
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

    def _start_background(self) -> None:
        """Start the writer process once, when a run fills its first batch."""
        if self._tried_background:
            return
        self._tried_background = True
        try:
            self.background = BackgroundIndexer(
                self.index_dir, self.database_url, self.on_wait
            )
        except (OSError, NotImplementedError):
            self.background = None

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
