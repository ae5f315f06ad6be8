"""Running headers, footers and page numbers: what repeats at a page's edge.

A line among the few topmost or bottommost of its page is furniture when the
same text, digits aside, stands at about the same height on another page (one
with more lines than its edges, so that two copies of a short page survive), or
when it is nothing but a page number. Text beyond the page's edges goes too.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ingest.formats.pdf.lines import Line

EDGE_LINES = 3  # how many lines at the top and at the bottom may be furniture
_SAME_HEIGHT = 4.0  # points
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)


def without_furniture(
    pages: list[list[Line]], sizes: list[tuple[float, float]]
) -> list[list[Line]]:
    """Each page's lines less its headers, footers and page numbers."""
    edges = [_edge_lines(lines) for lines in pages]
    heights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, lines in enumerate(edges):
        if len(pages[number]) > 2 * EDGE_LINES:  # a page of a few lines is all edge
            for line in lines:
                heights[_key(line)].append((number, line.base))
    kept = []
    for number, lines in enumerate(pages):
        width, height = sizes[number]
        edge = {id(line) for line in edges[number]}
        kept.append(
            [
                line
                for line in lines
                if _on_page(line, width, height)
                and not (id(line) in edge and _is_furniture(line, number, heights))
            ]
        )
    return kept


def _edge_lines(lines: list[Line]) -> list[Line]:
    ordered = sorted(lines, key=lambda line: line.base)
    if len(ordered) <= 2 * EDGE_LINES:
        return ordered
    return ordered[:EDGE_LINES] + ordered[-EDGE_LINES:]


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.lower().split()))


def _is_furniture(
    line: Line, number: int, heights: dict[str, list[tuple[int, float]]]
) -> bool:
    if _PAGE_NUMBER.fullmatch(line.text.strip()) and line.lead is None:
        return True
    return any(
        other != number and abs(base - line.base) <= _SAME_HEIGHT
        for other, base in heights[_key(line)]
    )


def _on_page(line: Line, width: float, height: float) -> bool:
    return line.x1 > 0 and line.x0 < width and 0 < line.base < height
