"""Matching passages grouped by document: a page of documents, each with its
best passages.

A document ranks by its best passage (or, sorted by date, by its date, then by
its best passage); its passages are listed best first. The whole grouping is
array work over every match: order the passages once, and a document's place is
that of its first passage in that order.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from index.documents import DocumentTable
from index.ranking import Scored
from index.results import PASSAGES_SHOWN, SearchRequest


class Group(NamedTuple):
    """One document of the page: its best passages and how many match in all."""

    document_id: int
    best: list[Scored]
    matched: int


def grouped(
    table: DocumentTable, ids: np.ndarray, scores: np.ndarray, request: SearchRequest
) -> tuple[int, list[Group]]:
    """How many documents ``ids`` fall in, and the page of them to show."""
    if not len(ids):
        return 0, []
    order = table.order(ids, scores, request.sort)
    docs = table.document[ids[order]]
    firsts = np.unique(docs, return_index=True)[1]
    firsts.sort()
    start = (request.page - 1) * request.per_page
    shown = docs[firsts[start : start + request.per_page]]
    groups = []
    for document in shown:
        at = order[np.flatnonzero(docs == document)]
        best = [Scored(int(ids[i]), float(scores[i])) for i in at[:PASSAGES_SHOWN]]
        groups.append(Group(int(document), best, len(at)))
    return len(firsts), groups
