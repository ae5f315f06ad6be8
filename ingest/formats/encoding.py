"""Bytes to text for the text-based formats: BOMs, a declared charset, UTF-8."""

from __future__ import annotations

import codecs

from ingest.errors import ParseError


def decode_text(name: str, data: bytes, declared: str | None = None) -> str:
    """``data`` as text, or a ``ParseError`` that says what is wrong with it.

    A byte-order mark wins, then the charset the file declares, then UTF-8.
    """
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
    if declared:
        return _decode_as(name, data, _text_codec(name, declared))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise ParseError(
            name,
            f"is not valid UTF-8 (byte 0x{byte:02x} at offset {error.start}) "
            "and declares no other encoding; convert it to UTF-8",
        ) from error


def _text_codec(name: str, declared: str) -> str:
    """The codec for a declared charset; ``hex``, ``zlib`` and the like are refused."""
    encoding = declared.strip().lower()
    try:
        info = codecs.lookup(encoding)
    except LookupError as error:
        raise ParseError(name, f"declares an unknown encoding {encoding!r}") from error
    if not getattr(info, "_is_text_encoding", True) or info.name in {
        "undefined",
        "punycode",
        "idna",
    }:
        raise ParseError(
            name, f"declares {encoding!r}, which is not a character encoding"
        )
    return info.name


def _decode_as(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, UnicodeError) as error:
        raise ParseError(name, f"is not valid {encoding} as it declares") from error
