"""Running headers, footers and page numbers: what repeats at a page's edge.

A page's head and foot are the rows of lines, at most three, set apart from the
rest of the page by a gap wider than the type's line spacing. A line there is
furniture when it is nothing but a page number, or when the same text, digits
aside, stands at about the same height in the head or foot of other full pages:
one other when the document has a few full pages, two others when it has more.
A line with a footnote marker or without words is text. Only pages with more
lines than their edges count as full, so that two copies of a short page both
survive. Text beyond the page's edges goes too.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ingest.formats.pdf.lines import Line

EDGE_LINES = 3  # how many lines at the top and at the bottom may be furniture
_SAME_HEIGHT = 4.0  # points
_SAME_ROW = 1.5  # points between baselines of pieces of one row
_GAP = 1.5  # times the smaller type's height: wider than any line spacing
_FEW_PAGES = 4  # full pages up to which one other page makes a repeat
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]")
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?[-–—]?\s*(?:\d{1,6}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)


def without_furniture(
    pages: list[list[Line]], sizes: list[tuple[float, float]]
) -> list[list[Line]]:
    """Each page's lines less its headers, footers and page numbers."""
    edges = [_edge_lines(lines) for lines in pages]
    full = [len(lines) > 2 * EDGE_LINES for lines in pages]
    others = 1 if sum(full) <= _FEW_PAGES else 2
    heights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, lines in enumerate(edges):
        if full[number]:
            for line in lines:
                heights[_key(line)].append((number, line.base))

    def repeated(line: Line, number: int) -> bool:
        if line.marks or len(_LETTERS.findall(line.text)) < 2:
            return False  # a marked line, or "2025." ending a paragraph, is text
        pages = {
            other
            for other, base in heights[_key(line)]
            if other != number and abs(base - line.base) <= _SAME_HEIGHT
        }
        return len(pages) >= others

    kept = []
    for number, lines in enumerate(pages):
        width, height = sizes[number]
        edge = {id(line) for line in edges[number]}
        kept.append(
            [
                line
                for line in lines
                if _on_page(line, width, height)
                and not (
                    id(line) in edge
                    and (_is_page_number(line) or repeated(line, number))
                )
            ]
        )
    return kept


def _edge_lines(lines: list[Line]) -> list[Line]:
    """The lines of the page's head and foot."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: -line.base):
        if rows and abs(rows[-1][0].base - line.base) < _SAME_ROW:
            rows[-1].append(line)
        else:
            rows.append([line])
    head, foot = _band(rows), _band(rows[::-1])
    if len(head) + len(foot) >= len(rows):
        return [line for row in rows for line in row]
    return [line for row in head + foot for line in row]


def _band(rows: list[list[Line]]) -> list[list[Line]]:
    """The rows before the last wide gap among the first few from the edge."""
    end = 0
    for index in range(min(EDGE_LINES, len(rows) - 1)):
        here, there = rows[index][0], rows[index + 1][0]
        if abs(here.base - there.base) > _GAP * min(here.size, there.size):
            end = index + 1
    return rows[:end]


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.lower().split()))


def _is_page_number(line: Line) -> bool:
    return line.lead is None and _PAGE_NUMBER.fullmatch(line.text.strip()) is not None


def _on_page(line: Line, width: float, height: float) -> bool:
    return line.x1 > 0 and line.x0 < width and 0 < line.base < height
