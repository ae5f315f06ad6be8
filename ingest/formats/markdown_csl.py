"""CSL-JSON in a note: a cited work stated field by field.

Some Markdown (Ethereum's EIPs, pandoc bibliographies inlined by hand) writes a
footnote as a fenced ``csl-json`` block: ``{"type": "article", "title": ...,
"author": [{"family": ..., "given": ...}], "issued": {"date-parts": [[2024, 5]]},
"DOI": ...}``. ``csl_works`` reads it into ``Work``s and a line of text to show.
"""

from __future__ import annotations

import json

from ingest.blocks import Work

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
    works = tuple(_work(item) for item in items if isinstance(item, dict))
    works = tuple(work for work in works if work.title or work.url)
    if not works:
        return None
    return works, "; ".join(_written(work) for work in works)


def _work(item: dict) -> Work:
    url = _text(item.get("URL"))
    doi = _text(item.get("DOI"))
    if not url and doi:
        url = f"https://doi.org/{doi}"
    return Work(
        title=_text(item.get("title")),
        outlet=_text(item.get("container-title")),
        publisher=_text(item.get("publisher")),
        authors=tuple(filter(None, map(_name, _list(item.get("author"))))),
        date=_date(item.get("issued")) or _date(item.get("original-date")),
        accessed=_date(item.get("accessed")),
        url=url,
        pages=_text(item.get("page")),
        kind=_text(item.get("type")),
    )


def _text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str | int) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _name(person: object) -> str | None:
    if not isinstance(person, dict):
        return None
    literal = _text(person.get("literal"))
    if literal:
        return literal
    parts = [_text(person.get("given")), _text(person.get("family"))]
    return " ".join(part for part in parts if part) or None


def _date(value: object) -> str | None:
    """``{"date-parts": [[1842, 10, 1]]}`` as "1842-10-01"; raw dates as written."""
    if not isinstance(value, dict):
        return _text(value)
    parts = _list(value.get("date-parts"))
    first = _list(parts[0]) if parts else []
    numbers = [p for p in first[:3] if isinstance(p, int | str) and str(p).isdigit()]
    if numbers:
        year, *rest = (int(p) for p in numbers)
        return "-".join([f"{year:04d}", *(f"{p:02d}" for p in rest)])
    return _text(value.get("raw")) or _text(value.get("literal"))


def _written(work: Work) -> str:
    parts = [", ".join(work.authors), f"“{work.title}”" if work.title else None]
    parts += [work.outlet, work.publisher, work.date, work.url]
    return ", ".join(part for part in parts if part)
