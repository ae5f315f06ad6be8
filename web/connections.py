"""The archive and the search index as the views reach them.

The session factory and the searcher are made once per app; each request gets its
own database session, closed when the request ends. One searcher serves every
thread, one search at a time (Whoosh's searcher refresh is not thread-safe).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from archive import connect
from index import (
    IndexUnavailable,
    MatchCount,
    MatchList,
    Searcher,
    SearchRequest,
    SearchResult,
)

KEY = "archive"


@dataclass
class Connections:
    sessions: sessionmaker[Session]
    searcher: Searcher
    lock: threading.Lock = field(default_factory=threading.Lock)


def init_app(app: Flask, database_url: str, index_dir: str | Path) -> None:
    app.extensions[KEY] = Connections(connect(database_url), Searcher(Path(index_dir)))
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
    found: Connections = current_app.extensions[KEY]
    with found.lock:
        return found.searcher.search(request)


def _close(_error: BaseException | None) -> None:
    opened = g.pop("db", None)
    if opened is not None:
        opened.close()


def matches(request: SearchRequest, **bounds: int) -> MatchList:
    """Every match of ``request``, best first, up to ``bounds`` (for exports)."""
    found: Connections = current_app.extensions[KEY]
    with found.lock:
        return found.searcher.matches(request, **bounds)


def count(request: SearchRequest) -> MatchCount:
    """How many passages and documents ``request`` matches."""
    found: Connections = current_app.extensions[KEY]
    with found.lock:
        return found.searcher.count(request)
