"""The write path: one parsed document stored in one transaction, all or nothing.

Identical bytes are a skip; a changed file replaces its earlier version under the
same document id. A report section is known again by its report and section
number, anything else by the file it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from archive.links import document_title_hash, link_works
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Marker,
    Outlet,
    Passage,
    PassageName,
    Reference,
    Report,
)
from archive.names import names_in
from archive.works import SourceBook, digest
from ingest import OutletRegistry, ParsedCitation, ParsedDocument, load_registry

Status = Literal["added", "updated", "unchanged"]
Resolved = dict[int, tuple[Outlet | None, CitedWork | None]]


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
        with session.no_autoflush:
            _fill(session, document, parsed, sources)
        session.flush()
        _relink(session, document)
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
    document.passages.clear()
    document.footnotes.clear()
    session.flush()
    orphans = select(CitedWork.id).where(~CitedWork.citations.any())
    session.execute(delete(CitedWork).where(CitedWork.id.in_(orphans)))


def _fill(
    session: Session, document: Document, parsed: ParsedDocument, sources: Resolved
) -> None:
    footnotes = {}
    for position, note in enumerate(parsed.footnotes):
        footnote = Footnote(
            position=position, label=note.label, text=note.text, report=document.report
        )
        footnote.citations = [
            _citation(c, i, sources) for i, c in enumerate(note.citations)
        ]
        footnotes[note.label] = footnote
        document.footnotes.append(footnote)
    shared = _report_footnotes(session, document)
    anchors: set[str] = set()
    for position, passage in enumerate(parsed.passages):
        row = Passage(
            position=position,
            anchor=_anchor(passage.text, anchors),
            kind=passage.kind,
            level=passage.level,
            text=passage.text,
        )
        for number, claim in enumerate(passage.claims):
            row.claims.append(_claim(claim, number, footnotes, shared, sources))
        row.names = [PassageName(key=key) for key in sorted(names_in(passage.text))]
        row.references = [
            Reference(text=r.text, target=r.target) for r in passage.references
        ]
        document.passages.append(row)


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


def _report_footnotes(session: Session, document: Document) -> dict[str, Footnote]:
    """Footnotes other sections of the same report define (shared numbering)."""
    if document.report is None or document.report.id is None:
        return {}
    rows = session.scalars(
        select(Footnote).where(
            Footnote.report_id == document.report.id,
            Footnote.document_id != document.id,
        )
    )
    return {row.label: row for row in rows}


def _claim(claim, number: int, footnotes, shared, sources: Resolved) -> Claim:
    row = Claim(position=number, start=claim.start, end=claim.end, text=claim.text)
    row.markers = [
        Marker(
            label=m.label,
            offset=m.offset,
            footnote=footnotes.get(m.label) or shared.get(m.label),
        )
        for m in claim.markers
    ]
    row.citations = [_citation(c, i, sources) for i, c in enumerate(claim.citations)]
    return row


def _citation(citation: ParsedCitation, position: int, sources: Resolved) -> Citation:
    outlet, work = sources[id(citation)]
    return Citation(
        position=position,
        text=citation.text,
        outlet=outlet,
        outlet_text=citation.outlet,
        title=citation.title,
        date=citation.date.first_day if citation.date else None,
        date_precision=citation.date.precision if citation.date else None,
        url=citation.url,
        pages=citation.pages,
        anonymous=citation.anonymous,
        description=citation.description,
        work=work,
    )


def _anchor(text: str, taken: set[str]) -> str:
    """A permalink id that survives edits elsewhere in the document."""
    base = "p-" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]
    anchor, suffix = base, 2
    while anchor in taken:
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(anchor)
    return anchor


def _relink(session: Session, document: Document) -> None:
    """Point other sections' markers that wait for this section's footnotes at them."""
    if document.report is None:
        return
    labels = {f.label: f.id for f in document.footnotes}
    waiting = session.scalars(
        select(Marker)
        .join(Claim)
        .join(Passage)
        .join(Document)
        .where(
            Document.report_id == document.report.id,
            Document.id != document.id,
            Marker.footnote_id.is_(None),
            Marker.label.in_(labels),
        )
    )
    for marker in waiting:
        marker.footnote_id = labels[marker.label]
