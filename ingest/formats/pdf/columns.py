"""Reading order on one page: bands of full-width lines and columns between them.

A gutter is a vertical strip that few lines cross with many lines on each side.
Lines wider than most of the text block, or crossing a gutter (a title, an
author line), span the page and are read in place; between them, lines whose
horizontal extents overlap form a column, and the columns are read left to
right, each from top to bottom.
"""

from __future__ import annotations

from ingest.formats.pdf.lines import Line

_SPANNING = 0.6  # a line wider than this share of the text block spans it
_GUTTER = 1.0  # points two columns' extents may overlap and still be two
_BRIDGES = 0.15  # at most this share of lines may cross a gutter
_SIDE = 0.2  # and at least this share must lie wholly on each side of it
_MIN_GUTTER = 3  # points


def reading_order(lines: list[Line]) -> list[list[Line]]:
    """The page's lines as columns (lists of lines, top to bottom) in order."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left
    narrow = [line for line in lines if line.x1 - line.x0 <= _SPANNING * width]
    gutters = _gutters(narrow, left, width)
    columns: list[list[Line]] = []
    between: list[Line] = []
    spanned = False
    for line in sorted(lines, key=lambda line: -line.base):
        if line.x1 - line.x0 > _SPANNING * width or _crosses(line, gutters):
            columns.extend(_columns(between))
            if between or not spanned:
                columns.append([])
            columns[-1].append(line)
            between, spanned = [], True
        else:
            between.append(line)
    columns.extend(_columns(between))
    return columns


def _gutters(lines: list[Line], left: float, width: float) -> list[tuple[int, int]]:
    """Vertical strips few lines cross, with many lines on either side."""
    if len(lines) < 6:
        return []
    size = int(width) + 2
    cover = [0] * (size + 1)
    for line in lines:
        cover[max(0, int(line.x0 - left))] += 1
        cover[min(size, int(line.x1 - left) + 1)] -= 1
    gutters, running, start = [], 0, None
    most = _BRIDGES * len(lines)
    for x in range(size):
        running += cover[x]
        if running <= most and x:
            start = x if start is None else start
        elif start is not None:
            if x - start >= _MIN_GUTTER and _sides(lines, left + start, left + x):
                gutters.append((int(left) + start, int(left) + x))
            start = None
    return gutters


def _sides(lines: list[Line], start: float, end: float) -> bool:
    wanted = _SIDE * len(lines)
    on_left = sum(1 for line in lines if line.x1 <= end)
    on_right = sum(1 for line in lines if line.x0 >= start)
    return on_left >= wanted and on_right >= wanted


def _crosses(line: Line, gutters: list[tuple[int, int]]) -> bool:
    return any(line.x0 < start and line.x1 > end for start, end in gutters)


def _columns(lines: list[Line]) -> list[list[Line]]:
    groups: list[tuple[float, list[Line]]] = []
    for line in sorted(lines, key=lambda line: line.x0):
        if groups and line.x0 < groups[-1][0] - _GUTTER:
            right, members = groups[-1]
            members.append(line)
            groups[-1] = (max(right, line.x1), members)
        else:
            groups.append((line.x1, [line]))
    return [sorted(members, key=lambda line: -line.base) for _, members in groups]
