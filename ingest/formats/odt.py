"""OpenDocument text (ODT, and flat FODT): body, notes, links and properties.

content.xml holds the text with each ``text:note`` where its marker stands
(``odt_text`` walks it); meta.xml the document's properties. A flat FODT file
is the same XML in one document.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree.ElementTree import Element

from ingest.blocks import Content
from ingest.errors import ParseError
from ingest.formats import office_zip
from ingest.formats.note_labels import NoteLabels
from ingest.formats.odt_lists import ListCounter, OutlineCounter, list_styles
from ingest.formats.odt_text import TEXT, OdtText
from ingest.formats.office_blocks import as_read, opening_title
from ingest.formats.office_meta import odf_fields

NAME = "odt"
KIND = "an OpenDocument text"
SUFFIXES = {".odt", ".ott", ".fodt"}
MIMETYPE = b"application/vnd.oasis.opendocument.text"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_FLAT = b"<office:document "


def sniff(name: str, head: bytes) -> float | None:
    suffix = Path(name).suffix.lower()
    if head.startswith(office_zip.ZIP_MAGIC):
        if head[30:38] == b"mimetype" and head[38:].startswith(MIMETYPE):
            return 0.95
        return 0.9 if suffix in SUFFIXES else None
    if _FLAT in head[:4096] and MIMETYPE in head[:4096]:
        return 0.9
    return 0.5 if suffix in SUFFIXES else None


def read(name: str, data: bytes) -> Content:
    if data.startswith(office_zip.ZIP_MAGIC):
        content, meta, styles = _zipped(name, data)
    elif _FLAT in data[:4096]:
        if len(data) > office_zip.MAX_PART:
            raise ParseError(name, "is too large a flat OpenDocument file")
        content = meta = office_zip.parse_xml(name, "the document", data)
        styles = None
    else:
        raise ParseError(name, office_zip.damaged(KIND))
    text = content.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise ParseError(name, "is not an OpenDocument text: it holds no text body")
    labels = NoteLabels(_series_share_labels(text))
    lists = ListCounter(list_styles(styles, content))
    outline = OutlineCounter.read(styles, content)
    walker = OdtText(labels, _styles(content), lists, outline)
    try:
        blocks = as_read(list(walker.blocks(text)))
    except RecursionError as error:
        raise ParseError(name, office_zip.TOO_DEEP) from error
    blocks += labels.ordered(walker.notes)
    if not blocks:
        raise ParseError(name, "holds no text")
    blocks, title = opening_title(blocks)
    fields = odf_fields(meta)
    return Content(tuple(blocks), fields=replace(fields, title=title or fields.title))


def _zipped(name: str, data: bytes) -> tuple[Element, Element | None, Element | None]:
    package = office_zip.Package(name, data, KIND)
    mimetype = package.part("mimetype")
    if mimetype is not None and not mimetype.strip().startswith(MIMETYPE):
        shown = mimetype.decode("ascii", "replace").strip()[:80]
        raise ParseError(name, f"is not an OpenDocument text but {shown}")
    manifest = package.part("META-INF/manifest.xml") or b""
    if b"encryption-data" in manifest:
        raise ParseError(
            name,
            "is password-protected: open it, remove the password "
            "(File > Properties > Security) and save it again",
        )
    content = package.xml("content.xml")
    if content is None:
        raise ParseError(name, "is not an OpenDocument text: it has no content.xml")
    return content, package.xml("meta.xml"), package.xml("styles.xml")


def _series_share_labels(text: Element) -> bool:
    """True when some footnote and some endnote show the same citation."""
    shown: dict[str, set[str]] = {"footnote": set(), "endnote": set()}
    for note in text.iter(TEXT + "note"):
        citation = note.find(TEXT + "note-citation")
        if citation is not None:
            series = note.get(TEXT + "note-class", "footnote")
            shown.setdefault(series, set()).add("".join(citation.itertext()).strip())
    return bool(shown["footnote"] & shown["endnote"])


def _styles(root: Element) -> tuple[set[str], set[str]]:
    """Names of the automatic styles that set italic type, and of title styles."""
    italic, titles = set(), {"Title"}
    for style in root.iter(STYLE + "style"):
        name = style.get(STYLE + "name", "")
        properties = style.find(STYLE + "text-properties")
        if properties is not None and properties.get(FO + "font-style") == "italic":
            italic.add(name)
        if style.get(STYLE + "parent-style-name") == "Title":
            titles.add(name)
    return italic, titles
