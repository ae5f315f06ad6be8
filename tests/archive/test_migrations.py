"""An archive made by an earlier version upgrades in place, with nothing lost."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, select, text

from archive import migrations
from archive.batch import expand, ingest_all
from archive.cli import cli
from archive.db import connect
from archive.derived import CURRENT, recorded
from archive.models import Base, Citation, Document, Passage
from ingest import ParseOptions
from tests.conftest import SAMPLES

NOW = dt.datetime(2026, 1, 5, 12, 0)


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations.HERE))
    config.attributes["connection"] = connection
    return config


def _archive_made_before_migrations(url: str) -> None:
    """The tables as every version before migrations made them, with a document."""
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), migrations.BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(
            text(
                "INSERT INTO document (id, source_key, checksum, path, source_format,"
                " kind, title, title_derived, authors, credits, warnings,"
                " archived_at, updated_at) VALUES (7, 'key', 'sum', 'old.txt',"
                " 'text', 'wire', 'Troops leave Qasrak', false, '[]', '[]', '[]',"
                " :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO passage (document_id, position, anchor, kind, text)"
                " VALUES (7, 0, 'p-1', 'paragraph', 'U.S. forces left Qasrak.')"
            )
        )
    engine.dispose()


def test_an_archive_made_before_migrations_is_upgraded_with_nothing_lost(
    database_url: str,
) -> None:
    _archive_made_before_migrations(database_url)
    sessions = connect(database_url)
    with sessions() as session:
        document = session.get(Document, 7)
        assert (document.title, document.url) == ("Troops leave Qasrak", None)
        texts = session.scalars(select(Passage.text)).all()
        assert texts == ["U.S. forces left Qasrak."]
        connection = session.connection()
        assert migrations.current(connection) == migrations.head()
        # name keys as the old code made them; the kinds it never recorded count
        # as older than any version, for `archive rederive` to recompute
        assert recorded(connection) == {
            "name_keys": 1,
            "countries": 0,
            "citations": 0,
            "attributions": 0,
        }
    outcomes = list(ingest_all(expand([SAMPLES]), sessions, ParseOptions()))
    assert [o.status for o in outcomes] == ["added"] * 3
    sessions.kw["bind"].dispose()


def test_the_revisions_build_exactly_the_tables_the_models_describe(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
        differences = compare_metadata(
            MigrationContext.configure(connection), Base.metadata
        )
    engine.dispose()
    assert differences == []


def test_citations_stored_before_revision_0003_keep_their_fields(
    sqlite_url: str,
) -> None:
    """GIVEN an archive at revision 0002 holding a citation
    WHEN it is upgraded
    THEN the citation is intact, with no reading of its authors or confidence,
    and new citations store how they were read."""
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0002")
        connection.execute(
            text(
                "INSERT INTO citation (id, position, text, outlet_text, title,"
                " anonymous) VALUES (3, 0, 'SOHR, Clashes, 3 March 2025', 'SOHR',"
                " 'Clashes', false)"
            )
        )
    engine.dispose()
    sessions = connect(sqlite_url)
    with sessions() as session:
        old = session.get(Citation, 3)
        assert (old.outlet_text, old.title) == ("SOHR", "Clashes")
        assert (old.authors, old.confidence, old.style) == (None, None, None)
    outcomes = list(ingest_all(expand([SAMPLES]), sessions, ParseOptions()))
    assert {o.status for o in outcomes} == {"added"}
    with sessions() as session:
        styles = set(session.scalars(select(Citation.style).where(Citation.id != 3)))
        assert "euaa" in styles
        assert None not in set(
            session.scalars(select(Citation.confidence).where(Citation.id != 3))
        )
    sessions.kw["bind"].dispose()


def test_a_new_archive_is_made_at_the_newest_revision(database_url: str) -> None:
    sessions = connect(database_url)
    with sessions() as session:
        connection = session.connection()
        assert migrations.current(connection) == migrations.head()
        assert "url" in {c["name"] for c in inspect(connection).get_columns("document")}
        assert recorded(connection) == CURRENT
    sessions.kw["bind"].dispose()


def test_archive_upgrade_says_what_it_does(sqlite_url: str) -> None:
    _archive_made_before_migrations(sqlite_url)
    runner = CliRunner()
    env = {"ARCHIVE_DATABASE_URL": sqlite_url}
    first = runner.invoke(cli, ["upgrade"], env=env)
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [
        "0002: Each document's original URL, where its file states one.",
        "0003: How each citation was read: authors, access date, kind, style and "
        "confidence.",
        "0004: How each story citation is cited, through whom, and whom a story "
        "asked in vain.",
        "0005: Each document's countries: ISO 3166-1 alpha-2 codes, the weightiest"
        " first.",
        "0006: The version of the code that computed each kind of derived data "
        "(name keys).",
        "0007: Each cited URL's state when last checked, and where its fetched "
        "bytes are kept.",
        "0009: The links in each footnote's text, so that its citations can be "
        "read again.",
        "0010: Text that files supply is stored whole: no length limit on its columns.",
        f"the archive is at revision {migrations.head()}, the newest",
    ]
    again = runner.invoke(cli, ["upgrade"], env=env)
    assert again.output.splitlines() == [
        f"the archive is at revision {migrations.head()}, the newest; nothing to do"
    ]
