"""A note cut into the items it cites.

Items are separated by semicolons, but only where each side is complete on its
own (it ends in a date, a URL, pages or a placeholder), since titles carry
semicolons too; two works joined by "and", each with its own date or URL, are
two items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.blocks import Link
from ingest.styles.euaa import PAGES, fields, is_url
from ingest.styles.parts import URL, read_date

_ITEM_SEPARATOR = re.compile(r";\s+")
_WORKS_JOINED = re.compile(r",?\s+and\s+(?=(?:the\s+)?[A-Z“\"])")
_MAX_NOTE = 20_000  # characters of a note that are read; the rest is reported


@dataclass(frozen=True, slots=True)
class Piece:
    """One item of a note: its text and where it starts in the note."""

    text: str
    start: int


def note_pieces(text: str, links: tuple[Link, ...]) -> list[Piece]:
    """The items of the note ``text`` whose links are ``links``."""
    text = text[:_MAX_NOTE]
    pieces: list[Piece] = []
    for start, end in _items(text, links):
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        item = raw.strip().rstrip(";").strip()
        if item.endswith(".") and not re.search(
            r"\b(?:[A-Z]|al|Jr|Inc|Ltd|Co|U\.S)\.$", item
        ):
            item = item[:-1].rstrip()
        if item:
            pieces.extend(_works(item, start + lead))
    return pieces


def _items(text: str, links: tuple[Link, ...]) -> list[tuple[int, int]]:
    """Spans of the cited items: semicolon-separated, each complete on its own."""
    spans: list[tuple[int, int]] = []
    start = 0
    pending: int | None = None
    separators = [*_ITEM_SEPARATOR.finditer(text), None]
    for match in separators:
        end = match.start() if match else len(text)
        piece_start = start if pending is None else pending
        if match is None or _is_complete(text[start:end], links):
            spans.append((piece_start, end))
            pending = None
        else:
            pending = piece_start
        start = match.end() if match else len(text)
    return spans


def _is_complete(piece: str, links: tuple[Link, ...]) -> bool:
    """An item that ends like a citation: a date, a URL, pages or a placeholder."""
    parts = fields(piece)
    if len(parts) < 2 or read_date(f"{parts[0].text}, {parts[1].text}"):
        return False  # "June 20, 2016" is a date in a sentence, not a cited work
    return any(
        is_url(f, ())
        or URL.search(f.text)
        or PAGES.match(f.text.strip())
        or read_date(f.text)
        for f in reversed(parts[1:])  # the end of an item shows it first
    )


def _works(item: str, start: int) -> list[Piece]:
    """Two works joined by "and", each with its own date or URL, are two items."""
    if " and " not in item:
        return [Piece(item, start)]
    for match in _WORKS_JOINED.finditer(item):
        left, right = item[: match.start()], item[match.end() :]
        if _open(left) or len(left) < 20 or len(right) < 20:
            continue
        if _dated(left) and _dated(right):
            return [Piece(left, start), *_works(right, start + match.end())]
    return [Piece(item, start)]


def _dated(text: str) -> bool:
    tail = text[-60:]
    return bool(
        URL.search(tail) or re.search(r"\b(?:1[6-9]|20)\d\d\)?$", tail.rstrip("."))
    )


def _open(text: str) -> bool:
    return (
        text.count("(") > text.count(")")
        or text.count("“") > text.count("”")
        or (text.count('"') % 2 == 1)
    )
