"""Derived data, and the version of the code that computed it, kept rebuildable.

Some of what the archive stores is computed from its own stored text rather than
read from the original file: the name keys of each passage (``passage_name``,
from ``archive.names``). Each such kind has a version constant beside the code
that computes it; the table ``derived_version`` records, per kind, the version
every stored row was computed by. When the code's version is newer,
``rederive`` recomputes that kind from the stored text (the original files are
not needed) and records the new version once every row is done; an interrupted
run leaves the old version recorded, and the next run starts again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from archive.models import DerivedVersion, Passage, PassageName
from archive.names import NAME_KEYS_VERSION, names_in

# Kind of derived data -> the version of the code that computes it now.
CURRENT: dict[str, int] = {"name_keys": NAME_KEYS_VERSION}
BATCH = 900  # passages read, compared and rewritten at a time

Progress = Callable[[int], None]  # passages done since the last call


@dataclass(frozen=True, slots=True)
class Rederived:
    """What ``rederive`` did to one kind of derived data."""

    name: str
    old_version: int
    new_version: int
    passages: int  # read
    changed: int  # whose derived rows differed, and were rewritten
    documents: tuple[int, ...]  # holding the changed passages


def recorded(connection: Connection) -> dict[str, int]:
    """The version each kind was computed by (0 for a kind never recorded)."""
    rows = connection.execute(select(DerivedVersion.name, DerivedVersion.version))
    found = {name: version for name, version in rows}
    return {name: found.get(name, 0) for name in CURRENT}


def outdated(connection: Connection) -> dict[str, int]:
    """The kinds whose stored version is older than the code's, with that version."""
    return {
        name: version
        for name, version in recorded(connection).items()
        if version < CURRENT[name]
    }


def record_current(connection: Connection) -> None:
    """Record every kind at the code's version (a new, empty archive)."""
    connection.execute(delete(DerivedVersion))
    connection.execute(
        insert(DerivedVersion),
        [{"name": name, "version": v} for name, v in CURRENT.items()],
    )


def passages_to_check(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Passage)) or 0


def rederive_name_keys(
    sessions: sessionmaker[Session], progress: Progress | None = None
) -> Rederived:
    """Recompute every passage's name keys from its text; rewrite those that differ.

    Each batch of passages is its own transaction; the version is recorded after
    the last one.
    """
    with sessions() as session:
        old = recorded(session.connection())["name_keys"]
    after, read, changed, documents = 0, 0, 0, set()
    while True:
        with sessions.begin() as session:
            batch = session.execute(
                select(Passage.id, Passage.document_id, Passage.text)
                .where(Passage.id > after)
                .order_by(Passage.id)
                .limit(BATCH)
            ).all()
            if not batch:
                break
            stale = _stale(session, batch)
            _rewrite(session, stale)
        after, read, changed = batch[-1].id, read + len(batch), changed + len(stale)
        documents.update(document for _, document in stale.values())
        if progress is not None:
            progress(len(batch))
    with sessions.begin() as session:
        _record(session, "name_keys", CURRENT["name_keys"])
    return Rederived(
        "name_keys", old, CURRENT["name_keys"], read, changed, tuple(sorted(documents))
    )


def _stale(session: Session, batch: list) -> dict[int, tuple[set[str], int]]:
    """The passages of ``batch`` whose stored keys differ: their keys now."""
    ids = [row.id for row in batch]
    stored: dict[int, set[str]] = {passage_id: set() for passage_id in ids}
    rows = session.execute(
        select(PassageName.passage_id, PassageName.key).where(
            PassageName.passage_id.in_(ids)
        )
    )
    for passage_id, key in rows:
        stored[passage_id].add(key)
    stale = {}
    for passage_id, document_id, text in batch:
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


def _record(session: Session, name: str, version: int) -> None:
    found = session.get(DerivedVersion, name)
    if found is None:
        session.add(DerivedVersion(name=name, version=version))
    else:
        found.version = version
        found.computed_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
