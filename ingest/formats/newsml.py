"""IPTC NewsML-G2 news items: ``contentMeta``'s facts and the inline story.

A ``newsMessage`` (or a bare ``newsItem``) holds the story as an item whose
``contentSet`` carries it inline: XHTML or NITF in ``inlineXML``, text or HTML
in ``inlineData``. ``contentMeta`` gives the headline, ``by``, ``creditline``
and ``dateline``; ``itemMeta`` the ``firstCreated`` date. ``located`` is not
read as the dateline: agencies fill it with the editing desk as often as with
the place the story was filed from. A message holding several stories is
refused (one document per file), and so is a package of references alone.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ingest.blocks import Block, Content, Fields
from ingest.errors import ParseError
from ingest.formats.html_walk import html_to_blocks
from ingest.formats.nitf import body_blocks, nitf_fields
from ingest.formats.text import text_blocks
from ingest.formats.wire_fields import byline_authors, iso_date
from ingest.formats.xml_tree import (
    blocks_of,
    children,
    descendants,
    first,
    local,
    parse_xml,
    root_name,
    text_of,
)

NAME = "newsml-g2"
ROOTS = {"newsMessage", "newsItem", "packageItem"}
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_PATHS = (
    ("itemMeta", "firstCreated"),
    ("contentMeta", "contentCreated"),
    ("itemMeta", "versionCreated"),
)


def sniff(name: str, head: bytes) -> float | None:
    return 0.95 if root_name(head) in ROOTS else None


def read(name: str, data: bytes) -> Content:
    root = parse_xml(name, data)
    if local(root.tag) not in ROOTS:
        raise ParseError(
            name, f"is XML but not NewsML-G2: its root element is <{local(root.tag)}>"
        )
    item = _story_item(name, root)
    blocks = _content_blocks(item)
    if not blocks:
        raise ParseError(name, "is a NewsML-G2 item whose inline content has no text")
    return Content(tuple(blocks), fields=_fields(item))


def _story_item(name: str, root: Element) -> Element:
    """The one news item that carries text inline."""
    items = list(descendants(root, "newsItem"))
    stories = [item for item in items if _inline_content(item) is not None]
    if len(stories) > 1:
        raise ParseError(
            name,
            f"holds {len(stories)} news stories; the archive keeps one story per "
            "file, so split the message into one file per newsItem",
        )
    if stories:
        return stories[0]
    if items or any(descendants(root, "packageItem")):
        refs = len(list(descendants(root, "itemRef")))
        raise ParseError(
            name,
            "is a NewsML-G2 message with no story text inline"
            + (f" (it lists {refs} items stored elsewhere)" if refs else ""),
        )
    raise ParseError(name, "is a NewsML-G2 message that holds no newsItem")


def _inline_content(item: Element) -> Element | None:
    content_set = first(item, "contentSet")
    if content_set is None:
        return None
    for element in content_set:
        if local(element.tag) in {"inlineXML", "inlineData"}:
            return element
    return None


def _content_blocks(item: Element) -> list[Block]:
    content = _inline_content(item)
    if local(content.tag) == "inlineData":
        text = content.text or ""
        if _TAG.search(text):
            return html_to_blocks(text)[0]
        return text_blocks(text)
    nitf = next(descendants(content, "nitf"), None)
    if nitf is not None:
        return body_blocks(nitf)
    body = next(descendants(content, "body"), None)
    return blocks_of(body if body is not None else content)


def _fields(item: Element) -> Fields:
    meta = first(item, "contentMeta")
    agency = (
        text_of(first(meta, "creditline"))
        or _named(meta, "infoSource")
        or _named(first(item, "itemMeta"), "provider")
    )
    language = first(meta, "language")
    dates = (text_of(first(item, *path)) for path in DATE_PATHS)
    nitf = next(descendants(item, "nitf"), None)
    inner = nitf_fields(nitf) if nitf is not None else Fields()
    return Fields(
        title=text_of(first(meta, "headline"))
        or text_of(first(item, "itemMeta", "title"))
        or inner.title,
        date=iso_date(next((date for date in dates if date), None)) or inner.date,
        authors=_authors(meta, agency) or inner.authors,
        agency=agency or inner.agency,
        dateline=text_of(first(meta, "dateline")) or inner.dateline,
        language=language.get("tag") if language is not None else item.get(XML_LANG),
    )


def _named(parent: Element | None, name: str) -> str | None:
    """The ``literal`` or ``<name>`` of the first ``name`` child that has one."""
    for element in children(parent, name) if parent is not None else ():
        value = element.get("literal") or text_of(first(element, "name"))
        if value:
            return value
    return None


def _authors(meta: Element | None, agency: str | None) -> tuple[str, ...]:
    """``<by>``, else the creators named as people ("Meredith Jameson")."""
    if meta is None:
        return ()
    by = text_of(first(meta, "by"))
    if by:
        return byline_authors(by, agency)
    names = (
        element.get("literal") or text_of(first(element, "name"))
        for element in children(meta, "creator")
    )
    return tuple(n for n in names if n and " " in n.strip() and n != agency)
