"""HTML pages: saved reports with endnotes, and news pages.

The walk itself (markers, endnote lists, page metadata) is ``html_walk``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.blocks import Content
from ingest.formats.encoding import decode_text
from ingest.formats.html_walk import html_to_blocks

NAME = "html"
SUFFIXES = {".html", ".htm", ".xhtml"}
_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html)", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:html|body|head|p|div)[\s>]", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


def sniff(name: str, head: bytes) -> float | None:
    if Path(name).suffix.lower() in SUFFIXES or _START.match(head[:512]):
        return 0.8
    return 0.2 if _HTML_TAGS.search(head[:4096]) else None


def read(name: str, data: bytes) -> Content:
    declared = _DECLARED_CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii") if declared else None
    blocks, meta = html_to_blocks(decode_text(name, data, charset))
    return Content(tuple(blocks), meta)
