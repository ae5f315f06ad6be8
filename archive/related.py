"""Passages in other documents about the same thing as a claim.

Two passages are related when they cite the same works, or name the same places
and people once spellings are normalised (Qasrik / Qasrak). A rare shared name
counts for more than a common one, and a name found in more than a quarter of
all passages ("Syria" in an archive about Syria) relates nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.errors import NotFound
from archive.models import (
    Citation,
    Claim,
    Footnote,
    Marker,
    Passage,
    PassageName,
)
from archive.names import names_in

WORK_WEIGHT = 3.0
COMMON_SHARE = 0.25  # a name in more passages than this share relates nothing
MIN_PASSAGES = 8  # below this many passages, no name counts as common


@dataclass(frozen=True, slots=True)
class RelatedPassage:
    passage_id: int
    document_id: int
    document_title: str
    anchor: str
    text: str
    shared_names: tuple[str, ...]
    shared_works: int
    score: float


def related_passages(
    session: Session, claim_id: int, limit: int = 10
) -> list[RelatedPassage]:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    document_id = claim.passage.document_id
    scores: dict[int, float] = defaultdict(float)
    names: dict[int, set[str]] = defaultdict(set)
    works: dict[int, int] = defaultdict(int)
    for passage_id, key, weight in _shared_names(session, claim.text, document_id):
        scores[passage_id] += weight
        names[passage_id].add(key)
    for passage_id in _shared_works(session, claim, document_id):
        scores[passage_id] += WORK_WEIGHT
        works[passage_id] += 1
    ranked = sorted(scores, key=lambda pid: (-scores[pid], pid))[:limit]
    rows = {
        p.id: p for p in session.scalars(select(Passage).where(Passage.id.in_(ranked)))
    }
    return [
        RelatedPassage(
            passage_id=pid,
            document_id=rows[pid].document_id,
            document_title=rows[pid].document.title,
            anchor=rows[pid].anchor,
            text=rows[pid].text,
            shared_names=tuple(sorted(names[pid])),
            shared_works=works[pid],
            score=round(scores[pid], 3),
        )
        for pid in ranked
    ]


def _shared_names(session: Session, text: str, document_id: int):
    """(passage, key, weight) for passages elsewhere naming what ``text`` names."""
    keys = names_in(text)
    if not keys:
        return []
    frequency = dict(
        session.execute(
            select(PassageName.key, func.count())
            .where(PassageName.key.in_(keys))
            .group_by(PassageName.key)
        ).all()
    )
    total = session.scalar(select(func.count()).select_from(Passage)) or 0
    if total >= MIN_PASSAGES:
        keys = {k for k in keys if frequency.get(k, 0) <= total * COMMON_SHARE}
    if not keys:
        return []
    rows = session.execute(
        select(PassageName.passage_id, PassageName.key)
        .join(Passage, Passage.id == PassageName.passage_id)
        .where(PassageName.key.in_(keys), Passage.document_id != document_id)
    ).all()
    return [(pid, key, 1.0 / frequency.get(key, 1)) for pid, key in rows]


def _shared_works(session: Session, claim: Claim, document_id: int) -> list[int]:
    """Passages in other documents whose claims cite a work this claim cites."""
    work_ids = {c.work_id for c in _citations_of(claim) if c.work_id is not None}
    if not work_ids:
        return []
    through_footnotes = (
        select(Passage.id)
        .join(Claim, Claim.passage_id == Passage.id)
        .join(Marker, Marker.claim_id == Claim.id)
        .join(Footnote, Footnote.id == Marker.footnote_id)
        .join(Citation, Citation.footnote_id == Footnote.id)
        .where(Citation.work_id.in_(work_ids), Passage.document_id != document_id)
    )
    direct = (
        select(Passage.id)
        .join(Claim, Claim.passage_id == Passage.id)
        .join(Citation, Citation.claim_id == Claim.id)
        .where(Citation.work_id.in_(work_ids), Passage.document_id != document_id)
    )
    return list(session.scalars(through_footnotes.union_all(direct)))


def _citations_of(claim: Claim) -> list[Citation]:
    via_markers = [
        citation
        for marker in claim.markers
        if marker.footnote is not None
        for citation in marker.footnote.citations
    ]
    return via_markers + list(claim.citations)
