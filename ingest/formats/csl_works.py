"""Cited works stated field by field by a reference manager's Word field.

Zotero and Mendeley insert each citation as a field whose instruction is
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
_KINDS = {
    "article-newspaper": "news",
    "article-magazine": "news",
    "webpage": "web",
    "post-weblog": "web",
    "post": "web",
    "article-journal": "journal",
    "book": "book",
    "chapter": "book",
    "report": "report",
    "legislation": "legal",
    "legal_case": "legal",
}


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
        _work(item["itemData"])
        for item in (items if isinstance(items, list) else ())
        if isinstance(item, dict) and isinstance(item.get("itemData"), dict)
    )


def _work(item: dict) -> Work:
    kind = _text(item.get("type"))
    return Work(
        title=_text(item.get("title")),
        outlet=_text(item.get("container-title")),
        publisher=_text(item.get("publisher")),
        authors=_names(item.get("author")),
        date=_date(item.get("issued")),
        accessed=_date(item.get("accessed")),
        url=_text(item.get("URL")),
        pages=_text(item.get("page")),
        kind=_KINDS.get(kind or "", kind),
    )


def _text(value: object) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _names(authors: object) -> tuple[str, ...]:
    names = []
    for author in authors if isinstance(authors, list) else ():
        if not isinstance(author, dict):
            continue
        literal = _text(author.get("literal"))
        parts = [_text(author.get(key)) for key in ("given", "family")]
        name = literal or " ".join(part for part in parts if part)
        if name:
            names.append(name)
    return tuple(names)


def _date(value: object) -> str | None:
    """A CSL date as ISO 8601 ("2013-12"), or as written when it has no parts."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        numbers = [_text(part) for part in parts[0][:3]]
        if numbers and all(n and n.isdigit() for n in numbers):
            year, *rest = numbers
            return "-".join([year.zfill(4), *(n.zfill(2) for n in rest)])
    return _text(value.get("raw")) or _text(value.get("literal"))
