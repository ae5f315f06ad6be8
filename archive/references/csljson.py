"""References as CSL-JSON (``application/vnd.citationstyles.csl+json``), the
input of citeproc processors, Zotero and pandoc."""

from __future__ import annotations

import json
from collections.abc import Iterable

from archive.references.model import Reference
from archive.references.names import person

MEDIA_TYPE = "application/vnd.citationstyles.csl+json"


def items(references: Iterable[Reference]) -> list[dict]:
    return [item(reference) for reference in references]


def dumps(references: Iterable[Reference]) -> str:
    return json.dumps(items(references), ensure_ascii=False, indent=2) + "\n"


def item(ref: Reference) -> dict:
    found: dict = {"id": ref.key, "type": ref.types[2], "title": ref.title}
    if ref.authors:
        found["author"] = [_name(author) for author in ref.authors]
    optional = {
        "container-title": ref.container,
        "publisher": ref.publisher,
        "issued": _date(ref.date_parts),
        "accessed": _date(ref.accessed_parts),
        "URL": ref.url,
        "page": ref.pages,
        "number": ref.number,
        "note": ref.note,
    }
    found.update({name: value for name, value in optional.items() if value})
    return found


def _name(name: str) -> dict:
    split = person(name)
    if split:
        return {"family": split[0], "given": split[1]}
    return {"literal": name}


def _date(parts: tuple[int, ...]) -> dict | None:
    return {"date-parts": [list(parts)]} if parts else None
