"""Writers that take turns: a transaction that claims its documents first, and
is tried again when another writer's deadlock ended it.

Each document is looked up by its bytes and its source before it is written;
two ingests at once would both find it new and store it twice. So a storing
transaction claims its keys first: SQLite takes the write lock at once instead
of at the first write (so the lookups see every committed document);
PostgreSQL takes an advisory lock on each key, in one order, so that two
writers never wait on each other in a cycle.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

ATTEMPTS = 5  # a transaction another writer's deadlock ended is tried this often
_RETRY_STATES = {"40P01", "40001"}  # PostgreSQL: deadlock, serialization failure
_ADVISORY_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
T = TypeVar("T")


def in_turn(
    sessions: sessionmaker[Session],
    keys: Iterable[str],
    write: Callable[[Connection], T],
) -> T:
    """``write`` in one transaction that first claims ``keys``; tried again
    (up to ``ATTEMPTS`` times) when the database ended it for another writer."""
    attempt = 1
    while True:
        try:
            with sessions.begin() as session:
                connection = session.connection()
                claim(connection, keys)
                return write(connection)
        except DBAPIError as error:
            if attempt >= ATTEMPTS or not _worth_retrying(error):
                raise
        time.sleep(random.uniform(0.05, 0.25) * attempt)
        attempt += 1


def _worth_retrying(error: DBAPIError) -> bool:
    """Whether the transaction failed only for another writer's sake: the
    database broke a deadlock or a serialization conflict, or SQLite was busy."""
    if getattr(error.orig, "sqlstate", None) in _RETRY_STATES:
        return True
    return "database is locked" in str(error.orig)


def claim(connection: Connection, keys: Iterable[str]) -> None:
    """Keep other writers from storing under these keys until the transaction ends."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        for key in sorted(keys):
            connection.execute(_ADVISORY_LOCK, {"key": key})
