"""Where a query matches inside one document, for opening the document at its hits.

The document page marks the query's words as the search snippets do: the words
marked are those the index's analyzer matches in the document's matching
passages (stems, prefixes, name variants such as Qasrik for Qasrak), so the page
can mark every place each of those spellings is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from index.snippets import Highlighter, Matcher


@dataclass(frozen=True, slots=True)
class InDocument:
    """The anchors of a document's matching passages, in reading order, and the
    words (as written) that the query matches in them."""

    anchors: tuple[str, ...]
    words: frozenset[str]


NOWHERE = InDocument((), frozenset())


def matches_in(
    searcher: WhooshSearcher,
    q: wq.Query,
    matcher: Matcher,
    highlighter: Highlighter,
    document_id: int,
) -> InDocument:
    """Where ``q`` (expanded already) matches in document ``document_id``."""
    within = wq.And([q, wq.Term("document_id", str(document_id))])
    found = []
    for docnum in searcher.docs_for_query(within):
        stored = searcher.stored_fields(docnum)
        found.append((stored["position"], stored["anchor"], stored["text"]))
    found.sort()
    words: set[str] = set()
    for _, _, text in found:
        words.update(highlighter.matched_words(text, matcher))
    return InDocument(tuple(anchor for _, anchor, _ in found), frozenset(words))
