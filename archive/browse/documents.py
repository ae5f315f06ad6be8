"""Documents: the filtered list, and one document with everything in it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archive.browse import rows
from archive.browse.records import (
    DocumentDetail,
    DocumentList,
    DocumentSummary,
    Facet,
    FootnoteInfo,
    PassageInfo,
    WorkSummary,
)
from archive.errors import NotFound
from archive.models import CitedWork, Claim, Document, Footnote, Marker, Outlet, Passage


def list_documents(
    session: Session,
    kind: str | None = None,
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> DocumentList:
    """Archived documents, newest first (undated last), narrowed by kind, source
    (publisher or agency key) and date range; the facet counts cover the archive.
    """
    query = select(Document).outerjoin(Outlet, Document.outlet_id == Outlet.id)
    if kind:
        query = query.where(Document.kind == kind)
    if source:
        query = query.where(Outlet.slug == source)
    if date_from:
        query = query.where(Document.date >= date_from)
    if date_to:
        query = query.where(Document.date <= date_to)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    found = session.scalars(
        query.options(selectinload(Document.outlet), selectinload(Document.report))
        .order_by(Document.date.desc().nulls_last(), Document.id)
        .limit(limit)
        .offset(offset)
    )
    kinds, sources = _facets(session)
    return DocumentList(
        documents=tuple(rows.summary(d) for d in found),
        total=total,
        kinds=kinds,
        sources=sources,
    )


def _facets(session: Session) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """Documents counted by kind and by publisher or agency."""
    kinds = session.execute(
        select(Document.kind, func.count()).group_by(Document.kind)
    ).all()
    sources = session.execute(
        select(Outlet.slug, Outlet.short_name, func.count())
        .join(Document, Document.outlet_id == Outlet.id)
        .group_by(Outlet.slug, Outlet.short_name)
    ).all()
    return rows.facets((k, k, n) for k, n in kinds), rows.facets(sources)


def document_summaries(
    session: Session, ids: Iterable[int]
) -> dict[int, DocumentSummary]:
    """The summaries of the documents with these ids (missing ones left out)."""
    found = session.scalars(
        select(Document)
        .where(Document.id.in_(set(ids)))
        .options(selectinload(Document.outlet), selectinload(Document.report))
    )
    return {row.id: rows.summary(row) for row in found}


def document(session: Session, document_id: int) -> DocumentDetail:
    """A whole document: passages, claims, markers, footnotes and citations."""
    row = session.scalar(
        select(Document).where(Document.id == document_id).options(*_EVERYTHING)
    )
    if row is None:
        raise NotFound("document", document_id)
    refs = rows.marker_refs(session, document_id)
    passages = tuple(rows.passage(p, refs) for p in row.passages)
    return DocumentDetail(
        **rows.summary_fields(row),
        cite_as=row.cite_as,
        dateline=row.dateline,
        authors=tuple(row.authors or ()),
        credits=tuple(row.credits or ()),
        warnings=tuple(row.warnings or ()),
        publisher_outlet=rows.outlet(row.outlet),
        archived_at=row.archived_at.date().isoformat(),
        passages=passages,
        footnotes=_footnotes(session, row, passages),
        sections=_other_sections(session, row),
        cited_as=_cited_as(session, document_id),
    )


_EVERYTHING = (
    selectinload(Document.outlet),
    selectinload(Document.report),
    selectinload(Document.passages).options(
        selectinload(Passage.references),
        selectinload(Passage.claims).options(
            selectinload(Claim.markers).selectinload(Marker.footnote),
            rows.with_citations(Claim.citations),
        ),
    ),
    selectinload(Document.footnotes).options(rows.with_citations(Footnote.citations)),
)


def _cited_as(session: Session, document_id: int) -> tuple[WorkSummary, ...]:
    """The cited works this document is the archived copy of."""
    works = session.scalars(
        select(CitedWork)
        .where(CitedWork.document_id == document_id)
        .options(selectinload(CitedWork.outlet))
        .order_by(CitedWork.id)
    )
    return tuple(rows.work(w) for w in works)


def _footnotes(
    session: Session, row: Document, passages: tuple[PassageInfo, ...]
) -> tuple[FootnoteInfo, ...]:
    """The document's own footnotes, then those of other sections its markers cite."""
    cited_by: dict[int, list[str]] = defaultdict(list)
    for passage in passages:
        for claim in passage.claims:
            for marker in claim.markers:
                if marker.footnote_id is not None:
                    cited_by[marker.footnote_id].append(marker.ref)
    own = {f.id for f in row.footnotes}
    foreign = session.scalars(
        select(Footnote)
        .where(Footnote.id.in_(set(cited_by) - own))
        .options(rows.with_citations(Footnote.citations))
        .order_by(Footnote.position, Footnote.id)
    )
    return tuple(
        rows.footnote(f, tuple(cited_by.get(f.id, ())))
        for f in [*row.footnotes, *foreign]
    )


def _other_sections(session: Session, row: Document) -> tuple[DocumentSummary, ...]:
    if row.report_id is None:
        return ()
    siblings = session.scalars(
        select(Document)
        .where(Document.report_id == row.report_id, Document.id != row.id)
        .options(selectinload(Document.outlet), selectinload(Document.report))
        .order_by(Document.section_number, Document.id)
    )
    return tuple(rows.summary(d) for d in siblings)
