"""A search's time allowance: the work that runs past it stops and says so.

Whoosh's ``TimeLimitCollector`` stops a collector with SIGALRM, which only the
main thread can receive, and the archive's searches do not run through Whoosh
collectors (``index.scoring`` works over arrays). So the search checks a
``Deadline`` between steps of its own (a node of the query, a batch of phrase
candidates, a hit's snippet, a word to respell); a step that finds the time
spent raises ``OutOfTime`` and the search returns what it has, with a notice.
"""

from __future__ import annotations

import time


class OutOfTime(Exception):
    """The search's time allowance is spent."""


class Deadline:
    """``seconds`` from now (``None``: no limit)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def passed(self) -> bool:
        return self._end is not None and time.monotonic() >= self._end

    def check(self) -> None:
        if self.passed():
            raise OutOfTime(f"the search took longer than {self.seconds:g} s")


NO_LIMIT = Deadline(None)
