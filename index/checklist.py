"""A list of searches at once: one query a line (names, terms), each counted in
passages and documents under the same filters, and the table as CSV.

A line whose query cannot be run keeps its place in the table with the reason;
the others are counted all the same.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from index.errors import SearchQueryError
from index.exports import cell
from index.matching import MatchCount
from index.results import SearchRequest

MAX_LINES = 500
CSV_COLUMNS = ("query", "documents", "passages", "link", "problem")


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One line's query and what it matched, or why it could not be run."""

    query: str
    documents: int
    passages: int
    problem: str | None = None


def lines_of(text: str) -> list[str]:
    """The queries of ``text``: one a line, blank lines left out; more than
    ``MAX_LINES`` is refused."""
    found = [line.strip() for line in text.splitlines() if line.strip()]
    if len(found) > MAX_LINES:
        raise SearchQueryError(
            f"the list has {len(found)} lines: at most {MAX_LINES} can be searched "
            "at once"
        )
    if not found:
        raise SearchQueryError("the list is empty: give one name or term a line")
    return found


def run(
    lines: list[str],
    template: SearchRequest,
    count: Callable[[SearchRequest], MatchCount],
) -> list[ChecklistRow]:
    """Each line searched as ``template`` would search its query (its filters,
    ``exact``), counted by ``count``."""
    rows = []
    for line in lines:
        query = f"{line} {template.query}".strip()
        try:
            found = count(replace(template, query=query))
        except SearchQueryError as error:
            rows.append(ChecklistRow(line, 0, 0, str(error)))
            continue
        rows.append(ChecklistRow(line, found.documents, found.passages))
    return rows


def checklist_csv(rows: list[ChecklistRow], link: Callable[[str], str]) -> str:
    """The table as CSV: query, documents, passages, the link to its search,
    and the problem if it could not be run."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            (
                cell(row.query),
                row.documents,
                row.passages,
                link(row.query),
                cell(row.problem or ""),
            )
        )
    return out.getvalue()
