"""Every match of a search, best first, for exports: passages with their whole
text, up to a bound of passages or of documents.

An export reads stored fields passage by passage, in rank order, and stops at
its bound; ``truncated`` says that it did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.searching import Searcher as WhooshSearcher

from index.analysis import FORM_SEPARATOR
from index.results import OutletLabel


@dataclass(frozen=True, slots=True)
class Match:
    """One matching passage: where it is, its document's facts, its text and
    the outlets its claims cite."""

    passage_id: int
    document_id: int
    anchor: str
    title: str
    kind: str
    source: str | None
    date: str | None
    text: str
    outlets: tuple[OutletLabel, ...]


@dataclass(frozen=True, slots=True)
class MatchCount:
    """How many passages, and how many documents, a search matches."""

    passages: int
    documents: int


@dataclass(frozen=True, slots=True)
class MatchList:
    """The first matches of ``total`` passages, and the documents they are in,
    best first; ``truncated``: a bound cut the list short."""

    total: int
    matches: tuple[Match, ...]
    documents: tuple[int, ...]
    truncated: bool


def collect(
    searcher: WhooshSearcher,
    ranked: Iterable[int],
    total: int,
    max_passages: int | None = None,
    max_documents: int | None = None,
) -> MatchList:
    """The matches at document numbers ``ranked``, in that order, until one more
    would pass ``max_passages`` or bring a document past ``max_documents``."""
    matches: list[Match] = []
    documents: dict[int, None] = {}
    truncated = False
    for docnum in ranked:
        found = _match(searcher.stored_fields(docnum))
        new_document = found.document_id not in documents
        if (max_passages is not None and len(matches) == max_passages) or (
            new_document
            and max_documents is not None
            and len(documents) == max_documents
        ):
            truncated = True
            break
        matches.append(found)
        documents[found.document_id] = None
    return MatchList(total, tuple(matches), tuple(documents), truncated)


def _match(stored: dict) -> Match:
    return Match(**passage_fields(stored), text=stored["text"])


def passage_fields(stored: dict) -> dict:
    """What a hit and a match both say of a passage, from its stored fields."""
    source = stored.get("source")
    return {
        "passage_id": int(stored["passage_id"]),
        "document_id": int(stored["document_id"]),
        "anchor": stored["anchor"],
        "title": stored["title"],
        "kind": stored["kind"],
        "source": source.split(FORM_SEPARATOR, 1)[-1] if source else None,
        "date": stored.get("date_shown"),
        "outlets": tuple(OutletLabel(slug, name) for slug, name in stored["outlets"]),
    }
