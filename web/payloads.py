"""Records and search results as the JSON the API returns (see ``web.openapi``)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from flask import url_for

from archive import page_count
from archive.browse import DocumentList, Facet
from index import FacetCount, Hit, SearchResult, search_json


def record(value: Any) -> dict:
    """A browse record as a dict (nested records and tuples become JSON)."""
    return _plain(value)


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies: a whole report holds
    thousands of records, and their leaves are immutable."""
    names = _FIELDS.get(type(value))
    if names is None and is_dataclass(value):
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


_FIELDS: dict[type, tuple[str, ...]] = {}


def search(result: SearchResult) -> dict:
    """The search result in the shape ``archive search --json`` prints too."""
    return search_json(result, link=_link)


def _link(hit: Hit) -> str:
    return url_for("documents.show", document_id=hit.document_id, _anchor=hit.anchor)


def facet_counts(counts: tuple[FacetCount | Facet, ...]) -> dict[str, dict]:
    return {c.key: {"label": c.label, "count": c.count} for c in counts}


def documents(found: DocumentList, page: int, per_page: int) -> dict:
    return {
        "total": found.total,
        "page": page,
        "pages": page_count(found.total, per_page),
        "documents": [record(d) for d in found.documents],
        "facets": {
            "kind": facet_counts(found.kinds),
            "publisher": facet_counts(found.sources),
            "country": facet_counts(found.countries),
        },
    }
