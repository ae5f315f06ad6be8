"""Outlets and cited works: found again wherever they recur, created once.

A cited work is the same work when its outlet, its title (folded for case,
punctuation and quotes) and its date agree, whichever footnote or report cites it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, Insert, Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite

from archive.bulk import insert_rows
from archive.errors import ArchiveError
from archive.models import CitedWork, Outlet
from ingest import OutletRegistry, ParsedCitation, outlet_key

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 15)
def title_key(title: str) -> str:
    """Fold a title for comparison: case, accents, punctuation and quotes."""
    plain = unicodedata.normalize("NFKD", title.casefold())
    if not plain.isascii():  # no ASCII character is a combining mark
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def slugify(name: str) -> str:
    return "-".join(title_key(name).split())[:100] or "unnamed"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@lru_cache(maxsize=1 << 15)
def title_hash(title: str) -> str:
    """Equal for titles that differ only in case, accents, punctuation and quotes."""
    return digest(title_key(title))


@dataclass(frozen=True, slots=True)
class _OutletSpec:
    slug: str
    short: str
    name: str
    kind: str
    known: bool


# The outlet id and cited work id of each citation of a document, keyed by
# id(citation).
Resolved = dict[int, tuple[int | None, int | None]]

_OUTLETS = Outlet.__table__
_WORKS = CitedWork.__table__
_OUTLETS_BY_SLUG = select(
    Outlet.id, Outlet.slug, Outlet.name, Outlet.kind, Outlet.short_name
).where(Outlet.slug.in_(bindparam("slugs", expanding=True)))
_WORKS_BY_KEY = select(CitedWork.id, CitedWork.work_key, CitedWork.url).where(
    CitedWork.work_key.in_(bindparam("keys", expanding=True))
)
_UPDATE_OUTLET = update(_OUTLETS).where(_OUTLETS.c.id == bindparam("b_id"))
_UPDATE_WORK = update(_WORKS).where(_WORKS.c.id == bindparam("b_id"))


class SourceBook:
    """Finds or creates outlets and works within one transaction, by id.

    A document's citations are resolved together: one query finds the outlets and
    works already archived, and one statement inserts the new ones. Rows are read
    and written as plain columns; no ORM object is built.
    """

    def __init__(self, connection: Connection, registry: OutletRegistry) -> None:
        self.connection = connection
        self.registry = registry
        self._outlets: dict[str, int] = {}
        self._specs: dict[tuple[str | None, str | None], _OutletSpec | None] = {}

    def resolve_all(
        self, citations: tuple[ParsedCitation, ...], named: str | None = None
    ) -> Resolved:
        """The outlet and cited work ids of each citation, keyed by ``id(citation)``.

        The outlet ``named`` as the document's publisher or agency is found or
        created first, in the same query (see ``named_outlet``).
        """
        specs = {id(c): self._spec(c.outlet_slug, c.outlet) for c in citations}
        self._load_outlets(
            [s for s in (self._spec(None, named), *specs.values()) if s is not None]
        )
        slugs = {key: spec.slug if spec else None for key, spec in specs.items()}
        wanted = {
            id(c): self._work_fields(c, slugs[id(c)])
            for c in citations
            if c.title and not c.uncertain  # no work record from a doubtful reading
        }
        works = self._load_works(dict(wanted.values()))
        return {
            id(c): (
                self._outlets.get(slugs[id(c)]),
                works[wanted[id(c)][0]] if id(c) in wanted else None,
            )
            for c in citations
        }

    def named_outlet(self, name: str | None) -> int | None:
        """The id of the outlet a document names as its publisher or agency, if any."""
        spec = self._spec(None, name)
        if spec is None:
            return None
        self._load_outlets([spec])
        return self._outlets[spec.slug]

    def _spec(self, slug: str | None, name: str | None) -> _OutletSpec | None:
        try:
            return self._specs[slug, name]
        except KeyError:
            spec = self._specs[slug, name] = self._new_spec(slug, name)
            return spec

    def _new_spec(self, slug: str | None, name: str | None) -> _OutletSpec | None:
        known = self.registry.outlets.get(slug) if slug else None
        name = (name or "").strip()
        if known is None and name:
            known = self.registry.lookup(name)
        if known is not None:
            return _OutletSpec(known.slug, known.short, known.name, known.kind, True)
        if not name:
            return None
        return _OutletSpec(
            "x-" + slugify(outlet_key(name)), name, name, "unknown", False
        )

    def _load_outlets(self, specs: list[_OutletSpec]) -> None:
        """Find or create the outlets (new ones in order of first mention)."""
        missing: dict[str, _OutletSpec] = {}
        for spec in specs:
            if spec.slug not in self._outlets:
                missing.setdefault(spec.slug, spec)
        if not missing:
            return
        rows = self.connection.execute(_OUTLETS_BY_SLUG, {"slugs": list(missing)}).all()
        stale = [
            {"b_id": row.id, "name": s.name, "kind": s.kind, "short_name": s.short}
            for row in rows
            if (s := missing[row.slug]).known
            and (row.name, row.kind, row.short_name) != (s.name, s.kind, s.short)
        ]
        if stale:
            stale.sort(key=lambda row: row["b_id"])  # locks in one order
            self.connection.execute(_UPDATE_OUTLET, stale)
        found = {row.slug: row.id for row in rows}
        new = {
            slug: {
                "short_name": s.short,
                "name": s.name,
                "kind": s.kind,
                "known": s.known,
            }
            for slug, s in missing.items()
            if slug not in found
        }
        found.update(self._insert_many(_OUTLETS, "slug", new))
        self._outlets.update(found)

    def _work_fields(
        self, citation: ParsedCitation, slug: str | None
    ) -> tuple[str, dict[str, object]]:
        date = citation.date
        key = digest(
            slug or "",
            title_key(citation.title or ""),
            date.isoformat() if date else "",
        )
        return key, {
            "outlet_id": self._outlets[slug] if slug else None,
            "title": citation.title,
            "title_hash": title_hash(citation.title or ""),
            "date": date.first_day if date else None,
            "date_precision": date.precision if date else None,
            "url": citation.url,
        }

    def _load_works(self, wanted: dict[str, dict[str, object]]) -> dict[str, int]:
        """Find or create the works; a found work without a URL gains the cited one."""
        keys = list(wanted)
        found: dict[str, int] = {}
        gained_url: list[dict[str, object]] = []
        for start in range(0, len(keys), 500):
            rows = self.connection.execute(
                _WORKS_BY_KEY, {"keys": keys[start : start + 500]}
            ).all()  # fetched at once: row by row costs a call each
            for work_id, key, url in rows:
                found[key] = work_id
                if url is None and wanted[key]["url"]:
                    gained_url.append({"b_id": work_id, "url": wanted[key]["url"]})
        if gained_url:
            gained_url.sort(key=lambda row: row["b_id"])  # locks in one order
            self.connection.execute(_UPDATE_WORK, gained_url)
        new = {key: wanted[key] for key in keys if key not in found}
        found.update(self._insert_many(_WORKS, "work_key", new))
        return found

    def _insert_many(
        self, table: Table, column: str, new: dict[str, dict[str, object]]
    ) -> dict[str, int]:
        """Insert rows keyed by their unique ``column``, in one statement; their ids.

        A row a concurrent writer added meanwhile is skipped by the database (see
        ``_insert_new``) and found instead.
        """
        if not new:
            return {}
        # In key order, so that two writers adding the same rows take their
        # locks in the same order and neither waits on the other in a cycle.
        rows = [{column: key, **fields} for key, fields in sorted(new.items())]
        statement = _insert_new_returning(self.connection.dialect.name, table, column)
        found = {key: i for key, i in insert_rows(self.connection, statement, rows)}
        beaten = [key for key in new if key not in found]
        if beaten:
            theirs = select(table.c[column], table.c.id).where(
                table.c[column].in_(beaten)
            )
            found.update((key, i) for key, i in self.connection.execute(theirs))
        return found


def insert_or_get(
    connection: Connection,
    table: Table,
    unique: tuple[str, ...],
    row: dict[str, object],
) -> int:
    """The id of the row whose ``unique`` columns match ``row``'s, inserted if new."""
    find = select(table.c.id).where(*(table.c[name] == row[name] for name in unique))
    found = connection.scalar(find)
    if found is None:
        statement = _insert_new(connection.dialect.name, table, unique)
        found = connection.scalar(statement.values(row).returning(table.c.id))
    return found if found is not None else connection.execute(find).scalar_one()


@lru_cache
def _insert_new_returning(dialect: str, table: Table, unique: str) -> Insert:
    """``_insert_new`` on one column, returning that column and the new id."""
    statement = _insert_new(dialect, table, (unique,))
    return statement.returning(table.c[unique], table.c.id)


_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@lru_cache
def _insert_new(dialect: str, table: Table, unique: tuple[str, ...]) -> Insert:
    """An INSERT that skips rows whose ``unique`` columns are already taken.

    Two ingests at once may add the same outlet or work: the second insert then
    waits for the first transaction and, once it commits, skips the row, and no
    error ever aborts the file. (Without savepoints, too: SQLite would commit
    at the release of a savepoint that opened the transaction.)
    """
    if dialect not in _DIALECT_INSERTS:
        raise ArchiveError(f"the archive works on SQLite or PostgreSQL, not {dialect}")
    statement = _DIALECT_INSERTS[dialect](table)
    return statement.on_conflict_do_nothing(index_elements=list(unique))
