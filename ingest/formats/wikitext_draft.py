"""A block being written: text with whitespace folded, and its spans."""

from __future__ import annotations

import re

from ingest.blocks import Block, BlockKind, Emphasis, Link, Mark, Work

_SPACES = re.compile(r"\s+")


class Draft:
    """Text added piece by piece, runs of white space folded into one space, so
    that every offset taken while writing stays true in the finished block."""

    def __init__(self, kind: BlockKind = "paragraph", level: int | None = None) -> None:
        self.kind: BlockKind = kind
        self.level = level
        self.text = ""
        self.marks: list[Mark] = []
        self.links: list[Link] = []
        self.emphasis: list[Emphasis] = []
        self.works: list[Work] = []

    @property
    def length(self) -> int:
        return len(self.text)

    def add(self, text: str) -> int:
        """Append ``text``; return the offset where its first visible character went."""
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (not self.text or self.text.endswith(" ")):
            text = text[1:]
        start = len(self.text) + (1 if text.startswith(" ") else 0)
        self.text += text
        return start

    def separate(self, separator: str) -> None:
        """Append ``separator`` right after the last visible character."""
        self.text = self.text.rstrip() + separator

    def mark(self, label: str) -> None:
        self.marks.append(Mark(label, len(self.text.rstrip())))

    def link(self, href: str, start: int, end: int | None = None) -> None:
        end = len(self.text.rstrip()) if end is None else end
        while start < end and self.text[start] == " ":
            start += 1
        if start < end:
            self.links.append(Link(self.text[start:end], href, start, end))

    def emphasise(self, start: int) -> None:
        end = len(self.text.rstrip())
        while start < end and self.text[start] == " ":
            start += 1
        if start < end:
            self.emphasis.append(Emphasis(start, end))

    def block(self) -> Block | None:
        """The finished block, or None when nothing was written."""
        text = self.text.rstrip()
        if not text and not self.marks:
            return None
        size = len(text)
        return Block(
            self.kind,
            text,
            level=self.level,
            marks=tuple(Mark(m.label, min(m.offset, size)) for m in self.marks),
            links=tuple(lk for lk in self.links if lk.end <= size),
            emphasis=tuple(e for e in self.emphasis if e.end <= size),
            works=tuple(self.works),
        )
