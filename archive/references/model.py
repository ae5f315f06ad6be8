"""A reference: one citable work in the neutral shape every export format is
written from (RIS, BibTeX, CSL-JSON), and how each kind maps to their types.

Dates are ISO strings as precise as they are known ("2025-03" is a month).
"""

from __future__ import annotations

from dataclasses import dataclass

# Our kind of work -> (RIS type, BibTeX entry type, CSL type). A document's kind
# (report, wire, document) and a citation's (news, web, report, journal, book,
# legal) both map here; anything else is a generic work.
TYPES: dict[str, tuple[str, str, str]] = {
    "report": ("RPRT", "techreport", "report"),
    "wire": ("NEWS", "article", "article-newspaper"),
    "news": ("NEWS", "article", "article-newspaper"),
    "web": ("ELEC", "misc", "webpage"),
    "journal": ("JOUR", "article", "article-journal"),
    "book": ("BOOK", "book", "book"),
    "legal": ("CASE", "misc", "legal_case"),
}
GENERIC = ("GEN", "misc", "document")


@dataclass(frozen=True, slots=True)
class Reference:
    """One work as a reference manager holds it.

    ``key`` is unique within an export (``doc-12``, ``work-3``); ``authors`` are
    people or organisations as written; ``container`` is the outlet, journal or
    whole report the work appears in; ``url`` the original's address, or the
    archived copy's where no original is known.
    """

    key: str
    kind: str
    title: str
    authors: tuple[str, ...] = ()
    container: str | None = None
    publisher: str | None = None
    date: str | None = None
    accessed: str | None = None
    url: str | None = None
    pages: str | None = None
    number: str | None = None
    note: str | None = None

    @property
    def types(self) -> tuple[str, str, str]:
        """(RIS type, BibTeX entry type, CSL type)."""
        return TYPES.get(self.kind, GENERIC)

    @property
    def date_parts(self) -> tuple[int, ...]:
        """The date as (year, month, day), as many parts as are known."""
        return _parts(self.date)

    @property
    def accessed_parts(self) -> tuple[int, ...]:
        return _parts(self.accessed)


def _parts(iso: str | None) -> tuple[int, ...]:
    if not iso:
        return ()
    try:
        return tuple(int(part) for part in iso[:10].split("-"))
    except ValueError:
        return ()
