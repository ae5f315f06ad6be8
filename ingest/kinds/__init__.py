"""The kinds of document, each a module with ``sniff(source, registry)`` and ``parse``.

``report``: numbered notes, each marker tied to its sentence; ``wire``: a news
story with its agency or outlet, dateline, date, byline and attributions;
``document``: anything else that has text.
"""

from __future__ import annotations

from ingest.blocks import Source
from ingest.model import ParsedDocument


def from_source(source: Source, **read) -> ParsedDocument:
    """The document a kind read from ``source``: what the kind found (``read``)
    with what every kind takes from the source itself."""
    return ParsedDocument(
        path=source.path,
        checksum=source.checksum,
        source_format=source.format,
        url=source.fields.url,
        **read,
    )
