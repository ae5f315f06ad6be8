"""The archive and the search index as the views reach them.

The session factory and the searcher are made once per app; each request gets its
own database session, closed when the request ends. The one ``Searcher`` serves
every thread at once (each search borrows a Whoosh searcher of its own), within
the site's ``SEARCH_TIME_LIMIT`` seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from archive import connect
from archive.browse import DocumentSummary
from index import (
    IndexUnavailable,
    InDocument,
    MatchCount,
    MatchList,
    Searcher,
    SearchRequest,
    SearchResult,
)
from web.summaries import Summaries

KEY = "archive"


@dataclass
class Connections:
    sessions: sessionmaker[Session]
    searcher: Searcher
    summaries: Summaries = field(default_factory=Summaries)


def init_app(app: Flask, database_url: str, index_dir: str | Path) -> None:
    searcher = Searcher(Path(index_dir), app.config.get("SEARCH_TIME_LIMIT"))
    app.extensions[KEY] = Connections(connect(database_url), searcher)
    app.teardown_appcontext(_close)


def warm(app: Flask) -> None:
    """Open the index and read its facet tables now, not in the first search.

    A missing or outdated index is left for the pages to report.
    """
    try:
        app.extensions[KEY].searcher.warm()
    except IndexUnavailable:
        pass


def db() -> Session:
    """This request's session with the database (closed when it ends)."""
    if "db" not in g:
        g.db = current_app.extensions[KEY].sessions()
    return g.db


def search(request: SearchRequest) -> SearchResult:
    return current_app.extensions[KEY].searcher.search(request)


def summaries(ids: Iterable[int], generation) -> dict[int, DocumentSummary]:
    """Summaries of documents listed by a search answered from ``generation``."""
    kept = current_app.extensions[KEY].summaries
    return kept.of(db(), ids, generation)


def within(query: str, document_id: int, exact: bool = False) -> InDocument:
    """Where ``query`` matches in document ``document_id``."""
    return current_app.extensions[KEY].searcher.within(query, document_id, exact)


def _close(_error: BaseException | None) -> None:
    opened = g.pop("db", None)
    if opened is not None:
        opened.close()


def matches(request: SearchRequest, **bounds: int) -> MatchList:
    """Every match of ``request``, best first, up to ``bounds`` (for exports)."""
    return current_app.extensions[KEY].searcher.matches(request, **bounds)


def count(request: SearchRequest) -> MatchCount:
    """How many passages and documents ``request`` matches."""
    return current_app.extensions[KEY].searcher.count(request)
