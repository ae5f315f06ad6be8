"""Shared fixtures: real SQLite files (and PostgreSQL when configured), real inputs."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from archive.db import connect

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "samples"  # the three documents most tests are written from
BUNDLED_SAMPLES = Path(__file__).parent.parent / "archive" / "samples"
POSTGRES_URL = os.environ.get("ARCHIVE_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path):
    """A fresh, empty database: a SQLite file, then PostgreSQL if configured.

    Each PostgreSQL test gets a schema of its own, so that test runs sharing one
    server never see or lock each other's tables.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(
            "ARCHIVE_TEST_DATABASE_URL is not set: the PostgreSQL leg is skipped"
        )
    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(POSTGRES_URL)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        engine.dispose()
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error.orig}")
    url = make_url(POSTGRES_URL).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    yield url.render_as_string(hide_password=False)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def sessions(database_url: str):
    factory = connect(database_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'archive.db'}"
