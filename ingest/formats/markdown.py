"""Markdown in the shapes people write it: GFM and pandoc, Jekyll posts, exports.

Front matter (YAML, Hugo's TOML, pandoc's ``%`` title block) becomes ``Fields``
(``markdown_front``); Liquid tags (``{% ... %}``, ``{{ ... }}``), HTML comments
and kramdown attribute lists (``{: .class}``) are dropped. Markdown that uses
only paragraphs, lists, headings, links and emphasis (text exports of reports)
is read by ``markdown_subset``; the rest is parsed by markdown-it (CommonMark,
GFM tables, ``[^n]`` footnotes) and its tokens walked into blocks by
``markdown_tokens``. Numbered reference links
(``[text][1]`` with ``[1]: url`` definitions gathered at the end) are the
document's notes, as ``markdown_notes`` decides; a note written as a
``csl-json`` block states its work field by field (``markdown_csl``).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from ingest.blocks import Block, Content
from ingest.errors import ParseError
from ingest.formats import markdown_notes, markdown_subset
from ingest.formats.encoding import decode_text
from ingest.formats.markdown_front import split_front_matter
from ingest.formats.markdown_tokens import tokens_to_blocks

NAME = "markdown"
SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
MAX_NESTING = 100  # markup levels (a nested list takes two); deeper is refused
_SIGNS = re.compile(
    r"\[[^\]\n]+\]\([^)\n]*\)|^\[\^[^\]\n]+\]:|^\[\d+\]:[ \t]*\S|^#{1,6} \S"
    r"|<sup>|\]\[\d+\]",
    re.MULTILINE,
)
# Pairs whose span is no part of the text: Liquid tags and output, comments.
_DROPPED = (("{%", "%}"), ("{{", "}}"), ("<!--", "-->"), ("{::comment}", "{:/comment}"))
_ATTRIBUTE_LIST = re.compile(r"\{:[^{}\n]*\}")  # kramdown's {: .class #id}


def sniff(name: str, head: bytes) -> float | None:
    if Path(name).suffix.lower() in SUFFIXES:
        return 0.8
    sample = head.decode("utf-8", errors="replace")
    return 0.3 if _SIGNS.search(sample) else None


def read(name: str, data: bytes) -> Content:
    text = decode_text(name, data)
    front = split_front_matter(name, text)
    body = _ATTRIBUTE_LIST.sub("", _without_template_tags(front.body))
    read_plain = markdown_subset.read(body)
    blocks, meta = read_plain if read_plain is not None else parse(name, body)
    return Content(tuple(blocks), meta, front.fields)


def parse(name: str, text: str) -> tuple[list[Block], dict[str, str]]:
    """Any Markdown, through markdown-it's tokens, into blocks and metadata."""
    env: dict = {}
    tokens = _PARSER.parse(text, env)
    if tokens and max(token.level for token in tokens) >= MAX_NESTING - 1:
        raise ParseError(
            name,
            f"nests lists or block quotes deeper than {MAX_NESTING // 2} levels; "
            "no document needs that many",
        )
    blocks, meta = tokens_to_blocks(tokens)
    return blocks + markdown_notes.note_blocks(env), meta


def rendered_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    """The full road alone, without the subset's shortcut (for comparing both)."""
    return parse("<text>", text)


def _without_template_tags(text: str) -> str:
    """``text`` without Liquid tags or comments, each span found in one pass."""
    for opening, closing in _DROPPED:
        if opening not in text:
            continue
        parts: list[str] = []
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = text.find(closing, start + len(opening))
            if end < 0:
                break
            parts.append(text[position:start])
            position = end + len(closing)
        parts.append(text[position:])
        text = "".join(parts)
    return text


def _markdown_it() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    parser.enable(["table", "strikethrough"]).use(footnote_plugin)
    parser.core.ruler.after("block", "numbered_notes", markdown_notes.mark_numbered)
    parser.core.ruler.before(
        "footnote_tail", "every_footnote", markdown_notes.keep_every_footnote
    )
    return parser


_PARSER = _markdown_it()
