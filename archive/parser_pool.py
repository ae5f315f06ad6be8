"""Worker processes kept busy by a thread of their own, results taken in order.

The thread hands each idle worker the next file, gathers what each file became,
and kills (and replaces) a worker whose file ran out of time, while the caller
is busy storing what it took before: the workers never wait for the caller,
only for the ``window`` of files parsed but not yet taken to have room.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from multiprocessing.connection import wait
from pathlib import Path

from archive.workers import Budget, Parsed, Worker
from ingest import ParseOptions

TICK = 0.1  # seconds the thread waits at most before looking again


class ParserPool:
    """``size`` workers parsing ``files`` ahead of the caller, in order."""

    def __init__(
        self,
        options: ParseOptions,
        kind: str | None,
        budget: Budget,
        size: int,
    ) -> None:
        self.options, self.kind, self.budget = options, kind, budget
        self.idle = [self._new() for _ in range(size)]
        self.busy: dict[object, tuple[Worker, int]] = {}
        self.done: dict[int, Parsed] = {}
        self.ready = threading.Condition()
        self.taken = 0
        self.stopping = False
        self.failure: BaseException | None = None

    def parse(
        self, files: Sequence[Path], window: int
    ) -> Iterator[tuple[Path, Parsed]]:
        """Each file with what it became, in order, at most ``window`` ahead."""
        thread = threading.Thread(
            target=self._manage, args=(files, window), daemon=True
        )
        thread.start()
        try:
            for turn, path in enumerate(files):
                yield path, self._take(turn)
        finally:
            with self.ready:
                self.stopping = True
                self.ready.notify_all()
            thread.join()
            self._close()

    def _take(self, turn: int) -> Parsed:
        with self.ready:
            while turn not in self.done:
                if self.failure is not None:
                    raise self.failure
                self.ready.wait(TICK)
            self.taken = turn + 1
            self.ready.notify_all()
            return self.done.pop(turn)

    def _manage(self, files: Sequence[Path], window: int) -> None:
        given = 0
        try:
            while not self.stopping and (given < len(files) or self.busy):
                with self.ready:
                    while (
                        self.idle and given < len(files) and given - self.taken < window
                    ):
                        worker = self.idle.pop()
                        worker.give(files[given])
                        self.busy[worker.conn] = (worker, given)
                        given += 1
                    if not self.busy:
                        self.ready.wait(TICK)  # the window is full: wait for takers
                        continue
                outcomes = self._gather()
                with self.ready:
                    self.done.update(outcomes)
                    self.ready.notify_all()
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            with self.ready:
                self.failure = error
                self.ready.notify_all()

    def _new(self) -> Worker:
        return Worker(self.options, self.kind, self.budget)

    def _gather(self) -> dict[int, Parsed]:
        """Outcomes of the files whose workers finished, or ran out of time."""
        soonest = min(worker.deadline for worker, _ in self.busy.values())
        timeout = min(TICK, max(0.0, soonest - time.monotonic()))
        outcomes: dict[int, Parsed] = {}
        for conn in wait(list(self.busy), timeout):
            worker, turn = self.busy.pop(conn)
            outcomes[turn], sound = worker.receive()
            self._after(worker, sound)
        now = time.monotonic()
        for conn, (worker, turn) in list(self.busy.items()):
            if worker.deadline <= now:
                del self.busy[conn]
                outcomes[turn] = self.budget.too_long()
                self._after(worker, False)
        return outcomes

    def _after(self, worker: Worker, sound: bool) -> None:
        if sound:
            self.idle.append(worker)
        else:
            worker.kill()
            self.idle.append(self._new())

    def _close(self) -> None:
        for worker in self.idle:
            worker.stop()
        for worker, _ in self.busy.values():
            worker.kill()
        self.idle, self.busy = [], {}
