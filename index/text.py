"""A search result as lines of plain text, for ``archive search`` in a terminal."""

from __future__ import annotations

from collections.abc import Callable

from index.results import DocumentHit, FacetCount, Hit, SearchResult

FACET_TITLES = {
    "outlet": "cited outlets",
    "kind": "kinds",
    "source": "publishers and agencies",
    "month": "months",
    "country": "countries",
}
FACETS_SHOWN = 8


def result_lines(result: SearchResult, mark: Callable[[str], str] = str) -> list[str]:
    """Headline, notices, numbered hits with snippets, the page, facet counts.

    ``mark`` styles each matched word of a snippet (bold, in the terminal).
    """
    query = result.request.query
    lines = [*result.notices]
    if not result.total:
        lines.append(f"no passages match {query!r}")
        if result.did_you_mean:
            lines.append(f"did you mean: {result.did_you_mean}")
        return lines
    lines.append(f"{headline(result)} match {query!r}")
    if result.also_matched:
        lines.append(f"also matched: {', '.join(result.also_matched)}")
    first = (result.page - 1) * result.request.per_page
    for number, hit in enumerate(result.hits, start=first + 1):
        lines += ["", *_hit_lines(number, hit, mark)]
    for number, document in enumerate(result.documents, start=first + 1):
        lines += ["", *_document_lines(number, document, mark)]
    lines += ["", f"page {result.page} of {result.pages}"]
    counted = "documents" if result.grouped else "passages"
    lines.append(f"counts of {counted}:")
    for name, counts in result.facets.items():
        if counts:
            lines.append(f"{FACET_TITLES.get(name, name)}: {_facet_text(counts)}")
    return lines


def headline(result: SearchResult) -> str:
    """ "3 documents, 6 passages" (or "1 document, 1 passage")."""
    documents = _count(result.documents_total, "document")
    return f"{documents}, {_count(result.total, 'passage')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _document_lines(
    number: int, document: DocumentHit, mark: Callable[[str], str]
) -> list[str]:
    about = [document.kind, document.source, document.date]
    about.append(", ".join(code for code, _ in document.countries))
    lines = [
        f"{number}. {document.title} ({', '.join(p for p in about if p)})",
        f"   document {document.document_id}",
    ]
    for hit in document.passages:
        snippet = "".join(
            mark(text) if match else text for text, match in hit.snippet.parts
        )
        lines.append(f"   #{hit.anchor} (passage {hit.passage_id}): {snippet}")
    if document.more:
        lines.append(f"   {document.more} more in this document")
    return lines


def _hit_lines(number: int, hit: Hit, mark: Callable[[str], str]) -> list[str]:
    about = ", ".join(part for part in (hit.kind, hit.source, hit.date) if part)
    snippet = "".join(
        mark(text) if match else text for text, match in hit.snippet.parts
    )
    lines = [
        f"{number}. {hit.title} ({about})",
        f"   document {hit.document_id}, passage {hit.passage_id} (#{hit.anchor})",
        f"   {snippet}",
    ]
    if hit.outlets:
        lines.append(f"   cites: {', '.join(o.name for o in hit.outlets)}")
    if hit.also_matched:
        lines.append(f"   also matched: {', '.join(hit.also_matched)}")
    return lines


def _facet_text(counts: tuple[FacetCount, ...]) -> str:
    shown = [f"{c.label} [{c.key}] {c.count}" for c in counts[:FACETS_SHOWN]]
    if len(counts) > FACETS_SHOWN:
        shown.append(f"and {len(counts) - FACETS_SHOWN} more")
    return ", ".join(shown)
