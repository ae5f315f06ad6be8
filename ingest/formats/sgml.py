"""Reuters-21578 SGML stories: ``<REUTERS>`` with ``DATE``, ``TITLE``, ``BODY``.

The collection's files hold up to a thousand stories each. The archive keeps
one story per file, and reading only the first would silently drop the rest,
so a file with several ``<REUTERS>`` elements is refused with their count.
A brief (``TYPE="BRIEF"``) is its headline alone; an unprocessed story
(``TYPE="UNPROC"``) has its text straight in ``<TEXT>``. Control characters
written as entities (``&#3;``) are dropped, other entities
(``&lt;``) decoded; a paragraph starts at an indented line (the stories have no
blank lines between paragraphs).
"""

from __future__ import annotations

import datetime as dt
import html
import re

from ingest.blocks import Block, Content, Fields
from ingest.errors import ParseError
from ingest.formats.wire_fields import byline_authors, wire_text
from ingest.text_marks import TextBuilder

NAME = "reuters-sgml"
_STORY = re.compile(rb"<REUTERS\b", re.IGNORECASE)
_START = re.compile(rb"^\s*(?:<!DOCTYPE[^>]*>\s*)?<REUTERS\b", re.IGNORECASE)
_CONTROL = re.compile(r"&#(?:[0-8]|1[1-9]|2\d|3[01]|127);")
_INDENT = re.compile(r"\n(?=[ \t]+\S)")
DATE_FORMATS = ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y %H:%M:%S")


def sniff(name: str, head: bytes) -> float | None:
    if _START.match(head):
        return 0.95
    return 0.5 if name.lower().endswith(".sgm") and _STORY.search(head) else None


def read(name: str, data: bytes) -> Content:
    stories = len(_STORY.findall(data))
    if stories > 1:
        raise ParseError(
            name,
            f"holds {stories} <REUTERS> stories; the archive keeps one story per "
            "file, so split it into one file per <REUTERS> element",
        )
    text = wire_text(data)
    if stories == 0 or "</REUTERS>" not in text.upper():
        raise ParseError(name, "is not a complete <REUTERS> story: no </REUTERS> end")
    title = _element(text, "TITLE")
    body = _element(text, "BODY")
    brief = re.search(r'<TEXT\b[^>]*TYPE="BRIEF"', text, re.I) is not None
    if body is None and not brief:  # "UNPROC": the text straight in <TEXT>
        body = _element(_without_head_parts(text), "TEXT", strip_tags=True)
    blocks = _paragraphs(body or "")
    if not blocks and title:  # a brief is its headline alone
        blocks = [Block("heading", title, level=1)]
    if not blocks:
        raise ParseError(name, "is a <REUTERS> story with no title and no text")
    fields = Fields(
        title=title,
        date=_date(_element(text, "DATE")),
        authors=byline_authors(_element(text, "AUTHOR")),
        dateline=(_element(text, "DATELINE") or "").strip(" -") or None,
    )
    return Content(tuple(blocks), fields=fields)


def _element(text: str, tag: str, strip_tags: bool = False) -> str | None:
    """The first ``<tag>``'s content, found in one pass (no regex backtracking)."""
    opening = re.compile(rf"<{tag}\b[^<>]*>", re.I).search(text)
    closing = (
        re.compile(rf"</{tag}>", re.I).search(text, opening.end()) if opening else None
    )
    if closing is None:
        return None
    value = text[opening.end() : closing.start()]
    if strip_tags:
        value = re.sub(r"<[^>]*>", "", value)
    value = html.unescape(_CONTROL.sub("", value))
    return value if tag in {"BODY", "TEXT"} else " ".join(value.split()) or None


def _without_head_parts(text: str) -> str:
    """``text`` less its TITLE, AUTHOR and DATELINE elements."""
    for tag in ("TITLE", "AUTHOR", "DATELINE"):
        opening = re.compile(rf"<{tag}\b", re.I).search(text)
        closing = (
            re.compile(rf"</{tag}>", re.I).search(text, opening.end())
            if opening
            else None
        )
        if closing is not None:
            text = text[: opening.start()] + text[closing.end() :]
    return text


def _date(written: str | None) -> str | None:
    """ "3-MAR-1987 17:07:07.46" -> "1987-03-03T17:07:07"; else as written."""
    if not written:
        return None
    for layout in DATE_FORMATS:
        try:
            return dt.datetime.strptime(written, layout).strftime("%Y-%m-%dT%H:%M:%S")
        except ValueError:
            continue
    return written


def _paragraphs(body: str) -> list[Block]:
    blocks = []
    for chunk in _INDENT.split(body.replace("\r\n", "\n")):
        builder = TextBuilder()
        builder.add_text(chunk, literal_markers=False)
        block = builder.block("paragraph")
        if block.text:
            blocks.append(block)
    return blocks
