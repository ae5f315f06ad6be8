"""HTML pages: saved reports with endnotes, Wikipedia articles, and news pages.

The page is parsed once. Its metadata gives the ``Fields`` (``html_meta``). A
page with footnote structure, or that is no article, is walked whole
(``html_walk``: markers, endnote lists, cited works, page furniture left out);
an article page gives only its main text (``html_article``).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning

from ingest.blocks import Content
from ingest.errors import ParseError
from ingest.formats.encoding import decode_text
from ingest.formats.html_article import article_blocks, is_article
from ingest.formats.html_meta import page_fields, page_meta
from ingest.formats.html_walk import walk_page

NAME = "html"
SUFFIXES = {".html", ".htm", ".xhtml"}
_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html)", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:html|body|head|p|div)[\s>]", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)
MAX_DEPTH = 256  # as libxml2; the walk recurses once per level


def sniff(name: str, head: bytes) -> float | None:
    if Path(name).suffix.lower() in SUFFIXES or _START.match(head[:512]):
        return 0.8
    return 0.2 if _HTML_TAGS.search(head[:4096]) else None


def read(name: str, data: bytes) -> Content:
    declared = _DECLARED_CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii") if declared else None
    return read_html(name, decode_text(name, data, charset))


def read_html(name: str, html: str) -> Content:
    """The content of a page already decoded (or of HTML another reader made)."""
    with warnings.catch_warnings():  # XHTML is read as the HTML it is
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    depth = _depth(soup)
    if depth > MAX_DEPTH:
        raise ParseError(
            name,
            f"nests its elements {depth} levels deep; pages deeper than "
            f"{MAX_DEPTH} levels cannot be read",
        )
    meta = page_meta(soup)
    fields = page_fields(soup, meta)
    blocks, cited_aside = walk_page(soup)
    if is_article(soup, meta, blocks):
        blocks = article_blocks(html, soup) or blocks
    return Content(tuple(blocks), meta, fields, cited_aside)


def _depth(soup: BeautifulSoup) -> int:
    """How deep the page's elements nest, measured without recursion."""
    deepest = 0
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in tag.contents if isinstance(c, Tag))
    return deepest
