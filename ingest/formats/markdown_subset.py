"""Read the plain part of Markdown straight into blocks, without rendering HTML.

Text exports of reports use little of Markdown: paragraphs, ``-`` and ``1.``
lists, ``#`` headings, links such as ``[537](#)`` or ``[url](https://...)``,
``*emphasis*``, backslash escapes and ``[^n]`` footnotes defined one a line.
``read`` turns such text into the blocks that rendering it with markdown-it and
walking its tokens would give, and returns None for anything else (code, quotes,
tables, raw HTML, footnotes of several lines or never cited, strong text,
underscores, indented lines, ...), which then takes that longer road.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field

from ingest.blocks import Block, BlockKind
from ingest.formats.html_walk import anchor_marker, is_backlink
from ingest.text_marks import TextBuilder

ESCAPED = frozenset(string.punctuation)  # what CommonMark lets a backslash escape
# Anything that asks for more of Markdown than this module reads.
_BEYOND = re.compile(
    r"[`<\t\x00-\x08\x0b-\x1f\x7f]|\*\*|!\[|  \n|\\\n"
    r"|&[#0-9a-z]"
    r"|^(?:[^\S\n]|>|\[(?!\^)[^\[\]\n]*\]:|[-=_*+|: ]+$)",
    re.IGNORECASE | re.MULTILINE,
)
_BLANK_LINE = re.compile(r"(?<=\n) +\n")
_HEADING = re.compile(r"(#{1,6}) +([^#\\\n]*[^#\\\s]) *")
_ORDERED = re.compile(r"(\d+)\.[ ]{1,4}(?! )(.*)")
_BULLET = re.compile(r"()[*+-][ ]{1,4}(?! )(.*)")
_NESTED = re.compile(r"#|>|[*+-][ ]|\d+\.[ ]|\[[^\[\]]*\]:|[-=_*+|: ]+$")
_INLINE = re.compile(r"[\\\[\]*_]")
# A footnote cited (``[^12]``) and defined on a line of its own (``[^12]: Text``).
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_NOTE_DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:(?: (.*))?")
# A link whose target markdown-it keeps as written: ASCII URL characters and
# %-escapes only, and none of the schemes it refuses to link.
_LINK = re.compile(
    r"\[((?:\\.|[^\\\[\]*_])+)\]"
    r"\((?!(?:javascript|vbscript|file|data):)"
    r"((?:[A-Za-z0-9\-._~:/?#@!$&*+,;=]|%[0-9A-Fa-f]{2})+)\)",
    re.IGNORECASE,
)
_LINK_ESCAPE = re.compile(r"\\(.)")
_SPACES = frozenset("\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000")
# A line that starts a list, which CommonMark lets interrupt a paragraph.
_LIST_START = re.compile(r"(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")


class _Beyond(Exception):
    """The text uses Markdown that only the full renderer reads."""


@dataclass
class _Page:
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    list_tag: str | None = None  # the list the next list block would continue
    number: int = 1
    defined: frozenset[str] = frozenset()  # the labels of the footnotes
    cited: dict[str, None] = field(default_factory=dict)  # the labels cited
    notes: dict[str, Block] = field(default_factory=dict)


def read(text: str) -> tuple[list[Block], dict[str, str]] | None:
    """The blocks and metadata of ``text``, or None if it needs the full renderer."""
    source = text.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    source = _BLANK_LINE.sub("\n", source)
    if _BEYOND.search(source):
        return None
    page = _Page(defined=_defined(source))
    try:
        for chunk in source.split("\n\n"):
            chunk = chunk[1:] if chunk.startswith("\n") else chunk
            if chunk:
                _block(chunk, page)
        notes = _notes(page)
    except _Beyond:
        return None
    return [b for b in page.blocks if b.text or b.marks] + notes, page.meta


def _defined(source: str) -> frozenset[str]:
    """The labels of the footnotes ``source`` defines (markers need them known)."""
    if "[^" not in source:
        return frozenset()
    return frozenset(
        m.group(1)
        for line in source.split("\n")
        if line.startswith("[^") and (m := _NOTE_DEFINITION.match(line))
    )


def _notes(page: _Page) -> list[Block]:
    """The footnotes after the text, in the order they are written, as the
    renderer gathers them; one defined but never cited is left to it."""
    if page.notes.keys() != page.cited.keys():
        raise _Beyond
    return list(page.notes.values())


def _block(chunk: str, page: _Page) -> None:
    lines = chunk.split("\n")
    if page.defined and any(line.startswith("[^") for line in lines):
        _definitions(lines, page)
        return
    if any(_LIST_START.match(line) for line in lines):
        _lines_continue_one_list(lines)
    if any(line.startswith("#") for line in lines):
        if len(lines) > 1:
            raise _Beyond
        _heading(chunk, page)
    elif _ORDERED.match(lines[0]):
        _list(lines, "ol", _ORDERED, page)
    elif _BULLET.match(lines[0]):
        _list(lines, "ul", _BULLET, page)
    else:
        page.list_tag = None
        page.blocks.append(_inline(chunk, page).block("paragraph"))


def _definitions(lines: list[str], page: _Page) -> None:
    """Footnote definitions, one a line; anything else in their chunk (a line
    that continues a note, a paragraph before it) is left to the renderer."""
    page.list_tag = None
    for line in lines:
        match = _NOTE_DEFINITION.fullmatch(line)
        if match is None or not (match.group(2) or "").strip():
            raise _Beyond
        label = match.group(1)
        if label in page.notes:
            raise _Beyond  # defined twice
        inline = _inline(match.group(2), page, in_note=True)
        page.notes[label] = inline.block("note", label=label)


def _lines_continue_one_list(lines: list[str]) -> None:
    """Refuse a chunk in which a line starts a list that CommonMark would begin
    afresh: after a paragraph line, or of another kind than the chunk's list."""
    item_re = _ORDERED if _ORDERED.match(lines[0]) else _BULLET
    if not item_re.match(lines[0]) or any(
        _LIST_START.match(line) and not item_re.match(line) for line in lines[1:]
    ):
        raise _Beyond


def _heading(line: str, page: _Page) -> None:
    match = _HEADING.fullmatch(line)
    if not match:
        raise _Beyond
    level, text = len(match.group(1)), match.group(2).strip()
    inline = _inline(text, page)
    page.list_tag = None
    page.blocks.append(inline.block("heading", level=level))
    if level == 1 and "h1" not in page.meta and inline.strings:
        page.meta["h1"] = " ".join(inline.strings)


def _list(lines: list[str], tag: str, item_re: re.Pattern[str], page: _Page) -> None:
    """One list block; a list straight after one of its kind continues it."""
    items: list[tuple[str, str]] = []
    for line in lines:
        match = item_re.match(line)
        if match:
            items.append((match.group(1), match.group(2).lstrip()))
        else:  # a lazy continuation line
            number, content = items[-1]
            items[-1] = (number, f"{content}\n{line}")
    if page.list_tag != tag:
        page.list_tag = tag
        page.number = int(items[0][0]) if tag == "ol" else 1
    for _, content in items:
        first_line = content.split("\n", 1)[0]
        if (
            not first_line.strip()
            or _NESTED.match(first_line)
            or _LIST_START.match(first_line)
        ):
            raise _Beyond
        inline = _inline(content, page)
        label = str(page.number) if tag == "ol" else None
        kind: BlockKind = "list_item"
        if tag == "ol" and any(is_backlink(t, h) for t, h in inline.anchors):
            kind = "note"
        page.blocks.append(inline.block(kind, label=label))
        page.number += 1


@dataclass(frozen=True)
class _Star:
    """A ``*``: it may open emphasis before a non-space, close it after one."""

    opens: bool
    closes: bool


_EMPHASIS = object()  # where a pair of stars opens or closes emphasis


def _pair_stars(pieces: list) -> None:
    """Pair each closing star with the open one before it; others are text.

    Emphasis inside emphasis is left to the renderer.
    """
    opened: int | None = None
    for at, piece in enumerate(pieces):
        if not isinstance(piece, _Star):
            continue
        if piece.closes and opened is not None:
            pieces[opened] = pieces[at] = _EMPHASIS
            opened = None
        elif piece.opens:
            if opened is not None:
                raise _Beyond
            opened = at
        else:
            pieces[at] = "*"
    if opened is not None:
        pieces[opened] = "*"


@dataclass
class _Inline:
    """A run of inline Markdown as the HTML walker would have built it."""

    builder: TextBuilder = field(default_factory=TextBuilder)
    strings: list[str] = field(default_factory=list)  # as ``get_text(" ", strip=True)``
    anchors: list[tuple[str, str]] = field(default_factory=list)  # (text, href)

    def block(
        self, kind: BlockKind, level: int | None = None, label: str | None = None
    ) -> Block:
        return self.builder.block(kind, level=level, label=label)


def _inline(text: str, page: _Page, in_note: bool = False) -> _Inline:
    """Escapes first, then footnote markers and links, then ``*emphasis*``, as the
    renderer reads them. A marker inside a footnote is left to the renderer."""
    pieces = _pieces(text.lstrip(), page.defined if not in_note else frozenset())
    _pair_stars(pieces)
    inline = _Inline()
    builder = inline.builder
    emphasis_start: int | None = None
    run: list[str] = []
    for piece in [*pieces, None]:
        if isinstance(piece, str):
            run.append(piece)
            continue
        if run:
            _add_string("".join(run), inline)
            run.clear()
        if piece is None:
            break
        if isinstance(piece, _NoteRef):
            builder.add_mark(piece.label)
            page.cited[piece.label] = None
        elif piece is _EMPHASIS:
            if emphasis_start is None:
                emphasis_start = builder.position
            else:
                builder.add_emphasis(emphasis_start)
                emphasis_start = None
        else:
            _add_link(*piece, inline)
    return inline


@dataclass(frozen=True, slots=True)
class _NoteRef:
    label: str


def _pieces(text: str, defined: frozenset[str]) -> list:
    """Text strings, footnote markers, ``(text, href)`` links and the stars that
    may open emphasis; ``defined``: the footnote labels a marker may name."""
    pieces: list = []
    pos = 0
    while match := _INLINE.search(text, pos):
        at = match.start()
        pieces.append(text[pos:at])
        char = text[at]
        pos = at + 1
        if char == "\\":
            escaped = text[at + 1 : at + 2]
            if escaped and escaped in ESCAPED:
                pieces.append(escaped)
                pos += 1
            else:
                pieces.append(char)
        elif char == "[" and text.startswith("[^", at):
            ref = _NOTE_REF.match(text, at)
            if ref is None or ref.group(1) not in defined:
                raise _Beyond
            pieces.append(_NoteRef(ref.group(1)))
            pos = ref.end()
        elif char == "[":
            link = _LINK.match(text, at)
            if not link:
                raise _Beyond
            pieces.append((_LINK_ESCAPE.sub(_unescape, link.group(1)), link.group(2)))
            pos = link.end()
        elif char == "]":
            pieces.append(char)
        elif char == "*":
            before = text[at - 1] if at else " "
            after = text[at + 1] if at + 1 < len(text) else " "
            pieces.append(_star(before, after))
        else:  # "_" may open emphasis too; only the renderer knows
            raise _Beyond
    pieces.append(text[pos:])
    return pieces


def _star(before: str, after: str) -> _Star:
    """A star as CommonMark reads it: it opens when left-flanking, closes when
    right-flanking (white space and punctuation on either side decide)."""
    space_before, space_after = _is_space(before), _is_space(after)
    punct_before, punct_after = _is_punct(before), _is_punct(after)
    left = not space_after and (not punct_after or space_before or punct_before)
    right = not space_before and (not punct_before or space_after or punct_after)
    return _Star(opens=left, closes=right)


def _is_space(char: str) -> bool:
    return char in _SPACES or "\u2000" <= char <= "\u200a"


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _unescape(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) in ESCAPED else match.group(0)


def _add_string(text: str, inline: _Inline) -> None:
    inline.builder.add_text(text)
    if text.strip():
        inline.strings.append(text.strip())


def _add_link(text: str, href: str, inline: _Inline) -> None:
    builder = inline.builder
    label_text = text.strip()
    inline.anchors.append((label_text, href))
    if label_text:
        inline.strings.append(label_text)
    label = anchor_marker(label_text, href)
    if label is not None:
        builder.add_mark(label)
    elif not is_backlink(label_text, href):
        start = builder.position
        builder.add_text(text)
        builder.add_link(label_text, href, start)
