"""The one JSON shape of a search result, for ``archive search --json`` and
``/api/search`` alike (described as ``SearchResult`` in ``web/schemas.py``).

Facets and filters go by the names the API takes as arguments (``publisher`` is
the index's ``source`` facet). A hit's ``url`` is its document page's path with
the passage's anchor; the site passes ``link`` to build it with its own routing
(the same path when the site is served at the root).
"""

from __future__ import annotations

from collections.abc import Callable

from index.results import FacetCount, Hit, SearchResult

# Public name (API argument, JSON key) -> the index's facet.
PUBLIC_FACETS: dict[str, str] = {
    "outlet": "outlet",
    "kind": "kind",
    "publisher": "source",
    "month": "month",
    "country": "country",
}

Link = Callable[[Hit], str]


def document_link(hit: Hit) -> str:
    """The path of the hit's passage on the site: ``/documents/12#p-3``."""
    return f"/documents/{hit.document_id}#{hit.anchor}"


def search_json(result: SearchResult, link: Link = document_link) -> dict:
    """``result`` as the JSON object the API returns."""
    request = result.request
    return {
        "query": request.query,
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
        "per_page": request.per_page,
        "sort": request.sort,
        "hits": [hit_json(hit, link) for hit in result.hits],
        "facets": {
            name: facet_json(result.facets.get(facet, ()))
            for name, facet in PUBLIC_FACETS.items()
        },
        "also_matched": list(result.also_matched),
        "did_you_mean": result.did_you_mean,
        "notices": list(result.notices),
        "partial": result.partial,
    }


def hit_json(hit: Hit, link: Link = document_link) -> dict:
    return {
        "passage": hit.passage_id,
        "anchor": hit.anchor,
        "document": hit.document_id,
        "title": hit.title,
        "kind": hit.kind,
        "source": hit.source,
        "date": hit.date,
        "url": link(hit),
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


def facet_json(counts: tuple[FacetCount, ...]) -> dict[str, dict]:
    """Facet value key -> its label and count."""
    return {c.key: {"label": c.label, "count": c.count} for c in counts}
