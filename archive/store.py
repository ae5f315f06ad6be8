"""The write path: one parsed document stored in one transaction, all or nothing.

Identical bytes are a skip; a changed file replaces its earlier version under the
same document id. A report section is known again by its report and section
number, anything else by the file it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from archive.contents import insert_contents
from archive.links import document_title_hash, link_works
from archive.models import (
    CitedWork,
    Claim,
    Document,
    Footnote,
    Marker,
    Passage,
    Report,
)
from archive.works import SourceBook, digest
from ingest import OutletRegistry, ParsedDocument, load_registry

Status = Literal["added", "updated", "unchanged"]


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
    with sessions.begin() as session:
        same_bytes = session.scalar(
            select(Document).where(Document.checksum == parsed.checksum).limit(1)
        )
        if same_bytes is not None:
            return StoreResult("unchanged", same_bytes.id)
        key = source_key(parsed)
        document = session.scalar(select(Document).where(Document.source_key == key))
        status: Status = "added" if document is None else "updated"
        if document is None:
            document = Document(source_key=key)
            session.add(document)
        else:
            _clear(session, document)
        book = SourceBook(session, registry or load_registry())
        _describe(session, document, parsed, book)
        sources = book.resolve_all(parsed.citations)
        session.flush()
        footnote_ids = insert_contents(session, document, parsed, sources)
        _relink(session, document, footnote_ids)
        link_works(session, document)
        return StoreResult(status, document.id)


def source_key(parsed: ParsedDocument) -> str:
    """What makes two versions of a file the same document."""
    if parsed.kind == "report" and parsed.report_title and parsed.section_number:
        return digest(
            "report", parsed.publisher or "", parsed.report_title, parsed.section_number
        )
    return digest("path", str(Path(parsed.path).resolve()))


def _clear(session: Session, document: Document) -> None:
    """Delete a document's contents; the database cascades to the rows below."""
    for model in (Passage, Footnote):
        session.execute(
            delete(model).where(model.document_id == document.id),
            execution_options={"synchronize_session": False},
        )
    orphans = select(CitedWork.id).where(~CitedWork.citations.any())
    session.execute(
        delete(CitedWork).where(CitedWork.id.in_(orphans)),
        execution_options={"synchronize_session": False},
    )


def _describe(
    session: Session, document: Document, parsed: ParsedDocument, book: SourceBook
) -> None:
    document.checksum = parsed.checksum
    document.path = parsed.path
    document.source_format = parsed.source_format
    document.kind = parsed.kind
    document.title = parsed.title
    document.title_derived = parsed.title_derived
    document.date = parsed.date.first_day if parsed.date else None
    document.date_precision = parsed.date.precision if parsed.date else None
    document.publisher = parsed.publisher
    document.section_number = parsed.section_number
    document.section_heading = parsed.section_heading
    document.cite_as = parsed.cite_as
    document.agency = parsed.agency
    document.dateline = parsed.dateline
    document.authors = list(parsed.authors)
    document.credits = list(parsed.credits)
    document.warnings = list(parsed.warnings)
    document.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    document.report = _report(session, parsed)
    document.outlet = book.named_outlet(parsed.agency or parsed.publisher)
    document.title_hash = document_title_hash(document)


def _report(session: Session, parsed: ParsedDocument) -> Report | None:
    if parsed.kind != "report" or not parsed.report_title:
        return None
    publisher = parsed.publisher or ""
    report = session.scalar(
        select(Report).where(
            Report.publisher == publisher, Report.title == parsed.report_title
        )
    )
    if report is None:
        report = Report(publisher=publisher, title=parsed.report_title)
        session.add(report)
    return report


def _relink(session: Session, document: Document, labels: dict[str, int]) -> None:
    """Point other sections' markers that wait for this section's footnotes at them."""
    if document.report_id is None or not labels:
        return
    waiting = session.scalars(
        select(Marker)
        .join(Claim)
        .join(Passage)
        .join(Document)
        .where(
            Document.report_id == document.report_id,
            Document.id != document.id,
            Marker.footnote_id.is_(None),
            Marker.label.in_(labels),
        )
    )
    for marker in waiting:
        marker.footnote_id = labels[marker.label]
