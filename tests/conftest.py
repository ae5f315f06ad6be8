"""Shared fixtures: real SQLite files (and PostgreSQL when configured), real inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from archive.db import connect
from archive.models import Base

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parent.parent / "archive" / "samples"
POSTGRES_URL = os.environ.get("ARCHIVE_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, then PostgreSQL if configured."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.db'}"
    if not POSTGRES_URL:
        pytest.skip(
            "ARCHIVE_TEST_DATABASE_URL is not set: the PostgreSQL leg is skipped"
        )
    engine = create_engine(POSTGRES_URL)
    try:
        Base.metadata.drop_all(engine)
    except OperationalError as error:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error.orig}")
    finally:
        engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def sessions(database_url: str):
    factory = connect(database_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'archive.db'}"
