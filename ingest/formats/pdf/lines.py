"""Glyphs into lines, with raised footnote markers taken out of the text.

A line is the run of glyphs pdfium gives in content order until the baseline
jumps or the pen goes back or far ahead. A marker is a run of digits (or *, †, ‡)
set smaller than the line's body text and raised above its baseline; it becomes
a mark at its position, or the line's ``lead`` when it opens the line (a note's
number).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.formats.pdf.glyphs import Glyph

_MARKER = re.compile(r"(?:\d{1,4}|[*†‡])(?:\s*,\s*(?:\d{1,4}|[*†‡]))*")
_OPERATORS = ("−", "+", "×", "=", "^", "/")  # a raised number after these is a power
_SMALLER = 0.85  # a marker's size at most this share of the line's size
_RAISED = 0.12  # and its baseline at least this share of the size above the line's


@dataclass(slots=True)
class Line:
    text: str
    marks: list[tuple[str, int]]
    lead: str | None  # a raised number that opens the line
    x0: float
    x1: float
    base: float
    size: float
    first: int  # text-page index of the first character
    last: int  # and of the last
    page: int = 0
    bold: bool = False


def page_lines(glyphs: list[Glyph], page: int) -> list[Line]:
    lines = []
    for run in _runs(glyphs):
        line = _line(run, page)
        if line is not None:
            lines.append(line)
    return lines


def _runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs cut where the pen jumps: back, far ahead, or to another baseline."""
    runs: list[list[Glyph]] = []
    current: list[Glyph] = []
    last_x0 = last_x1 = last_base = last_size = 0.0
    for glyph in glyphs:
        _, x0, x1, base, size, _ = glyph
        if not size:
            if current:
                current.append(glyph)
            continue
        if current:
            em = size if size > last_size else last_size
            gap = x0 - last_x1
            rise = abs(base - last_base)
            if (
                x0 < last_x0 - 0.3 * em
                or gap > 2.5 * em
                or (rise > 0.3 * em and (rise > 0.8 * em or gap > em))
            ):
                runs.append(current)
                current = []
        current.append(glyph)
        last_x0, last_x1, last_base, last_size = x0, x1, base, size
    if current:
        runs.append(current)
    return runs


def _line(run: list[Glyph], page: int) -> Line | None:
    sized = [glyph for glyph in run if glyph[4]]
    if not sized:
        return None
    sizes = {glyph[4] for glyph in sized}
    if len(sizes) == 1:
        size, base = sized[0][4], sized[0][3]
        marks: list[tuple[str, int]] = []
        text = _inner_hyphens_dropped("".join(g[0] for g in run).strip(), marks)
        lead = None
    else:
        size, base = _body(sized)
        text, marks, lead = _text_and_marks(run, size, base)
    if not text and lead is None:
        return None
    return Line(
        text=text,
        marks=marks,
        lead=lead,
        x0=min(glyph[1] for glyph in sized),
        x1=max(glyph[2] for glyph in sized),
        base=base,
        size=size,
        first=sized[0][5],
        last=sized[-1][5],
        page=page,
    )


def _body(sized: list[Glyph]) -> tuple[float, float]:
    """The size most characters share, and their baseline."""
    sizes = Counter(glyph[4] for glyph in sized)
    size = max(sizes, key=lambda value: (sizes[value], value))
    bases = Counter(round(g[3], 1) for g in sized if abs(g[4] - size) < 0.2)
    return size, bases.most_common(1)[0][0]


def _text_and_marks(
    run: list[Glyph], size: float, base: float
) -> tuple[str, list[tuple[str, int]], str | None]:
    parts: list[str] = []
    marks: list[tuple[str, int]] = []
    lead = None
    small, high, gap = _SMALLER * size, base + _RAISED * size, 0.15 * size
    i, count = 0, len(run)
    while i < count:
        glyph = run[i]
        if glyph.size and glyph.size <= small and glyph.base >= high:
            end = _raised_end(run, i, small, high)
            label = "".join(g.text for g in run[i:end])
            before = "".join(parts).rstrip()
            if _MARKER.fullmatch(label) and not before.endswith(_OPERATORS):
                if not before and lead is None and not marks:
                    lead = label
                else:
                    parts = [before]
                    for one in re.split(r"\s*,\s*", label):
                        marks.append((one, len(before)))
                if (
                    end < count
                    and run[end].size
                    and run[end].x0 - run[end - 1].x1 > gap
                ):
                    parts.append(" ")  # the word after the marker stands apart
                i = end
                continue
        parts.append(glyph.text)
        i += 1
    text = _inner_hyphens_dropped("".join(parts).rstrip(), marks)
    stripped = text.lstrip()
    shift = len(text) - len(stripped)
    if shift:
        marks = [(label, max(0, at - shift)) for label, at in marks]
    return stripped, marks, lead


def _raised_end(run: list[Glyph], start: int, small: float, high: float) -> int:
    """Where the run of small raised glyphs from ``start`` ends (spaces inside)."""
    end = start
    while end < len(run) and (
        not run[end].size or (run[end].size <= small and run[end].base >= high)
    ):
        end += 1
    while not run[end - 1].size:
        end -= 1
    return end


def _inner_hyphens_dropped(text: str, marks: list[tuple[str, int]]) -> str:
    """Soft and line-end hyphens removed but for the one ending the line."""
    body = text[:-1]
    if "\xad" not in body and "\ufffe" not in body:
        return text
    for position in range(len(body) - 1, -1, -1):
        if body[position] in "\xad\ufffe":
            marks[:] = [(label, at - 1 if at > position else at) for label, at in marks]
            text = text[:position] + text[position + 1 :]
    return text
