"""The neutral form every input takes before a kind parser sees it.

``ingest.sources`` turns plain text, Markdown and HTML into a ``Source``: a list
of ``Block``s whose text is free of markup, with footnote markers, links and
emphasis kept as spans. Kind parsers read only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "note"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A footnote marker removed from the text at ``offset``."""

    label: str
    offset: int


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Emphasis:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or endnote.

    ``label`` is the endnote's label for a ``note`` block, or the item number of
    a list item in a numbered list.
    """

    kind: BlockKind
    text: str
    level: int | None = None
    label: str | None = None
    marks: tuple[Mark, ...] = ()
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()

    @property
    def is_bare_marker(self) -> bool:
        """True for a block that holds nothing but one footnote marker."""
        return not self.text.strip() and len(self.marks) == 1


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: its blocks plus whatever metadata the format carried."""

    path: str
    checksum: str
    format: str
    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)
