"""How the archive opens a SQLite file: the settings every connection gets."""

from __future__ import annotations

from sqlalchemy import text

from archive.db import CACHE_KB, CHECKPOINT_PAGES, connect


def test_every_sqlite_connection_is_set_up_for_large_writes(tmp_path):
    sessions = connect(f"sqlite:///{tmp_path / 'archive.db'}")
    with sessions() as session:
        setting = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "cache_size",
                "wal_autocheckpoint",
            )
        }
    assert setting == {
        "journal_mode": "wal",
        "synchronous": 1,  # NORMAL
        "foreign_keys": 1,
        "cache_size": -CACHE_KB,
        "wal_autocheckpoint": CHECKPOINT_PAGES,
    }
    sessions.kw["bind"].dispose()
