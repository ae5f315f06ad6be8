"""Records and search results as the JSON the API returns (see ``web.openapi``)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from flask import url_for

from archive.browse import DocumentList, Facet
from index import FacetCount, Hit, SearchResult
from web.params import FILTERS


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
    request = result.request
    return {
        "query": request.query,
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
        "per_page": request.per_page,
        "sort": request.sort,
        "hits": [hit_payload(hit) for hit in result.hits],
        "facets": {
            name: facet_counts(result.facets.get(facet, ()))
            for name, facet in FILTERS.items()
        },
        "also_matched": list(result.also_matched),
        "did_you_mean": result.did_you_mean,
        "notices": list(result.notices),
    }


def hit_payload(hit: Hit) -> dict:
    return {
        "passage": hit.passage_id,
        "anchor": hit.anchor,
        "document": hit.document_id,
        "title": hit.title,
        "kind": hit.kind,
        "source": hit.source,
        "date": hit.date,
        "url": url_for(
            "documents.show", document_id=hit.document_id, _anchor=hit.anchor
        ),
        "snippet": {
            "text": hit.snippet.text,
            "parts": [{"text": t, "match": m} for t, m in hit.snippet.parts],
        },
        "outlets": [{"slug": o.slug, "name": o.name} for o in hit.outlets],
        "claims": [
            {
                "id": claim.id,
                "outlets": list(claim.outlets),
                "footnotes": list(claim.footnotes),
            }
            for claim in hit.claims
        ],
        "also_matched": list(hit.also_matched),
    }


def facet_counts(counts: tuple[FacetCount | Facet, ...]) -> dict[str, dict]:
    return {c.key: {"label": c.label, "count": c.count} for c in counts}


def documents(found: DocumentList, page: int, per_page: int) -> dict:
    return {
        "total": found.total,
        "page": page,
        "pages": max(1, -(-found.total // per_page)),
        "documents": [record(d) for d in found.documents],
        "facets": {
            "kind": facet_counts(found.kinds),
            "publisher": facet_counts(found.sources),
            "country": facet_counts(found.countries),
        },
    }
