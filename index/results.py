"""What a search returns: plain, frozen dataclasses for the terminal and the site."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

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

    @property
    def page(self) -> int:
        return self.request.page

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))

    def as_json(self) -> dict:
        data = asdict(self)
        data["page"] = self.page
        data["pages"] = self.pages
        for hit, shown in zip(self.hits, data["hits"], strict=True):
            shown["snippet"] = {
                "text": hit.snippet.text,
                "parts": [{"text": t, "match": m} for t, m in hit.snippet.parts],
            }
        return data
