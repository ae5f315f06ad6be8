"""Turn OpenDocument text content into blocks.

``text:h`` is a heading at its outline level (with the number the outline
style gives it, as Writer shows it), ``text:p`` a paragraph, the
paragraphs of ``text:list`` list items, a table row one paragraph whose cells
are joined by " | "; the paragraphs of a text box follow the paragraph that
anchors it. A ``text:note`` becomes a mark where it stands, with
the label its ``text:note-citation`` shows, and a note block of its body; a
Zotero citation (a reference mark named with its CSL-JSON) gives its works.
Annotations, tracked deletions and indexes (tables of contents) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from xml.etree.ElementTree import Element

from ingest.blocks import Block, BlockKind, Work
from ingest.formats.csl_items import field_works
from ingest.formats.note_labels import NoteLabels
from ingest.formats.odt_lists import ListCounter, OutlineCounter
from ingest.text_marks import TextBuilder

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SPACES = {TEXT + "s", TEXT + "tab", TEXT + "line-break"}
_LEFT_OUT = {
    TEXT + name
    for name in (
        "note-citation", "number", "tracked-changes", "deletion",
        "table-of-content", "illustration-index", "table-index", "object-index",
        "user-index", "alphabetical-index", "bibliography", "sequence-decls",
    )
} | {"{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"}  # fmt: skip
_CITATION_MARKS = {TEXT + "reference-mark-start", TEXT + "reference-mark"}
_CONTAINERS = {TEXT + "section", TEXT + "soft-page-break", TABLE + "table-row-group"}
_ROWS = {TABLE + "table-rows", TABLE + "table-header-rows", TABLE + "table-row-group"}
MAX_LEVEL = 6


class OdtText:
    """Walks ``office:text``, collecting body blocks and note blocks."""

    def __init__(
        self,
        labels: NoteLabels,
        styles: tuple[set[str], set[str]],
        lists: ListCounter,
        outline: OutlineCounter,
    ) -> None:
        self.labels = labels
        self.italic, self.titles = styles
        self.lists = lists
        self.outline = outline
        self.builder = TextBuilder()
        self.works: list[Work] = []
        self.notes: dict[tuple[str, str], Block] = {}
        self._item_label: str | None = None

    def blocks(self, container: Element, depth: int = 0) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == TEXT + "h":
                level = _int(child.get(TEXT + "outline-level"), 1)
                shown = None if depth else self.outline.heading(child, level)
                if shown:
                    self.builder.add_text(shown + " ", literal_markers=False)
                yield from self._block(child, "heading", min(max(level, 1), MAX_LEVEL))
            elif tag == TEXT + "p" and child.get(TEXT + "style-name") in self.titles:
                yield from self._block(child, "heading", 1)
            elif tag == TEXT + "p":
                kind: BlockKind = "list_item" if depth else "paragraph"
                label, self._item_label = self._item_label, None
                yield from self._block(child, kind, depth or None, label)
            elif tag == TEXT + "list":
                self.lists.enter(child)
                for item in child:
                    self._item_label = self.lists.item(item)
                    yield from self.blocks(item, depth + 1)
                self.lists.leave()
            elif tag == TABLE + "table":
                yield from self._table(child)
            elif tag == DRAW + "frame":
                for box in _text_boxes(child):
                    yield from self.blocks(box)
            elif tag in _CONTAINERS:
                yield from self.blocks(child, depth)

    def _block(
        self,
        element: Element,
        kind: BlockKind,
        level: int | None,
        label: str | None = None,
    ) -> Iterator[Block]:
        self.inline(element)
        yield from self._finish(kind, level, label)
        for box in _text_boxes(element):
            yield from self.blocks(box)

    def _finish(
        self, kind: BlockKind, level: int | None, label: str | None = None
    ) -> Iterator[Block]:
        block = self._with_works(self.builder.block(kind, level=level, label=label))
        self.builder = TextBuilder()
        if block.text.strip(" |") or block.marks:
            yield block

    def _with_works(self, block: Block) -> Block:
        if not self.works:
            return block
        block = replace(block, works=tuple(self.works))
        self.works.clear()
        return block

    def _table(self, table: Element) -> Iterator[Block]:
        for row in _rows(table):
            cells = [c for c in row if c.tag == TABLE + "table-cell"]
            for number, cell in enumerate(cells):
                if number:
                    self.builder.add_text(" | ", literal_markers=False)
                for paragraph in paragraphs(cell):
                    self.inline(paragraph)
                    self.builder.add_space()
            yield from self._finish("paragraph", None)

    def inline(self, element: Element) -> None:
        if element.text:
            self.builder.add_text(element.text, literal_markers=False)
        for child in element:
            tag = child.tag
            if tag in _SPACES:
                self.builder.add_space()
            elif tag == TEXT + "a":
                start = self.builder.position
                self.inline(child)
                href = child.get(XLINK + "href", "")
                if href and not href.startswith("#"):
                    self.builder.add_link(self.builder.text_since(start), href, start)
            elif tag == TEXT + "note":
                self._note(child)
            elif tag in _CITATION_MARKS:  # Zotero keeps its CSL-JSON in the name
                self.works.extend(field_works(child.get(TEXT + "name", "")))
            elif tag not in _LEFT_OUT and tag.startswith(TEXT):
                start = self.builder.position
                self.inline(child)
                if child.get(TEXT + "style-name") in self.italic:
                    self.builder.add_emphasis(start)
            if child.tail:
                self.builder.add_text(child.tail, literal_markers=False)

    def _note(self, note: Element) -> None:
        series = note.get(TEXT + "note-class", "footnote")
        key = note.get(TEXT + "id") or f"#{len(self.notes)}"
        citation = note.find(TEXT + "note-citation")
        shown = (
            ""
            if citation is None
            else citation.get(TEXT + "label") or "".join(citation.itertext())
        )
        label = self.labels.label(
            series, key, shown.strip() or str(len(self.notes) + 1)
        )
        self.builder.add_mark(label)
        outer, self.builder = self.builder, TextBuilder()
        outer_works, self.works = self.works, []
        body_element = note.find(TEXT + "note-body")
        for paragraph in () if body_element is None else paragraphs(body_element):
            self.inline(paragraph)
            self.builder.add_space()
        self.notes[(series, key)] = self._with_works(
            self.builder.block("note", label=label)
        )
        self.builder, self.works = outer, outer_works


def paragraphs(element: Element) -> Iterator[Element]:
    """The paragraphs and headings in ``element``, through lists and tables."""
    for child in element:
        if child.tag in (TEXT + "p", TEXT + "h"):
            yield child
        elif child.tag not in _LEFT_OUT:
            yield from paragraphs(child)


def _text_boxes(element: Element) -> Iterator[Element]:
    """The text boxes of the frames in ``element`` (not those inside notes)."""
    for child in element:
        if child.tag == DRAW + "text-box":
            yield child
        elif child.tag != TEXT + "note":
            yield from _text_boxes(child)


def _rows(table: Element) -> Iterator[Element]:
    for child in table:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in _ROWS:
            yield from _rows(child)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
