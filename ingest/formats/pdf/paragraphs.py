"""Body lines into headings and paragraphs.

A paragraph ends where the line spacing opens up, the next line is indented,
the type changes size or weight, or a short line ends a sentence. It runs on
into the next column or page unless its last line ends a sentence.
"""

from __future__ import annotations

import re
from statistics import median

from ingest.blocks import Block, Mark
from ingest.formats.pdf.joining import Text
from ingest.formats.pdf.lines import Line

HEADING = 1.12  # a heading's type is at least this much larger than the body
_WIDE_GAP = 1.3  # times the column's usual line spacing
_SENTENCE_END = re.compile(r"[.!?:;)\"”’]$")
_BULLET = re.compile(r"[•◦▪▫‣⁃●○■□]\s*")
_RULE = re.compile(r"[\s_\-‐‑–—―]{3,}")


class Paragraphs:
    """Blocks built line by line, column after column."""

    def __init__(self, body_size: float) -> None:
        self.body_size = body_size
        self.blocks: list[Block] = []
        self._text = Text()
        self._last: Line | None = None
        self._heading = False

    def add_column(self, column: list[Line]) -> None:
        lines = [line for line in column if not _RULE.fullmatch(line.text)]
        if not lines:
            return
        spacing = _spacing(lines)
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        before = None
        for line in lines:
            heading = self._is_heading(line)
            if self._last is not None and (
                heading != self._heading
                or abs(line.size - self._last.size) > 0.08 * line.size
                or (before is None and self._text.ends_with())
                or (
                    before is not None
                    and (
                        _heading_breaks(before, line)
                        if heading
                        else _breaks(before, line, spacing, left, right)
                    )
                )
            ):
                self.flush()
            self._heading = heading
            self._text.add(line)
            self._last = before = line

    def flush(self) -> None:
        text = self._text.finish()
        if text:
            marks = tuple(
                Mark(label, min(offset, len(text)))
                for label, offset in self._text.marks
            )
            if self._heading:
                self.blocks.append(
                    Block("heading", text, level=self._level(), marks=marks)
                )
            elif _BULLET.match(text):
                cut = _BULLET.match(text).end()  # type: ignore[union-attr]
                marks = tuple(Mark(m.label, max(0, m.offset - cut)) for m in marks)
                self.blocks.append(Block("list_item", text[cut:], marks=marks))
            else:
                self.blocks.append(Block("paragraph", text, marks=marks))
        self._text = Text()
        self._last = None

    def _is_heading(self, line: Line) -> bool:
        if line.size >= HEADING * self.body_size:
            return True
        return line.bold and line.size >= self.body_size * 0.95 and len(line.text) < 120

    def _level(self) -> int:
        size = self._last.size if self._last else self.body_size
        if size >= 1.5 * self.body_size:
            return 1
        return 2 if size >= HEADING * self.body_size else 3


def _spacing(lines: list[Line]) -> float:
    gaps = [
        above.base - below.base
        for above, below in zip(lines, lines[1:], strict=False)
        if above.base > below.base and abs(above.size - below.size) < 0.5
    ]
    return median(gaps) if gaps else 1.2 * lines[0].size


def _heading_breaks(before: Line, line: Line) -> bool:
    """A heading runs over lines set at its own spacing, whatever the body's."""
    gap = before.base - line.base
    return gap < 0 or gap > _WIDE_GAP * 1.2 * line.size


def _breaks(
    before: Line, line: Line, spacing: float, left: float, right: float
) -> bool:
    gap = before.base - line.base
    if gap < 0 or gap > _WIDE_GAP * spacing or _BULLET.match(line.text):
        return True
    em = line.size
    hanging = _BULLET.match(before.text) is not None  # a list item's next line
    if line.x0 > left + 0.6 * em and line.x0 > before.x0 + 0.6 * em and not hanging:
        return True
    short = before.x1 < right - 0.15 * (right - left)
    return short and _SENTENCE_END.search(before.text) is not None
