"""Claims: one claim with its sources, and the claims that cite given works.

A report claim cites through its markers' footnotes; a wire claim owns its
citations. Both paths are followed here, in one query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import String, cast, null, select
from sqlalchemy.orm import Session, selectinload

from archive.browse import rows
from archive.browse.records import ClaimDetail, ClaimRef
from archive.errors import NotFound
from archive.models import Citation, Claim, Document, Footnote, Marker, Passage


def claim(session: Session, claim_id: int) -> ClaimDetail:
    """One claim, every citation behind it, and other claims citing the same works."""
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
    refs = rows.marker_refs(session, document.id)
    notes = {m.footnote.id: m.footnote for m in row.markers if m.footnote}
    cited = [*row.citations, *(c for note in notes.values() for c in note.citations)]
    works = {c.work.id: c.work for c in cited if c.work is not None}
    others = [
        ref
        for _, ref in claims_citing(session, Citation.work_id.in_(works))
        if ref.id != row.id
    ]
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
        same_works=_merged(others),
    )


def _merged(refs: list[ClaimRef]) -> tuple[ClaimRef, ...]:
    """One entry per claim, with the footnotes of all its entries."""
    merged: dict[int, ClaimRef] = {}
    for ref in refs:
        seen = merged.get(ref.id)
        if seen is None:
            merged[ref.id] = ref
        else:
            notes = tuple(dict.fromkeys([*seen.footnotes, *ref.footnotes]))
            merged[ref.id] = replace(seen, footnotes=notes)
    return tuple(merged.values())


def claim_excerpts(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """The sentences of the claims with these ids."""
    found = session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(set(ids))))
    return {claim_id: text for claim_id, text in found}


def claims_citing(session: Session, condition) -> list[tuple[int | None, ClaimRef]]:
    """(work id, claim) for each claim whose citations meet ``condition``.

    ``condition`` is on ``Citation`` (``Citation.work_id.in_(...)``,
    ``Citation.outlet_id == ...``). A claim citing two matching works appears
    once per work. Newest document first, then in reading order.
    """
    through_notes = (
        select(Marker.claim_id, Citation.work_id, Footnote.label)
        .join(Footnote, Footnote.id == Marker.footnote_id)
        .join(Citation, Citation.footnote_id == Footnote.id)
        .where(condition)
    )
    direct = select(Citation.claim_id, Citation.work_id, cast(null(), String)).where(
        Citation.claim_id.is_not(None), condition
    )
    labels: dict[tuple[int | None, int], list[str]] = defaultdict(list)
    for claim_id, work_id, label in session.execute(through_notes.union_all(direct)):
        found = labels[(work_id, claim_id)]
        if label is not None and label not in found:
            found.append(label)
    claims = session.scalars(
        select(Claim)
        .where(Claim.id.in_({claim_id for _, claim_id in labels}))
        .options(
            selectinload(Claim.passage).options(rows.with_document(Passage.document))
        )
    )
    ordered = {c.id: c for c in sorted(claims, key=_reading_order)}
    rank = {claim_id: n for n, claim_id in enumerate(ordered)}
    pairs = sorted(labels, key=lambda pair: (rank[pair[1]], pair[0] or 0))
    return [
        (work_id, rows.claim_ref(ordered[claim_id], tuple(labels[work_id, claim_id])))
        for work_id, claim_id in pairs
    ]


def _reading_order(row: Claim) -> tuple:
    document: Document = row.passage.document
    day = document.date.toordinal() if document.date else 0
    return (-day, document.id, row.passage.position, row.position)
