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
    depth = 0
    for match in _MARK.finditer(text, 0, end):
        mark = match.group(0)
        if mark in _OPEN:
            depth = 1
        elif mark in _CLOSE:
            depth = 0
        else:
            before = text[match.start() - 1] if match.start() else " "
            depth = 1 if before.isspace() or before in "([—–-" else 0
    return depth > 0


def quote_only(text: str) -> bool:
    """A paragraph that is only a quotation: '"It's about incentivizing people."'"""
    return bool(_QUOTE_ONLY.match(text)) and not open_after(text, len(text))
