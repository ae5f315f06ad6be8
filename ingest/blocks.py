"""The neutral form every input takes before a kind parser sees it.

Each format reader (``ingest.formats``) turns its bytes into ``Content``: a list
of ``Block``s whose text is free of markup, with footnote markers, links and
emphasis kept as spans, note blocks bound to the markers by label, the cited
works a format states field by field, and the ``Fields`` it states about the
whole document. The loader wraps that in a ``Source``; kind parsers read only
these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.pickling import pickled_by_fields

BlockKind = Literal["heading", "paragraph", "list_item", "note"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mark:
    """A footnote marker removed from the text at ``offset``."""

    label: str
    offset: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str
    start: int
    end: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Emphasis:
    start: int
    end: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Work:
    """A cited work as the format states it, field by field.

    A wikitext ``{{cite news}}`` or a Wikipedia page's COinS say which part of a
    citation is its title, outlet and date; a note that carries works is read
    from them, not guessed from its text. Dates are as written.
    """

    title: str | None = None
    outlet: str | None = None  # the newspaper, site, journal or series
    publisher: str | None = None
    agency: str | None = None  # a news agency whose copy the outlet ran
    authors: tuple[str, ...] = ()
    date: str | None = None
    accessed: str | None = None
    url: str | None = None
    pages: str | None = None
    kind: str | None = None  # news, web, book, journal, report, ...


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fields:
    """What a format states about the whole document (an NITF head, a page's
    metadata, YAML front matter, PDF metadata).

    Kinds trust these over anything guessed from the text, except the dateline:
    one found in a story's text wins over ``dateline`` here. ``date`` is an ISO
    8601 date or date-time, or the date as written.
    """

    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    agency: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    url: str | None = None
    language: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or endnote.

    ``label`` is the endnote's label for a ``note`` block, or the item number of
    a list item in a numbered list. A note block may carry the ``works`` its
    format states field by field.
    """

    kind: BlockKind
    text: str
    level: int | None = None
    label: str | None = None
    marks: tuple[Mark, ...] = ()
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    works: tuple[Work, ...] = ()

    @property
    def is_bare_marker(self) -> bool:
        """True for a block that holds nothing but one footnote marker."""
        return not self.text.strip() and len(self.marks) == 1


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Content:
    """What a format reader returns: blocks, page metadata as found, and fields.

    ``cited_aside`` holds the labels of notes cited only from parts of the page
    that are not text (an infobox, a navigation box): cited, though no passage
    holds their marker.
    """

    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)
    fields: Fields = Fields()
    cited_aside: frozenset[str] = frozenset()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: its blocks plus whatever metadata the format carried.

    ``meta`` holds page metadata under the keys the page used (``og:title``,
    ``article:published_time``); ``fields`` the facts the format states;
    ``cited_aside`` as in ``Content``.
    """

    path: str
    checksum: str
    format: str
    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)
    fields: Fields = Fields()
    cited_aside: frozenset[str] = frozenset()
