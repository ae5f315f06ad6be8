"""The write path: parsed documents stored in one transaction, all or nothing.

Identical bytes are a skip; a changed file replaces its earlier version under the
same document id. A report section is known again by its report and section
number, anything else by the file it came from.

Everything is written as plain table statements on the session's connection: a
document is thousands of rows, and the ORM's unit of work would only cost time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from archive.contents import (
    KeptClaims,
    claim_ids_kept,
    insert_contents,
    no_comment_rows,
)
from archive.links import LinkedDocument, link_works
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    DocumentCountry,
    Footnote,
    Marker,
    NoComment,
    Passage,
    Report,
)
from archive.works import SourceBook, digest, insert_or_get, title_hash
from archive.writers import in_turn
from ingest import OutletRegistry, ParsedDocument, load_registry

Status = Literal["added", "updated", "unchanged"]

_DOCUMENTS = Document.__table__
_BY_CHECKSUM = (
    select(Document.id).where(Document.checksum == bindparam("checksum")).limit(1)
)
_BY_SOURCE_KEY = select(Document.id).where(Document.source_key == bindparam("key"))
_INSERT_DOCUMENT = insert(_DOCUMENTS).returning(_DOCUMENTS.c.id)
_UPDATE_DOCUMENT = update(_DOCUMENTS).where(_DOCUMENTS.c.id == bindparam("b_id"))
_WAITING_MARKERS = (
    select(Marker.id, Marker.label)
    .join(Claim, Marker.claim_id == Claim.id)
    .join(Passage, Claim.passage_id == Passage.id)
    .join(Document, Passage.document_id == Document.id)
    .where(
        Document.report_id == bindparam("report"),
        Document.id != bindparam("document"),
        Marker.footnote_id.is_(None),
        Marker.label.in_(bindparam("labels", expanding=True)),
    )
)
_RELINK_MARKER = (
    update(Marker.__table__)
    .where(Marker.__table__.c.id == bindparam("b_id"))
    .values(footnote_id=bindparam("b_footnote"))
)


@dataclass(frozen=True, slots=True)
class StoreResult:
    status: Status
    document_id: int


def store(
    sessions: sessionmaker[Session],
    parsed: ParsedDocument,
    registry: OutletRegistry | None = None,
) -> StoreResult:
    """Store ``parsed`` in one transaction and say whether it was new."""
    return store_together(sessions, [parsed], registry)[0]


def store_together(
    sessions: sessionmaker[Session],
    documents: list[ParsedDocument],
    registry: OutletRegistry | None = None,
) -> list[StoreResult]:
    """Store ``documents`` in one transaction, all or none of them.

    One commit for several documents writes each database page they change
    once, not once a document; should one fail, none is stored (the caller can
    then store each in its own transaction, so that only that one fails).
    """
    if not documents:
        return []
    registry = registry or load_registry()

    def write(connection: Connection) -> list[StoreResult]:
        return [_store_in(connection, parsed, registry) for parsed in documents]

    return in_turn(sessions, claim_keys(documents), write)


def claim_keys(documents: list[ParsedDocument]) -> set[str]:
    """What a writer claims before storing ``documents``: their bytes and sources."""
    return {p.checksum for p in documents} | {source_key(p) for p in documents}


def store_in(
    connection: Connection, parsed: ParsedDocument, registry: OutletRegistry
) -> StoreResult:
    """Store ``parsed`` in the caller's transaction (which may write more; it
    claims ``claim_keys([parsed])`` first, through ``archive.writers.in_turn``)."""
    return _store_in(connection, parsed, registry)


def _store_in(
    connection: Connection, parsed: ParsedDocument, registry: OutletRegistry
) -> StoreResult:
    same_bytes = connection.scalar(_BY_CHECKSUM, {"checksum": parsed.checksum})
    if same_bytes is not None:
        return StoreResult("unchanged", same_bytes)
    key = source_key(parsed)
    document_id = connection.scalar(_BY_SOURCE_KEY, {"key": key})
    status: Status = "added" if document_id is None else "updated"
    kept: KeptClaims = {}
    if document_id is not None:
        kept = claim_ids_kept(connection, document_id)
        _clear(connection, document_id)
    book = SourceBook(connection, registry)
    sources = book.resolve_all(parsed.citations, _named(parsed))
    values = _describe(connection, parsed, book)
    if document_id is None:
        document_id = connection.scalar(_INSERT_DOCUMENT, {"source_key": key, **values})
    else:
        connection.execute(_UPDATE_DOCUMENT, {"b_id": document_id, **values})
    _insert_countries(connection, document_id, parsed.countries)
    report_id = values["report_id"]
    footnote_ids = insert_contents(
        connection, document_id, report_id, parsed, sources, kept
    )
    asked = no_comment_rows(document_id, parsed)
    if asked:
        connection.execute(insert(NoComment.__table__), asked)
    _relink(connection, document_id, report_id, footnote_ids)
    link_works(connection, _linked(document_id, values))
    return StoreResult(status, document_id)


def source_key(parsed: ParsedDocument) -> str:
    """What makes two versions of a file the same document."""
    if parsed.kind == "report" and parsed.report_title and parsed.section_number:
        return digest(
            "report", parsed.publisher or "", parsed.report_title, parsed.section_number
        )
    if parsed.path.startswith(("http://", "https://")):  # fetched from the web
        return digest("url", parsed.path)
    return digest("path", printable_path(str(Path(parsed.path).resolve())))


def printable_path(path: str) -> str:
    """``path`` as valid text: bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates) are written as ``\\xff``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return path


def _clear(connection: Connection, document_id: int) -> None:
    """Delete a document's contents; the database cascades to the rows below."""
    for model in (Passage, Footnote, NoComment, DocumentCountry):
        connection.execute(delete(model).where(model.document_id == document_id))
    cited = select(Citation.id).where(Citation.work_id == CitedWork.id).exists()
    connection.execute(delete(CitedWork).where(~cited))


def _insert_countries(
    connection: Connection, document_id: int, countries: tuple[str, ...]
) -> None:
    rows = [
        {"document_id": document_id, "code": code, "position": n}
        for n, code in enumerate(countries)
    ]
    if rows:
        connection.execute(insert(DocumentCountry), rows)


def _describe(
    connection: Connection, parsed: ParsedDocument, book: SourceBook
) -> dict[str, object]:
    """The document's own columns (all but its source key)."""
    return {
        "checksum": parsed.checksum,
        "path": printable_path(parsed.path),
        "source_format": parsed.source_format,
        "url": parsed.url,
        "kind": parsed.kind,
        "title": parsed.title,
        "title_derived": parsed.title_derived,
        "date": parsed.date.first_day if parsed.date else None,
        "date_precision": parsed.date.precision if parsed.date else None,
        "publisher": _clipped(parsed.publisher, _DOCUMENTS.c.publisher),
        "section_number": parsed.section_number,
        "section_heading": parsed.section_heading,
        "cite_as": parsed.cite_as,
        "agency": _clipped(parsed.agency, _DOCUMENTS.c.agency),
        "dateline": parsed.dateline,
        "authors": list(parsed.authors),
        "credits": list(parsed.credits),
        "warnings": list(parsed.warnings),
        "updated_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "report_id": _report_id(connection, parsed),
        "outlet_id": book.named_outlet(_named(parsed)),
        "title_hash": None if parsed.title_derived else title_hash(parsed.title),
    }


def _named(parsed: ParsedDocument) -> str | None:
    """The outlet a document names as its own: its agency, else its publisher."""
    return parsed.agency or parsed.publisher


def _report_id(connection: Connection, parsed: ParsedDocument) -> int | None:
    if parsed.kind != "report" or not parsed.report_title:
        return None
    table = Report.__table__
    row = {
        "publisher": _clipped(parsed.publisher or "", table.c.publisher),
        "title": _clipped(parsed.report_title, table.c.title),
    }
    return insert_or_get(connection, table, ("publisher", "title"), row)


def _clipped(text: str | None, column) -> str | None:
    """``text`` cut to ``column``'s length. Only columns that are searched by
    value (indexed) have one, because PostgreSQL indexes hold ~2,700 bytes a
    row; all other text is stored whole, on SQLite and PostgreSQL alike."""
    limit = column.type.length
    return text[:limit] if text is not None and len(text) > limit else text


def _linked(document_id: int, values: dict[str, object]) -> LinkedDocument:
    return LinkedDocument(
        document_id,
        values["outlet_id"],
        values["title_hash"],
        values["date"],
        values["date_precision"],
    )


def _relink(
    connection: Connection,
    document_id: int,
    report_id: int | None,
    labels: dict[str, int],
) -> None:
    """Point other sections' markers that wait for this section's footnotes at them."""
    if report_id is None or not labels:
        return
    waiting = connection.execute(
        _WAITING_MARKERS,
        {"report": report_id, "document": document_id, "labels": list(labels)},
    ).all()
    if waiting:
        connection.execute(
            _RELINK_MARKER,
            [{"b_id": i, "b_footnote": labels[label]} for i, label in waiting],
        )
