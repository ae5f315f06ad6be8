"""Outlets and cited works: who is cited, how often, and by which claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, selectinload

from archive.browse import rows
from archive.browse.claims import claims_citing
from archive.browse.records import (
    ClaimRef,
    OutletCount,
    OutletDetail,
    OutletIndex,
    OutletInfo,
    ReportOutlets,
    WorkDetail,
    WorkGroup,
    WorkSummary,
)
from archive.errors import NotFound
from archive.models import Citation, CitedWork, Document, Footnote, Outlet, Report

_OUTLET_COLUMNS = (Outlet.slug, Outlet.short_name, Outlet.name, Outlet.kind)


def outlet_index(session: Session) -> OutletIndex:
    """Outlets ranked by citations across the archive, and within each report."""
    counted = (func.count(Citation.id), func.count(distinct(Citation.work_id)))
    overall = session.execute(
        select(*_OUTLET_COLUMNS, *counted)
        .join(Citation, Citation.outlet_id == Outlet.id)
        .group_by(*_OUTLET_COLUMNS)
    ).all()
    by_report = session.execute(
        select(Document.report_id, *_OUTLET_COLUMNS, *counted)
        .select_from(Citation)
        .join(Outlet, Outlet.id == Citation.outlet_id)
        .join(Footnote, Footnote.id == Citation.footnote_id)
        .join(Document, Document.id == Footnote.document_id)
        .where(Document.report_id.is_not(None))
        .group_by(Document.report_id, *_OUTLET_COLUMNS)
    ).all()
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for report_id, *fields in by_report:
        grouped[report_id].append(tuple(fields))
    return OutletIndex(
        overall=_ranked(overall),
        reports=tuple(_report_outlets(session, grouped)),
    )


def _report_outlets(session: Session, grouped: dict[int, list[tuple]]):
    sections = dict(
        session.execute(
            select(Document.report_id, func.count())
            .where(Document.report_id.in_(grouped))
            .group_by(Document.report_id)
        ).all()
    )
    reports = session.scalars(
        select(Report).where(Report.id.in_(grouped)).order_by(Report.title)
    )
    for report in reports:
        ranked = _ranked(grouped[report.id])
        yield ReportOutlets(
            report_id=report.id,
            publisher=report.publisher,
            title=report.title,
            documents=sections.get(report.id, 0),
            citations=sum(o.citations for o in ranked),
            outlets=ranked,
        )


def _ranked(found: Iterable[tuple]) -> tuple[OutletCount, ...]:
    counts = [
        OutletCount(OutletInfo(slug, short, name, kind), citations, works)
        for slug, short, name, kind, citations, works in found
    ]
    return tuple(
        sorted(counts, key=lambda c: (-c.citations, c.outlet.short_name.lower()))
    )


def outlets_by_slug(session: Session, slugs: Iterable[str]) -> dict[str, OutletInfo]:
    found = session.scalars(select(Outlet).where(Outlet.slug.in_(set(slugs))))
    return {row.slug: rows.outlet(row) for row in found}


def outlet(session: Session, slug: str) -> OutletDetail:
    """An outlet, its counts, every claim citing it grouped by work (newest first),
    and the archived documents it published."""
    row = session.scalar(select(Outlet).where(Outlet.slug == slug))
    if row is None:
        raise NotFound("outlet", slug)
    citations = session.scalar(select(func.count()).where(Citation.outlet_id == row.id))
    works = session.scalars(
        select(CitedWork)
        .where(CitedWork.outlet_id == row.id)
        .options(selectinload(CitedWork.outlet))
    ).all()
    claims: dict[int | None, list[ClaimRef]] = defaultdict(list)
    for work_id, ref in claims_citing(session, Citation.outlet_id == row.id):
        claims[work_id].append(ref)
    groups = [WorkGroup(rows.work(w), tuple(claims.pop(w.id, ()))) for w in works]
    groups.sort(key=lambda g: _newest_first(g.work))
    if claims.get(None):
        groups.append(WorkGroup(None, tuple(claims[None])))
    published = session.scalars(
        select(Document)
        .where(Document.outlet_id == row.id)
        .options(selectinload(Document.outlet), selectinload(Document.report))
        .order_by(Document.date.desc().nulls_last(), Document.id)
    )
    return OutletDetail(
        outlet=rows.outlet(row),
        citations=citations or 0,
        works=len(works),
        groups=tuple(groups),
        documents=tuple(rows.summary(d) for d in published),
    )


def _newest_first(work: WorkSummary | None) -> tuple:
    if work is None or work.date is None:
        return (1, "", 0)
    return (0, _descending(work.date), work.id)


def _descending(date: str) -> str:
    """A key that sorts ISO dates (of any precision) newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def work(session: Session, work_id: int) -> WorkDetail:
    """A cited work, its archived copy if any, and every claim that cites it."""
    row = session.scalar(
        select(CitedWork)
        .where(CitedWork.id == work_id)
        .options(selectinload(CitedWork.outlet), rows.with_document(CitedWork.document))
    )
    if row is None:
        raise NotFound("cited work", work_id)
    written = session.scalars(
        select(Citation.text).where(Citation.work_id == work_id).order_by(Citation.id)
    )
    return WorkDetail(
        work=rows.work(row),
        archived=rows.summary(row.document) if row.document else None,
        written_as=tuple(dict.fromkeys(written)),
        claims=tuple(
            ref for _, ref in claims_citing(session, Citation.work_id == row.id)
        ),
    )
