"""Outlets and cited works: found again wherever they recur, created once.

A cited work is the same work when its outlet, its title (folded for case,
punctuation and quotes) and its date agree, whichever footnote or report cites it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive.models import CitedWork, Outlet
from ingest import OutletRegistry, ParsedCitation, outlet_key

_NOT_WORD = re.compile(r"[\W_]+")


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


class SourceBook:
    """Finds or creates outlets and works within one session, caching what it saw."""

    def __init__(self, session: Session, registry: OutletRegistry) -> None:
        self.session = session
        self.registry = registry
        self._outlets: dict[str, Outlet] = {}
        self._works: dict[str, CitedWork] = {}

    def resolve(
        self, citation: ParsedCitation
    ) -> tuple[Outlet | None, CitedWork | None]:
        outlet = self.outlet(citation)
        return outlet, self.work(citation, outlet)

    def named_outlet(self, name: str | None) -> Outlet | None:
        """The outlet a document names as its publisher or agency, if any."""
        name = (name or "").strip()
        if not name:
            return None
        known = self.registry.lookup(name)
        if known is not None:
            return self._outlet(known.slug, known.short, known.name, known.kind, True)
        return self._outlet(
            "x-" + slugify(outlet_key(name)), name, name, "unknown", False
        )

    def outlet(self, citation: ParsedCitation) -> Outlet | None:
        if citation.outlet_slug:
            known = self.registry.outlets.get(citation.outlet_slug)
            if known is not None:
                return self._outlet(
                    known.slug, known.short, known.name, known.kind, True
                )
        return self.named_outlet(citation.outlet)

    def work(self, citation: ParsedCitation, outlet: Outlet | None) -> CitedWork | None:
        if not citation.title:
            return None
        date = citation.date.isoformat() if citation.date else ""
        outlet_part = outlet.slug if outlet else ""
        key = digest(outlet_part, title_key(citation.title), date)
        if key in self._works:
            return self._works[key]
        work = self._insert_or_get(
            CitedWork,
            CitedWork.work_key,
            key,
            outlet=outlet,
            title=citation.title,
            title_hash=title_hash(citation.title),
            date=citation.date.first_day if citation.date else None,
            date_precision=citation.date.precision if citation.date else None,
            url=citation.url,
        )
        if work.url is None and citation.url:
            work.url = citation.url
        self._works[key] = work
        return work

    def _outlet(
        self, slug: str, short: str, name: str, kind: str, known: bool
    ) -> Outlet:
        if slug in self._outlets:
            return self._outlets[slug]
        outlet = self._insert_or_get(
            Outlet,
            Outlet.slug,
            slug,
            short_name=short,
            name=name,
            kind=kind,
            known=known,
        )
        if known and (outlet.name, outlet.kind, outlet.short_name) != (
            name,
            kind,
            short,
        ):
            outlet.name, outlet.kind, outlet.short_name = name, kind, short
        self._outlets[slug] = outlet
        return outlet

    def _insert_or_get(self, model, column, key: str, **fields):
        """The row whose unique ``column`` is ``key``, inserted if missing.

        The insert runs in a savepoint, so that a row a concurrent writer added in
        the meantime is reused rather than failing the whole document.
        """
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
