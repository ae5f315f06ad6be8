"""Outlets (the ranking, one outlet's claims by cited work, its attributions)
and cited works. Lists that grow with the archive are read a page at a time."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from archive import browse
from archive.citation_counts import citation_counts
from web import connections, params
from web.display import page_urls

bp = Blueprint("sources", __name__)


@bp.get("/outlets")
def outlets():
    found = outlet_index_page()
    urls = page_urls("sources.outlets", request.args, found.page, found.pages)
    cited = None if found.report else citation_counts(connections.db())
    return render_template("outlets.html", ranking=found, page_urls=urls, cited=cited)


@bp.get("/outlets/<slug>")
def outlet(slug: str):
    found = outlet_page(slug)
    urls = page_urls("sources.outlet", request.args, found.page, found.pages, slug=slug)
    return render_template("outlet.html", found=found, page_urls=urls)


@bp.get("/outlets/<slug>/attributions")
def attributions(slug: str):
    found = attributions_page(slug)
    urls = page_urls(
        "sources.attributions", request.args, found.page, found.pages, slug=slug
    )
    return render_template("attributions.html", found=found, page_urls=urls)


@bp.get("/works/<int:work_id>")
def work(work_id: int):
    found = work_page(work_id)
    urls = page_urls(
        "sources.work", request.args, found.page, found.pages, work_id=work_id
    )
    return render_template("work.html", found=found, page_urls=urls)


def outlet_index_page() -> browse.OutletIndex:
    """The page of the ranking the request asks for: ``report`` (an id) narrows
    it to one report."""
    page = params.page(request.args)
    found = browse.outlet_index(
        connections.db(),
        page,
        current_app.config["OUTLETS_PER_PAGE"],
        params.number(request.args, "report"),
    )
    params.within(page, found.pages)
    return found


def outlet_page(slug: str) -> browse.OutletDetail:
    """The outlet, with the page of its cited works the request asks for."""
    page = params.page(request.args)
    config = current_app.config
    found = browse.outlet(
        connections.db(),
        slug,
        page,
        config["WORKS_PER_PAGE"],
        config["CLAIMS_PER_GROUP"],
    )
    params.within(page, found.pages)
    return found


def attributions_page(slug: str) -> browse.Attributions:
    page = params.page(request.args)
    per_page = current_app.config["CLAIMS_PER_PAGE"]
    found = browse.attributions(connections.db(), slug, page, per_page)
    params.within(page, found.pages)
    return found


def work_page(work_id: int) -> browse.WorkDetail:
    page = params.page(request.args)
    per_page = current_app.config["CLAIMS_PER_PAGE"]
    found = browse.work(connections.db(), work_id, page, per_page)
    params.within(page, found.pages)
    return found
