"""Word documents (DOCX): body, footnotes, endnotes, links and properties.

The XML parts are read directly (see ``office_zip`` for the bounds): the main
document found through the package relationships, its styles and numbering,
footnotes and endnotes numbered as Word displays them (by order of first
citation, in the format and from the start the settings give; separators and
notes never cited are not shown), and docProps/core.xml as ``Fields``.
Numbering that Word restarts on each page or section is counted on through the
document instead, so that every note keeps a label of its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree.ElementTree import Element

from ingest.blocks import Block, Content
from ingest.errors import ParseError
from ingest.formats import office_zip
from ingest.formats.docx_body import Body
from ingest.formats.docx_numbering import Numbering
from ingest.formats.docx_styles import Styles, W, attr
from ingest.formats.docx_text import Inline
from ingest.formats.note_labels import NoteLabels
from ingest.formats.numbers import number_label
from ingest.formats.office_blocks import as_read, opening_title, without_lead
from ingest.formats.office_meta import core_fields

NAME = "docx"
KIND = "a Word document"
SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_MAIN = "word/document.xml"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W[1:-1].encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_DEFAULT_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}


def sniff(name: str, head: bytes) -> float | None:
    suffix = Path(name).suffix.lower()
    if head.startswith(office_zip.ZIP_MAGIC):
        if b"word/" in head:
            return 0.95
        return 0.9 if suffix in SUFFIXES else None
    if head.startswith(office_zip.OLE_MAGIC):
        return 0.9 if suffix in SUFFIXES | {".doc"} or _ENCRYPTED in head else None
    return 0.5 if suffix in SUFFIXES else None


def read(name: str, data: bytes) -> Content:
    if data.startswith(office_zip.OLE_MAGIC):
        raise ParseError(name, _ole_reason(data))
    if not data.startswith(office_zip.ZIP_MAGIC):
        raise ParseError(name, office_zip.damaged(KIND))
    package = office_zip.Package(name, data, KIND)
    main = _main_part(package)
    document = _xml(package, main)
    if document is None or document.tag != W + "document":
        raise ParseError(name, f"is not a Word document: it has no {_MAIN}")
    try:
        blocks = _blocks(package, main, document)
    except RecursionError as error:
        raise ParseError(name, office_zip.TOO_DEEP) from error
    if not blocks:
        raise ParseError(name, "holds no text")
    blocks, title = opening_title(blocks)
    fields = core_fields(_xml(package, "docProps/core.xml"))
    return Content(tuple(blocks), fields=replace(fields, title=title or fields.title))


def _blocks(package: office_zip.Package, main: str, document: Element) -> list[Block]:
    """The body's blocks, then the notes it cites, numbered as Word shows them."""
    parts = _related_parts(package, main)
    formats = _note_formats(_xml(package, parts.get("settings")), document)
    both = all(
        next(document.iter(f"{W}{series}Reference"), None) is not None
        for series in formats
    )
    labels = NoteLabels(both and formats["footnote"][0] == formats["endnote"][0])
    styles = Styles.read(_xml(package, parts.get("styles")))
    marker = _note_marker(labels, formats)
    inline = Inline(_hyperlinks(package, main), marker, styles.italic)
    numbering = Numbering.read(_xml(package, parts.get("numbering")))
    body = Body(inline, styles, numbering)
    content = document.find(W + "body")
    blocks = as_read(list(body.blocks(document if content is None else content)))
    notes: dict[tuple[str, str], Block] = {}
    for series in ("footnote", "endnote"):
        part = parts.get(series + "s")
        if part and labels.count(series):
            inline = Inline(_hyperlinks(package, part), italic_styles=styles.italic)
            notes.update(_notes(_xml(package, part), series, labels, inline))
    return blocks + labels.ordered(notes)


def _ole_reason(data: bytes) -> str:
    if _ENCRYPTED in data:
        return (
            "is password-protected: open it in Word, remove the password "
            "(File > Info > Protect Document) and save it again"
        )
    return "is an old binary Word file (.doc), not DOCX: save it as .docx first"


def _xml(package: office_zip.Package, path: str | None) -> Element | None:
    data = package.part(path) if path else None
    if data is None:
        return None
    for strict, transitional in _STRICT:
        data = data.replace(strict, transitional)
    return office_zip.parse_xml(package.name, path, data)


def _main_part(package: office_zip.Package) -> str:
    for rel_type, target, external in package.relationships("").values():
        if rel_type.endswith("/officeDocument") and not external:
            if package.has(target):
                return target
    return _MAIN


def _related_parts(package: office_zip.Package, main: str) -> dict[str, str]:
    """Internal parts of ``main`` by relationship type ("styles", "footnotes")."""
    return {
        rel_type.rpartition("/")[2]: target
        for rel_type, target, external in package.relationships(main).values()
        if not external
    }


def _hyperlinks(package: office_zip.Package, part: str) -> dict[str, str]:
    return {
        ident: target
        for ident, (rel_type, target, external) in package.relationships(part).items()
        if external and rel_type.endswith("/hyperlink")
    }


def _note_formats(
    settings: Element | None, document: Element
) -> dict[str, tuple[str, int]]:
    """Each note series' number format and first number, as the document sets."""
    formats = {}
    for series, default in _DEFAULT_FORMAT.items():
        fmt, start = default, 1
        for scope in (settings, document.find(f"{W}body/{W}sectPr")):
            found = None if scope is None else scope.find(f"{W}{series}Pr")
            if found is not None:
                fmt = attr(found.find(W + "numFmt")) or fmt
                start_at = attr(found.find(W + "numStart"))
                start = int(start_at) if start_at and start_at.isdigit() else start
        formats[series] = (fmt, start)
    return formats


def _note_marker(labels: NoteLabels, formats: dict[str, tuple[str, int]]):
    """Label notes as first cited; custom marks ("*") do not take a number."""
    numbered = dict.fromkeys(formats, 0)

    def mark(series: str, key: str, custom: str | None) -> str:
        if labels.is_cited(series, key) or custom:
            return labels.label(series, key, custom or "", custom=bool(custom))
        fmt, start = formats[series]
        shown = number_label(start + numbered[series], fmt)
        numbered[series] += 1
        return labels.label(series, key, shown)

    return mark


def _notes(
    root: Element | None, series: str, labels: NoteLabels, inline: Inline
) -> dict[tuple[str, str], Block]:
    notes = {}
    for note in root.iter(W + series) if root is not None else ():
        key = attr(note, "id") or ""
        if attr(note, "type") in _NOT_NOTES or not labels.is_cited(series, key):
            continue
        for paragraph in note.iter(W + "p"):
            inline.walk(paragraph)
            inline.builder.add_space()
        block = inline.block("note", None, labels.label(series, key, ""))
        custom = labels.custom.get((series, key))
        if custom and block.text.startswith(custom):
            block = without_lead(block, custom)  # the mark, repeated in the note
        notes[(series, key)] = block
    return notes
