"""Reading order on one page: bands of full-width lines and columns between them.

Lines wider than most of the text block span the page and are read in place;
between them, lines whose horizontal extents overlap form a column, and the
columns are read left to right, each from top to bottom.
"""

from __future__ import annotations

from ingest.formats.pdf.lines import Line

_SPANNING = 0.6  # a line wider than this share of the text block spans it
_GUTTER = 1.0  # points two columns' extents may overlap and still be two


def reading_order(lines: list[Line]) -> list[list[Line]]:
    """The page's lines as columns (lists of lines, top to bottom) in order."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left
    columns: list[list[Line]] = []
    between: list[Line] = []
    for line in sorted(lines, key=lambda line: -line.base):
        if line.x1 - line.x0 > _SPANNING * width:
            columns.extend(_columns(between))
            between = []
            if columns and columns[-1][-1].x1 - columns[-1][-1].x0 > _SPANNING * width:
                columns[-1].append(line)
            else:
                columns.append([line])
        else:
            between.append(line)
    columns.extend(_columns(between))
    return columns


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
