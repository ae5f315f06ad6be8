"""Outlets and works another writer adds at the same moment are found, not doubled.

Two ingests may store documents citing the same new outlet or work at once. The
one whose insert comes second must find the other's row and carry on.
"""

from __future__ import annotations

from sqlalchemy import func, select

from archive.models import Outlet, Report
from archive.works import SourceBook, insert_or_get
from ingest import load_registry


def outlet_fields(name: str) -> dict[str, object]:
    return {"short_name": name, "name": name, "kind": "unknown", "known": False}


def test_outlets_inserted_meanwhile_by_another_writer_are_found(sessions) -> None:
    """
    GIVEN an outlet another writer committed after this one looked for it
    WHEN this writer inserts it together with an outlet that is really new
    THEN the first is the other writer's row, the second is added, and the
         transaction goes on
    """
    with sessions.begin() as other:
        other.add(Outlet(**outlet_fields("Levant24"), slug="x-levant24"))
    with sessions() as session:
        theirs = session.scalar(select(Outlet.id).where(Outlet.slug == "x-levant24"))
    with sessions.begin() as session:
        book = SourceBook(session.connection(), load_registry())
        ids = book._insert_many(
            Outlet.__table__,
            "slug",
            {
                "x-levant24": outlet_fields("Levant24"),
                "x-homs-daily": outlet_fields("Homs Daily"),
            },
        )
        named = book.named_outlet("Homs Daily")
    with sessions() as session:
        slugs = dict(session.execute(select(Outlet.slug, Outlet.id)).all())
    assert slugs == {"x-levant24": theirs, "x-homs-daily": ids["x-homs-daily"]}
    assert ids["x-levant24"] == theirs
    assert named == ids["x-homs-daily"]


def test_a_report_is_created_once(sessions) -> None:
    row = {"publisher": "EUAA", "title": "COI Report - Iraq: Test"}
    with sessions.begin() as session:
        first = insert_or_get(
            session.connection(), Report.__table__, ("publisher", "title"), row
        )
    with sessions.begin() as session:
        again = insert_or_get(
            session.connection(), Report.__table__, ("publisher", "title"), row
        )
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1
    assert first == again
