"""How a reading of one citation is scored against its labels, field by field.

A field is scored only on the citations whose labels state it (a cite web with
no date says nothing about dates), so each figure comes with its count.

- title: right when the token overlap (Dice coefficient of the casefolded word
  multisets) with the labeled title is at least 0.8;
- year, full date: the year, or the whole date at the labeled precision;
- outlet: the outlet read matches the labeled outlet or, where the labels name
  a publisher, the publisher (a cite web names the site's owner as publisher),
  compared casefolded with punctuation and a leading "the" folded, or as the
  same entry of the outlet registry;
- authors: the casefolded name words read and labeled overlap by at least 0.8;
- url: the same address once scheme, "www." and a trailing slash are dropped;
- wrong but confident: a labeled title read as another title with a
  confidence of 0.5 or more (a reading that states no confidence counts as
  1.0); a reader that gives no title has not claimed one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.outlets import OutletRegistry, outlet_key

TITLE_OVERLAP = 0.8
CONFIDENT = 0.5
_WORD = re.compile(r"\w+")
_NOT_NAME = {"and", "et", "al", "eds", "ed"}
_URL_HEAD = re.compile(r"^(?:https?:)?//(?:www\.)?", re.IGNORECASE)
FIELDS = ("title", "year", "date", "outlet", "authors", "url")


@dataclass(frozen=True, slots=True)
class Got:
    """What a reader made of one string, reduced to the scored fields."""

    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    confidence: float = 1.0


def overlap(a: str, b: str) -> float:
    """Dice coefficient of the casefolded word multisets of ``a`` and ``b``."""
    left = Counter(_WORD.findall(a.casefold()))
    right = Counter(_WORD.findall(b.casefold()))
    total = sum(left.values()) + sum(right.values())
    return 2 * sum((left & right).values()) / total if total else 0.0


def _outlet_right(got: Got, expected: dict, registry: OutletRegistry) -> bool:
    wanted = [w for w in (expected.get("outlet"), expected.get("publisher")) if w]
    read = [r for r in (got.outlet, got.publisher) if r]
    for name in read:
        for want in wanted:
            if outlet_key(name) == outlet_key(want):
                return True
            known, target = registry.lookup(name), registry.lookup(want)
            if known is not None and known == target:
                return True
    return False


def _names(authors) -> list[str]:
    words = _WORD.findall(" ".join(authors).casefold())
    return [w for w in words if len(w) > 1 and w not in _NOT_NAME]


def _url(value: str) -> str:
    return _URL_HEAD.sub("", value.strip()).rstrip("/")


def score(got: Got, expected: dict, registry: OutletRegistry) -> dict[str, bool]:
    """Right or wrong for each field the labels state."""
    marks: dict[str, bool] = {}
    if expected.get("title"):
        found = got.title and overlap(got.title, expected["title"]) >= TITLE_OVERLAP
        marks["title"] = bool(found)
        wrong = got.title is not None and not found
        marks["confident_wrong"] = wrong and got.confidence >= CONFIDENT
    if expected.get("date"):
        marks["year"] = bool(got.date) and got.date[:4] == expected["date"][:4]
        marks["date"] = got.date == expected["date"]
    if expected.get("outlet") or expected.get("publisher"):
        marks["outlet"] = _outlet_right(got, expected, registry)
    if expected.get("authors"):
        want = " ".join(_names(expected["authors"]))
        marks["authors"] = overlap(" ".join(_names(got.authors)), want) >= 0.8
    if expected.get("url"):
        marks["url"] = bool(got.url) and _url(got.url) == _url(expected["url"])
    return marks
