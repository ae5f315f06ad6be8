"""What a search returns: plain, frozen dataclasses for the terminal and the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from archive.paging import page_count
from index.errors import InvalidPage, SearchQueryError
from index.snippets import Snippet

Sort = Literal["relevance", "newest", "oldest", "archived"]
SORTS: tuple[str, ...] = ("relevance", "newest", "oldest", "archived")
Group = Literal["documents", "passages"]
GROUPS: tuple[str, ...] = ("documents", "passages")
MAX_PER_PAGE = 100
PASSAGES_SHOWN = 3  # the best passages shown under each document


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as the user asked for it.

    ``filters`` are ``(facet, key)`` pairs taken from ``FacetCount.key`` values
    (``("outlet", "sohr")``, ``("kind", "wire")``, ``("month", "2025-01")``); they
    narrow the query and every facet count. ``excluded`` pairs leave out the
    passages having that value. ``group="documents"`` pages through the matching
    documents (ranked by their best passage), ``"passages"`` through passages.
    """

    query: str
    page: int = 1
    per_page: int = 10
    sort: Sort = "relevance"
    exact: bool = False
    filters: tuple[tuple[str, str], ...] = ()
    excluded: tuple[tuple[str, str], ...] = ()
    group: Group = "passages"


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
class DocumentHit:
    """A matching document: its best passages (up to ``PASSAGES_SHOWN``), best
    first, and how many more of its passages match."""

    document_id: int
    title: str
    kind: str
    source: str | None
    date: str | None
    score: float
    countries: tuple[tuple[str, str], ...]  # code and label: ("SY", "Syria (SY)")
    passages: tuple[Hit, ...]
    more: int


@dataclass(frozen=True, slots=True)
class FacetCount:
    """One value of a facet: ``key`` is what a filter takes, ``label`` what to show."""

    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """``total`` passages in ``documents_total`` documents match. Grouped by
    document, ``documents`` is the page and ``hits`` is empty; by passage,
    ``hits`` is the page and ``documents`` empty. Facets count documents when
    grouped by document, passages otherwise."""

    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]]
    documents_total: int = 0
    documents: tuple[DocumentHit, ...] = ()
    also_matched: tuple[str, ...] = ()
    did_you_mean: str | None = None
    notices: tuple[str, ...] = field(default=())
    partial: bool = False  # the search ran out of time; a notice says what is left out
    # the index generation that answered: it changes with every commit or rebuild
    generation: tuple[int | None, int] | None = field(default=None, compare=False)

    @property
    def page(self) -> int:
        return self.request.page

    @property
    def grouped(self) -> bool:
        return self.request.group == "documents"

    @property
    def pages(self) -> int:
        listed = self.documents_total if self.grouped else self.total
        return page_count(listed, self.request.per_page)


def check_request(request: SearchRequest) -> None:
    """Raise ``InvalidPage`` or ``SearchQueryError`` for a request out of bounds."""
    if request.page < 1:
        raise InvalidPage("page", request.page, 1, 10**9)
    if not 1 <= request.per_page <= MAX_PER_PAGE:
        raise InvalidPage("results per page", request.per_page, 1, MAX_PER_PAGE)
    if request.sort not in SORTS:
        raise SearchQueryError(
            f"unknown sort {request.sort!r}; sorts: {', '.join(SORTS)}"
        )
    if request.group not in GROUPS:
        raise SearchQueryError(
            f"unknown grouping {request.group!r}; groupings: {', '.join(GROUPS)}"
        )
