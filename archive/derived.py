"""Derived data, and the version of the code that computed it, kept rebuildable.

Some of what the archive stores is computed from its own stored text rather than
read from the original file: the name keys of each passage (``passage_name``,
from ``archive.names``), the countries of each document, the citations read
from each footnote, and the claims, sources and relations found in each story
(``ingest.DERIVED_VERSIONS``). Each such kind has a version constant beside the
code that computes it; the table ``derived_version`` records, per kind, the
version every stored row was computed by (0 when none was recorded). When the
code's version is newer, ``archive.rederive`` recomputes that kind from the
stored text (the original files are not needed) and records the new version
once every row is done; an interrupted run leaves the old version recorded,
and the next run starts again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Connection, delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from archive.models import DerivedVersion
from archive.names import NAME_KEYS_VERSION
from ingest import DERIVED_VERSIONS

# Kind of derived data -> the version of the code that computes it now.
CURRENT: dict[str, int] = {"name_keys": NAME_KEYS_VERSION, **DERIVED_VERSIONS}
BATCH = 900  # rows read, compared and rewritten at a time

Progress = Callable[[int], None]  # units done since the last call
# What one batch changed: each changed unit's id -> the id of its document.
Work = Callable[[Session, list[int]], dict[int, int]]


@dataclass(frozen=True, slots=True)
class Rederived:
    """What ``rederive`` did to one kind of derived data."""

    name: str
    old_version: int
    new_version: int
    read: int  # units (passages, documents) read
    changed: int  # units whose derived rows differed, and were rewritten
    documents: tuple[int, ...]  # holding the changed units


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


def rederive_in_batches(
    sessions: sessionmaker[Session],
    name: str,
    ids: InstrumentedAttribute | Column,
    work: Work,
    progress: Progress | None = None,
    where: Iterable = (),
) -> Rederived:
    """Run ``work`` over the ids of ``ids`` (filtered by ``where``), a batch at a
    time, each batch its own transaction; record the version after the last."""
    with sessions() as session:
        old = recorded(session.connection())[name]
    where = tuple(where)
    after, read, changed = 0, 0, {}
    while True:
        with sessions.begin() as session:
            batch = session.scalars(
                select(ids).where(ids > after, *where).order_by(ids).limit(BATCH)
            ).all()
            if not batch:
                break
            changed.update(work(session, list(batch)))
        after, read = batch[-1], read + len(batch)
        if progress is not None:
            progress(len(batch))
    with sessions.begin() as session:
        _record(session, name, CURRENT[name])
    documents = tuple(sorted(set(changed.values())))
    return Rederived(name, old, CURRENT[name], read, len(changed), documents)


def _record(session: Session, name: str, version: int) -> None:
    found = session.get(DerivedVersion, name)
    if found is None:
        session.add(DerivedVersion(name=name, version=version))
    else:
        found.version = version
        found.computed_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
