"""Corrections the office readers (DOCX, ODT) make to the blocks they read.

Authors format by hand: a paragraph of body text given a heading style for its
look, a footnote marker alone on a line under a table. Read literally, the
first hides its markers from the claims and the second looks like an exported
endnote whose text follows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.blocks import Block, Emphasis, Link, Mark

_NUMBERED = re.compile(r"^\s*(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*[.)]?\s")
PROSE_LENGTH = 150  # no heading runs this long and ends like a sentence
_SENTENCE_END = (".", ";", ":", ".”", '."', ".’")


def as_read(blocks: list[Block]) -> list[Block]:
    """``blocks`` with both corrections made."""
    return attach_lone_marks([_prose_as_paragraph(block) for block in blocks])


def _prose_as_paragraph(block: Block) -> Block:
    """A "heading" that is a long sentence is a paragraph styled for its look."""
    text = block.text.rstrip()
    if (
        block.kind == "heading"
        and len(text) > PROSE_LENGTH
        and text.endswith(_SENTENCE_END)
    ):
        return replace(block, kind="paragraph", level=None)
    return block


def attach_lone_marks(blocks: list[Block]) -> list[Block]:
    """Body blocks where a paragraph holding nothing but markers joins the one before.

    Word and Writer show such a paragraph as a lone raised number under the text
    it annotates (a table, a quotation).
    """
    kept: list[Block] = []
    for block in blocks:
        if kept and block.kind != "note" and block.marks and not block.text.strip():
            before = kept[-1]
            at = len(before.text)
            moved = tuple(Mark(mark.label, at) for mark in block.marks)
            kept[-1] = replace(before, marks=before.marks + moved)
        else:
            kept.append(block)
    return kept


def opening_title(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """A title the document sets over several lines at its top, as one heading.


    Consecutive headings of one level before any other text ("BACKGROUND
    REPORT" / "THE WORKING GROUP" / "ON INTERNET GOVERNANCE") are one title
    broken into lines; the title is what a reader sees, so it outranks the
    file's stored title, which is often a template's or an old draft's.
    """
    top = 0
    while (
        top < len(blocks)
        and blocks[top].kind == "heading"
        and blocks[top].level == blocks[0].level
        and not blocks[top].marks
        and not _NUMBERED.match(blocks[top].text)  # "1. Conflict dynamics"
    ):
        top += 1
    if top < 2:  # one heading may be the first section's, not the title
        return blocks, None
    title = " ".join(block.text.strip() for block in blocks[:top])
    joined = replace(blocks[0], text=title, links=(), emphasis=())
    return [joined, *blocks[top:]], title


def without_lead(block: Block, lead: str) -> Block:
    """``block`` without ``lead`` (and the space after it) at its start."""
    rest = block.text[len(lead) :]
    cut = len(block.text) - len(rest.lstrip())

    def at(offset: int) -> int:
        return max(offset - cut, 0)

    return replace(
        block,
        text=block.text[cut:],
        marks=tuple(Mark(m.label, at(m.offset)) for m in block.marks),
        links=tuple(Link(k.text, k.href, at(k.start), at(k.end)) for k in block.links),
        emphasis=tuple(
            Emphasis(at(e.start), at(e.end)) for e in block.emphasis if e.end > cut
        ),
    )
