"""CSL-JSON in a note: a cited work stated field by field.

Some Markdown (Ethereum's EIPs, pandoc bibliographies inlined by hand) writes a
footnote as a fenced ``csl-json`` block: ``{"type": "article", "title": ...,
"author": [{"family": ..., "given": ...}], "issued": {"date-parts": [[2024, 5]]},
"DOI": ...}``. ``csl_works`` reads it into ``Work``s (``csl_items``) and a line
of text to show.
"""

from __future__ import annotations

import json

from ingest.blocks import Work
from ingest.formats.csl_items import item_work

MAX_CHARS = 64 * 1024
LANGUAGES = frozenset({"csl-json", "csljson", "csl"})


def csl_works(code: str) -> tuple[tuple[Work, ...], str] | None:
    """The works a CSL-JSON item (or list of items) states, and their text;
    None when ``code`` is not CSL-JSON, which then stays as written."""
    if len(code) > MAX_CHARS:
        return None
    try:
        data = json.loads(code)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    works = tuple(item_work(item) for item in items if isinstance(item, dict))
    works = tuple(work for work in works if work.title or work.url)
    if not works:
        return None
    return works, "; ".join(_written(work) for work in works)


def _written(work: Work) -> str:
    parts = [", ".join(work.authors), f"“{work.title}”" if work.title else None]
    parts += [work.outlet, work.publisher, work.date, work.url]
    return ", ".join(part for part in parts if part)
