"""The parts every citation style writes alike, found once for all the grammars.

A URL, a DOI, an access date ("Retrieved 4 June 2024", "accessed ...",
"Archived from the original on ...") and a placeholder word ("url", "link",
"available at") read the same in every style. ``prepare`` takes them out of an
item and leaves its ``core``, the part in which the styles differ.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.blocks import Link
from ingest.dates import MONTH_NAMES, parse_date
from ingest.model import PartialDate

MAX_ITEM = 2_000  # longer items are not citations a grammar can read in bounded time
URL = re.compile(r"(?:https?://|www\.(?=[^\s<>/]+/))[^\s<>]{1,2000}[\w/#=]")
DOI = re.compile(
    r"(?:\bdoi:\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/[^\s\"<>]+[\w)])",
    re.I,
)
_ACCESSED = re.compile(
    rf"[\[(]?\b(?:last\s+)?(?:retrieved|accessed|consulted|viewed)(?:\s+on)?:?\s*"
    rf"(?:from\s*)?(?P<date>(?:\d{{1,2}}\s+)?{MONTH_NAMES}\s*\d{{0,2}},?\s+\d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})?"
    rf"[\])]?\.?",
    re.I,
)
_ARCHIVED = re.compile(
    r"\(?\bArchived(?:\s+from\s+the\s+original)?\s+(?:on\s+)?"
    rf"(?P<date>(?:\d{{1,2}}\s+)?{MONTH_NAMES}\s*\d{{0,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"\)?\.?",
    re.I,
)
_DEAD_LINK = re.compile(r"\s*\((?:archived|dead link|link broken)[^()]{0,40}\)", re.I)
_PLACEHOLDER = re.compile(
    r"(?:,\s*|\s+|^)(?:available\s+(?:at|from|online)|online\s+at|url|link|"
    r"\[url\]|\[link\]|online)\s*:?\s*(?=[,.;]?\s*$|[,.;]?\s*\()",
    re.I,
)
_PINPOINT = re.compile(
    r"\s*\((?:starting|beginning|from|at|quoting|containing|citing|discussing|noting|"
    r"describing|emphasis|internal)\b[^()]{0,200}\)(?=\W*$)"
    r"|\s*\((?:PDF|in [A-Z][a-z]+|video|audio|online|subscription required)\)"
    r"|\s*\[originally published[^\]]{0,40}\]",
    re.IGNORECASE,
)
_ACCESS_WORDS = ("retriev", "access", "consult", "viewed")
_PLACEHOLDER_WORDS = ("available", "online", "url", "link", "(", "[")
_NUMBERED = re.compile(r"^\s*\[\d{1,4}\]\s*")  # a reference list's own number
_GAP = re.compile(r"\s+([,.;:])")
_M_D_Y = re.compile(r"^(?:posted\s+)?(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", re.I)


class Item:
    """One cited item as written, and its ``core`` with the shared parts taken out.

    ``core`` (and ``placeholder``, whether a word stands for a link) are worked
    out when first asked for: the COI house style reads the item as written.
    """

    __slots__ = ("_core", "_placeholder", "accessed", "doi", "links", "text", "url")

    def __init__(
        self,
        text: str,
        url: str | None = None,
        doi: str | None = None,
        accessed: PartialDate | None = None,
        links: tuple[Link, ...] = (),  # offsets into ``text``
    ) -> None:
        self.text, self.url, self.doi, self.accessed = text, url, doi, accessed
        self.links = links
        self._core: str | None = None
        self._placeholder = any(link.href for link in links)

    @property
    def core(self) -> str:
        if self._core is None:
            self._core, found = _core(self.text)
            self._placeholder = self._placeholder or found
        return self._core

    @property
    def placeholder(self) -> bool:
        return self.core is not None and self._placeholder

    def __repr__(self) -> str:
        return f"Item({self.text!r}, url={self.url!r})"


def prepare(text: str, links: tuple[Link, ...] = (), offset: int = 0) -> Item:
    """The item ``text`` (at ``offset`` in its note, whose ``links`` are given)."""
    text = text[:MAX_ITEM]
    folded = text.casefold()  # each pattern runs only where its words occur
    doi_match = DOI.search(text) if "doi" in folded else None
    url = _linked_url(text, links, offset)
    if url is None and ("http" in folded or "www." in folded):
        found = URL.search(text)
        url = _absolute(found.group(0).rstrip(".,;)")) if found else None
    accessed = None
    if any(word in folded for word in _ACCESS_WORDS):
        dates = (m["date"] for m in _ACCESSED.finditer(text) if m["date"])
        accessed = next((d for d in map(read_date, dates) if d), None)
    own = tuple(
        Link(link.text, link.href, link.start - offset, link.end - offset)
        for link in links
        if offset <= link.start < offset + len(text)
    )
    doi = doi_match["doi"].rstrip(".") if doi_match else None
    return Item(text, url, doi, accessed, own)


def _core(text: str) -> tuple[str, bool]:
    """``text`` without its URL, DOI, access date and link words; and whether a
    word ("url", "link", "available at") stood for a link."""
    core = text
    folded = text.casefold()
    if "doi" in folded:
        core = DOI.sub(" ", core)
    if "http" in folded or "www." in folded:
        core = URL.sub(" ", core)
    if any(word in folded for word in _ACCESS_WORDS):
        core = _ACCESSED.sub(" ", core)
    if "archived" in folded or "dead link" in folded or "link broken" in folded:
        core = _DEAD_LINK.sub("", _ARCHIVED.sub(" ", core))
    placeholder = False
    if any(word in folded for word in _PLACEHOLDER_WORDS):
        placeholder = bool(_PLACEHOLDER.search(core))
        core = _PINPOINT.sub("", _PLACEHOLDER.sub(" ", core))
    core = " ".join(core.split()).strip(" ,;:")
    if core.startswith("["):
        core = _NUMBERED.sub("", core)
    if any(gap in core for gap in (" ,", " .", " ;", " :")):
        core = _GAP.sub(r"\1", core).strip(" ,;:")
    return core, placeholder


def _linked_url(text: str, links: tuple[Link, ...], offset: int) -> str | None:
    for link in links:
        inside = offset <= link.start < offset + len(text)
        if inside and link.href.startswith(("http://", "https://")):
            return link.href
    return None


def _absolute(url: str) -> str:
    return url if url.startswith("http") else f"http://{url}"


@lru_cache(maxsize=8192)
def read_date(text: str) -> PartialDate | None:
    """A date as citations write it, with US numeric dates ("7/27/16") too."""
    value = text.strip().strip(".,;:()[]").strip()
    numeric = _M_D_Y.match(value)
    if numeric:
        month, day, year = (int(part) for part in numeric.groups())
        year += 2000 if year < 100 and year <= 40 else 1900 if year < 100 else 0
        if 1 <= month <= 12 and 1 <= day <= 31:
            return PartialDate(year, month, day)
        return None
    return parse_date(value)


DATE_TEXT = re.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES},?\s+\d{{4}}"
    rf"|\b{MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{4}},?\s+{MONTH_NAMES}(?:\s+\d{{1,2}})?(?!\d)"
    rf"|\b{MONTH_NAMES},?\s+\d{{4}}"
    r"|\b\d{4}-\d\d(?:-\d\d)?\b"
    r"|\b(?:posted\s+)?\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"
    r"|\b(?:1[6-9]|20)\d\d[a-z]?\b)",
    re.I,
)


@lru_cache(maxsize=2048)
def last_date(text: str) -> tuple[PartialDate, int, int] | None:
    """The last date written in ``text`` (and its span), the most precise first."""
    best = None
    for match in DATE_TEXT.finditer(text):
        value = re.sub(r"(\d)[a-z]$", r"\1", match.group(0))
        found = read_date(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", value))
        if found:
            best = (found, match.start(), match.end())
    return best


def clean(text: str | None) -> str | None:
    """A field without the punctuation that only separated it from its neighbours."""
    if text is None:
        return None
    value = text.strip().strip(",;:").strip()
    if value.endswith(".") and not re.search(
        r"\b(?:[A-Z]|[Ee]t al|[Ii]nc|Jr|Ltd|Co)\.$", value
    ):
        value = value[:-1].rstrip()
    return unquote(value) or None


_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "``": "''"}


def unquote(text: str) -> str:
    value = text.strip()
    for opening, closing in _QUOTES.items():
        if value.startswith(opening) and value.endswith(closing) and len(value) > 2:
            inner = value[len(opening) : -len(closing)]
            if closing not in inner or opening == closing and inner.count(closing) == 0:
                return inner.strip().rstrip(",").strip()
    return value
