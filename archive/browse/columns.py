"""Column queries for the read functions, and the records built from their rows.

Selecting columns (not model objects) keeps a page with thousands of citations
to a few queries and one pass over each result.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from archive.browse.records import (
    CitationInfo,
    DocumentSummary,
    OutletInfo,
    WorkSummary,
)
from archive.browse.rows import is_uncertain, shown_date
from archive.models import Citation, CitedWork, Document, Outlet, Report

PUBLISHER = aliased(Outlet)
CITED = aliased(Outlet)
SUMMARY_COLUMNS = (
    Document.id,
    Document.kind,
    Document.title,
    Document.date,
    Document.date_precision,
    Document.publisher,
    Document.agency,
    PUBLISHER.slug,
    Document.report_id,
    Report.title,
    Document.section_number,
    Document.section_heading,
)
CITATION_COLUMNS = (
    Citation.id,
    Citation.text,
    CITED.slug,
    CITED.short_name,
    CITED.name,
    CITED.kind,
    Citation.outlet_text,
    Citation.title,
    Citation.date,
    Citation.date_precision,
    Citation.url,
    CitedWork.url,
    Citation.pages,
    Citation.anonymous,
    Citation.description,
    Citation.work_id,
    CitedWork.document_id,
    Citation.authors,
    Citation.accessed,
    Citation.accessed_precision,
    Citation.kind,
    Citation.style,
    Citation.confidence,
    Citation.how,
    Citation.via,
    Citation.qualifier,
)


def summaries(*columns) -> Select:
    """``SUMMARY_COLUMNS`` (then ``columns``), with the publisher and report."""
    return (
        select(*SUMMARY_COLUMNS, *columns)
        .outerjoin(PUBLISHER, PUBLISHER.id == Document.outlet_id)
        .outerjoin(Report, Report.id == Document.report_id)
    )


def summary_fields_of(row) -> dict:
    """The fields of a ``DocumentSummary`` from the first ``SUMMARY_COLUMNS``."""
    return {
        "id": row[0],
        "kind": row[1],
        "title": row[2],
        "date": shown_date(row[3], row[4]),
        "publisher": row[5],
        "agency": row[6],
        "source": row[7],
        "report_id": row[8],
        "report_title": row[9],
        "section_number": row[10],
        "section_heading": row[11],
    }


def summary_of(row) -> DocumentSummary:
    return DocumentSummary(**summary_fields_of(row))


WORK_COLUMNS = (
    CitedWork.id,
    CITED.slug,
    CITED.short_name,
    CITED.name,
    CITED.kind,
    CitedWork.title,
    CitedWork.date,
    CitedWork.date_precision,
    CitedWork.url,
    CitedWork.document_id,
)


def works(*columns) -> Select:
    """``WORK_COLUMNS`` (then ``columns``) of cited works, with their outlets."""
    return select(*WORK_COLUMNS, *columns).outerjoin(
        CITED, CITED.id == CitedWork.outlet_id
    )


def work_of(row) -> WorkSummary:
    """A ``WorkSummary`` from the first ``WORK_COLUMNS`` of a row."""
    slug = row[1]
    return WorkSummary(
        id=row[0],
        outlet=OutletInfo(slug, row[2], row[3], row[4]) if slug is not None else None,
        title=row[5],
        date=shown_date(row[6], row[7]),
        url=row[8],
        archived_document_id=row[9],
    )


def citations(*columns) -> Select:
    """``columns``, then ``CITATION_COLUMNS``, with the cited outlet and work."""
    return (
        select(*columns, *CITATION_COLUMNS)
        .outerjoin(CITED, CITED.id == Citation.outlet_id)
        .outerjoin(CitedWork, CitedWork.id == Citation.work_id)
        .order_by(Citation.position, Citation.id)
    )


def citation_of(row, outlets: dict[str, OutletInfo]) -> CitationInfo:
    """A ``CitationInfo`` from the ``CITATION_COLUMNS`` that end ``row``;
    ``outlets`` keeps one ``OutletInfo`` per slug across calls."""
    f = row[-len(CITATION_COLUMNS) :]
    slug = f[2]
    found = None
    if slug is not None:
        found = outlets.get(slug)
        if found is None:
            found = outlets[slug] = OutletInfo(slug, f[3], f[4], f[5])
    return CitationInfo(
        id=f[0],
        text=f[1],
        outlet=found,
        outlet_text=f[6],
        title=f[7],
        date=shown_date(f[8], f[9]),
        url=f[10] or f[11],
        pages=f[12],
        anonymous=f[13],
        description=f[14],
        work_id=f[15],
        archived_document_id=f[16],
        authors=tuple(f[17] or ()),
        accessed=shown_date(f[18], f[19]),
        kind=f[20],
        style=f[21],
        confidence=f[22],
        uncertain=is_uncertain(f[22]),
        how=f[23],
        via=f[24],
        qualifier=f[25],
    )
