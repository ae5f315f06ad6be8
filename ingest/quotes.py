"""Quotation marks in story text: whether a quotation is open at a point.

Curly quotes say which way they face; a straight double quote opens when it
follows a space or the start and closes otherwise. ANPA copy's `` and '' are
read as curly quotes.
"""

from __future__ import annotations

import re

_OPEN = ("“", "``")
_CLOSE = ("”", "''")
_MARK = re.compile(r"“|”|``|''|\"")
_QUOTE_ONLY = re.compile(r"^\s*(?:“|\"|``).*(?:”|\"|'')[\s)]*$", re.DOTALL)


def open_after(text: str, end: int) -> bool:
    """True when a quotation opened before ``end`` is still open there."""
    return open_at(text, [end])[0]


def open_at(text: str, ends: list[int]) -> list[bool]:
    """For each of ``ends`` (ascending), whether a quotation is open there; one pass."""
    states, depth, marks = [], 0, _MARK.finditer(text)
    mark = next(marks, None)
    for end in ends:
        while mark is not None and mark.end() <= end:
            depth = _after(text, mark)
            mark = next(marks, None)
        states.append(depth > 0)
    return states


def _after(text: str, mark: re.Match[str]) -> int:
    if mark.group(0) in _OPEN:
        return 1
    if mark.group(0) in _CLOSE:
        return 0
    before = text[mark.start() - 1] if mark.start() else " "
    return 1 if before.isspace() or before in "([—–-" else 0


def quote_only(text: str) -> bool:
    """A paragraph that is only a quotation: '"It's about incentivizing people."'"""
    return bool(_QUOTE_ONLY.match(text)) and not open_after(text, len(text))
