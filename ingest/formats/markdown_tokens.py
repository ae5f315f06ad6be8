"""Walk markdown-it's tokens into neutral blocks.

Headings, paragraphs and list items become blocks; a table row becomes a
paragraph whose cells are joined by `` | `` and keep their markers; a footnote
definition (``[^12]: ...``, every paragraph of it) becomes one ``note`` block
labelled as its markers are; raw HTML blocks go through the HTML walker. A
numbered list whose items link back to their markers is a list of notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ingest.blocks import Block, BlockKind
from ingest.formats.html_walk import anchor_marker, html_to_blocks, is_backlink
from ingest.text_marks import TextBuilder

# The href a numbered reference link ``[text][12]`` is given before inline
# parsing, so that the walker knows it for a note marker.
NOTE_HREF = "#markdown-note:"
DUPLICATE = "\x00"  # joins a footnote label defined twice to its repeat number
_SUP_OPEN = re.compile(r"<sup(?:\s[^>]*)?>", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"</sup\s*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,4}[a-z]?$")


@dataclass
class _Open:
    """A block being built: its slot in the output and what it will be."""

    slot: int
    kind: BlockKind
    builder: TextBuilder = field(default_factory=TextBuilder)
    level: int | None = None
    label: str | None = None
    backlinked: bool = False  # an item that links back to its marker
    strings: list[str] = field(default_factory=list)  # its text pieces, stripped


@dataclass
class _Walk:
    blocks: list[Block | None] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    open: list[_Open] = field(default_factory=list)
    lists: list[list[int] | None] = field(default_factory=list)  # next number
    cells: int = 0

    def start(self, kind: BlockKind, **kwargs) -> _Open:
        opened = _Open(len(self.blocks), kind, **kwargs)
        self.blocks.append(None)
        self.open.append(opened)
        return opened

    def finish(self) -> None:
        done = self.open.pop()
        kind = done.kind
        if kind == "list_item" and done.backlinked and done.label is not None:
            kind = "note"
        block = done.builder.block(kind, level=done.level, label=done.label)
        self.blocks[done.slot] = block


def tokens_to_blocks(tokens: list[Token]) -> tuple[list[Block], dict[str, str]]:
    """The blocks and metadata (``h1``) that ``tokens`` stand for."""
    walk = _Walk()
    for token in tokens:
        _block_token(token, walk)
    blocks = [b for b in walk.blocks if b is not None and (b.text or b.marks)]
    return blocks, walk.meta


def _block_token(token: Token, walk: _Walk) -> None:  # noqa: C901 - one dispatch
    kind = token.type
    inside = walk.open[-1] if walk.open else None
    if kind == "inline":
        if inside is None:
            inside = walk.start("paragraph")
            _inline(token.children or [], inside)
            walk.finish()
        else:
            _inline(token.children or [], inside)
    elif kind == "heading_open" and inside is None:
        walk.start("heading", level=int(token.tag[1:]))
    elif kind == "heading_close" and inside is not None and inside.kind == "heading":
        _remember_h1(inside, walk)
        walk.finish()
    elif kind in ("bullet_list_open", "ordered_list_open"):
        start = int(token.attrs.get("start", 1) or 1) if token.tag == "ol" else None
        walk.lists.append([start] if start is not None else None)
    elif kind in ("bullet_list_close", "ordered_list_close"):
        walk.lists.pop()
    elif kind == "list_item_open" and not _in_note(walk):
        numbering = walk.lists[-1] if walk.lists else None
        label = None
        if numbering is not None:
            label = str(numbering[0])
            numbering[0] += 1
        walk.start("list_item", label=label)
    elif kind == "list_item_close" and inside is not None and not _in_note(walk):
        walk.finish()
    elif kind == "footnote_open" and not _in_note(walk):
        walk.start("note", label=_note_label(token))
    elif kind == "footnote_close" and inside is not None and inside.kind == "note":
        walk.finish()
    elif kind == "tr_open" and inside is None:
        walk.start("paragraph")
        walk.cells = 0
    elif kind == "tr_close" and inside is not None:
        walk.finish()
    elif kind in ("th_open", "td_open") and inside is not None:
        if walk.cells:
            inside.builder.add_text(" | ", literal_markers=False)
        walk.cells += 1
    elif kind in ("code_block", "fence"):
        _code_block(token.content, inside, walk)
    elif kind == "html_block":
        _html_block(token.content, inside, walk)
    elif kind in ("paragraph_open", "paragraph_close", "blockquote_open"):
        if inside is not None and inside.builder.position:
            inside.builder.add_space()


def _in_note(walk: _Walk) -> bool:
    return any(opened.kind == "note" for opened in walk.open)


def _note_label(token: Token) -> str:
    label = token.meta.get("label")
    if not label:
        return str(token.meta.get("id", 0) + 1)
    return str(label).split(DUPLICATE, 1)[0]


def _remember_h1(heading: _Open, walk: _Walk) -> None:
    if heading.level == 1 and "h1" not in walk.meta:
        if heading.strings:
            walk.meta["h1"] = " ".join(heading.strings)


def _code_block(text: str, inside: _Open | None, walk: _Walk) -> None:
    if inside is not None:
        inside.builder.add_space()
        inside.builder.add_text(text, literal_markers=False)
        return
    walk.start("paragraph").builder.add_text(text, literal_markers=False)
    walk.finish()


def _html_block(html: str, inside: _Open | None, walk: _Walk) -> None:
    blocks, _ = html_to_blocks(html)
    if inside is None:
        walk.blocks.extend(blocks)
        return
    for block in blocks:  # inside a list item or note: its text only
        inside.builder.add_space()
        inside.builder.add_text(block.text, literal_markers=False)


def _inline(children: list[Token], opened: _Open) -> None:
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
            builder.add_mark(_note_label(token))
        elif kind == "link_open":
            at = _link(children, at, opened)
        elif kind == "html_inline":
            at = _html_inline(children, at, builder)
        at += 1


def _link(children: list[Token], at: int, opened: _Open) -> int:
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
            _inline(inner, opened)
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
    _inline(inner, opened)
    builder.add_link(text, href, start)
    return end


def _html_inline(children: list[Token], at: int, builder: TextBuilder) -> int:
    """``<sup>12</sup>`` is a marker and ``<br>`` a space; other tags are dropped."""
    content = children[at].content
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
