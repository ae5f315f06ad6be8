"""Schema migrations: an archive made by an earlier version is upgraded in place.

Every change to ``archive.models`` comes with a revision in ``versions/``
(Alembic). A new database gets the current tables at once and is stamped with
the newest revision; a database made before migrations existed (tables but no
``alembic_version``) is taken to be at revision 0001, then upgraded; any other
is upgraded from the revision it records. A new database records the versions
of the code that computes its derived data (``archive.derived``).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from archive.derived import record_current
from archive.models import Base

BASELINE = "0001"  # the schema of every archive made before migrations
HERE = Path(__file__).parent
_SCRIPTS = ScriptDirectory(str(HERE))


def head() -> str:
    return _SCRIPTS.get_current_head()


def current(connection: Connection) -> str | None:
    """The revision the database records, BASELINE for one made before
    migrations, or None for an empty database."""
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" in tables:
        return MigrationContext.configure(connection).get_current_revision()
    return BASELINE if Base.metadata.tables.keys() & tables else None


def up_to_date(connection: Connection) -> bool:
    """True when the database records the newest revision."""
    return current(connection) == head()


def upgrade(connection: Connection) -> list[str]:
    """Bring the schema to the newest revision; the revisions applied, oldest first.

    Runs inside the caller's transaction, so a failed step changes nothing.
    """
    found = current(connection)
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    if found is None:
        Base.metadata.create_all(connection)
        record_current(connection)  # the data to come is computed by this code
        command.stamp(config, head())
        return []
    if MigrationContext.configure(connection).get_current_revision() is None:
        command.stamp(config, BASELINE)
    steps = [s.revision for s in _SCRIPTS.iterate_revisions(head(), found)]
    steps = [revision for revision in reversed(steps) if revision != found]
    if steps:
        command.upgrade(config, head())
    return steps


def describe(revision: str) -> str:
    """A revision's one-line description, from its docstring."""
    doc = _SCRIPTS.get_revision(revision).doc or revision
    return doc.strip().splitlines()[0]
