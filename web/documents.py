"""Documents: the filtered list, a whole document, and one claim's page."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, current_app, render_template, request, url_for

from archive import KINDS, browse, page_count
from archive.related import related_passages
from web import connections, originals, params
from web.citing import cite_claim
from web.display import page_urls
from web.quoting import claim_quote, document_quotes

bp = Blueprint("documents", __name__)

RELATED_SHOWN = 6


@bp.get("/documents")
def index():
    found, page, per_page = documents_page()
    pages = page_count(found.total, per_page)
    return render_template(
        "documents.html",
        found=found,
        page=page,
        pages=pages,
        page_urls=page_urls("documents.index", request.args, page, pages),
        args=request.args,
    )


def documents_page() -> tuple[browse.DocumentList, int, int]:
    """The documents the request's filters select, its page number and page size."""
    args = request.args
    per_page = current_app.config["DOCUMENTS_PER_PAGE"]
    page = params.page(args)
    start, end = params.date_range(args)
    found = browse.list_documents(
        connections.db(),
        kind=params.choice(args, "kind", KINDS),
        source=args.get("publisher", "").strip() or None,
        date_from=start,
        date_to=end,
        country=args.get("country", "").strip() or None,
        limit=per_page,
        offset=(page - 1) * per_page,
    )
    return found, page, per_page


@bp.get("/documents/<int:document_id>")
def show(document_id: int):
    found = browse.document(connections.db(), document_id)
    page_url = url_for("documents.show", document_id=document_id, _external=True)
    quotes = document_quotes(found, page_url)
    return render_template("document.html", doc=found, quotes=quotes)


@bp.get("/documents/<int:document_id>/original")
def original(document_id: int):
    return originals.download(document_id)


@bp.get("/claims/<int:claim_id>")
def claim(claim_id: int):
    detail, related, cite = claim_page(claim_id)
    urls = page_urls(
        "documents.claim", request.args, detail.page, detail.pages, claim_id=claim_id
    )
    page_url = url_for("documents.show", document_id=detail.document.id, _external=True)
    return render_template(
        "claim.html",
        detail=detail,
        related=related,
        cite=cite,
        quote=claim_quote(detail, page_url),
        page_urls=urls,
    )


def claim_page(claim_id: int):
    """A claim (with the requested page of other claims citing the same works),
    the passages related to it elsewhere, and its "cite this" text."""
    db = connections.db()
    page = params.page(request.args)
    detail = browse.claim(db, claim_id, page, current_app.config["CLAIMS_PER_PAGE"])
    params.within(page, detail.pages)
    related = related_passages(db, claim_id, limit=RELATED_SHOWN)
    permalink = url_for(
        "documents.show",
        document_id=detail.document.id,
        _anchor=detail.anchor,
        _external=True,
    )
    cite = cite_claim(detail, permalink, dt.date.today())
    return detail, related, cite
