"""Markdown: plain exports read straight into blocks, the rest rendered to HTML.

Markdown that uses only paragraphs, lists, headings, links and emphasis (text
exports of reports) is read by ``markdown_subset``; any other Markdown is
rendered with Python-Markdown (footnotes, tables) so that one HTML walker
serves both.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from ingest.blocks import Block, Content
from ingest.formats import markdown_subset
from ingest.formats.encoding import decode_text
from ingest.formats.html_walk import html_to_blocks

NAME = "markdown"
SUFFIXES = {".md", ".markdown", ".mdown"}
_SIGNS = re.compile(
    r"\[[^\]\n]+\]\([^)\n]*\)|^\[\^[^\]]+\]:|^#{1,6} \S|<sup>", re.MULTILINE
)


def sniff(name: str, head: bytes) -> float | None:
    if Path(name).suffix.lower() in SUFFIXES:
        return 0.8
    sample = head.decode("utf-8", errors="replace")
    return 0.3 if _SIGNS.search(sample) else None


def read(name: str, data: bytes) -> Content:
    text = decode_text(name, data)
    blocks, meta = markdown_subset.read(text) or rendered_blocks(text)
    return Content(tuple(blocks), meta)


def rendered_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    html = markdown.markdown(text, extensions=["footnotes", "tables", "sane_lists"])
    return html_to_blocks(html)
