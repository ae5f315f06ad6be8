"""Read a file within the size limit and hand it to the reader for its format.

Plain text, Markdown, HTML and the other formats all end up as a ``Source``:
the reader's blocks and fields, with the file's name, checksum and format.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import re
import stat
from functools import cache
from pathlib import Path
from typing import TypeVar

from ingest import formats
from ingest.blocks import Source
from ingest.errors import ParseError

MAX_BYTES = 50 * 1024 * 1024
REPLACEMENT = "\ufffd"
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
T = TypeVar("T")


def load(path: str | Path) -> Source:
    """Read ``path`` and return its blocks, or raise ``ParseError`` naming it."""
    return load_bytes(str(path), read_bytes(path))


def read_bytes(path: str | Path) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes of a regular file; anything else (a FIFO,
    a device, a broken link) is refused by name without being read, so that no
    read can block or run on without end."""
    name = str(path)
    try:
        # Non-blocking, so that a FIFO swapped in after the check cannot hang us.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ParseError(name, _unopenable(path, error)) from error
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise ParseError(name, "is a folder, not a file")
        raise ParseError(name, f"not a regular file ({_file_type(mode)})")
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise ParseError(name, f"cannot be read ({error.strerror})") from error


def _unopenable(path: str | Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (it leads back to itself)"
    if isinstance(error, FileNotFoundError):
        if Path(path).is_symlink():
            return f"broken link (to {Path(path).readlink()}, which does not exist)"
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        return "not a regular file (a socket or device)"
    return f"cannot be read ({error.strerror})"


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file of data"


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
    if b"\x00" in data or b"&#" in data:  # how unstorable characters come in
        content = storable(content)
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


def storable(value: T) -> T:
    """``value`` with each NUL character and lone surrogate (from a character
    reference such as ``&#xD800;``) in its text replaced by U+FFFD.

    Neither is text a reader means, PostgreSQL refuses a NUL and no database
    takes a lone surrogate, so they are replaced here, for every format and both
    databases alike. The replacement is one character for one, so offsets into
    the text still hold.
    """
    if isinstance(value, str):
        return UNSTORABLE.sub(REPLACEMENT, value) if UNSTORABLE.search(value) else value
    if isinstance(value, tuple):
        items = tuple(storable(item) for item in value)
        same = all(a is b for a, b in zip(items, value, strict=True))
        return value if same else items  # type: ignore[return-value]
    if isinstance(value, dict):
        pairs = {storable(k): storable(v) for k, v in value.items()}
        return value if pairs == value else pairs  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {
            name: cleaned
            for name in _init_fields(type(value))
            if (cleaned := storable(old := getattr(value, name))) is not old
        }
        return dataclasses.replace(value, **changed) if changed else value
    return value


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)
