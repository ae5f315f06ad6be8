"""The blocks of a Word document's body: headings, paragraphs, list items, rows.

Each paragraph becomes one block, its kind from its style, outline level or
list numbering. A table row becomes one paragraph whose cells are joined by
" | ", as the HTML reader does; the paragraphs of a text box follow the
paragraph it is anchored in. Table-of-contents entries are left out: they
repeat the headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ingest.blocks import Block, BlockKind
from ingest.formats.docx_numbering import Numbering
from ingest.formats.docx_styles import Styles, W, attr, outline_level
from ingest.formats.docx_text import Inline

_CONTAINERS = {"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"}


class Body:
    def __init__(self, inline: Inline, styles: Styles, numbering: Numbering) -> None:
        self.inline = inline
        self.styles = styles
        self.numbering = numbering

    def blocks(self, container: Element) -> Iterator[Block]:
        for child in container:
            name = child.tag.rpartition("}")[2]
            if name == "p":
                block = self._paragraph(child)
                if block is not None:
                    yield block
                for box in _text_boxes(child):
                    yield from self.blocks(box)
            elif name == "tbl":
                yield from self._table(child)
            elif name in _CONTAINERS:
                yield from self.blocks(child)

    def _paragraph(self, paragraph: Element) -> Block | None:
        properties = paragraph.find(W + "pPr")
        style = attr(_child(properties, "pStyle"))
        if self.styles.is_contents(style):
            self.inline.walk(paragraph)  # for the fields it opens and closes
            self.inline.block("paragraph", None, None)
            return None
        kind, level, shown = self._kind(properties, style)
        if kind == "heading" and shown:
            self.inline.builder.add_text(shown + " ", literal_markers=False)
        self.inline.walk(paragraph)
        label = shown.strip("().") if kind == "list_item" and shown else None
        return _kept(self.inline.block(kind, level, label))

    def _kind(
        self, properties: Element | None, style: str | None
    ) -> tuple[BlockKind, int | None, str | None]:
        """The paragraph's kind and level, and the number Word shows before it."""
        outline = attr(_child(properties, "outlineLvl"))
        if outline is not None and outline.isdigit():
            level = outline_level(int(outline))
        else:
            level = self.styles.heading_level(style)
        list_id, ilvl = self._list(properties, style)
        shown = None if list_id is None else self.numbering.count(list_id, ilvl)
        if level is not None:
            return "heading", level, shown
        if list_id is None:
            return "paragraph", None, None
        return "list_item", ilvl + 1, shown

    def _list(
        self, properties: Element | None, style: str | None
    ) -> tuple[str | None, int]:
        """The list (numId) and list level the paragraph belongs to, if any."""
        from_style = self.styles.numbering(style) or (None, 0)
        numbered = _child(properties, "numPr")
        direct_id = attr(_child(numbered, "numId"))
        direct_level = attr(_child(numbered, "ilvl"))
        list_id = direct_id if direct_id is not None else from_style[0]
        if direct_level is not None and direct_level.isdigit():
            ilvl = min(int(direct_level), 8)
        else:
            ilvl = from_style[1]
        return (None, 0) if list_id in (None, "0") else (list_id, ilvl)

    def _table(self, table: Element) -> Iterator[Block]:
        for row in _children(table, "tr"):
            for number, cell in enumerate(_children(row, "tc")):
                if number:
                    self.inline.builder.add_text(" | ", literal_markers=False)
                for paragraph in cell.iter(W + "p"):
                    self.inline.walk(paragraph)
                    self.inline.builder.add_space()
            block = _kept(self.inline.block("paragraph", None, None))
            if block is not None:
                yield block


def _text_boxes(paragraph: Element) -> Iterator[Element]:
    """The text boxes anchored in ``paragraph``, each once.

    A shape is written twice, for new and old readers (``mc:Choice`` and
    ``mc:Fallback``); the fallback is read only when the choice holds no text box.
    """
    if next(paragraph.iter(W + "txbxContent"), None) is None:
        return
    for child in paragraph:
        name = child.tag.rpartition("}")[2]
        if name == "txbxContent":
            yield child
        elif name == "AlternateContent":
            for option in child:  # the choices, then the fallback
                boxes = list(_text_boxes(option))
                if boxes:
                    yield from boxes
                    break
        else:
            yield from _text_boxes(child)


def _children(element: Element, name: str) -> Iterator[Element]:
    """The ``name`` children of ``element``, looking through content controls."""
    for child in element:
        local = child.tag.rpartition("}")[2]
        if local == name:
            yield child
        elif local in _CONTAINERS:
            yield from _children(child, name)


def _kept(block: Block) -> Block | None:
    return block if block.text.strip(" |") or block.marks else None


def _child(element: Element | None, name: str) -> Element | None:
    return None if element is None else element.find(W + name)
