"""What a search returns: plain, frozen dataclasses for the terminal and the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from archive.paging import page_count
from index.snippets import Snippet

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[str, ...] = ("relevance", "newest", "oldest")


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as the user asked for it.

    ``filters`` are ``(facet, key)`` pairs taken from ``FacetCount.key`` values
    (``("outlet", "sohr")``, ``("kind", "wire")``, ``("month", "2025-01")``); they
    narrow the query and every facet count.
    """

    query: str
    page: int = 1
    per_page: int = 10
    sort: Sort = "relevance"
    exact: bool = False
    filters: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class OutletLabel:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A claim in the hit's passage: its span, cited outlets (slugs) and footnotes."""

    id: int
    start: int
    end: int
    outlets: tuple[str, ...]
    footnotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    passage_id: int
    document_id: int
    anchor: str
    title: str
    kind: str
    source: str | None
    date: str | None
    score: float
    snippet: Snippet
    outlets: tuple[OutletLabel, ...]
    claims: tuple[ClaimHit, ...]
    also_matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FacetCount:
    """One value of a facet: ``key`` is what a filter takes, ``label`` what to show."""

    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]]
    also_matched: tuple[str, ...] = ()
    did_you_mean: str | None = None
    notices: tuple[str, ...] = field(default=())
    partial: bool = False  # the search ran out of time; a notice says what is left out

    @property
    def page(self) -> int:
        return self.request.page

    @property
    def pages(self) -> int:
        return page_count(self.total, self.request.per_page)
