"""Turn input files into ``ParsedDocument``s: reports, stories and documents.

One reader per format (``ingest.formats``) feeds one neutral structure
(``ingest.blocks``); the kinds (``ingest.kinds``) read only that.
"""

from __future__ import annotations

from pathlib import Path

from ingest.citations import CITATIONS_VERSION
from ingest.countries import (
    COUNTRIES_VERSION,
    country_code,
    country_name,
    country_names,
)
from ingest.errors import ParseError
from ingest.model import (
    KINDS,
    ParsedCitation,
    ParsedClaim,
    ParsedDocument,
    ParsedFootnote,
    ParsedLink,
    ParsedMarker,
    ParsedPassage,
    ParsedReference,
    PartialDate,
)
from ingest.options import ParseOptions
from ingest.outlets import Outlet, OutletRegistry, load_registry, outlet_key
from ingest.passages import ATTRIBUTIONS_VERSION
from ingest.rereading import (
    ATTRIBUTED_KINDS,
    DERIVED_VERSIONS,
    StoredNote,
    StoredPassage,
    document_countries,
    footnote_citations,
    story_attributions,
)

__all__ = [
    "ATTRIBUTED_KINDS",
    "ATTRIBUTIONS_VERSION",
    "CITATIONS_VERSION",
    "COUNTRIES_VERSION",
    "DERIVED_VERSIONS",
    "KINDS",
    "Outlet",
    "OutletRegistry",
    "ParseError",
    "ParseOptions",
    "ParsedCitation",
    "ParsedClaim",
    "ParsedDocument",
    "ParsedFootnote",
    "ParsedLink",
    "ParsedMarker",
    "ParsedPassage",
    "ParsedReference",
    "PartialDate",
    "StoredNote",
    "StoredPassage",
    "country_code",
    "country_name",
    "country_names",
    "document_countries",
    "footnote_citations",
    "load_registry",
    "outlet_key",
    "parse_bytes",
    "parse_path",
    "story_attributions",
]


def parse_path(
    path: str | Path, options: ParseOptions | None = None, kind: str | None = None
) -> ParsedDocument:
    """Read, decode and parse one file; ``ParseError`` names the file on bad input."""
    from ingest.loader import load
    from ingest.registry import parse_source

    return parse_source(load(path), options or ParseOptions(), kind)


def parse_bytes(
    name: str,
    data: bytes,
    options: ParseOptions | None = None,
    kind: str | None = None,
    suffix: str | None = None,
) -> ParsedDocument:
    """Parse bytes that came from somewhere other than a file (a fetched web page,
    named by its address); ``suffix`` (".pdf") helps tell their format."""
    from ingest.loader import load_bytes
    from ingest.registry import parse_source

    return parse_source(load_bytes(name, data, suffix), options or ParseOptions(), kind)
