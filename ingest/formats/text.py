"""Plain text: paragraphs at blank lines, or one a line when there are none."""

from __future__ import annotations

import re

from ingest.blocks import Block, Content
from ingest.formats.encoding import decode_text
from ingest.text_marks import text_block

NAME = "text"
_BLANK_LINES = re.compile(r"\n\s*\n")


def sniff(name: str, head: bytes) -> float | None:
    """Anything may be text; every other reader outbids this one."""
    return 0.01


def read(name: str, data: bytes) -> Content:
    return Content(tuple(text_blocks(decode_text(name, data))))


def text_blocks(text: str) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = [chunk for chunk in _BLANK_LINES.split(text) if chunk.strip()]
    if len(chunks) == 1 and chunks[0].strip().count("\n") >= 2:
        chunks = [line for line in chunks[0].split("\n") if line.strip()]
    return [text_block(chunk) for chunk in chunks]
