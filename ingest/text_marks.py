"""Build a block's text while lifting footnote markers, links and emphasis out of it."""

from __future__ import annotations

import re

from ingest.blocks import Block, BlockKind, Emphasis, Link, Mark

# "[^12]" (a Markdown footnote left unrendered because it has no definition)
# and "[12]" (a bracketed endnote number in plain text).
LITERAL_MARKER = re.compile(r"\[\^([^\]\s]+)\]|\[(\d+)\](?![(\[])")
_SPACE = re.compile(r"\s+")


class TextBuilder:
    """Accumulates text with collapsed white space and records spans in it."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._ends_in_space = True
        self._space_before_mark = False
        self.marks: list[Mark] = []
        self.links: list[Link] = []
        self.emphasis: list[Emphasis] = []

    @property
    def position(self) -> int:
        return self._length

    def add_text(self, text: str, literal_markers: bool = True) -> None:
        if not literal_markers:
            self._append(text)
            return
        last = 0
        for match in LITERAL_MARKER.finditer(text):
            self._append(text[last : match.start()])
            self.add_mark(match.group(1) or match.group(2))
            last = match.end()
        self._append(text[last:])

    def add_space(self) -> None:
        self._append(" ")

    def add_mark(self, label: str) -> None:
        stripped = self._strip_trailing_space()
        self._space_before_mark = self._space_before_mark or stripped
        self.marks.append(Mark(label, self._length))

    def add_link(self, text: str, href: str, start: int) -> None:
        self.links.append(Link(text, href, start, self._length))

    def add_emphasis(self, start: int) -> None:
        if self._length > start:
            self.emphasis.append(Emphasis(start, self._length))

    def text(self) -> str:
        return "".join(self._parts)

    def text_since(self, start: int) -> str:
        """The text from offset ``start`` on, without joining what comes before.

        Linear in the length returned, so a paragraph of many links stays linear.
        """
        pieces: list[str] = []
        length = self._length
        for part in reversed(self._parts):
            if length <= start:
                break
            pieces.append(part)
            length -= len(part)
        return "".join(reversed(pieces))[start - length :]

    def block(
        self, kind: BlockKind, level: int | None = None, label: str | None = None
    ) -> Block:
        self._strip_trailing_space()
        text = self.text()
        end = len(text)
        return Block(
            kind=kind,
            text=text,
            level=level,
            label=label,
            marks=tuple(Mark(m.label, min(m.offset, end)) for m in self.marks),
            links=tuple(
                Link(link.text, link.href, link.start, min(link.end, end))
                for link in self.links
            ),
            emphasis=tuple(
                Emphasis(e.start, min(e.end, end))
                for e in self.emphasis
                if e.start < end
            ),
        )

    def _append(self, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if self._ends_in_space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        if self._space_before_mark and text[0].isalnum():
            text = " " + text  # "endnotes ¹attached": the words stay apart
        self._space_before_mark = False
        self._parts.append(text)
        self._length += len(text)
        self._ends_in_space = text.endswith(" ")

    def _strip_trailing_space(self) -> bool:
        stripped = bool(self._parts and self._parts[-1].endswith(" "))
        if stripped:
            self._parts[-1] = self._parts[-1][:-1]
            self._length -= 1
        self._ends_in_space = self._length == 0
        return stripped


def text_block(chunk: str) -> Block:
    """A paragraph block from a chunk of plain text."""
    builder = TextBuilder()
    builder.add_text(chunk)
    return builder.block("paragraph")
