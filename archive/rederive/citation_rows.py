"""Citation rows compared with a new reading and rewritten in place.

A footnote's or claim's citations are rewritten only when the new reading
differs; the rows keep their ids, position by position (a longer reading adds
rows, a shorter one deletes the last), so links to them stay good. A cited work
or outlet that only the old rows referred to is deleted with them, as a fresh
ingest would never have made it.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from archive.contents import citation_row
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
    return [citation_row(c, n, sources) for n, c in enumerate(citations)]


def differ(stored: Rows, new: Rows) -> bool:
    return [_compared(row) for row in stored] != [_compared(row) for row in new]


class Rewrites:
    """Citation rows to rewrite, gathered for one batch and written together.

    ``add`` takes an owner's stored rows and its new ones; ``forget`` rows
    deleted with their owner; ``write`` updates, inserts and deletes in one
    statement each, then deletes the works and outlets only the old rows used.
    """

    def __init__(self) -> None:
        self.updates: Rows = []
        self.inserts: Rows = []
        self.deletes: list[int] = []
        self.works: set[int] = set()
        self.outlets: set[int] = set()
        self.owners: set[int] = set()  # whose rows change

    def add(self, owner: str, owner_id: int, stored: Rows, new: Rows) -> None:
        """Make ``owner_id``'s citation rows ``new``, row ids kept by position."""
        self.updates += [
            {"b_id": s["id"], **_compared(n)} for s, n in zip(stored, new, strict=False)
        ]
        self.inserts += [{owner: owner_id, **row} for row in new[len(stored) :]]
        self.deletes += [row["id"] for row in stored[len(new) :]]
        self.owners.add(owner_id)
        self.forget(stored)

    def forget(self, stored: Rows) -> None:
        self.works.update(row["work_id"] for row in stored if row["work_id"])
        self.outlets.update(row["outlet_id"] for row in stored if row["outlet_id"])

    def write(self, connection: Connection) -> None:
        if self.updates:
            connection.execute(_UPDATE, self.updates)
        for owner in ("footnote_id", "claim_id"):  # one shape of row each
            rows = [row for row in self.inserts if owner in row]
            if rows:
                connection.execute(insert(_TABLE), rows)
        if self.deletes:
            connection.execute(delete(_TABLE).where(_TABLE.c.id.in_(self.deletes)))
        collect_orphans(connection, self.works, self.outlets)


def collect_orphans(connection: Connection, works: set[int], outlets: set[int]) -> None:
    """Delete these works and outlets where nothing refers to them any more."""
    works_table, outlets_table = CitedWork.__table__, Outlet.__table__
    if works:
        cited = select(_TABLE.c.id).where(_TABLE.c.work_id == works_table.c.id)
        connection.execute(
            delete(works_table).where(
                works_table.c.id.in_(sorted(works)), ~cited.exists()
            )
        )
    if outlets:
        used = (
            select(table.c.id).where(table.c.outlet_id == outlets_table.c.id).exists()
            for table in (_TABLE, works_table, Document.__table__)
        )
        connection.execute(
            delete(outlets_table).where(
                outlets_table.c.id.in_(sorted(outlets)), *(~u for u in used)
            )
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
