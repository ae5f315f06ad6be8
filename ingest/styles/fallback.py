"""The statistical reader, for items no grammar reads.

``ingest.citation_crf`` (a CRF tagger trained on labeled references) is used
where it is installed; without it an unread item is kept as written, with a
warning.
"""

from __future__ import annotations

import importlib
from functools import cache

from ingest.outlets import OutletRegistry
from ingest.styles.names import split_authors
from ingest.styles.parts import Item, prepare, read_date
from ingest.styles.reading import Fields, Reading, reading

NAME = "crf"


@cache
def _reader():
    try:
        module = importlib.import_module("ingest.citation_crf")
    except ImportError:
        return None
    return getattr(module, "read", None)


def statistical_reading(text: str, registry: OutletRegistry) -> Reading | None:
    read = _reader()
    found = read(text) if read is not None else None
    if found is None:
        return None
    authors = found.authors if isinstance(found.authors, tuple | list) else ()
    if isinstance(found.authors, str):
        authors = split_authors(found.authors)
    fields = Fields(
        title=found.title,
        authors=tuple(authors),
        outlet=found.outlet,
        publisher=found.publisher,
        date=read_date(found.date) if found.date else None,
        pages=found.pages,
        kind=found.kind if found.kind in _KINDS else None,
    )
    item = prepare(text)
    if found.url and item.url is None:
        item = Item(item.text, found.url, item.doi, item.accessed)
    return reading(item, NAME, float(found.confidence), fields, registry)


_KINDS = ("news", "web", "report", "journal", "book", "legal", "other")
