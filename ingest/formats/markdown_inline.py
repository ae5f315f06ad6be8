"""Inline Markdown tokens into a block's text: markers, links, emphasis.

``[^12]`` references, numbered reference links (given ``NOTE_HREF`` targets by
``markdown_notes``), links whose text is a bare number (``[537](#)``) and raw
``<sup>12</sup>`` become markers; a link back to a marker (``↩``) is dropped and
makes a numbered list item a note; other links keep their target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ingest.blocks import BlockKind, Work
from ingest.formats.html_walk import anchor_marker, is_backlink
from ingest.text_marks import TextBuilder

# The href a numbered reference link ``[text][12]`` is given before inline
# parsing, so that the walker knows it for a note marker.
NOTE_HREF = "#markdown-note:"
DUPLICATE = "\x00"  # joins a footnote label defined twice to its repeat number
_SUP_OPEN = re.compile(r"<sup(?:\s[^>]*)?>", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"</sup\s*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HIDDEN_OPEN = re.compile(r"<(script|style)(?:\s[^>]*)?>", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+[a-z]?$")


@dataclass
class OpenBlock:
    """A block being built: its slot in the output and what it will be."""

    slot: int
    kind: BlockKind
    builder: TextBuilder = field(default_factory=TextBuilder)
    level: int | None = None
    label: str | None = None
    backlinked: bool = False  # an item that links back to its marker
    strings: list[str] = field(default_factory=list)  # its text pieces, stripped
    works: list[Work] = field(default_factory=list)  # the works a note states


def add_inline(children: list[Token], opened: OpenBlock) -> None:
    builder = opened.builder
    emphasis: list[int] = []
    at = 0
    while at < len(children):
        token = children[at]
        kind = token.type
        if kind in ("text", "code_inline"):
            builder.add_text(token.content, literal_markers=kind == "text")
            if token.content.strip():
                opened.strings.append(token.content.strip())
        elif kind in ("softbreak", "hardbreak"):
            builder.add_space()
        elif kind == "em_open":
            emphasis.append(builder.position)
        elif kind == "em_close" and emphasis:
            builder.add_emphasis(emphasis.pop())
        elif kind == "footnote_ref":
            builder.add_mark(note_label(token))
        elif kind == "link_open":
            at = _link(children, at, opened)
        elif kind == "html_inline":
            at = _html_inline(children, at, builder)
        at += 1


def _link(children: list[Token], at: int, opened: OpenBlock) -> int:
    """Add the link opening at ``children[at]``; the index of its closing token."""
    end = at + 1
    while end < len(children) and children[end].type != "link_close":
        end += 1
    inner = children[at + 1 : end]
    href = str(children[at].attrs.get("href", "")).strip()
    text = "".join(t.content for t in inner if t.type in ("text", "code_inline"))
    text = text.strip()
    builder = opened.builder
    if href.startswith(NOTE_HREF):
        if not _NUMBER.match(text):
            add_inline(inner, opened)
        builder.add_mark(href[len(NOTE_HREF) :])
        return end
    label = anchor_marker(text, href)
    if label is not None or is_backlink(text, href):
        if text:
            opened.strings.append(text)
        if label is not None:
            builder.add_mark(label)
        else:
            opened.backlinked = True
        return end
    start = builder.position
    add_inline(inner, opened)
    builder.add_link(text, href, start)
    return end


def _html_inline(children: list[Token], at: int, builder: TextBuilder) -> int:
    """``<sup>12</sup>`` is a marker and ``<br>`` a space; other tags are dropped,
    and so is what stands inside ``<script>`` and ``<style>``: code, not text."""
    content = children[at].content
    hidden = _HIDDEN_OPEN.match(content)
    if hidden:
        return _after_close(children, at, hidden.group(1).lower())
    if _BREAK.match(content):
        builder.add_space()
    elif _SUP_OPEN.match(content) and at + 2 < len(children):
        text, close = children[at + 1], children[at + 2]
        if (
            text.type == "text"
            and _NUMBER.match(text.content.strip())
            and close.type == "html_inline"
            and _SUP_CLOSE.match(close.content)
        ):
            builder.add_mark(text.content.strip())
            return at + 2
    return at


def _after_close(children: list[Token], at: int, tag: str) -> int:
    """The index of the token closing ``<tag>`` (the last token if none does)."""
    for index in range(at + 1, len(children)):
        token = children[index]
        if token.type == "html_inline" and token.content.lower().startswith(f"</{tag}"):
            return index
    return len(children) - 1


def note_label(token: Token) -> str:
    """A footnote's label as written, or its number for an inline note."""
    label = token.meta.get("label")
    if not label:
        return str(token.meta.get("id", 0) + 1)
    return str(label).split(DUPLICATE, 1)[0]
