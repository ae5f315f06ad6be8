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

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive.models import CitedWork, Outlet
from ingest import OutletRegistry, ParsedCitation, outlet_key

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 15)
def title_key(title: str) -> str:
    """Fold a title for comparison: case, accents, punctuation and quotes."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def slugify(name: str) -> str:
    return "-".join(title_key(name).split())[:100] or "unnamed"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


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


# The outlet and cited work of each citation of a document, keyed by id(citation).
Resolved = dict[int, tuple[Outlet | None, CitedWork | None]]


class SourceBook:
    """Finds or creates outlets and works within one session, caching what it saw.

    A document's citations are resolved together: one query finds the outlets and
    works already archived, and the new ones are inserted in one savepoint.
    """

    def __init__(self, session: Session, registry: OutletRegistry) -> None:
        self.session = session
        self.registry = registry
        self._outlets: dict[str, Outlet] = {}
        self._works: dict[str, CitedWork] = {}

    def resolve_all(self, citations: tuple[ParsedCitation, ...]) -> Resolved:
        """The outlet and cited work of each citation, keyed by ``id(citation)``."""
        specs = {id(c): self._spec(c.outlet_slug, c.outlet) for c in citations}
        self._load_outlets({s for s in specs.values() if s is not None})
        outlets = {
            key: self._outlets[spec.slug] if spec else None
            for key, spec in specs.items()
        }
        wanted = {
            id(c): self._work_fields(c, outlets[id(c)]) for c in citations if c.title
        }
        self._load_works(dict(wanted.values()))
        return {
            id(c): (outlets[id(c)], self._works.get(wanted.get(id(c), ("",))[0]))
            for c in citations
        }

    def named_outlet(self, name: str | None) -> Outlet | None:
        """The outlet a document names as its publisher or agency, if any."""
        spec = self._spec(None, name)
        if spec is None:
            return None
        self._load_outlets({spec})
        return self._outlets[spec.slug]

    def _spec(self, slug: str | None, name: str | None) -> _OutletSpec | None:
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

    def _load_outlets(self, specs: set[_OutletSpec]) -> None:
        missing = {spec.slug: spec for spec in specs if spec.slug not in self._outlets}
        if not missing:
            return
        rows = {
            row.slug: row
            for row in self.session.scalars(
                select(Outlet).where(Outlet.slug.in_(missing))
            )
        }
        new = {
            slug: {
                "short_name": s.short,
                "name": s.name,
                "kind": s.kind,
                "known": s.known,
            }
            for slug, s in missing.items()
            if slug not in rows
        }
        rows.update(self._insert_many(Outlet, Outlet.slug, new))
        for slug, spec in missing.items():
            outlet = rows[slug]
            if spec.known and (outlet.name, outlet.kind, outlet.short_name) != (
                spec.name,
                spec.kind,
                spec.short,
            ):
                outlet.name, outlet.kind, outlet.short_name = (
                    spec.name,
                    spec.kind,
                    spec.short,
                )
            self._outlets[slug] = outlet

    @staticmethod
    def _work_fields(
        citation: ParsedCitation, outlet: Outlet | None
    ) -> tuple[str, dict[str, object]]:
        date = citation.date
        key = digest(
            outlet.slug if outlet else "",
            title_key(citation.title or ""),
            date.isoformat() if date else "",
        )
        return key, {
            "outlet": outlet,
            "title": citation.title,
            "title_hash": title_hash(citation.title or ""),
            "date": date.first_day if date else None,
            "date_precision": date.precision if date else None,
            "url": citation.url,
        }

    def _load_works(self, wanted: dict[str, dict[str, object]]) -> None:
        missing = [key for key in wanted if key not in self._works]
        rows: dict[str, CitedWork] = {}
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows.update(
                (row.work_key, row)
                for row in self.session.scalars(
                    select(CitedWork).where(CitedWork.work_key.in_(chunk))
                )
            )
        new = {key: wanted[key] for key in missing if key not in rows}
        rows.update(self._insert_many(CitedWork, CitedWork.work_key, new))
        for key, work in rows.items():
            if work.url is None and wanted[key]["url"]:
                work.url = wanted[key]["url"]
            self._works[key] = work

    def _insert_many(self, model, column, new: dict[str, dict[str, object]]) -> dict:
        """Insert rows keyed by their unique ``column`` in one savepoint.

        Should a concurrent writer have added one of them meanwhile, the savepoint
        is rolled back and each row is found or inserted on its own.
        """
        if not new:
            return {}
        try:
            with self.session.begin_nested():
                rows = {key: model(**{column.key: key}, **f) for key, f in new.items()}
                self.session.add_all(rows.values())
            return rows
        except IntegrityError:
            return {
                key: self._insert_or_get(model, column, key, **f)
                for key, f in new.items()
            }

    def _insert_or_get(self, model, column, key: str, **fields):
        row = self.session.scalar(select(model).where(column == key))
        if row is not None:
            return row
        try:
            with self.session.begin_nested():
                row = model(**{column.key: key}, **fields)
                self.session.add(row)
        except IntegrityError:
            row = self.session.scalars(select(model).where(column == key)).one()
        return row
