"""Read a file, decode it, and turn it into neutral blocks.

Plain text, Markdown and HTML all end up as a ``Source``. Markdown that uses
only paragraphs, lists, headings, links and emphasis (text exports of reports)
is read straight into blocks; any other Markdown is rendered to HTML first so
that one HTML walker serves both.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import markdown

from ingest import plain_markdown
from ingest.blocks import Block, Source
from ingest.errors import ParseError
from ingest.html_blocks import html_to_blocks
from ingest.text_marks import text_block

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
MAX_BYTES = 50 * 1024 * 1024

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<\?xml)", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(
    r"\[[^\]\n]+\]\([^)\n]*\)|^\[\^[^\]]+\]:|^#{1,6} \S|<sup>", re.MULTILINE
)
_BLANK_LINES = re.compile(r"\n\s*\n")


def load(path: str | Path) -> Source:
    """Read ``path`` and return its blocks, or raise ``ParseError`` naming it."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise ParseError(name, "no such file") from error
    except IsADirectoryError as error:
        raise ParseError(name, "is a folder, not a file") from error
    except OSError as error:
        raise ParseError(name, f"cannot be read ({error.strerror})") from error
    return load_bytes(name, data)


def load_bytes(name: str, data: bytes) -> Source:
    if not data.strip():
        raise ParseError(name, "file is empty")
    if len(data) > MAX_BYTES:
        raise ParseError(name, f"file is larger than {MAX_BYTES // 2**20} MiB")
    checksum = hashlib.sha256(data).hexdigest()
    fmt = _format_of(name, data)
    text = _decode(name, data, fmt)
    if fmt == "html":
        blocks, meta = html_to_blocks(text)
    elif fmt == "markdown":
        blocks, meta = plain_markdown.read(text) or _rendered_blocks(text)
    else:
        blocks, meta = _text_blocks(text), {}
    if not blocks:
        raise ParseError(name, "holds no text")
    return Source(name, checksum, fmt, tuple(blocks), meta)


def _rendered_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    html = markdown.markdown(text, extensions=["footnotes", "tables", "sane_lists"])
    return html_to_blocks(html)


def _format_of(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or _HTML_START.match(data[:512]):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    sample = data[:200_000].decode("utf-8", errors="replace")
    return "markdown" if _MARKDOWN_SIGNS.search(sample) else "text"


def _decode(name: str, data: bytes, fmt: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise ParseError(name, "looks like a binary file, not text")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decode_as(name, data, encoding)
    declared = _DECLARED_CHARSET.search(data[:4096]) if fmt == "html" else None
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise ParseError(
                name, f"declares an unknown encoding {encoding!r}"
            ) from error
        return _decode_as(name, data, encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise ParseError(
            name,
            f"is not valid UTF-8 (byte 0x{byte:02x} at offset {error.start}) "
            "and declares no other encoding; convert it to UTF-8",
        ) from error


def _decode_as(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ParseError(
            name, f"is not valid {encoding} (offset {error.start}) as it declares"
        ) from error


def _text_blocks(text: str) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = [chunk for chunk in _BLANK_LINES.split(text) if chunk.strip()]
    if len(chunks) == 1 and chunks[0].strip().count("\n") >= 2:
        chunks = [line for line in chunks[0].split("\n") if line.strip()]
    return [text_block(chunk) for chunk in chunks]
