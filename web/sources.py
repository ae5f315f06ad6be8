"""Outlets (the ranking, and one outlet's claims) and cited works."""

from __future__ import annotations

from flask import Blueprint, render_template

from archive import browse
from web import connections

bp = Blueprint("sources", __name__)


@bp.get("/outlets")
def outlets():
    ranking = browse.outlet_index(connections.db())
    return render_template("outlets.html", ranking=ranking)


@bp.get("/outlets/<slug>")
def outlet(slug: str):
    found = browse.outlet(connections.db(), slug)
    return render_template("outlet.html", found=found)


@bp.get("/works/<int:work_id>")
def work(work_id: int):
    found = browse.work(connections.db(), work_id)
    return render_template("work.html", found=found)
