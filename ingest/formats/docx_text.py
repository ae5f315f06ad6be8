"""Turn WordprocessingML paragraphs into blocks.

Runs give text; tabs and line breaks a space; ``w:del`` and field instructions
nothing. Hyperlinks (``w:hyperlink``, simple fields and complex ``HYPERLINK``
fields) become links, italic runs emphasis, footnote and endnote references
marks, labelled through ``NoteLabels`` as the document numbers them, and a
reference manager's citation fields the works they state (``csl_items``). A
``NOTEREF`` field formatted as a note reference cites a note again: its shown
number becomes a marker, as Word displays it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import Element

from ingest.blocks import Block, BlockKind, Work
from ingest.formats.csl_items import field_works
from ingest.formats.docx_styles import W, attr, is_on
from ingest.text_marks import TextBuilder

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|([^\s"\\]\S*))', re.I)
_NOTEREF = re.compile(r"^\s*NOTEREF\s", re.IGNORECASE)
_ANCHOR = re.compile(r'\\l\s+(?:"([^"]*)"|(\S+))')
_SKIP = {"del", "moveFrom", "delText", "instrText", "rPr", "pPr", "drawing", "pict"}
_SKIP |= {"object", "fldData", "commentReference", "AlternateContent"}
_SPACE = {"tab", "br", "cr", "ptab"}
NoteMark = Callable[[str, str, str | None], str]  # (series, id, custom) -> label


@dataclass
class _Field:
    instruction: str = ""
    result_start: int | None = None
    builder: TextBuilder | None = None
    shown_mark: list[str] | None = None  # a NOTEREF's result, shown as a marker


def _cites_note_again(instruction: str) -> bool:
    """A NOTEREF formatted as a note reference (``\\f``): the note cited again."""
    return bool(_NOTEREF.match(instruction)) and "\\f" in instruction


@dataclass
class Inline:
    """Writes the inline content of paragraphs into a ``TextBuilder``."""

    hyperlinks: dict[str, str]  # relationship id -> external URL
    note_mark: NoteMark | None = None
    italic_styles: set[str] = field(default_factory=set)
    builder: TextBuilder = field(default_factory=TextBuilder)
    works: list[Work] = field(default_factory=list)
    _fields: list[_Field] = field(default_factory=list)

    def block(self, kind: BlockKind, level: int | None, label: str | None) -> Block:
        block = self.builder.block(kind, level=level, label=label)
        self.builder = TextBuilder()
        if self.works:
            block = replace(block, works=tuple(self.works))
            self.works.clear()
        return block

    def walk(self, element: Element) -> None:
        for child in element:
            name = _local(child.tag)
            if name == "r":
                self._run(child)
            elif name == "hyperlink":
                self._hyperlink(child)
            elif name == "fldSimple":
                self._simple_field(child)
            elif name not in _SKIP:
                self.walk(child)  # ins, smartTag, sdt, sdtContent, customXml ...

    def _simple_field(self, element: Element) -> None:
        instruction = element.get(W + "instr", "")
        start = self.builder.position
        if _cites_note_again(instruction):
            self._fields.append(_Field(instruction, shown_mark=[]))
            self.walk(element)
            self._field_char("end")
        else:
            self.walk(element)
            self._field_done(instruction, start)

    def _hyperlink(self, element: Element) -> None:
        start = self.builder.position
        self.walk(element)
        href = self.hyperlinks.get(element.get(R_ID, ""))
        anchor = element.get(W + "anchor")
        if href and anchor and "#" not in href:
            href += "#" + anchor
        if href:
            self.builder.add_link(self.builder.text_since(start), href, start)

    def _run(self, run: Element) -> None:
        start = self.builder.position
        custom: tuple[str, str] | None = None
        for child in run:
            name = _local(child.tag)
            if name == "t":
                if custom:
                    self._mark(*custom, child.text or None)
                    custom = None
                elif self._fields and self._fields[-1].shown_mark is not None:
                    self._fields[-1].shown_mark.append(child.text or "")
                else:
                    self.builder.add_text(child.text or "", literal_markers=False)
            elif name in _SPACE:
                self.builder.add_space()
            elif name == "ruby":  # East Asian reading aid: the base text only
                base = child.find(W + "rubyBase")
                if base is not None:
                    self.walk(base)
            elif name == "noBreakHyphen":
                self.builder.add_text("-", literal_markers=False)
            elif name in ("footnoteReference", "endnoteReference"):
                series = name.removesuffix("Reference")
                key = attr(child, "id") or ""
                if attr(child, "customMarkFollows") in ("1", "true", "on"):
                    custom = (series, key)
                else:
                    self._mark(series, key, None)
            elif name == "fldChar":
                self._field_char(attr(child, "fldCharType"))
            elif name == "instrText" and self._fields:
                self._fields[-1].instruction += child.text or ""
        if custom:
            self._mark(*custom, None)
        style = attr(_find(run, "rPr", "rStyle"))
        if is_on(_find(run, "rPr", "i")) or style in self.italic_styles:
            self.builder.add_emphasis(start)

    def _mark(self, series: str, key: str, custom: str | None) -> None:
        if self.note_mark is not None:
            self.builder.add_mark(self.note_mark(series, key, custom))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            current.result_start = self.builder.position
            current.builder = self.builder
            if _cites_note_again(current.instruction):
                current.shown_mark = []
        elif kind == "end" and self._fields:
            done = self._fields.pop()
            if done.shown_mark is not None and "".join(done.shown_mark).strip():
                self.builder.add_mark("".join(done.shown_mark).strip())
            elif done.builder is self.builder and done.result_start is not None:
                self._field_done(done.instruction, done.result_start)

    def _field_done(self, instruction: str, start: int) -> None:
        """A field whose result began at ``start`` ends: a link, or cited works."""
        self.works.extend(field_works(instruction))
        found = _HYPERLINK.match(instruction)
        if found and self.builder.position > start:
            href = found.group(1) or found.group(2)
            anchor = _ANCHOR.search(instruction, found.end())
            if anchor and (anchor.group(1) or anchor.group(2)):
                href += "#" + (anchor.group(1) or anchor.group(2))
            self.builder.add_link(self.builder.text_since(start), href, start)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _find(element: Element, *names: str) -> Element | None:
    for name in names:
        found = element.find(W + name)
        if found is None:
            return None
        element = found
    return element
