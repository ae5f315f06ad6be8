"""Claims: one claim with its sources, and pages of the claims that cite given works
or outlets.

A report claim cites through its markers' footnotes; a wire claim owns its
citations. Both paths are followed here, in one query. Lists of citing claims
are read a page at a time, newest document first and then in reading order, and
counted in SQL: a much cited work has thousands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Select, func, select, union
from sqlalchemy.orm import Session, selectinload

from archive.browse import columns, rows
from archive.browse.records import ClaimDetail, ClaimRef
from archive.errors import NotFound
from archive.models import Citation, Claim, Document, Footnote, Marker, Passage
from archive.paging import page_count

READING_ORDER = (
    Document.date.desc().nulls_last(),
    Document.id,
    Passage.position,
    Claim.position,
)


def claim(
    session: Session, claim_id: int, page: int = 1, per_page: int = 20
) -> ClaimDetail:
    """One claim, every citation behind it, and a page of the other claims citing
    the same works."""
    row = session.scalar(
        select(Claim)
        .where(Claim.id == claim_id)
        .options(
            selectinload(Claim.markers)
            .selectinload(Marker.footnote)
            .options(rows.with_citations(Footnote.citations)),
            rows.with_citations(Claim.citations),
            selectinload(Claim.passage).options(rows.with_document(Passage.document)),
        )
    )
    if row is None:
        raise NotFound("claim", claim_id)
    document = row.passage.document
    refs = rows.marker_refs(session, document.id, {m.label for m in row.markers})
    notes = {m.footnote.id: m.footnote for m in row.markers if m.footnote}
    cited = [*row.citations, *(c for note in notes.values() for c in note.citations)]
    works = {c.work.id: c.work for c in cited if c.work is not None}
    others, total = citing_claims(
        session, Citation.work_id.in_(works), page, per_page, leave_out=row.id
    )
    return ClaimDetail(
        claim=rows.claim(row, refs),
        document=rows.summary(document),
        cite_as=document.cite_as,
        anchor=row.passage.anchor,
        passage_text=row.passage.text,
        footnotes=tuple(
            rows.footnote(
                note, tuple(refs[m.id] for m in row.markers if m.footnote is note)
            )
            for note in notes.values()
        ),
        works=tuple(rows.work(w) for w in works.values()),
        same_works=others,
        total=total,
        page=page,
        pages=page_count(total, per_page),
        per_page=per_page,
    )


def claim_excerpts(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """The sentences of the claims with these ids."""
    wanted = set(ids)
    if not wanted:
        return {}
    found = session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(wanted)))
    return {claim_id: text for claim_id, text in found}


def citing(condition):
    """(claim_id, work_id), once each, for the citations that meet ``condition``.

    ``condition`` is on ``Citation`` (``Citation.work_id == 7``,
    ``Citation.outlet_id == 3``); a report claim cites through its markers'
    footnotes, a wire claim directly.
    """
    through_notes = (
        select(Marker.claim_id.label("claim_id"), Citation.work_id.label("work_id"))
        .join(Citation, Citation.footnote_id == Marker.footnote_id)
        .where(condition)
    )
    direct = select(Citation.claim_id, Citation.work_id).where(
        Citation.claim_id.is_not(None), condition
    )
    return union(through_notes, direct).subquery("citing")


def citing_claims(
    session: Session,
    condition,
    page: int,
    per_page: int,
    leave_out: int | None = None,
) -> tuple[tuple[ClaimRef, ...], int]:
    """One page of the claims whose citations meet ``condition``, and their number."""
    found = citing(condition)
    claim_ids = select(found.c.claim_id)
    if leave_out is not None:
        claim_ids = claim_ids.where(found.c.claim_id != leave_out)
    total = session.scalar(
        select(func.count()).select_from(claim_ids.distinct().subquery())
    )
    shown = session.execute(
        claim_refs()
        .where(Claim.id.in_(claim_ids))
        .order_by(*READING_ORDER)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    labels = footnote_labels(session, condition, [row[12] for row in shown])
    refs = tuple(
        claim_ref_of(row, tuple(labels.get((None, row[12]), ()))) for row in shown
    )
    return refs, total or 0


def claim_refs() -> Select:
    """Claims with their passage's anchor and their document's summary columns:
    ``SUMMARY_COLUMNS``, then claim id, text and anchor."""
    return (
        columns.summaries(Claim.id, Claim.text, Passage.anchor)
        .join(Passage, Passage.document_id == Document.id)
        .join(Claim, Claim.passage_id == Passage.id)
    )


def claim_ref_of(row, footnotes: tuple[str, ...]) -> ClaimRef:
    return ClaimRef(
        id=row[12],
        text=row[13],
        document=columns.summary_of(row),
        anchor=row[14],
        footnotes=footnotes,
    )


def footnote_labels(
    session: Session, condition, claim_ids: Iterable[int], by_work: bool = False
) -> dict[tuple[int | None, int], list[str]]:
    """(None, claim id) -> the labels of the footnotes through which the claim
    makes the citations that meet ``condition``, in reading order; keyed
    (work id, claim id) instead ``by_work``."""
    found = session.execute(
        select(Citation.work_id, Marker.claim_id, Footnote.label)
        .join(Footnote, Footnote.id == Marker.footnote_id)
        .join(Citation, Citation.footnote_id == Footnote.id)
        .where(condition, Marker.claim_id.in_(set(claim_ids)))
        .order_by(Marker.claim_id, Marker.offset, Marker.id)
    )
    labels: dict[tuple[int | None, int], list[str]] = defaultdict(list)
    for work_id, claim_id, label in found:
        seen = labels[(work_id if by_work else None, claim_id)]
        if label not in seen:
            seen.append(label)
    return labels
