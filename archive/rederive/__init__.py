"""Recompute derived data from the stored text: one module per kind.

``KINDS`` names each kind's function, what it reads one at a time, and how many
of those there are (for a progress bar); ``archive.derived`` holds the versions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from archive.derived import Rederived
from archive.models import Document, Footnote, Passage
from ingest import ATTRIBUTED_KINDS


@dataclass(frozen=True, slots=True)
class Kind:
    label: str  # "name keys"
    unit: str  # what it reads one at a time: "passages"
    count: Select  # how many of them
    run: Callable[..., Rederived]  # (sessions, progress, registry)


def kinds() -> dict[str, Kind]:
    """Every kind of derived data, in the order ``rederive`` runs them."""
    from archive.rederive.attributions import rederive_attributions
    from archive.rederive.citations import rederive_citations
    from archive.rederive.countries import rederive_countries
    from archive.rederive.names import rederive_name_keys

    documents = select(func.count()).select_from(Document)
    return {
        "name_keys": Kind(
            "name keys",
            "passages",
            select(func.count()).select_from(Passage),
            rederive_name_keys,
        ),
        "countries": Kind("countries", "documents", documents, rederive_countries),
        "citations": Kind(
            "citations",
            "documents",
            documents.where(Document.id.in_(select(Footnote.document_id))),
            rederive_citations,
        ),
        "attributions": Kind(
            "attributions",
            "documents",
            documents.where(Document.kind.in_(ATTRIBUTED_KINDS)),
            rederive_attributions,
        ),
    }


def to_read(sessions: sessionmaker[Session], kind: Kind) -> int:
    with sessions() as session:
        return session.scalar(kind.count) or 0
