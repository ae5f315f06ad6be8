"""Split one footnote into its cited items and read each item's parts.

COI reports write citations as ``Outlet, Title, Date, URL, pages`` and separate
several with semicolons. Titles carry commas, pipes, quotes and even dates of
their own, so an item is read from both ends: the outlet is the first field, and
the date is the last field that is wholly a date, ahead of the URL and pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.blocks import Link
from ingest.dates import parse_date
from ingest.model import ParsedCitation
from ingest.outlets import OutletRegistry

_ITEM_SEPARATOR = re.compile(r";\s+")
_FIELD_SEPARATOR = re.compile(r",\s+")
_OPENING_QUOTES = "\"'“‘«"
_CLOSING_QUOTES = "\"'”’»"
_PAGES = re.compile(
    r"^(?:pp?\.|pages?|paras?\.|paragraphs?|§)\s*[\divxlc]+(?:\s*[-–—]\s*[\divxlc]+)?"
    r"(?:,\s*[\d]+(?:\s*[-–—]\s*\d+)?)*\.?$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+[\w/]")
_URL_WORDS = re.compile(r"^(?:url|link|available at:?|online|web|\[?url\]?)$", re.I)
_ACCESSED = re.compile(r"^(?:last\s+)?(?:accessed|retrieved|consulted)\b", re.I)
_IBID = re.compile(r"^ibid(?:em)?\.?(?:,\s*(?P<pages>.+))?$", re.IGNORECASE)
_PARENTHESISED = re.compile(r"^(?P<outer>.+?)\s*\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class _Field:
    text: str
    start: int
    end: int


def split_footnote(
    label: str,
    text: str,
    links: tuple[Link, ...],
    registry: OutletRegistry,
    previous: ParsedCitation | None = None,
) -> tuple[tuple[ParsedCitation, ...], tuple[str, ...]]:
    """The citations in footnote ``label``, and warnings about any it cannot read."""
    citations: list[ParsedCitation] = []
    warnings: list[str] = []
    for start, end in _items(text, links):
        item = text[start:end].strip().rstrip(".;").strip()
        if not item:
            continue
        ibid = _IBID.match(item)
        if ibid and (citations or previous):
            earlier = citations[-1] if citations else previous
            pages = ibid.group("pages") or earlier.pages
            citations.append(replace(earlier, text=item, pages=pages))
            continue
        citation = _citation(item, text, start, links, registry)
        if citation.title is None:
            warnings.append(
                f"footnote {label}: cannot read a citation in {item!r} "
                "(expected 'Outlet, Title, Date'); kept as written"
            )
        citations.append(citation)
    if not citations:
        warnings.append(f"footnote {label} is empty")
    return tuple(citations), tuple(warnings)


def _items(text: str, links: tuple[Link, ...]) -> list[tuple[int, int]]:
    """Spans of the cited items: semicolon-separated, each complete on its own."""
    spans: list[tuple[int, int]] = []
    start = 0
    pending: int | None = None
    separators = [*_ITEM_SEPARATOR.finditer(text), None]
    for match in separators:
        end = match.start() if match else len(text)
        piece_start = start if pending is None else pending
        if match is None or _is_complete(text, start, end, links):
            spans.append((piece_start, end))
            pending = None
        else:
            pending = piece_start
        start = match.end() if match else len(text)
    return spans


def _is_complete(text: str, start: int, end: int, links: tuple[Link, ...]) -> bool:
    fields = _fields(text, start, end)
    return len(fields) > 1 and any(
        _is_url(f, links) or _PAGES.match(f.text) or parse_date(f.text)
        for f in fields[1:]
    )


def _fields(text: str, start: int, end: int) -> list[_Field]:
    """Comma-separated fields, ignoring commas inside brackets or curly quotes."""
    fields: list[_Field] = []
    position = scanned = start
    depth = quotes = 0
    for match in _FIELD_SEPARATOR.finditer(text, start, end):
        segment = text[scanned : match.start()]
        scanned = match.start()
        depth += segment.count("(") - segment.count(")")
        quotes += segment.count("“") - segment.count("”")
        if depth > 0 or quotes > 0:
            continue
        fields.append(_Field(text[position : match.start()], position, match.start()))
        position = match.end()
        depth = quotes = 0
    fields.append(_Field(text[position:end], position, end))
    return [f for f in fields if f.text.strip()]


def _is_url(field: _Field, links: tuple[Link, ...]) -> bool:
    if _URL_WORDS.match(field.text.strip()) or _URL.fullmatch(field.text.strip()):
        return True
    return any(
        link.start >= field.start and link.end <= field.end and link.href
        for link in links
        if _URL.match(link.href) and link.text.strip() == field.text.strip()
    )


def _url_of(field: _Field, links: tuple[Link, ...]) -> str | None:
    for link in links:
        if link.start < field.end and link.end > field.start and _URL.match(link.href):
            return link.href
    found = _URL.search(field.text)
    return found.group(0) if found else None


def _citation(
    item: str, text: str, start: int, links: tuple[Link, ...], registry: OutletRegistry
) -> ParsedCitation:
    fields = _fields(text, start, start + len(item))
    url = pages = date = None
    tail = len(fields)
    while tail > 1:
        field = fields[tail - 1]
        value = field.text.strip().rstrip(".")
        if _is_url(field, links) or _URL.search(value):
            url = url or _url_of(field, links)
        elif _PAGES.match(field.text.strip()) and pages is None:
            pages = field.text.strip().rstrip(".")
        elif _ACCESSED.match(value):
            pass
        elif date is None and (found := parse_date(value)):
            date = found
            tail -= 1
            break
        else:
            break
        tail -= 1
    if tail < 2:
        # "Interview with a Syrian lawyer, 12 March 2025": a work with no outlet.
        has_parts = tail == 1 and (date or url)
        title = _unquote(fields[0].text) if has_parts else None
        return ParsedCitation(text=item, title=title, url=url, pages=pages, date=date)
    outlet = fields[0].text.strip()
    title = _unquote(", ".join(f.text.strip() for f in fields[1:tail]))
    known = _lookup(outlet, registry)
    return ParsedCitation(
        text=item,
        outlet=outlet,
        outlet_slug=known,
        title=title,
        date=date,
        url=url,
        pages=pages,
    )


def _lookup(outlet: str, registry: OutletRegistry) -> str | None:
    found = registry.lookup(outlet)
    if found is None and (parts := _PARENTHESISED.match(outlet)):
        found = registry.lookup(parts["inner"]) or registry.lookup(parts["outer"])
    return found.slug if found else None


def _unquote(title: str) -> str:
    title = title.strip()
    if len(title) > 1 and title[0] in _OPENING_QUOTES and title[-1] in _CLOSING_QUOTES:
        inner = title[1:-1]
        if not any(q in inner for q in _CLOSING_QUOTES[:1] + "”"):
            return inner.strip()
    return title
