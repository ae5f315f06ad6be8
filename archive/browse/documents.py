"""Documents: the filtered list, and summaries by id (a whole document is in
``archive.browse.full_document``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archive.browse import columns, rows
from archive.browse.records import DocumentList, DocumentSummary, Facet
from archive.browse.rows import document_countries_stored
from archive.models import Document, DocumentCountry, Outlet
from ingest import country_code, country_name


def list_documents(
    session: Session,
    kind: str | None = None,
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
    country: str | None = None,
) -> DocumentList:
    """Archived documents, newest first (undated last), narrowed by kind, source
    (publisher or agency key), date range and country (a code or a name); the
    facet counts cover the archive.
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
    if country:
        code = country_code(country) or country.strip().upper()
        about = select(DocumentCountry.document_id).where(DocumentCountry.code == code)
        query = query.where(Document.id.in_(about))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    found = session.scalars(
        query.options(*_SUMMARY_LOADS)
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
        countries=_countries(session),
    )


_SUMMARY_LOADS = (
    selectinload(Document.outlet),
    selectinload(Document.report),
    selectinload(Document.country_rows),
)


def _countries(session: Session) -> tuple[Facet, ...]:
    """Documents counted by country, labelled "Syria (SY)"."""
    counted = session.execute(
        select(DocumentCountry.code, func.count()).group_by(DocumentCountry.code)
    ).all()
    return rows.facets(
        (code, f"{country_name(code)} ({code})", n) for code, n in counted
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


def has_documents(session: Session) -> bool:
    """Whether anything is archived at all."""
    return session.scalar(select(Document.id).limit(1)) is not None


def document_summaries(
    session: Session, ids: Iterable[int]
) -> dict[int, DocumentSummary]:
    """The summaries of the documents with these ids (missing ones left out).

    Two column queries (the documents with their publishers and reports, then
    their countries): a results page asks for these on every search.
    """
    wanted = set(ids)
    if not wanted:
        return {}
    found = session.execute(
        columns.summaries(Document.title_derived).where(Document.id.in_(wanted))
    ).all()
    codes = document_countries_stored(session, wanted)
    return {
        row[0]: DocumentSummary(
            **columns.summary_fields_of(row),
            countries=rows.countries(codes.get(row[0], ())),
            title_derived=row[-1],
        )
        for row in found
    }
