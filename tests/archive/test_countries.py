"""Countries in the archive: stored with each document, and found for old ones."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select, text

from archive import migrations
from archive.db import connect
from archive.models import Document
from archive.store import store
from ingest import parse_path
from tests.conftest import SAMPLES

NOW = dt.datetime(2026, 1, 5, 12, 0)


def test_a_document_is_stored_with_its_countries(sessions) -> None:
    parsed = parse_path(
        SAMPLES / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt"
    )
    document_id = store(sessions, parsed).document_id
    with sessions() as session:
        stored = session.get(Document, document_id)
        assert stored.countries == list(parsed.countries)
        assert stored.countries[0] == "SY"


def test_documents_archived_before_countries_get_theirs_on_upgrade(
    sqlite_url: str,
) -> None:
    """GIVEN an archive at revision 0002 holding a story about Syria
    WHEN it is upgraded
    THEN the story's countries are found from its stored title and passages."""
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(migrations.HERE))
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(
            text(
                "INSERT INTO document (id, source_key, checksum, path, source_format,"
                " kind, title, title_derived, authors, credits, warnings,"
                " archived_at, updated_at) VALUES (7, 'key', 'sum', 'old.txt',"
                " 'text', 'wire', 'Troops leave Syria', false, '[]', '[]', '[]',"
                " :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO passage (document_id, position, anchor, kind, text)"
                " VALUES (7, 0, 'p-1', 'paragraph', 'Syrian troops left Aleppo.')"
            )
        )
    engine.dispose()
    sessions = connect(sqlite_url)
    with sessions() as session:
        assert session.scalars(select(Document)).one().countries == ["SY"]
    sessions.kw["bind"].dispose()
