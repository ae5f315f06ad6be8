"""Name keys recomputed from each passage's stored text."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from archive.derived import Progress, Rederived, rederive_in_batches
from archive.models import Passage, PassageName
from archive.names import names_in
from ingest import OutletRegistry


def rederive_name_keys(
    sessions: sessionmaker[Session],
    progress: Progress | None = None,
    registry: OutletRegistry | None = None,  # known outlets play no part here
) -> Rederived:
    """Recompute every passage's name keys from its text; rewrite those that differ."""
    return rederive_in_batches(sessions, "name_keys", Passage.id, _batch, progress)


def _batch(session: Session, ids: list[int]) -> dict[int, int]:
    stale = _stale(session, ids)
    _rewrite(session, stale)
    return {passage_id: document for passage_id, (_, document) in stale.items()}


def _stale(session: Session, ids: list[int]) -> dict[int, tuple[set[str], int]]:
    """The passages whose stored keys differ: their keys now, and their document."""
    stored: dict[int, set[str]] = {passage_id: set() for passage_id in ids}
    rows = session.execute(
        select(PassageName.passage_id, PassageName.key).where(
            PassageName.passage_id.in_(ids)
        )
    )
    for passage_id, key in rows:
        stored[passage_id].add(key)
    stale = {}
    passages = session.execute(
        select(Passage.id, Passage.document_id, Passage.text).where(Passage.id.in_(ids))
    )
    for passage_id, document_id, text in passages:
        keys = set(names_in(text))
        if keys != stored[passage_id]:
            stale[passage_id] = (keys, document_id)
    return stale


def _rewrite(session: Session, stale: dict[int, tuple[set[str], int]]) -> None:
    if not stale:
        return
    session.execute(delete(PassageName).where(PassageName.passage_id.in_(list(stale))))
    rows = [
        {"passage_id": passage_id, "key": key}
        for passage_id, (keys, _) in stale.items()
        for key in sorted(keys)
    ]
    if rows:
        session.execute(insert(PassageName), rows)
