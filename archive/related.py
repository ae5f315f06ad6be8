"""Passages in other documents about the same thing as a claim.

Two passages are related when they cite the same works, or name the same places
and people once spellings are normalised (Qasrik / Qasrak). A rare shared name
counts for more than a common one, and a name found in more than a quarter of
all passages ("Syria" in an archive about Syria) relates nothing.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.errors import NotFound
from archive.models import (
    Citation,
    Claim,
    Document,
    Marker,
    Passage,
    PassageName,
)
from archive.names import names_in

WORK_WEIGHT = 3.0
COMMON_SHARE = 0.25  # a name in more passages than this share relates nothing
MIN_PASSAGES = 8  # below this many passages, no name counts as common
EPSILON = 1e-9  # room for the rounding of sums of weights


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
    """The ``limit`` passages elsewhere that best share names and works with the
    claim, best first; scored and ranked in SQL, so only those are read."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    document_id = claim.passage.document_id
    weights = _name_weights(session, claim.text)
    work_ids = {c.work_id for c in _citations_of(claim) if c.work_id is not None}
    ranked = _ranked(session, weights, work_ids, document_id, limit)
    return _described(session, ranked, weights, work_ids, document_id)


def _ranked(
    session: Session,
    weights: dict[str, float],
    work_ids: set[int],
    document_id: int,
    limit: int,
) -> list[int]:
    """The ids of the ``limit`` best-scoring passages, best first (ties by id).

    A common name is in thousands of passages but weighs little, so names are
    read rarest first, and reading stops once the names still unread could not
    lift a passage read so far, nor one never seen, into the top. The ranking is
    exact; the common names are read only for the passages still in contention.
    """
    works: dict[int, int] = defaultdict(int)
    for part in _citing(work_ids, document_id) if work_ids else ():
        for passage_id in session.scalars(part):
            works[passage_id] += 1
    names: dict[int, set[str]] = defaultdict(set)
    partial = {pid: WORK_WEIGHT * count for pid, count in works.items()}
    unread = sorted(weights, key=lambda key: (-weights[key], key))

    def score(passage_id: int) -> float:
        named = sorted(names[passage_id])
        return WORK_WEIGHT * works[passage_id] + sum(weights[k] for k in named)

    while unread:
        bound = sum(weights[key] for key in unread)  # the most unread names add
        if len(partial) >= limit:
            floor = heapq.nlargest(limit, partial.values())[-1]
            if floor > bound * (1 + EPSILON):
                contenders = [p for p, s in partial.items() if s + bound >= floor]
                for passage_id, key in session.execute(
                    _named(unread, document_id).where(
                        PassageName.passage_id.in_(contenders)
                    )
                ):
                    names[passage_id].add(key)
                return sorted(contenders, key=lambda p: (-score(p), p))[:limit]
        key = unread.pop(0)
        for passage_id, _ in session.execute(_named([key], document_id)):
            names[passage_id].add(key)
            partial[passage_id] = partial.get(passage_id, 0.0) + weights[key]
    return sorted(partial, key=lambda p: (-score(p), p))[:limit]


def _named(keys: list[str], document_id: int):
    """(passage, key) for each of ``keys`` a passage in another document names."""
    return (
        select(PassageName.passage_id, PassageName.key)
        .join(Passage, Passage.id == PassageName.passage_id)
        .where(PassageName.key.in_(keys), Passage.document_id != document_id)
    )


def _name_weights(session: Session, text: str) -> dict[str, float]:
    """The names in ``text`` that relate passages, each weighing 1 / its passages."""
    keys = names_in(text)
    if not keys:
        return {}
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
    return {key: 1.0 / frequency.get(key, 1) for key in keys}


def _citing(work_ids: set[int], document_id: int):
    """The passage elsewhere of each citation of these works, by a claim through
    a footnote, then by a claim directly."""
    through_footnotes = (
        select(Passage.id)
        .join(Claim, Claim.passage_id == Passage.id)
        .join(Marker, Marker.claim_id == Claim.id)
        .join(Citation, Citation.footnote_id == Marker.footnote_id)
        .where(Citation.work_id.in_(work_ids), Passage.document_id != document_id)
    )
    direct = (
        select(Passage.id)
        .join(Claim, Claim.passage_id == Passage.id)
        .join(Citation, Citation.claim_id == Claim.id)
        .where(Citation.work_id.in_(work_ids), Passage.document_id != document_id)
    )
    return through_footnotes, direct


def _described(
    session: Session,
    ranked: list[int],
    weights: dict[str, float],
    work_ids: set[int],
    document_id: int,
) -> list[RelatedPassage]:
    """The ranked passages with their documents, shared names and works."""
    names: dict[int, set[str]] = defaultdict(set)
    for passage_id, key in session.execute(
        select(PassageName.passage_id, PassageName.key).where(
            PassageName.passage_id.in_(ranked), PassageName.key.in_(weights)
        )
    ):
        names[passage_id].add(key)
    works: dict[int, int] = defaultdict(int)
    if work_ids:
        for part in _citing(work_ids, document_id):
            for passage_id in session.scalars(part.where(Passage.id.in_(ranked))):
                works[passage_id] += 1
    found = {
        row[0]: row
        for row in session.execute(
            select(
                Passage.id,
                Passage.document_id,
                Document.title,
                Passage.anchor,
                Passage.text,
            )
            .join(Document, Document.id == Passage.document_id)
            .where(Passage.id.in_(ranked))
        )
    }
    return [
        RelatedPassage(
            passage_id=pid,
            document_id=found[pid][1],
            document_title=found[pid][2],
            anchor=found[pid][3],
            text=found[pid][4],
            shared_names=tuple(sorted(names[pid])),
            shared_works=works[pid],
            score=round(
                sum(weights[k] for k in names[pid]) + WORK_WEIGHT * works[pid], 3
            ),
        )
        for pid in ranked
    ]


def _citations_of(claim: Claim) -> list[Citation]:
    via_markers = [
        citation
        for marker in claim.markers
        if marker.footnote is not None
        for citation in marker.footnote.citations
    ]
    return via_markers + list(claim.citations)
