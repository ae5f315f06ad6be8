"""What a fetched URL leaves in the archive: its bytes in the WARC store, the
document read from them (by the same readers as any ingested file), the link
from its cited works to that document, and its state, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from archive.errors import ArchiveError
from archive.fetching import health, states
from archive.fetching.fetcher import Fetched
from archive.fetching.warc import Location, WarcStore
from archive.store import StoreResult, claim_keys, store_in
from archive.writers import in_turn
from ingest import OutletRegistry, ParsedDocument, ParseError, ParseOptions, parse_bytes

# File name endings by media type, to help tell a body's format when its
# address has no telling ending of its own ("/news/story-123").
SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/xml": ".xml",
    "text/xml": ".xml",
}


@dataclass(frozen=True, slots=True)
class Kept:
    """What became of one URL: its state, and the document made of it if any
    (``status`` as ``archive ingest`` says it: added, updated, unchanged)."""

    url: str
    state: str
    detail: str | None
    document_id: int | None = None
    status: str | None = None
    passages: int = 0


def keep(
    sessions: sessionmaker[Session],
    warcs: WarcStore,
    fetched: Fetched,
    registry: OutletRegistry,
) -> Kept:
    """Keep the bytes, archive them and record the URL's state.

    A URL archived before keeps its copy: a check of it again records its state
    (gone, moved) and stores nothing new.
    """
    with sessions.begin() as session:
        before = health.previous(session.connection(), fetched.url)
    state = (fetched.state, fetched.detail)
    location, parsed = None, None
    if fetched.body is not None and (before is None or before.document_id is None):
        location = warcs.keep(fetched.hops, fetched.body)
        parsed, problem = _read(fetched, registry)
        if problem is not None:
            state = (states.UNREADABLE, problem)
    try:
        stored = _store(sessions, fetched, parsed, registry, state, location)
    except (ArchiveError, SQLAlchemyError) as error:
        state = (states.FAILED, f"could not be stored: {_reason(error)}")
        parsed = stored = None
        with sessions.begin() as session:
            health.record(session.connection(), fetched, state, location, None)
    document_id = stored.document_id if stored else None
    if stored is None and before is not None and before.document_id is not None:
        return Kept(fetched.url, *state, before.document_id, "unchanged")
    return Kept(
        fetched.url,
        *state,
        document_id=document_id,
        status=stored.status if stored else None,
        passages=len(parsed.passages) if parsed else 0,
    )


def _store(
    sessions: sessionmaker[Session],
    fetched: Fetched,
    parsed: ParsedDocument | None,
    registry: OutletRegistry,
    state: tuple[str, str | None],
    location: Location | None,
) -> StoreResult | None:
    """Store the document, link its works and record the state, in one
    transaction; what ``store`` made of the document, if there was one."""

    def write(connection: Connection) -> StoreResult | None:
        stored = store_in(connection, parsed, registry) if parsed else None
        document_id = stored.document_id if stored else None
        health.record(connection, fetched, state, location, document_id)
        if document_id is not None:
            health.link_works(connection, fetched.url, document_id)
        return stored

    # claimed as an ingest claims its documents, so that two writers never store
    # the same page twice; tried again if another writer's deadlock ends it
    return in_turn(sessions, claim_keys([parsed]) if parsed else (), write)


def _reason(error: Exception) -> str:
    detail = getattr(error, "orig", None) or error
    return str(detail).splitlines()[0]


def _read(
    fetched: Fetched, registry: OutletRegistry
) -> tuple[ParsedDocument | None, str | None]:
    """The document the body holds, or why none could be read."""
    media = (fetched.content_type or "").split(";")[0].strip().lower()
    suffix = SUFFIXES.get(media)
    if suffix is None:
        suffix = PurePosixPath(urlsplit(fetched.final_url or fetched.url).path).suffix
    try:
        parsed = parse_bytes(
            fetched.url,
            fetched.body or b"",
            ParseOptions(registry),
            suffix=suffix or None,
        )
    except ParseError as error:
        return None, error.reason
    # The address the page states of itself (its canonical URL) is kept, else the
    # address it was fetched from.
    return replace(parsed, url=parsed.url or fetched.url), None
