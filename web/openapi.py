"""The OpenAPI 3.1 description of the JSON API, served at ``/api/openapi.json``.

The response schemas are in ``web.schemas``; this module lists the endpoints and
their arguments.
"""

from __future__ import annotations

from archive import KINDS, references
from index.exports import MAX_DOCUMENTS, MAX_ROWS
from web.csl_schema import CSL_ITEMS
from web.params import MAX_PAGE
from web.schema_types import INT, STR, array, ref
from web.schemas import SCHEMAS


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STR,
    }


def _many(name: str, description: str) -> dict:
    return {**_query(name, description, array(STR)), "explode": True}


# format -> the media type of its file
REFERENCE_TYPES = {name: found[1] for name, found in references.FORMATS.items()}
EXPORT_HEADERS = {
    "X-Export-Truncated": {
        "description": "With format: true if the bound cut the export, else false",
        "schema": {"enum": ["true", "false"]},
    },
    "X-Export-Notice": {
        "description": "With format, when the bound cut the export: the sentence "
        "saying how",
        "schema": STR,
    },
}


def _path(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


DATE_PARAMS = [
    _query("from", "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD"),
    _query("to", "Latest date (a month or year includes all of it)"),
]
PAGE_NUMBER = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
PAGE = _query("page", "Page number, from 1", PAGE_NUMBER)
PAGED = _query(
    "page",
    "Page number, from 1 (the response gives the number of pages); a page past "
    "the last is a 404",
    PAGE_NUMBER,
)
SEARCH_PARAMS = [
    _query("q", "The query (syntax: /help)"),
    _many("outlet", "Only passages citing this outlet (facet key, e.g. sohr)"),
    _many("kind", "report or wire"),
    _many("publisher", "Publisher or agency key (e.g. euaa, reuters)"),
    _many("month", "Document month, YYYY-MM"),
    _many("country", "Country the document is about, ISO 3166-1 alpha-2 (e.g. sy)"),
    *(
        _many(f"not_{name}", f"Leave out passages with this {name} (facet key)")
        for name in ("outlet", "kind", "publisher", "month", "country")
    ),
    *DATE_PARAMS,
    _query(
        "sort",
        "Order of hits: best match, date (newest, oldest) or date archived "
        "(latest first)",
        {"enum": ["relevance", "newest", "oldest", "archived"]},
    ),
    _query(
        "group",
        "documents (the default): each matching document once, with its best "
        "passages; passages: every matching passage",
        {"enum": ["documents", "passages"]},
    ),
    _query("exact", "1: exact spellings only, no name variants"),
    PAGE,
]
RECORD_FORMAT = _query(
    "format",
    "json (the default), or the record as references for a reference manager: "
    "ris, bibtex or csljson (a claim: the works it cites, then its document)",
    {"enum": ["json", *REFERENCE_TYPES]},
)
SEARCH_FORMAT = _query(
    "format",
    "json (the default); ris, bibtex or csljson: every matching document as a "
    f"reference (at most {MAX_DOCUMENTS:,}); csv: a row per matching passage (at "
    f"most {MAX_ROWS:,}). X-Export-Truncated says whether the bound cut it",
    {"enum": ["json", *REFERENCE_TYPES, "csv"]},
)
ENDPOINTS = [
    (
        "/api/search",
        "Search documents and passages",
        [*SEARCH_PARAMS, SEARCH_FORMAT],
        "SearchResult",
    ),
    (
        "/api/documents",
        "List archived documents, newest first",
        [
            _query("kind", ", ".join(KINDS), {"enum": list(KINDS)}),
            _query("publisher", "Publisher or agency key"),
            _query("country", "Country code (e.g. SY) or name the documents are about"),
            *DATE_PARAMS,
            PAGE,
        ],
        "DocumentList",
    ),
    (
        "/api/documents/{document_id}",
        "A document with passages, claims, footnotes and citations",
        [_path("document_id", INT), RECORD_FORMAT],
        "Document",
    ),
    (
        "/api/claims/{claim_id}",
        "A claim, its citations, a page of the claims citing the same works, "
        "related passages",
        [_path("claim_id", INT), PAGED, RECORD_FORMAT],
        "ClaimDetail",
    ),
    (
        "/api/outlets",
        "A page of the outlets ranked by citations, in the archive or one report",
        [
            _query(
                "report",
                "Rank within this report (its id) instead of the archive",
                INT,
            ),
            PAGED,
        ],
        "OutletIndex",
    ),
    (
        "/api/outlets/{slug}",
        "An outlet, its counts, and a page of the claims citing it, grouped by "
        "cited work (the newest few claims of each)",
        [_path("slug", STR), PAGED],
        "OutletDetail",
    ),
    (
        "/api/outlets/{slug}/attributions",
        "A page of the claims citing an outlet but no particular work",
        [_path("slug", STR), PAGED],
        "Attributions",
    ),
    (
        "/api/works/{work_id}",
        "A cited work and a page of the claims citing it",
        [_path("work_id", INT), PAGED, RECORD_FORMAT],
        "WorkDetail",
    ),
]


def _json(name: str, description: str) -> dict:
    content = {"application/json": {"schema": ref(name)}}
    return {"description": description, "content": content}


def _exports(parameters: list[dict]) -> dict:
    """The files a ``format`` argument may ask for, by media type."""
    formats = next(
        (p["schema"]["enum"] for p in parameters if p["name"] == "format"), []
    )
    text = {"schema": STR}
    content = {REFERENCE_TYPES[f]: text for f in formats if f in REFERENCE_TYPES}
    if "csljson" in formats:
        content[REFERENCE_TYPES["csljson"]] = {"schema": ref("CslItems")}
    if "csv" in formats:
        content["text/csv"] = text
    return content


def _operation(summary: str, parameters: list[dict], schema: str) -> dict:
    responses = {"200": _json(schema, "OK")}
    responses["200"]["content"].update(_exports(parameters))
    if SEARCH_FORMAT in parameters:
        responses["200"]["headers"] = EXPORT_HEADERS
    if parameters:
        responses["400"] = _json("Error", "A bad argument or query, named")
    if PAGED in parameters:
        responses["404"] = _json("Error", "No such record, or a page past the last")
    elif any(p["in"] == "path" for p in parameters):
        responses["404"] = _json("Error", "No such record")
    if schema == "SearchResult":
        responses["503"] = _json("Error", "The search index needs `archive reindex`")
    return {
        "get": {"summary": summary, "parameters": parameters, "responses": responses}
    }


def document(server: str) -> dict:
    """The OpenAPI document for a site served at ``server``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Citation archive API",
            "version": "1",
            "description": "Reports and wire stories: each claim with its sources.",
        },
        "servers": [{"url": server}],
        "paths": {
            path: _operation(summary, parameters, schema)
            for path, summary, parameters, schema in ENDPOINTS
        },
        "components": {"schemas": {**SCHEMAS, "CslItems": CSL_ITEMS}},
    }
