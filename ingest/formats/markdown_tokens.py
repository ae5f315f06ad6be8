"""Walk markdown-it's tokens into neutral blocks.

Headings, paragraphs and list items become blocks; a table row becomes a
paragraph whose cells are joined by `` | `` and keep their markers; a footnote
definition (``[^12]: ...``, every paragraph of it) becomes one ``note`` block
labelled as its markers are; raw HTML blocks go through the HTML walker. A
numbered list whose items link back to their markers is a list of notes. The
text inside each block is ``markdown_inline``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from ingest.blocks import Block, BlockKind
from ingest.formats.html_walk import html_to_blocks
from ingest.formats.markdown_csl import LANGUAGES as CSL_LANGUAGES
from ingest.formats.markdown_csl import csl_works
from ingest.formats.markdown_inline import OpenBlock, add_inline, note_label


@dataclass
class _Walk:
    blocks: list[Block | None] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    open: list[OpenBlock] = field(default_factory=list)
    lists: list[list[int] | None] = field(default_factory=list)  # next number
    rows: list[OpenBlock | None] = field(default_factory=list)  # None: inside another
    cells: int = 0

    def start(self, kind: BlockKind, **kwargs) -> OpenBlock:
        opened = OpenBlock(len(self.blocks), kind, **kwargs)
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
        add_inline(token.children or [], walk.open[-1])
        return
    add_inline(token.children or [], walk.start("paragraph"))
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
        walk.start("note", label=note_label(token))


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


def _remember_h1(heading: OpenBlock, walk: _Walk) -> None:
    if heading.level == 1 and "h1" not in walk.meta:
        if heading.strings:
            walk.meta["h1"] = " ".join(heading.strings)
