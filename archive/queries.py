"""Named read functions for the command line, the index and the site."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Outlet,
    Passage,
)


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    documents: dict[str, int]
    passages: int
    claims: int
    footnotes: int
    citations: int
    works: int
    outlets: list[tuple[str, str, int]]


def archive_stats(session: Session, top: int = 10) -> ArchiveStats:
    """Counts of everything archived, and the most cited outlets."""
    by_kind = dict(
        session.execute(
            select(Document.kind, func.count()).group_by(Document.kind)
        ).all()
    )

    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    cited = (
        select(Outlet.short_name, Outlet.name, func.count(Citation.id))
        .join(Citation, Citation.outlet_id == Outlet.id)
        .group_by(Outlet.id, Outlet.short_name, Outlet.name)
        .order_by(func.count(Citation.id).desc(), Outlet.short_name)
        .limit(top)
    )
    return ArchiveStats(
        documents=by_kind,
        passages=count(Passage),
        claims=count(Claim),
        footnotes=count(Footnote),
        citations=count(Citation),
        works=count(CitedWork),
        outlets=[tuple(row) for row in session.execute(cited)],
    )
