"""CSL-JSON items, the cited works reference managers state field by field.

``item_work`` reads one item (title, container title, authors, dates, URL or
DOI, pages, type); Markdown's ``csl-json`` notes use it, and so do Word's and
Writer's citation fields. Zotero and Mendeley insert each citation in Word as a
field whose instruction is
``ADDIN ZOTERO_ITEM CSL_CITATION {json}`` (Mendeley: ``ADDIN CSL_CITATION``),
the JSON holding every cited item in CSL-JSON: title, container title,
authors, issued date, URL, pages. (In Writer, Zotero names a reference mark
``ZOTERO_ITEM CSL_CITATION {json} RND...`` instead.) The field's result is the
formatted citation the reader sees: it stays the text, and the works come from
the JSON.
"""

from __future__ import annotations

import json
import re

from ingest.blocks import Work

_PREFIX = re.compile(
    r"^\s*(?:ADDIN\s+)?(?:ZOTERO_ITEM\s+)?CSL_CITATION\s*", re.IGNORECASE
)


def field_works(instruction: str) -> tuple[Work, ...]:
    """The works a CSL citation field states; none for any other field."""
    prefix = _PREFIX.match(instruction)
    if prefix is None:
        return ()
    try:
        data, _ = json.JSONDecoder().raw_decode(instruction, prefix.end())
    except (ValueError, RecursionError):  # not usable JSON: the text still stands
        return ()
    items = data.get("citationItems") if isinstance(data, dict) else None
    return tuple(
        item_work(item["itemData"])
        for item in (items if isinstance(items, list) else ())
        if isinstance(item, dict) and isinstance(item.get("itemData"), dict)
    )


def item_work(item: dict) -> Work:
    """One CSL-JSON item as the work it states."""
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
