"""Citation rows compared with a new reading and rewritten in place.

A footnote's or claim's citations are rewritten only when the new reading
differs; the rows keep their ids, position by position (a longer reading adds
rows, a shorter one deletes the last), so links to them stay good. A cited work
or outlet that only the old rows referred to is deleted with them, as a fresh
ingest would never have made it.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from archive.contents import _citation_row
from archive.models import Citation, CitedWork, Document, Outlet
from archive.works import Resolved
from ingest import ParsedCitation, PartialDate

_TABLE = Citation.__table__
COMPARED = tuple(
    name for name in _TABLE.c.keys() if name not in ("id", "footnote_id", "claim_id")
)
_UPDATE = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("b_id"))
    .values({name: bindparam(name) for name in COMPARED})
)

Rows = list[dict[str, object]]


def stored_rows(session: Session, owner: str, ids: list[int]) -> dict[int, Rows]:
    """The citation rows of each owner (footnote or claim id), in order."""
    column = _TABLE.c[owner]
    found: dict[int, Rows] = defaultdict(list)
    rows = session.execute(
        select(_TABLE, Outlet.slug.label("outlet_slug"))
        .outerjoin(Outlet, Outlet.id == _TABLE.c.outlet_id)
        .where(column.in_(ids))
        .order_by(column, _TABLE.c.position)
    )
    for row in rows.mappings():
        found[row[owner]].append(dict(row))
    return found


def new_rows(citations: tuple[ParsedCitation, ...], sources: Resolved) -> Rows:
    """The rows a fresh ingest stores for ``citations`` (without their owner)."""
    return [_citation_row(c, n, sources) for n, c in enumerate(citations)]


def differ(stored: Rows, new: Rows) -> bool:
    return [_compared(row) for row in stored] != [_compared(row) for row in new]


def rewrite(
    session: Session, owner: str, owner_id: int, stored: Rows, new: Rows
) -> None:
    """Make ``owner_id``'s citation rows ``new``; then drop what only they used."""
    kept = list(zip(stored, new, strict=False))
    if kept:
        session.execute(_UPDATE, [{"b_id": s["id"], **_compared(n)} for s, n in kept])
    extra = new[len(stored) :]
    if extra:
        session.execute(insert(_TABLE), [{owner: owner_id, **row} for row in extra])
    surplus = [row["id"] for row in stored[len(new) :]]
    if surplus:
        session.execute(delete(_TABLE).where(_TABLE.c.id.in_(surplus)))
    collect_orphans(
        session,
        {row["work_id"] for row in stored} - {None},
        {row["outlet_id"] for row in stored} - {None},
    )


def collect_orphans(session: Session, works: set[int], outlets: set[int]) -> None:
    """Delete these works and outlets where nothing refers to them any more."""
    if works:
        cited = select(Citation.id).where(Citation.work_id == CitedWork.id).exists()
        session.execute(
            delete(CitedWork).where(CitedWork.id.in_(works), ~cited),
            execution_options={"synchronize_session": False},
        )
    if outlets:
        used = (
            select(Citation.id).where(Citation.outlet_id == Outlet.id).exists(),
            select(CitedWork.id).where(CitedWork.outlet_id == Outlet.id).exists(),
            select(Document.id).where(Document.outlet_id == Outlet.id).exists(),
        )
        session.execute(
            delete(Outlet).where(Outlet.id.in_(outlets), *(~u for u in used)),
            execution_options={"synchronize_session": False},
        )


def as_parsed(row: dict[str, object]) -> ParsedCitation:
    """A stored citation as the reading that made it (to keep a stated one)."""
    return ParsedCitation(
        text=row["text"],
        outlet=row["outlet_text"],
        outlet_slug=row["outlet_slug"],
        title=row["title"],
        date=_date(row["date"], row["date_precision"]),
        url=row["url"],
        pages=row["pages"],
        anonymous=row["anonymous"],
        description=row["description"],
        authors=tuple(row["authors"] or ()),
        publisher=row["publisher"],
        accessed=_date(row["accessed"], row["accessed_precision"]),
        doi=row["doi"],
        report_number=row["report_number"],
        kind=row["kind"],
        style=row["style"],
        confidence=row["confidence"] if row["confidence"] is not None else 1.0,
        how=row["how"],
        via=row["via"],
        qualifier=row["qualifier"],
    )


def _date(value, precision) -> PartialDate | None:
    return PartialDate.from_date(value, precision or "day") if value else None


def _compared(row: dict[str, object]) -> dict[str, object]:
    return {name: row[name] for name in COMPARED}
