"""Rows inserted by ``archive.bulk`` are stored exactly as SQLAlchemy stores them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, text

from archive.bulk import insert_rows
from archive.models import Citation, Outlet

ODD = {
    "position": 0,
    "text": 'Quoted "text" \u00e9\u0644\u2019',
    "outlet_text": None,
    "title": None,
    "date": dt.date(2025, 3, 4),
    "date_precision": "day",
    "url": None,
    "pages": "pp. 3-4",
    "anonymous": True,
    "description": None,
    "authors": ["\u00c9. Zola", 'A "B"'],
    "publisher": None,
    "accessed": None,
    "accessed_precision": None,
    "doi": None,
    "report_number": None,
    "kind": "news",
    "style": "apa",
    "confidence": 0.25,
    "how": None,
    "via": None,
    "qualifier": None,
}


def test_bound_rows_read_back_as_sqlalchemy_wrote_them(sessions) -> None:
    """GIVEN citation rows with dates, JSON, booleans, floats and NULLs
    WHEN one copy is inserted through SQLAlchemy and one through insert_rows
    THEN the database holds the same values for both, column by column."""
    rows = [
        ODD,
        {**ODD, "position": 1, "date": None, "anonymous": False, "authors": []},
        {**ODD, "position": 2, "authors": None, "confidence": None},
    ]
    columns = [c for c in Citation.__table__.c if c.name not in ("id", "claim_id")]
    with sessions.begin() as session:
        connection = session.connection()
        connection.execute(
            insert(Citation.__table__), [{**r, "footnote_id": None} for r in rows]
        )
        insert_rows(
            connection,
            insert(Citation.__table__),
            [{**r, "footnote_id": None, "position": 10 + r["position"]} for r in rows],
        )
        raw = ", ".join(f'"{c.name}"' for c in columns)
        stored = connection.execute(
            text(f"SELECT {raw} FROM citation ORDER BY position")
        ).all()
    sqlalchemys, bulks = stored[:3], stored[3:]
    for theirs, ours in zip(sqlalchemys, bulks, strict=True):
        as_read = dict(zip((c.name for c in columns), ours, strict=True))
        expected = dict(zip((c.name for c in columns), theirs, strict=True))
        expected["position"] += 10
        assert as_read == expected


def test_returned_ids_belong_to_their_rows(sessions) -> None:
    """GIVEN more outlets than one statement takes (several pages)
    WHEN they are inserted with RETURNING
    THEN each slug comes back with the id the database gave its row."""
    table = Outlet.__table__
    rows = [
        {"slug": f"o-{n:05d}", "short_name": f"O{n}", "name": f"Outlet {n}"}
        | {"kind": "unknown", "known": n % 2 == 0}
        for n in range(2500)
    ]
    statement = insert(table).returning(table.c.slug, table.c.id)
    with sessions.begin() as session:
        returned = dict(insert_rows(session.connection(), statement, rows))
    with sessions() as session:
        stored = dict(session.execute(select(Outlet.slug, Outlet.id)).all())
        known = set(session.scalars(select(Outlet.slug).where(Outlet.known)))
    assert returned == stored
    assert len(stored) == 2500
    assert known == {f"o-{n:05d}" for n in range(0, 2500, 2)}
