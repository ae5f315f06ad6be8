"""Batch search: a list of names or terms, one a line, each counted in documents
and passages under the same filters as a search, with a link to its results;
the table is also a CSV file (``format=csv``).

The list comes in a form field, ``lines``; the form is sent by POST (a list of
500 names is too long for an address), and a short list works by GET too.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from archive import KINDS
from index import SearchQueryError, checklist
from web import connections, params

bp = Blueprint("checklist", __name__)

# The search arguments a batch passes on to each line's search.
SHARED = ("outlet", "kind", "publisher", "month", "country", "from", "to", "exact")


@bp.route("/batch", methods=["GET", "POST"])
def batch():
    values = request.values
    text = values.get("lines", "")
    if not text.strip():
        return render_template("batch.html", **_form(values))
    search = params.search_request(values, current_app.config["RESULTS_PER_PAGE"])
    try:
        lines = checklist.lines_of(text)
    except SearchQueryError as error:
        return render_template("batch.html", **_form(values, problem=str(error))), 400
    rows = checklist.run(lines, search, connections.count)
    if params.choice(values, "format", ("csv",)) == "csv":
        body = checklist.checklist_csv(rows, lambda q: _link(q, values, True))
        response = Response(body, content_type="text/csv; charset=utf-8")
        response.headers["Content-Disposition"] = 'attachment; filename="batch.csv"'
        return response
    links = {row.query: _link(row.query, values) for row in rows}
    return render_template("batch.html", **_form(values, rows=rows, links=links))


def _form(values: MultiDict, **shown) -> dict:
    return {
        "values": values,
        "kinds": KINDS,
        "max_lines": checklist.MAX_LINES,
        "rows": None,
        "problem": None,
        **shown,
    }


def _link(query: str, values: MultiDict, external: bool = False) -> str:
    """The search page for one line, with the batch's filters."""
    shared = {name: values.getlist(name) for name in SHARED if values.getlist(name)}
    shared = {name: [v for v in found if v.strip()] for name, found in shared.items()}
    return url_for("search.home", q=query, _external=external, **shared)
