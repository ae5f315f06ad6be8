"""The engine and session factory, built from a URL; and the schema."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session, sessionmaker

from archive import migrations
from archive.errors import ArchiveError
from archive.writers import claim


def connect(url: str) -> sessionmaker[Session]:
    """A session factory for ``url`` with the schema in place and up to date.

    A SQLite file's folder is created; its foreign keys are enforced and writers
    wait for each other instead of failing at once. An archive made by an
    earlier version is upgraded in place (``archive.migrations``).
    """
    engine = make_engine(url)
    upgrade_schema(engine, url)
    return sessionmaker(engine, expire_on_commit=False)


def upgrade_schema(engine: Engine, url: str, attempts: int = 3) -> list[str]:
    """Create or upgrade the schema; the revisions applied, oldest first.

    Processes that open a new or older archive at once take turns: each
    claims the schema as a writer claims a document (``archive.writers``),
    and the later ones find the work done. An archive already up to date is
    only read.
    """
    for attempt in range(attempts):
        try:
            with engine.connect() as connection:
                if migrations.up_to_date(connection):
                    return []
            with engine.begin() as connection:
                claim(connection, [SCHEMA_KEY])
                applied = migrations.upgrade(connection)
            for revision in applied:
                log.warning(
                    "upgraded the archive to revision %s: %s",
                    revision,
                    migrations.describe(revision),
                )
            return applied
        except (OperationalError, ProgrammingError, IntegrityError) as error:
            if _lost_race(error) and attempt + 1 < attempts:
                continue
            raise ArchiveError(
                f"cannot open the database {_safe(url)}: {error.orig}"
            ) from error
        except (CommandError, RevisionError) as error:
            raise ArchiveError(
                f"cannot upgrade the database {_safe(url)}: {error}"
            ) from error
    return []


def _lost_race(error: Exception) -> bool:
    text = str(getattr(error, "orig", error))
    return (
        "already exists" in text or "UNIQUE constraint" in text or "duplicate" in text
    )


log = logging.getLogger(__name__)
SCHEMA_KEY = "archive schema"  # what a process that creates or upgrades it claims
CACHE_KB = 64 * 1024  # page cache per SQLite connection (held only as it fills)
CHECKPOINT_PAGES = 10_000  # WAL pages (4 KB) written before a checkpoint


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            return create_engine(parsed, pool_pre_ping=True)
    except ArgumentError as error:
        raise ArchiveError(
            f"not a usable database URL: {_safe(url)} ({error})"
        ) from error
    except ModuleNotFoundError as error:
        raise ArchiveError(
            f"the driver for {_safe(url)} is not installed ({error.name}); "
            "for PostgreSQL install the 'postgres' extra"
        ) from error
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": 60})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints rather than at every commit: the file
    # stays consistent after a crash, and an ingest's thousands of one-document
    # transactions stop waiting for the disk each time.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # SQLite's default page cache (2 MB) is far smaller than the indexes an
    # ingest inserts into, so every document read back pages it had just
    # written; and each checkpoint (by default every 1,000 pages of WAL) copies
    # pages that the next documents change again. Measured on a medium ingest:
    # the storing process's system time went from 17.5 s to 6.9 s.
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KB}")
    cursor.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
    cursor.close()


def refresh_statistics(sessions: sessionmaker[Session]) -> None:
    """After a large write, let SQLite refresh the statistics its planner uses.

    Without them it picks poor indexes for some page queries (~10 ms more on the
    pages of much-cited works). PostgreSQL's autovacuum does this by itself.
    """
    with sessions() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("PRAGMA optimize"))
            session.commit()


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"
