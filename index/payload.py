"""The one JSON shape of a search result, for ``archive search --json`` and
``/api/search`` alike (described as ``SearchResult`` in ``web/schemas.py``).

Facets and filters go by the names the API takes as arguments (``publisher`` is
the index's ``source`` facet). A hit's ``url`` is its document page's path with
the passage's anchor, with the query (``?q=``) so that the page opens at the hit
with the query's words marked; the site passes ``link`` to build it with its own
routing (the same path when the site is served at the root).

Grouped by document (``"group": "documents"``, the default of the site, the API
and the command line), ``documents`` holds the page of documents, each with its
best passages, and ``hits`` is empty; by passage, the reverse. ``total`` counts
passages and ``documents_total`` documents either way; ``facets_count`` says
which of the two the facet counts count.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from index.results import DocumentHit, FacetCount, Hit, SearchResult

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


def with_query(url: str, query: str) -> str:
    """``url`` with ``?q=query`` before its anchor (no query: ``url`` itself)."""
    if not query:
        return url
    path, hash_, anchor = url.partition("#")
    joiner = "&" if "?" in path else "?"
    return f"{path}{joiner}q={quote(query, safe='')}{hash_}{anchor}"


def search_json(result: SearchResult, link: Link = document_link) -> dict:
    """``result`` as the JSON object the API returns."""
    request = result.request
    query = request.query
    return {
        "query": query,
        "group": request.group,
        "total": result.total,
        "documents_total": result.documents_total,
        "page": result.page,
        "pages": result.pages,
        "per_page": request.per_page,
        "sort": request.sort,
        "documents": [document_json(d, link, query) for d in result.documents],
        "hits": [hit_json(hit, link, query) for hit in result.hits],
        "facets_count": "documents" if result.grouped else "passages",
        "excluded": {
            name: [key for facet_, key in request.excluded if facet_ == facet]
            for name, facet in PUBLIC_FACETS.items()
        },
        "facets": {
            name: facet_json(result.facets.get(facet, ()))
            for name, facet in PUBLIC_FACETS.items()
        },
        "also_matched": list(result.also_matched),
        "did_you_mean": result.did_you_mean,
        "notices": list(result.notices),
        "partial": result.partial,
    }


def document_json(document: DocumentHit, link: Link, query: str) -> dict:
    """A matching document with its best passages and how many more match."""
    page = link(document.passages[0]).partition("#")[0]
    return {
        "document": document.document_id,
        "title": document.title,
        "kind": document.kind,
        "source": document.source,
        "date": document.date,
        "countries": [{"code": c, "label": label} for c, label in document.countries],
        "url": with_query(page, query),
        "score": document.score,
        "passages": [hit_json(hit, link, query) for hit in document.passages],
        "more": document.more,
    }


def hit_json(hit: Hit, link: Link = document_link, query: str = "") -> dict:
    return {
        "passage": hit.passage_id,
        "anchor": hit.anchor,
        "document": hit.document_id,
        "title": hit.title,
        "kind": hit.kind,
        "source": hit.source,
        "date": hit.date,
        "url": with_query(link(hit), query),
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
