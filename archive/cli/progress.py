"""A progress bar on standard error that lets messages through on lines of
their own.

click's bar redraws its line in place (a carriage return, no newline); a
message echoed while it is drawn would be written onto the bar's line. Here a
message first clears the bar's line, then the bar is drawn again below it. When
standard error is not a terminal click draws no bar, and messages are plain
lines.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click

CLEAR_LINE = "\r\x1b[2K"


class Progress:
    """A bar of ``length`` steps (if ``shown``); ``say`` prints a message."""

    def __init__(self, length: int, label: str, shown: bool) -> None:
        self.length = length
        self.label = label
        self.shown = shown
        self.bar = None

    @contextmanager
    def over(self, items: Iterable) -> Iterator[Iterable]:
        """``items``, under the bar while they are gone through."""
        if not self.shown:
            yield items
            return
        with click.progressbar(
            items, length=self.length, label=self.label, file=sys.stderr
        ) as bar:
            self.bar = bar
            try:
                yield bar
            finally:
                self.bar = None

    def say(self, message: str) -> None:
        """``message`` on a line of its own on standard error."""
        bar = self.bar
        drawn = bar is not None and bar._is_atty and not bar.hidden
        if drawn:
            click.echo(CLEAR_LINE, file=sys.stderr, nl=False)
        click.echo(message, err=True)
        if drawn:
            bar._last_line = None  # draw it again, below the message
            bar.render_progress()
