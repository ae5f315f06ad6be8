"""The JSON API: the same facts as the pages, for scripts (described at
``/api/openapi.json``). Errors are JSON too (``web.errors``)."""

from __future__ import annotations

from flask import Blueprint, current_app, request, url_for

from archive import browse, references
from web import connections, exports, openapi, params, payloads
from web.documents import claim_page, documents_page
from web.sources import (
    attributions_page,
    outlet_index_page,
    outlet_page,
    work_page,
)

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    format_name = exports.requested_format(exports.SEARCH_FORMATS)
    if format_name:
        return exports.search_response(format_name)
    per_page = current_app.config["RESULTS_PER_PAGE"]
    result = connections.search(params.search_request(request.args, per_page))
    return payloads.search(result)


@bp.get("/documents")
def documents():
    found, page, per_page = documents_page()
    return payloads.documents(found, page, per_page)


@bp.get("/documents/<int:document_id>")
def document(document_id: int):
    format_name = exports.requested_format(exports.RECORD_FORMATS)
    if format_name:
        return exports.references_response(
            lambda link: [references.document(connections.db(), document_id, link)],
            format_name,
            f"document-{document_id}",
        )
    return payloads.record(browse.document(connections.db(), document_id))


@bp.get("/claims/<int:claim_id>")
def claim(claim_id: int):
    format_name = exports.requested_format(exports.RECORD_FORMATS)
    if format_name:
        return exports.references_response(
            lambda link: references.claim(connections.db(), claim_id, link),
            format_name,
            f"claim-{claim_id}",
        )
    detail, related, cite = claim_page(claim_id)
    return {
        **payloads.record(detail),
        "related": [payloads.record(passage) for passage in related],
        "cite_this": cite,
    }


@bp.get("/outlets")
def outlets():
    return payloads.record(outlet_index_page())


@bp.get("/outlets/<slug>")
def outlet(slug: str):
    return payloads.record(outlet_page(slug))


@bp.get("/outlets/<slug>/attributions")
def attributions(slug: str):
    return payloads.record(attributions_page(slug))


@bp.get("/works/<int:work_id>")
def work(work_id: int):
    format_name = exports.requested_format(exports.RECORD_FORMATS)
    if format_name:
        return exports.references_response(
            lambda link: [references.work(connections.db(), work_id, link)],
            format_name,
            f"work-{work_id}",
        )
    return payloads.record(work_page(work_id))


@bp.get("/openapi.json")
def description():
    return openapi.document(url_for("search.home", _external=True).rstrip("/"))
