"""The home page (one search box, results, facets) and the query-syntax help."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, render_template, request
from werkzeug.datastructures import MultiDict

from archive import browse
from archive.queries import archive_stats
from index import IndexMissing, SearchResult
from web import connections, params
from web.search_links import SearchLinks

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
    """A facet value: choosing it (or, if chosen, dropping it) and leaving it out."""

    label: str
    count: int
    url: str
    active: bool
    exclude_url: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A facet value left out, and the link that takes it back."""

    facet: str
    key: str
    url: str


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
        if browse.has_documents(connections.db()):
            raise
        return render_template("home.html", stats=None, recent=(), query=True)
    return render_template("results.html", **_results_context(result))


def _results_context(result: SearchResult) -> dict:
    db = connections.db()
    shown = [*result.hits, *(p for d in result.documents for p in d.passages)]
    claim_ids = [claim.id for hit in shown for claim in hit.claims]
    slugs = {outlet.slug for hit in shown for outlet in hit.outlets}
    empty = not result.total and not browse.has_documents(db)
    query = request.args.get("q", "").strip() or None
    links = SearchLinks(request.args, query)
    return {
        "result": result,
        "query": query,
        "links": links,
        "documents": connections.summaries(
            {h.document_id for h in shown}, result.generation
        ),
        "claims": browse.claim_excerpts(db, claim_ids),
        "outlets": browse.outlets_by_slug(db, slugs),
        "facets": _facet_links(result, request.args, links),
        "left_out": _left_out(request.args, links),
        "group_url": links.changed(
            group="passages" if result.grouped else None, page=None
        ),
        "page_urls": links.pages(result.page, result.pages),
        "empty_archive": empty,
        "did_you_mean_url": links.changed(q=result.did_you_mean, page=None)
        if result.did_you_mean
        else None,
    }


def _facet_links(
    result: SearchResult, args: MultiDict, links: SearchLinks
) -> dict[str, list[FacetLink]]:
    """Per facet, each value as a link that adds (or removes) it as a filter."""
    found: dict[str, list[FacetLink]] = {}
    for name, facet in params.FILTERS.items():
        chosen = args.getlist(name)
        found[name] = [
            FacetLink(
                label=count.label,
                count=count.count,
                url=links.toggled(name, count.key),
                active=count.key in chosen,
                exclude_url=links.toggled(params.EXCLUDE + name, count.key),
            )
            for count in result.facets.get(facet, ())[:FACETS_SHOWN]
        ]
    return found


def _left_out(args: MultiDict, links: SearchLinks) -> list[LeftOut]:
    """The facet values the request leaves out, each with a link to take it back."""
    return [
        LeftOut(name, key, links.toggled(params.EXCLUDE + name, key))
        for name in params.FILTERS
        for key in args.getlist(params.EXCLUDE + name)
    ]


@bp.get("/help")
def help_page():
    return render_template("help.html")
