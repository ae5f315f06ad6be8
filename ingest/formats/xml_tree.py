"""XML for the agency formats: parsed safely, and walked into blocks.

Every agency XML file is parsed with entity declarations and external
references refused (``defusedxml``): a "billion laughs" bomb or an entity that
points at another file gives a ``ParseError`` saying so, never a read. HTML's
named entities (``&mdash;``), which NITF's DTD defines but files use without it,
are read as the characters they name.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLSyntaxError

import defusedxml.ElementTree as safe_xml
from defusedxml import (
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
    NotSupportedError,
)

from ingest.blocks import Block, Link
from ingest.errors import ParseError
from ingest.text_marks import TextBuilder

HEADINGS = {"hl1": 1, "hl2": 2, "hl3": 3, "hl4": 4} | {f"h{n}": n for n in range(1, 7)}
PARAGRAPHS = {"p", "pre", "blockquote", "tagline", "bq", "credit", "caption"}
ITEMS = {"li", "dt", "dd"}
SKIPPED = {
    "media", "head", "title", "script", "style", "nitf-table-metadata",
    "header", "footer", "nav", "aside", "figure",
}  # fmt: skip
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
_RULE = re.compile(r"^[_=*-]{3,}$")  # a "___" line that only separates parts
_PROLOG = re.compile(
    rb"(?:\s+|\xef\xbb\xbf|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*",
    re.S | re.I,
)
_SINGLE_BYTE_DECLARATION = re.compile(
    rb"\s*<\?xml[^>]*?encoding=[\"']"
    rb"(iso-8859-1|iso8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)[\"']",
    re.I,
)
_ROOT_TAG = re.compile(rb"<(?:[\w.-]+:)?([\w.-]+)")


def root_name(head: bytes) -> str | None:
    """The local name of the first element in ``head``, or None when it has none."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as its BOM says
        head = head[:4096].decode("utf-16", "ignore").encode("utf-8")
    match = _ROOT_TAG.match(head, _PROLOG.match(head).end())
    return match.group(1).decode("ascii", "replace") if match else None


def parse_xml(name: str, data: bytes) -> Element:
    """The root element of ``data``, or a ``ParseError`` that says what is wrong."""
    data = _NAMED_ENTITY.sub(_numeric_reference, _utf8_as_declared(data))
    try:
        return safe_xml.fromstring(data, forbid_dtd=False)
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            where = error.sysid or error.pubid
            raise ParseError(
                name,
                f"declares an external XML entity {error.name!r} ({where}); "
                "the archive never reads other files or the network for a document",
            ) from error
        raise ParseError(
            name,
            f"declares the XML entity {error.name!r}; entities declared inside a "
            "document are refused, as they can expand without bound "
            "('billion laughs')",
        ) from error
    except (ExternalReferenceForbidden, DTDForbidden, NotSupportedError) as error:
        raise ParseError(
            name, "refers to an external XML resource, which the archive never reads"
        ) from error
    except LookupError as error:  # expat met an encoding Python does not know
        declared = str(error).rpartition(": ")[2]
        raise ParseError(name, f"declares an unknown encoding {declared!r}") from error
    except XMLSyntaxError as error:
        line, column = error.position  # expat counts columns from 0
        reason = str(error).split(":")[0].removeprefix("not well-formed ")
        reason = reason.strip("()")
        if reason == "invalid token":
            reason += ", such as a byte that does not fit the declared encoding,"
        raise ParseError(
            name,
            f"is not well-formed XML ({reason} at line {line}, column {column + 1})",
        ) from error


def _utf8_as_declared(data: bytes) -> bytes:
    """UTF-8 that declares Latin-1 or ASCII read as what it is.

    Feeds often keep an old ``encoding="iso-8859-1"`` over UTF-8 text; non-ASCII
    Latin-1 text is almost never valid UTF-8, so valid UTF-8 settles it.
    """
    declared = _SINGLE_BYTE_DECLARATION.match(data)
    if declared is None or data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return data[: declared.start(1)] + b"utf-8" + data[declared.end(1) :]


def _numeric_reference(match: re.Match[bytes]) -> bytes:
    entity = match.group(1)
    if entity in _XML_ENTITIES:
        return match.group(0)
    codepoint = html.entities.name2codepoint.get(entity.decode("ascii"))
    return b"&#%d;" % codepoint if codepoint else match.group(0)


def local(tag: object) -> str:
    """An element's name without its namespace: "{http://...}p" -> "p"."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(parent: Element, name: str) -> list[Element]:
    return [child for child in parent if local(child.tag) == name]


def first(parent: Element | None, *path: str) -> Element | None:
    """The first element down ``path`` of local names, or None."""
    element = parent
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local(c.tag) == name), None)
    return element


def descendants(parent: Element, name: str) -> Iterator[Element]:
    return (element for element in parent.iter() if local(element.tag) == name)


def text_of(element: Element | None) -> str | None:
    """The element's text with white space collapsed, or None when it has none."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def blocks_of(body: Element) -> list[Block]:
    """Headings, paragraphs and list items of a story body (NITF or XHTML)."""
    blocks: list[Block] = []
    stack = [body]
    while stack:
        element = stack.pop()
        name = local(element.tag)
        if name in SKIPPED:
            continue
        if name in HEADINGS or name in PARAGRAPHS or name in ITEMS:
            _add(blocks, element, name)
        elif name == "tr":
            _add_row(blocks, element)
        elif any(isinstance(child.tag, str) for child in element):
            stack.extend(reversed(element))
        elif element is not body:
            _add(blocks, element, "p")
    return blocks


def _add(blocks: list[Block], element: Element, name: str) -> None:
    builder = TextBuilder()
    _inline(element, builder)
    if name in HEADINGS:
        block = builder.block("heading", level=HEADINGS[name])
    else:
        block = builder.block("list_item" if name in ITEMS else "paragraph")
    if block.text and not _RULE.match(block.text):
        blocks.append(block)


def _add_row(blocks: list[Block], row: Element) -> None:
    cells = [text_of(cell) for cell in row if local(cell.tag) in {"td", "th"}]
    text = " | ".join(cell for cell in cells if cell)
    if text:
        blocks.append(Block("paragraph", text))


def _inline(element: Element, builder: TextBuilder) -> None:
    """Text and links of ``element`` in document order, without recursion."""
    anchors: list[tuple[int, int, str]] = []
    stack: list[tuple[Element, int | None]] = [(element, None)]
    while stack:
        node, start = stack.pop()
        if start is not None:  # leaving ``node``
            href = node.get("href")
            if local(node.tag) == "a" and href and builder.position > start:
                anchors.append((start, builder.position, href))
            if node is not element and node.tail:
                builder.add_text(node.tail, literal_markers=False)
            continue
        stack.append((node, builder.position))
        if local(node.tag) == "br":
            builder.add_space()
        elif node.text:
            builder.add_text(node.text, literal_markers=False)
        stack.extend((child, None) for child in reversed(node))
    text = builder.text()
    builder.links.extend(Link(text[s:e], href, s, e) for s, e, href in anchors)
