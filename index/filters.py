"""Facet filters (chosen or excluded values) as Whoosh queries, and facet values
as shown: a filter's key and a label (``index.facets`` counts them)."""

from __future__ import annotations

import calendar

from whoosh import query as wq
from whoosh.searching import Searcher

from index.analysis import FORM_SEPARATOR
from index.entries import NO_OUTLET
from index.errors import InvalidFilter
from index.results import FacetCount
from index.schema import FACET_FIELDS
from ingest import country_code

LABELLED = ("outlet", "source", "country")


def facet_filter(
    filters: tuple[tuple[str, str], ...], any_of: bool = False
) -> wq.Query | None:
    """Passages with every value (or, ``any_of``, with any one) of ``filters``."""
    parts: list[wq.Query] = []
    for facet, key in filters:
        key = key.strip() if facet == "month" else key.strip().lower()
        if facet == "country":  # a code or a name: SY, sy, Syria
            key = (country_code(key) or key).lower()
        field = FACET_FIELDS.get(facet)
        if field is None:
            raise InvalidFilter(facet, list(FACET_FIELDS))
        if facet in LABELLED:
            parts.append(wq.Prefix(field, f"{key}{FORM_SEPARATOR}"))
        else:
            parts.append(wq.Term(field, key))
    if not parts:
        return None
    return wq.Or(parts) if any_of else wq.And(parts)


def allowed_passages(
    searcher: Searcher, narrow: wq.Query | None, leave_out: wq.Query | None
) -> set[int] | None:
    """The passages the filters allow (None: all), those left out taken away."""
    allowed = None if narrow is None else set(searcher.docs_for_query(narrow))
    if leave_out is None:
        return allowed
    if allowed is None:
        allowed = set(searcher.docs_for_query(wq.Every()))
    return allowed - set(searcher.docs_for_query(leave_out))


def labelled(name: str, term: str) -> FacetCount | None:
    """Index term ``term`` of facet ``name`` as a filter's key and a label (its
    count left 0), or None for no value."""
    if term in ("", NO_OUTLET):
        return None
    key = label = term
    if name in LABELLED:
        key, _, label = term.partition(FORM_SEPARATOR)
        key = key.upper() if name == "country" else key
    elif name == "month":
        year, month = term.split("-")
        label = f"{calendar.month_name[int(month)]} {year}"
    return FacetCount(key, label, 0)
