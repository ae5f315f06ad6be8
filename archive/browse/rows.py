"""Model rows to records, and the shared pieces of the read queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archive.browse.records import (
    CitationInfo,
    ClaimInfo,
    CountryInfo,
    DocumentSummary,
    Facet,
    FootnoteInfo,
    MarkerInfo,
    OutletInfo,
    WorkSummary,
)
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    DocumentCountry,
    Footnote,
    Marker,
    Outlet,
    Passage,
)
from ingest import country_name
from ingest.model import UNCERTAIN_BELOW


def with_citations(relationship):
    """Load a relationship's citations with their outlets and works."""
    return selectinload(relationship).options(
        selectinload(Citation.outlet), selectinload(Citation.work)
    )


def with_document(relationship):
    """Load a relationship's document with its outlet and report."""
    return selectinload(relationship).options(
        selectinload(Document.outlet), selectinload(Document.report)
    )


def marker_refs(
    session: Session, document_id: int, labels: Iterable[str]
) -> dict[int, str]:
    """The anchors of the markers with these labels in a document:
    ``ref-<label>-<n>`` for the n-th use of the label."""
    rows = session.execute(
        select(Marker.id, Marker.label)
        .join(Claim, Claim.id == Marker.claim_id)
        .join(Passage, Passage.id == Claim.passage_id)
        .where(Passage.document_id == document_id, Marker.label.in_(set(labels)))
        .order_by(Passage.position, Marker.offset, Marker.id)
    )
    seen: dict[str, int] = defaultdict(int)
    refs = {}
    for marker_id, label in rows:
        seen[label] += 1
        refs[marker_id] = f"ref-{anchor_part(label)}-{seen[label]}"
    return refs


def anchor_part(label: str) -> str:
    """``label`` as part of an anchor: letters, digits, ``-`` and ``_`` kept, any
    other character made ``-``."""
    if label.isalnum():
        return label
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in label)


def shown_date(date: dt.date | None, precision: str | None) -> str | None:
    """The date as precisely as it is known: 2025, 2025-03 or 2025-03-15."""
    if date is None:
        return None
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def facets(rows: Iterable[tuple[str, str, int]]) -> tuple[Facet, ...]:
    found = [Facet(key, label, count) for key, label, count in rows]
    return tuple(sorted(found, key=lambda f: (-f.count, f.label.lower())))


def countries(codes: Iterable[str]) -> tuple[CountryInfo, ...]:
    return tuple(
        CountryInfo(code, name := country_name(code), f"{name} ({code})")
        for code in codes
    )


def outlet(row: Outlet | None) -> OutletInfo | None:
    if row is None:
        return None
    return OutletInfo(row.slug, row.short_name, row.name, row.kind)


def summary_fields(row: Document) -> dict:
    return {
        "id": row.id,
        "kind": row.kind,
        "title": row.title,
        "date": shown_date(row.date, row.date_precision),
        "publisher": row.publisher,
        "agency": row.agency,
        "source": row.outlet.slug if row.outlet else None,
        "report_id": row.report_id,
        "report_title": row.report.title if row.report else None,
        "section_number": row.section_number,
        "section_heading": row.section_heading,
        "countries": countries(row.countries),
        "title_derived": row.title_derived,
    }


def summary(row: Document) -> DocumentSummary:
    return DocumentSummary(**summary_fields(row))


def work(row: CitedWork) -> WorkSummary:
    return WorkSummary(
        id=row.id,
        outlet=outlet(row.outlet),
        title=row.title,
        date=shown_date(row.date, row.date_precision),
        url=row.url,
        archived_document_id=row.document_id,
    )


def citation(row: Citation) -> CitationInfo:
    return CitationInfo(
        id=row.id,
        text=row.text,
        outlet=outlet(row.outlet),
        outlet_text=row.outlet_text,
        title=row.title,
        date=shown_date(row.date, row.date_precision),
        url=row.url or (row.work.url if row.work else None),
        pages=row.pages,
        anonymous=row.anonymous,
        description=row.description,
        work_id=row.work_id,
        archived_document_id=row.work.document_id if row.work else None,
        authors=tuple(row.authors or ()),
        accessed=shown_date(row.accessed, row.accessed_precision),
        kind=row.kind,
        style=row.style,
        confidence=row.confidence,
        uncertain=is_uncertain(row.confidence),
        how=row.how,
        via=row.via,
        qualifier=row.qualifier,
    )


def is_uncertain(confidence: float | None) -> bool:
    """A reading below the threshold; one stored before scoring counts as read."""
    return confidence is not None and confidence < UNCERTAIN_BELOW


def footnote(row: Footnote, refs: tuple[str, ...]) -> FootnoteInfo:
    return FootnoteInfo(
        id=row.id,
        label=row.label,
        anchor=f"fn-{anchor_part(row.label)}",
        text=row.text,
        document_id=row.document_id,
        citations=tuple(citation(c) for c in row.citations),
        refs=refs,
    )


def marker(row: Marker, refs: dict[int, str]) -> MarkerInfo:
    target = row.footnote
    return MarkerInfo(
        id=row.id,
        label=row.label,
        offset=row.offset,
        footnote_id=row.footnote_id,
        footnote_anchor=f"fn-{anchor_part(target.label)}" if target else None,
        ref=refs[row.id],
    )


def claim(row: Claim, refs: dict[int, str]) -> ClaimInfo:
    return ClaimInfo(
        id=row.id,
        start=row.start,
        end=row.end,
        text=row.text,
        markers=tuple(marker(m, refs) for m in row.markers),
        citations=tuple(citation(c) for c in row.citations),
    )


def document_countries_stored(
    session: Session, ids: Iterable[int]
) -> dict[int, tuple[str, ...]]:
    """The countries stored for each of these documents, in their order
    (documents about none left out)."""
    found: dict[int, list[str]] = {}
    rows = session.execute(
        select(DocumentCountry.document_id, DocumentCountry.code)
        .where(DocumentCountry.document_id.in_(ids))
        .order_by(DocumentCountry.document_id, DocumentCountry.position)
    )
    for document_id, code in rows:
        found.setdefault(document_id, []).append(code)
    return {document_id: tuple(codes) for document_id, codes in found.items()}
