"""Read a file within the size limit and hand it to the reader for its format.

Plain text, Markdown, HTML and the other formats all end up as a ``Source``:
the reader's blocks and fields, with the file's name, checksum and format.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest import formats
from ingest.blocks import Source
from ingest.errors import ParseError

MAX_BYTES = 50 * 1024 * 1024


def load(path: str | Path) -> Source:
    """Read ``path`` and return its blocks, or raise ``ParseError`` naming it."""
    name = str(path)
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as error:
        raise ParseError(name, "no such file") from error
    except IsADirectoryError as error:
        raise ParseError(name, "is a folder, not a file") from error
    except OSError as error:
        raise ParseError(name, f"cannot be read ({error.strerror})") from error
    return load_bytes(name, data)


def load_bytes(name: str, data: bytes, suffix: str | None = None) -> Source:
    """``data`` read by the reader for its format, sniffed from ``name`` (or, if
    given, a file name ending in ``suffix``, such as ".html" for a web page whose
    address has none) and the first bytes."""
    if not data.strip():
        raise ParseError(name, "file is empty")
    if len(data) > MAX_BYTES:
        raise ParseError(name, f"file is larger than {MAX_BYTES // 2**20} MiB")
    sniffed = f"file{suffix}" if suffix else name
    reader = formats.pick(sniffed, data[: formats.HEAD_BYTES])
    content = reader.read(name, data)
    blocks = tuple(block for block in content.blocks if block.text or block.marks)
    if not blocks:
        raise ParseError(name, "holds no text")
    return Source(
        path=name,
        checksum=hashlib.sha256(data).hexdigest(),
        format=reader.NAME,
        blocks=blocks,
        meta=content.meta,
        fields=content.fields,
        cited_aside=content.cited_aside,
    )
