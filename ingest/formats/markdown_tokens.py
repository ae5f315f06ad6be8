"""Walk markdown-it's tokens into neutral blocks.

Headings, paragraphs and list items become blocks; a table row becomes a
paragraph whose cells are joined by `` | `` and keep their markers; a footnote
definition (``[^12]: ...``, every paragraph of it) becomes one ``note`` block
labelled as its markers are; raw HTML blocks go through the HTML walker. A
numbered list whose items link back to their markers is a list of notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from ingest.blocks import Block, BlockKind, Work
from ingest.formats.html_walk import anchor_marker, html_to_blocks, is_backlink
from ingest.formats.markdown_csl import LANGUAGES as CSL_LANGUAGES
from ingest.formats.markdown_csl import csl_works
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
    works: list[Work] = field(default_factory=list)  # the works a note states


@dataclass
class _Walk:
    blocks: list[Block | None] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    open: list[_Open] = field(default_factory=list)
    lists: list[list[int] | None] = field(default_factory=list)  # next number
    rows: list[_Open | None] = field(default_factory=list)  # None: inside another
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
        self.blocks[done.slot] = replace(block, works=tuple(done.works))


def tokens_to_blocks(tokens: list[Token]) -> tuple[list[Block], dict[str, str]]:
    """The blocks and metadata (``h1``) that ``tokens`` stand for."""
    walk = _Walk()
    for token in tokens:
        _block_token(token, walk)
    blocks = [b for b in walk.blocks if b is not None and (b.text or b.marks)]
    return blocks, walk.meta


def _block_token(token: Token, walk: _Walk) -> None:
    handler = _HANDLERS.get(token.type)
    if handler is not None:
        handler(token, walk)
    elif token.type in ("paragraph_open", "paragraph_close", "blockquote_open"):
        _space(walk)


def _space(walk: _Walk) -> None:
    if walk.open and walk.open[-1].builder.position:
        walk.open[-1].builder.add_space()


def _inline_token(token: Token, walk: _Walk) -> None:
    if walk.open:
        _inline(token.children or [], walk.open[-1])
        return
    _inline(token.children or [], walk.start("paragraph"))
    walk.finish()


def _heading_open(token: Token, walk: _Walk) -> None:
    if not walk.open:
        walk.start("heading", level=int(token.tag[1:]))


def _heading_close(token: Token, walk: _Walk) -> None:
    if walk.open and walk.open[-1].kind == "heading":
        _remember_h1(walk.open[-1], walk)
        walk.finish()


def _list_open(token: Token, walk: _Walk) -> None:
    start = int(token.attrs.get("start", 1) or 1) if token.tag == "ol" else None
    walk.lists.append([start] if start is not None else None)


def _list_close(token: Token, walk: _Walk) -> None:
    walk.lists.pop()


def _item_open(token: Token, walk: _Walk) -> None:
    if _in_note(walk):
        _space(walk)
        return
    numbering = walk.lists[-1] if walk.lists else None
    label = None
    if numbering is not None:
        label = str(numbering[0])
        numbering[0] += 1
    walk.start("list_item", label=label)


def _item_close(token: Token, walk: _Walk) -> None:
    if walk.open and walk.open[-1].kind == "list_item" and not _in_note(walk):
        walk.finish()


def _note_open(token: Token, walk: _Walk) -> None:
    if not _in_note(walk):
        walk.start("note", label=_note_label(token))


def _note_close(token: Token, walk: _Walk) -> None:
    if walk.open and walk.open[-1].kind == "note":
        walk.finish()


def _row_open(token: Token, walk: _Walk) -> None:
    """A table row is a paragraph of its own, or part of the item or note it is in."""
    walk.cells = 0
    if walk.open:
        _space(walk)
        walk.rows.append(None)
    else:
        walk.rows.append(walk.start("paragraph"))


def _row_close(token: Token, walk: _Walk) -> None:
    row = walk.rows.pop() if walk.rows else None
    if row is not None and walk.open and walk.open[-1] is row:
        walk.finish()


def _cell_open(token: Token, walk: _Walk) -> None:
    if walk.open and walk.cells:
        walk.open[-1].builder.add_text(" | ", literal_markers=False)
    walk.cells += 1


def _code(token: Token, walk: _Walk) -> None:
    """Code as written; in a note, a ``csl-json`` block is the work it cites."""
    language = token.info.strip().split(" ", 1)[0].lower()
    if walk.open and walk.open[-1].kind == "note" and language in CSL_LANGUAGES:
        stated = csl_works(token.content)
        if stated is not None:
            works, text = stated
            walk.open[-1].works.extend(works)
            walk.open[-1].builder.add_space()
            walk.open[-1].builder.add_text(text, literal_markers=False)
            return
    if walk.open:
        walk.open[-1].builder.add_space()
        walk.open[-1].builder.add_text(token.content, literal_markers=False)
        return
    walk.start("paragraph").builder.add_text(token.content, literal_markers=False)
    walk.finish()


def _html_block(token: Token, walk: _Walk) -> None:
    blocks, _ = html_to_blocks(token.content)
    if not walk.open:
        walk.blocks.extend(blocks)
        return
    for block in blocks:  # inside a list item or note: its text only
        walk.open[-1].builder.add_space()
        walk.open[-1].builder.add_text(block.text, literal_markers=False)


_HANDLERS = {
    "inline": _inline_token,
    "heading_open": _heading_open,
    "heading_close": _heading_close,
    "bullet_list_open": _list_open,
    "ordered_list_open": _list_open,
    "bullet_list_close": _list_close,
    "ordered_list_close": _list_close,
    "list_item_open": _item_open,
    "list_item_close": _item_close,
    "footnote_open": _note_open,
    "footnote_close": _note_close,
    "tr_open": _row_open,
    "tr_close": _row_close,
    "th_open": _cell_open,
    "td_open": _cell_open,
    "code_block": _code,
    "fence": _code,
    "html_block": _html_block,
}


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
