"""Turn input files into ``ParsedDocument``s: reports and wire stories."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import ParseError
from ingest.model import (
    ParsedCitation,
    ParsedClaim,
    ParsedDocument,
    ParsedFootnote,
    ParsedMarker,
    ParsedPassage,
    ParsedReference,
    PartialDate,
)
from ingest.options import ParseOptions
from ingest.outlets import Outlet, OutletRegistry, load_registry, outlet_key

KINDS = ("report", "wire")

__all__ = [
    "KINDS",
    "Outlet",
    "OutletRegistry",
    "ParseError",
    "ParseOptions",
    "ParsedCitation",
    "ParsedClaim",
    "ParsedDocument",
    "ParsedFootnote",
    "ParsedMarker",
    "ParsedPassage",
    "ParsedReference",
    "PartialDate",
    "load_registry",
    "outlet_key",
    "parse_path",
]


def parse_path(
    path: str | Path, options: ParseOptions | None = None, kind: str | None = None
) -> ParsedDocument:
    """Read, decode and parse one file; ``ParseError`` names the file on bad input."""
    from ingest.registry import parse_source
    from ingest.sources import load

    return parse_source(load(path), options or ParseOptions(), kind)
