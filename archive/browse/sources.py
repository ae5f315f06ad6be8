"""Outlets and cited works: who is cited, how often, and by which claims.

Counts are SQL aggregates, and claims are read a page (or a group's newest few)
at a time: the most cited outlet has tens of thousands of citations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, case, distinct, func, or_, select, true
from sqlalchemy.orm import Session

from archive.browse import columns, link_health
from archive.browse.claims import (
    READING_ORDER,
    citing,
    citing_claims,
    claim_ref_of,
    claim_refs,
    footnote_labels,
)
from archive.browse.records import (
    Attributions,
    ClaimRef,
    OutletCount,
    OutletDetail,
    OutletIndex,
    OutletInfo,
    ReportInfo,
    WorkDetail,
    WorkGroup,
    WorkSummary,
)
from archive.errors import NotFound
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Outlet,
    Report,
)
from archive.paging import page_count
from ingest.model import UNCERTAIN_BELOW

# Newest first; the same day as a day, then as a month, then as a year; undated last.
_NEWEST_WORK_FIRST = (
    CitedWork.date.desc().nulls_last(),
    case({"day": 0, "month": 1}, value=CitedWork.date_precision, else_=2),
    CitedWork.id,
)
DOCUMENTS_SHOWN = 10  # newest documents an outlet published, on its page
WRITTEN_AS_SHOWN = 20  # ways footnotes write a work, on its page

_OUTLET_COLUMNS = (Outlet.slug, Outlet.short_name, Outlet.name, Outlet.kind)


def outlet_index(
    session: Session, page: int = 1, per_page: int = 50, report_id: int | None = None
) -> OutletIndex:
    """One page of the outlets ranked by citations, across the archive or within
    one report (all its archived sections), counted in SQL."""
    reports = _reports(session)
    report = None
    if report_id is not None:
        report = next((r for r in reports if r.report_id == report_id), None)
        if report is None:
            raise NotFound("report", report_id)

    def cited(query, certain: bool = True):
        """``query`` on ``Citation``, narrowed to the report's footnotes if any,
        and to the citations read with confidence (or ``certain=False``, the
        others)."""
        query = query.where(read_surely() if certain else ~read_surely())
        if report_id is None:
            return query
        return query.join(Footnote, Footnote.id == Citation.footnote_id).where(
            Footnote.report_id == report_id
        )

    citations = func.count(Citation.id)
    ranking = session.execute(
        cited(
            select(*_OUTLET_COLUMNS, citations, func.count(distinct(Citation.work_id)))
            .select_from(Citation)
            .join(Outlet, Outlet.id == Citation.outlet_id)
        )
        .group_by(Outlet.id, *_OUTLET_COLUMNS)
        .order_by(citations.desc(), func.lower(Outlet.short_name), Outlet.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    total = session.scalar(cited(select(func.count(distinct(Citation.outlet_id)))))
    return OutletIndex(
        report=report,
        citations=session.scalar(cited(select(func.count(Citation.outlet_id)))) or 0,
        uncertain=session.scalar(
            cited(select(func.count(Citation.outlet_id)), certain=False)
        )
        or 0,
        ranking=tuple(
            OutletCount(OutletInfo(slug, short, name, kind), count, works)
            for slug, short, name, kind, count, works in ranking
        ),
        reports=reports,
        links=link_health.counts(
            session,
            link_health.of_report(report_id) if report_id is not None else true(),
        ),
        total=total or 0,
        page=page,
        pages=page_count(total or 0, per_page),
        per_page=per_page,
    )


def read_surely():
    """Citations read with confidence, or stored before readings were scored."""
    return or_(Citation.confidence.is_(None), Citation.confidence >= UNCERTAIN_BELOW)


def _reports(session: Session) -> tuple[ReportInfo, ...]:
    """Every report with archived sections, by title."""
    found = session.execute(
        select(Report.id, Report.publisher, Report.title, func.count(Document.id))
        .join(Document, Document.report_id == Report.id)
        .group_by(Report.id, Report.publisher, Report.title)
        .order_by(Report.title, Report.id)
    )
    return tuple(ReportInfo(*row) for row in found)


def outlets_by_slug(session: Session, slugs: Iterable[str]) -> dict[str, OutletInfo]:
    wanted = set(slugs)
    if not wanted:
        return {}
    found = session.execute(select(*_OUTLET_COLUMNS).where(Outlet.slug.in_(wanted)))
    return {row[0]: OutletInfo(*row) for row in found}


def outlet(
    session: Session,
    slug: str,
    page: int = 1,
    per_page: int = 20,
    group_claims: int = 5,
) -> OutletDetail:
    """An outlet, its counts, and one page of the claims citing it, grouped by
    cited work (newest first; then attributions that name no work).

    Each group shows its newest ``group_claims`` claims and counts them all.
    """
    row = _outlet_row(session, slug)
    outlet_id, info = row[0], OutletInfo(*row[1:])
    works = _count(session, CitedWork, CitedWork.outlet_id == outlet_id)
    published = _count(session, Document, Document.outlet_id == outlet_id)
    bare = and_(Citation.outlet_id == outlet_id, Citation.work_id.is_(None))
    has_bare = session.scalar(select(citing(bare).c.claim_id).limit(1)) is not None
    total = works + has_bare
    found = session.execute(
        columns.works()
        .where(CitedWork.outlet_id == outlet_id)
        .order_by(*_NEWEST_WORK_FIRST)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    shown = [columns.work_of(row) for row in found]
    groups = list(_work_groups(session, outlet_id, shown, group_claims))
    if has_bare and (page - 1) * per_page <= works < page * per_page:
        claims, count = citing_claims(session, bare, 1, group_claims)
        groups.append(WorkGroup(None, claims, count))
    newest = session.execute(
        columns.summaries()
        .where(Document.outlet_id == outlet_id)
        .order_by(Document.date.desc().nulls_last(), Document.id)
        .limit(DOCUMENTS_SHOWN)
    )
    return OutletDetail(
        outlet=info,
        citations=_count(session, Citation, Citation.outlet_id == outlet_id),
        works=works,
        published=published,
        documents=tuple(columns.summary_of(d) for d in newest),
        groups=tuple(groups),
        total=total,
        page=page,
        pages=page_count(total, per_page),
        per_page=per_page,
        links=link_health.counts(session, link_health.of_outlet(outlet_id)),
    )


def _outlet_row(session: Session, slug: str):
    row = session.execute(
        select(Outlet.id, *_OUTLET_COLUMNS).where(Outlet.slug == slug)
    ).first()
    if row is None:
        raise NotFound("outlet", slug)
    return row


def _count(session: Session, model, condition) -> int:
    return session.scalar(select(func.count()).select_from(model).where(condition))


def _work_groups(
    session: Session, outlet_id: int, works: list[WorkSummary], newest: int
):
    """Each work with its ``newest`` claims and their number."""
    condition = and_(
        Citation.outlet_id == outlet_id, Citation.work_id.in_([w.id for w in works])
    )
    pairs = citing(condition)
    numbered = (
        claim_refs()
        .add_columns(
            pairs.c.work_id,
            func.count().over(partition_by=pairs.c.work_id),
            func.row_number()
            .over(partition_by=pairs.c.work_id, order_by=READING_ORDER)
            .label("number"),
        )
        .join(pairs, pairs.c.claim_id == Claim.id)
        .subquery()
    )
    found = session.execute(
        select(numbered).where(numbered.c.number <= newest).order_by(numbered.c.number)
    ).all()
    labels = footnote_labels(session, condition, {r[12] for r in found}, True)
    claims: dict[int, list[ClaimRef]] = defaultdict(list)
    totals: dict[int, int] = {}
    for row in found:
        work_id = row[15]
        totals[work_id] = row[16]
        footnotes = tuple(labels.get((work_id, row[12]), ()))
        claims[work_id].append(claim_ref_of(row, footnotes))
    for work in works:
        yield WorkGroup(work, tuple(claims.get(work.id, ())), totals.get(work.id, 0))


def attributions(
    session: Session, slug: str, page: int = 1, per_page: int = 50
) -> Attributions:
    """One page of the claims that cite an outlet but no particular work."""
    row = _outlet_row(session, slug)
    bare = and_(Citation.outlet_id == row[0], Citation.work_id.is_(None))
    claims, total = citing_claims(session, bare, page, per_page)
    return Attributions(
        outlet=OutletInfo(*row[1:]),
        claims=claims,
        total=total,
        page=page,
        pages=page_count(total, per_page),
        per_page=per_page,
    )


def work(
    session: Session, work_id: int, page: int = 1, per_page: int = 50
) -> WorkDetail:
    """A cited work, its archived copy if any, and one page of the claims citing it."""
    found = session.execute(
        columns.works(*columns.SUMMARY_COLUMNS)
        .outerjoin(Document, Document.id == CitedWork.document_id)
        .outerjoin(columns.PUBLISHER, columns.PUBLISHER.id == Document.outlet_id)
        .outerjoin(Report, Report.id == Document.report_id)
        .where(CitedWork.id == work_id)
    ).first()
    if found is None:
        raise NotFound("cited work", work_id)
    written = session.scalars(
        select(Citation.text)
        .where(Citation.work_id == work_id)
        .group_by(Citation.text)
        .order_by(func.min(Citation.id))
        .limit(WRITTEN_AS_SHOWN)
    )
    claims, total = citing_claims(session, Citation.work_id == work_id, page, per_page)
    archived = found[len(columns.WORK_COLUMNS) :]
    shown = columns.work_of(found)
    return WorkDetail(
        work=shown,
        archived=columns.summary_of(archived) if archived[0] is not None else None,
        written_as=tuple(written),
        claims=claims,
        total=total,
        page=page,
        pages=page_count(total, per_page),
        per_page=per_page,
        link=link_health.link_state(session, shown.url),
    )
