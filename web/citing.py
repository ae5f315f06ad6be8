"""The "cite this" text: a claim as a lawyer would quote it in a submission."""

from __future__ import annotations

import datetime as dt

from archive.browse import CitationInfo, ClaimDetail, DocumentSummary
from web.display import human_date


def cite_claim(detail: ClaimDetail, permalink: str, accessed: dt.date) -> str:
    """The sentence, its sources, the document's "cite as", permalink, access date."""
    lines = [f"“{detail.claim.text}”"]
    for note in detail.footnotes:
        cited = "; ".join(cited_item(c) for c in note.citations) or note.text
        lines.append(f"Footnote {note.label}: {cited}")
    for item in detail.claim.citations:
        lines.append(f"Attributed to: {attribution(item)}")
    lines.append(f"Source: {detail.cite_as or describe(detail.document)}")
    lines.append(f"Permalink: {permalink}")
    lines.append(f"Accessed: {human_date(accessed)}")
    return "\n".join(lines)


def cited_item(item: CitationInfo) -> str:
    """A footnote's citation in its parts: outlet, title, date, pages, URL."""
    if not item.title:
        return item.text
    outlet = item.outlet_text or (item.outlet.short_name if item.outlet else None)
    date = human_date(item.date) if item.date else None
    parts = [outlet, item.title, date, item.pages, item.url]
    return ", ".join(part for part in parts if part)


def attribution(item: CitationInfo) -> str:
    """A wire story's attribution: the named source, or the anonymous description,
    with the outlet it came through and what the story says of the sourcing."""
    if item.anonymous:
        who = f"{item.description or item.text} (anonymous)"
    elif item.outlet is not None:
        who = item.outlet.name
    else:
        who = item.outlet_text or item.text
    if item.via:
        who += f", via {item.via}"
    if item.qualifier:
        who += f" ({item.qualifier})"
    return who


def describe(document: DocumentSummary) -> str:
    """A reference to a document that has no "cite as" text of its own."""
    parts = [
        document.publisher or document.agency,
        f"“{document.title}”",
        document.report_title,
        human_date(document.date),
    ]
    return ", ".join(part for part in parts if part)
