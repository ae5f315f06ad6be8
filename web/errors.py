"""One error handler for pages and API: the same facts as HTML or as JSON.

A missing record, a query the user can fix, an index that needs rebuilding and an
HTTP error each become a status, a title and a message; a query error also lists
every problem. Anything unexpected is a 500 whose traceback goes to the log only.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from archive.errors import NotFound
from index import IndexUnavailable, SearchQueryError
from web.params import PastLastPage

TITLES = {
    400: "The request could not be answered",
    404: "Not found",
    405: "Method not allowed",
    500: "Something went wrong",
    503: "Search is unavailable",
}


@dataclass(frozen=True, slots=True)
class Problem:
    status: int
    message: str
    problems: tuple[str, ...] = ()
    heading: str | None = None

    @property
    def title(self) -> str:
        return self.heading or TITLES.get(self.status, "Error")

    def as_json(self) -> dict:
        body = {"status": self.status, "title": self.title, "message": self.message}
        if self.problems:
            body["problems"] = list(self.problems)
        return body


def init_app(app: Flask) -> None:
    for kind in (NotFound, SearchQueryError, IndexUnavailable, HTTPException):
        app.register_error_handler(kind, handle)
    app.register_error_handler(Exception, handle)


def handle(error: Exception):
    problem = describe(error)
    if problem.status >= 500 and not isinstance(error, IndexUnavailable):
        current_app.logger.exception("unexpected error on %s", request.path)
    if request.path.startswith("/api/"):
        return problem.as_json(), problem.status
    page = render_template(
        "error.html",
        problem=problem,
        query=request.args.get("q", ""),
        query_error=isinstance(error, SearchQueryError),
    )
    return page, problem.status


def describe(error: Exception) -> Problem:
    """What to tell the reader about ``error``."""
    if isinstance(error, NotFound):
        return Problem(404, f"There is no {error.what} {error.key} in the archive.")
    if isinstance(error, SearchQueryError):
        problems = tuple(error.problems)
        return Problem(400, str(error), problems, "The search could not be run")
    if isinstance(error, IndexUnavailable):
        return Problem(503, f"The search index cannot be used: {error}")
    if isinstance(error, PastLastPage):
        return Problem(404, error.description)
    if isinstance(error, HTTPException):
        status = error.code or 500
        if status == 404:
            return Problem(404, f"There is no page at {request.path}.")
        return Problem(status, error.description or TITLES.get(status, "Error"))
    return Problem(500, "The archive met an unexpected error; it has been logged.")
