"""IPTC NITF 3.x news stories: the head's facts and the body's paragraphs.

``<head><docdata>`` gives the date (``date.issue norm=...``) and the source
(``doc-id regsrc``, ``doc.copyright holder``); ``<body.head>`` the headline
(``hedline/hl1``), byline (without its ``byttl`` title), dateline
(``location``) and distributor; ``<body.content>`` the story. NewsML files
that wrap an NITF body reuse ``body_blocks``.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ingest.blocks import Block, Content, Fields
from ingest.errors import ParseError
from ingest.formats.wire_fields import byline_authors, iso_date
from ingest.formats.xml_tree import (
    blocks_of,
    descendants,
    first,
    local,
    parse_xml,
    root_name,
    text_of,
)

NAME = "nitf"
SUFFIXES = {".nitf"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def sniff(name: str, head: bytes) -> float | None:
    if root_name(head) == "nitf":
        return 0.95
    return 0.6 if Path(name).suffix.lower() in SUFFIXES else None


def read(name: str, data: bytes) -> Content:
    root = parse_xml(name, data)
    if local(root.tag) != "nitf":
        raise ParseError(
            name, f"is XML but not NITF: its root element is <{local(root.tag)}>"
        )
    blocks = body_blocks(root)
    if not blocks:
        raise ParseError(name, "is an NITF story with no text in its <body.content>")
    return Content(tuple(blocks), fields=nitf_fields(root))


def body_blocks(nitf: Element) -> list[Block]:
    """The story's blocks: ``body.content``, then the ``body.end`` tagline."""
    blocks: list[Block] = []
    for part in ("body.content", "body.end"):
        for element in descendants(nitf, part):
            blocks.extend(blocks_of(element))
    return blocks


def nitf_fields(nitf: Element) -> Fields:
    head = first(nitf, "head")
    body_head = first(nitf, "body", "body.head")
    docdata = first(head, "docdata")
    agency = _agency(docdata, body_head)
    byline = first(body_head, "byline")
    title = first(byline, "byttl") if byline is not None else None
    headline = text_of(first(body_head, "hedline", "hl1"))
    return Fields(
        title=headline or text_of(first(head, "title")),
        date=_date(head, body_head),
        authors=byline_authors(_byline_text(byline), agency, text_of(title)),
        agency=agency,
        dateline=_dateline(body_head),
        language=nitf.get("baselang") or nitf.get(XML_LANG),
    )


def _agency(docdata: Element | None, body_head: Element | None) -> str | None:
    """Who sent the story: distributor, rights owner, copyright holder, doc-id."""
    copyright_ = first(docdata, "doc.copyright")
    doc_id = first(docdata, "doc-id")
    return (
        text_of(first(body_head, "distributor"))
        or text_of(first(body_head, "rights", "rights.owner"))
        or (copyright_.get("holder") if copyright_ is not None else None)
        or (doc_id.get("regsrc") if doc_id is not None else None)
    )


def _date(head: Element | None, body_head: Element | None) -> str | None:
    docdata = first(head, "docdata")
    issue = first(docdata, "date.issue")
    pubdata = first(head, "pubdata")
    story_date = first(body_head, "dateline", "story.date")
    for element, attribute in (
        (issue, "norm"),
        (pubdata, "date.publication"),
        (story_date, "norm"),
    ):
        if element is not None and element.get(attribute):
            return iso_date(element.get(attribute))
    return None


def _byline_text(byline: Element | None) -> str | None:
    """The byline without its ``byttl`` ("AP Business Writer")."""
    if byline is None:
        return None
    parts = [byline.text or ""]
    for child in byline:
        if local(child.tag) != "byttl":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split()) or None


def _dateline(body_head: Element | None) -> str | None:
    """The dateline's place as written; its ``story.date`` is not a place."""
    dateline = first(body_head, "dateline")
    if dateline is None:
        return None
    location = first(dateline, "location")
    if location is not None:
        return text_of(location)
    parts = [dateline.text or ""]
    for child in dateline:
        if local(child.tag) != "story.date":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split()) or None
