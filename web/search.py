"""The home page (one search box, results, facets) and the query-syntax help."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from archive import browse
from archive.queries import archive_stats
from index import IndexMissing, SearchResult
from web import connections, params
from web.display import page_urls

bp = Blueprint("search", __name__)

FACET_TITLES = {
    "outlet": "Cited outlet",
    "kind": "Kind",
    "publisher": "Publisher or agency",
    "month": "Month",
}
FACETS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class FacetLink:
    label: str
    count: int
    url: str
    active: bool


@bp.get("/")
def home():
    if not params.wants_search(request.args):
        stats = archive_stats(connections.db())
        recent = browse.list_documents(connections.db(), limit=5)
        return render_template("home.html", stats=stats, recent=recent.documents)
    per_page = current_app.config["RESULTS_PER_PAGE"]
    search_request = params.search_request(request.args, per_page)
    try:
        result = connections.search(search_request)
    except IndexMissing:
        if browse.list_documents(connections.db(), limit=0).total:
            raise
        return render_template("home.html", stats=None, recent=(), query=True)
    return render_template("results.html", **_results_context(result))


def _results_context(result: SearchResult) -> dict:
    db = connections.db()
    claim_ids = [claim.id for hit in result.hits for claim in hit.claims]
    slugs = {outlet.slug for hit in result.hits for outlet in hit.outlets}
    empty = not result.total and not browse.list_documents(db, limit=0).total
    return {
        "result": result,
        "documents": browse.document_summaries(
            db, {h.document_id for h in result.hits}
        ),
        "claims": browse.claim_excerpts(db, claim_ids),
        "outlets": browse.outlets_by_slug(db, slugs),
        "facets": _facet_links(result, request.args),
        "page_urls": page_urls("search.home", request.args, result.page, result.pages),
        "empty_archive": empty,
        "did_you_mean_url": _with(request.args, q=result.did_you_mean, page=None)
        if result.did_you_mean
        else None,
    }


def _facet_links(result: SearchResult, args: MultiDict) -> dict[str, list[FacetLink]]:
    """Per facet, each value as a link that adds (or removes) it as a filter."""
    links: dict[str, list[FacetLink]] = {}
    for name, facet in params.FILTERS.items():
        chosen = args.getlist(name)
        links[name] = [
            FacetLink(
                label=count.label,
                count=count.count,
                url=_toggled(args, name, count.key),
                active=count.key in chosen,
            )
            for count in result.facets.get(facet, ())[:FACETS_SHOWN]
        ]
    return links


def _toggled(args: MultiDict, name: str, value: str) -> str:
    updated = MultiDict(args)
    values = updated.getlist(name)
    updated.setlist(
        name, [v for v in values if v != value] if value in values else [*values, value]
    )
    updated.pop("page", None)
    return url_for("search.home", **updated.to_dict(flat=False))


def _with(args: MultiDict, **changes: str | None) -> str:
    updated = MultiDict(args)
    for name, value in changes.items():
        updated.pop(name, None)
        if value is not None:
            updated[name] = value
    return url_for("search.home", **updated.to_dict(flat=False))


@bp.get("/help")
def help_page():
    return render_template("help.html")
