"""Processes that open a new archive at the same moment make one schema.

An ingest, a server and a second ingest may all start on an archive that does
not exist yet; each creates the tables and records the schema's revision when
it finds none. They must take turns, or two records of the revision end every
later start with an error.
"""

from __future__ import annotations

import multiprocessing

from sqlalchemy import create_engine, text

from archive import migrations
from archive.db import connect

OPENERS = 6


def _open(url: str, start, errors) -> None:
    start.wait()
    try:
        connect(url).kw["bind"].dispose()
    except Exception as error:  # noqa: BLE001 - reported to the test
        errors.put(f"{type(error).__name__}: {error}")


def test_processes_opening_a_new_archive_at_once_make_one_schema(database_url):
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    errors = context.Queue()
    openers = [
        context.Process(target=_open, args=(database_url, start, errors))
        for _ in range(OPENERS)
    ]
    for opener in openers:
        opener.start()
    start.set()
    for opener in openers:
        opener.join(timeout=120)
    assert [o.exitcode for o in openers] == [0] * OPENERS
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert found == []
    engine = create_engine(database_url)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version"))
        assert [row[0] for row in versions] == [migrations.head()]
    engine.dispose()
