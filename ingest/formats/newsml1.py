"""IPTC NewsML 1.x news items: ``NewsLines`` and the text inside ``DataContent``.

A ``NewsML`` envelope holds ``NewsItem``s whose (nested) ``NewsComponent``s
carry the ``NewsLines`` (``HeadLine``, ``ByLine``, ``DateLine``, ``CreditLine``)
and ``ContentItem``s. A text item's ``DataContent`` is NITF, XHTML, HTML in a
CDATA section, or plain text. Dates: ``FirstCreated``, then ``DateLineDate``.
A file holding several stories is refused: one document per file.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ingest.blocks import Block, Content, Fields
from ingest.errors import ParseError
from ingest.formats.html_walk import html_to_blocks
from ingest.formats.nitf import body_blocks
from ingest.formats.text import text_blocks
from ingest.formats.wire_fields import byline_authors, iso_date
from ingest.formats.xml_tree import (
    blocks_of,
    descendants,
    first,
    local,
    parse_xml,
    root_name,
)
from ingest.formats.xml_tree import text_of as _text_of

NAME = "newsml-1"
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATES = ("FirstCreated", "DateLineDate", "ThisRevisionCreated", "DateAndTime")


def sniff(name: str, head: bytes) -> float | None:
    return 0.95 if root_name(head) in {"NewsML", "NewsItem"} else None


def read(name: str, data: bytes) -> Content:
    root = parse_xml(name, data)
    if local(root.tag) not in {"NewsML", "NewsItem"}:
        raise ParseError(
            name, f"is XML but not NewsML: its root element is <{local(root.tag)}>"
        )
    items = _all(root, "NewsItem")
    stories = [item for item in items if _text_items(item)]
    if len(stories) > 1:
        raise ParseError(
            name,
            f"holds {len(stories)} news stories; the archive keeps one story per "
            "file, so split it into one file per NewsItem",
        )
    if not stories:
        raise ParseError(name, "is a NewsML file with no text ContentItem")
    item = stories[0]
    blocks = [block for content in _text_items(item) for block in _blocks(content)]
    if not blocks:
        raise ParseError(name, "is a NewsML file whose text ContentItem is empty")
    return Content(tuple(blocks), fields=_fields(root, item))


def _all(parent: Element, name: str) -> list[Element]:
    return list(descendants(parent, name))


def _text_items(item: Element) -> list[Element]:
    """The ``DataContent`` of each ContentItem whose media type is text."""
    found = []
    for content_item in _all(item, "ContentItem"):
        media = first(content_item, "MediaType")
        data = first(content_item, "DataContent")
        kind = media.get("FormalName", "") if media is not None else ""
        if data is not None and kind.casefold() == "text":
            found.append(data)
    return found


def _blocks(data: Element) -> list[Block]:
    nitf = next(descendants(data, "nitf"), None)
    if nitf is not None:
        return body_blocks(nitf)
    body = next(descendants(data, "body"), None)
    if body is not None or len(data):
        return blocks_of(body if body is not None else data)
    text = data.text or ""
    return html_to_blocks(text)[0] if _TAG.search(text) else text_blocks(text)


def text_of(parent: Element, name: str) -> str | None:
    element = next(descendants(parent, name), None)
    return _text_of(element)


def _fields(root: Element, item: Element) -> Fields:
    lines = next(descendants(item, "NewsLines"), item)
    agency = (
        text_of(lines, "CreditLine")
        or _party(item, "Provider")
        or _party(item, "Source")
        or text_of(item, "ProviderId")
    )
    title = text_of(lines, "ByLineTitle")
    byline = text_of(lines, "ByLine")
    if byline and title and byline.endswith(title):
        byline = byline[: -len(title)]
    language = next(descendants(item, "Language"), item).get("FormalName")
    dates = (text_of(root, name) for name in DATES)
    return Fields(
        title=text_of(lines, "HeadLine"),
        date=iso_date(next((date for date in dates if date), None)),
        authors=byline_authors(byline, agency, title),
        agency=agency,
        dateline=text_of(lines, "DateLine"),
        language=language or item.get(XML_LANG),
    )


def _party(item: Element, role: str) -> str | None:
    for element in descendants(item, role):
        party = first(element, "Party")
        if party is not None and party.get("FormalName"):
            return party.get("FormalName")
    return None
