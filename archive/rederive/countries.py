"""Each document's countries recomputed from its stored title, dateline and text."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from archive.browse.rows import document_countries_stored
from archive.derived import Progress, Rederived, rederive_in_batches
from archive.models import Document, DocumentCountry, Passage, Report
from ingest import OutletRegistry, document_countries


def rederive_countries(
    sessions: sessionmaker[Session],
    progress: Progress | None = None,
    registry: OutletRegistry | None = None,  # known outlets play no part here
) -> Rederived:
    """Recompute every document's countries; rewrite those that differ."""
    return rederive_in_batches(sessions, "countries", Document.id, _batch, progress)


def _batch(session: Session, ids: list[int]) -> dict[int, int]:
    texts: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(Passage.document_id, Passage.text)
        .where(Passage.document_id.in_(ids))
        .order_by(Passage.document_id, Passage.position)
    )
    for document_id, text in rows:
        texts[document_id].append(text)
    stored = document_countries_stored(session, ids)
    documents = session.execute(
        select(Document.id, Document.title, Document.dateline, Report.title)
        .outerjoin(Report, Report.id == Document.report_id)
        .where(Document.id.in_(ids))
    )
    changed = {}
    for document_id, title, dateline, report_title in documents:
        codes = document_countries(title, dateline, texts[document_id], report_title)
        if tuple(codes) != stored.get(document_id, ()):
            _rewrite(session, document_id, codes)
            changed[document_id] = document_id
    return changed


def _rewrite(session: Session, document_id: int, codes: tuple[str, ...]) -> None:
    session.execute(
        delete(DocumentCountry).where(DocumentCountry.document_id == document_id)
    )
    if codes:
        session.execute(
            insert(DocumentCountry),
            [
                {"document_id": document_id, "code": code, "position": n}
                for n, code in enumerate(codes)
            ],
        )
