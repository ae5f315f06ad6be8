"""Find a report's footnote definitions among its blocks.

Endnotes take several shapes: HTML or Markdown notes (``note`` blocks with a
label), an exported list whose item is nothing but the number followed by the
note's paragraphs (``- [537](#)`` then the text), a block that opens with its
marker (``[12] SOHR, ...``), or a numbered list after the body whose numbers
match the markers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.blocks import Block, Link, Work
from ingest.memo import same_as_last
from ingest.report_meta import is_footer


@dataclass(frozen=True, slots=True)
class NoteText:
    """A footnote's label and its text, with links offset into that text."""

    label: str
    text: str
    links: tuple[Link, ...]
    index: int
    works: tuple[Work, ...] = ()


@dataclass(frozen=True, slots=True)
class Split:
    """The blocks of a report, told apart: body, footnote definitions, duplicates."""

    body: tuple[int, ...]
    notes: tuple[NoteText, ...]
    duplicates: tuple[str, ...]


@same_as_last
def split_notes(blocks: tuple[Block, ...]) -> Split:
    body: list[int] = []
    notes: dict[str, NoteText] = {}
    duplicates: list[str] = []
    referenced = _referenced_before(blocks)
    in_notes = False
    index = 0
    while index < len(blocks):
        found, consumed = _definition_at(blocks, index, in_notes, referenced)
        if found is None:
            body.append(index)
            index += 1
            continue
        in_notes = True
        if found.label in notes:
            duplicates.append(found.label)
        else:
            notes[found.label] = found
        index += consumed
    return Split(tuple(body), tuple(notes.values()), tuple(duplicates))


def _definition_at(
    blocks: tuple[Block, ...],
    index: int,
    in_notes: bool,
    referenced: list[frozenset[str]],
) -> tuple[NoteText | None, int]:
    """The footnote defined at ``blocks[index]`` (or None) and how many blocks it spans.

    A numbered list item counts as a footnote only after the last marker of the
    body, so that an ordinary numbered list in the text is never taken for one.
    """
    block = blocks[index]
    if block.kind == "note" and block.label:
        return _note(block.label, [block], index), 1
    if block.is_bare_marker:
        body = []
        for following in blocks[index + 1 :]:
            if (
                _starts_note(following)
                or following.kind == "heading"
                or is_footer(following)
            ):
                break
            body.append(following)
        return _note(block.marks[0].label, body, index), 1 + len(body)
    opens_with_marker = block.marks and block.marks[0].offset == 0 and block.text
    if opens_with_marker and (in_notes or block.marks[0].label in referenced[index]):
        return _note(block.marks[0].label, [block], index), 1
    if block.kind == "list_item" and block.label and block.label in referenced[index]:
        return _note(block.label, [block], index), 1
    return None, 1


def _starts_note(block: Block) -> bool:
    return block.kind == "note" or block.is_bare_marker


def _referenced_before(blocks: tuple[Block, ...]) -> list[frozenset[str]]:
    """For each block, the marker labels it may define: those used earlier in the
    body, and none while body markers are still to come.

    Every block after the last body marker may define any label the body used;
    every block before it, none.
    """
    marked = [i for i, b in enumerate(blocks) if _is_body_marked(b)]
    body = frozenset(mark.label for i in marked for mark in blocks[i].marks)
    after = marked[-1] + 1 if marked else 0
    return [frozenset()] * after + [body] * (len(blocks) - after)


def _is_body_marked(block: Block) -> bool:
    return bool(block.marks) and not (
        block.is_bare_marker or block.kind == "note" or block.marks[0].offset == 0
    )


def _note(label: str, blocks: list[Block], index: int) -> NoteText:
    parts: list[str] = []
    links: list[Link] = []
    offset = 0
    for block in blocks:
        text = block.text
        shift = 0
        if block.marks and block.marks[0].offset == 0 and block.kind != "note":
            stripped = text.lstrip(" .:)")
            shift = len(text) - len(stripped)
            text = stripped
        if parts:
            offset += 1
        links.extend(
            Link(
                link.text,
                link.href,
                link.start - shift + offset,
                link.end - shift + offset,
            )
            for link in block.links
            if link.start >= shift
        )
        parts.append(text)
        offset += len(text)
    works = tuple(work for block in blocks for work in block.works)
    return NoteText(label, " ".join(parts), tuple(links), index, works)
