"""Labeled citations from wikitext: ``{{cite ...}}`` fields and their CS1 display.

A ``{{cite news|title=...|work=...|date=...}}`` template states each field, so
its fields are the labels. The string is the template rendered the way CS1
displays it, simply: ``Last, First (date). "Title". Work. Location: Publisher.
p. 4. Retrieved accessdate.`` (titles of books in plain text where CS1 uses
italics; the URL is the title's link, as on the page, not in the text).
"""

from __future__ import annotations

import html
import re

from ingest.dates import parse_date

_START = re.compile(r"\{\{\s*[Cc]ite\s+(?P<type>[a-z ]+?)\s*\|")
_WIKILINK = re.compile(r"\[\[(?:[^|\]]*\|)?(?P<shown>[^\]]*)\]\]")
_MARKUP = re.compile(r"'{2,}|<[^>]+>|\{\{[^{}]*\}\}")
_KINDS = {
    "news": "news",
    "web": "web",
    "press release": "web",
    "magazine": "news",
    "journal": "journal",
    "book": "book",
    "encyclopedia": "book",
    "report": "report",
    "thesis": "report",
}
_QUOTED_KINDS = ("news", "web", "journal", "magazine", "press release", "encyclopedia")


def templates(wikitext: str) -> list[tuple[str, dict[str, str]]]:
    """Every ``{{cite TYPE|...}}`` in the text: its type and its fields."""
    found = []
    for match in _START.finditer(wikitext):
        body = _balanced(wikitext, match.end())
        if body is not None:
            found.append((match["type"].strip(), _fields(body)))
    return found


def _balanced(text: str, start: int) -> str | None:
    depth = 2
    i = start
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair in ("{{", "[["):
            depth += 2 if pair == "{{" else 0
            i += 2
            continue
        if pair == "}}":
            depth -= 2
            if depth == 0:
                return text[start:i]
            i += 2
            continue
        i += 1
    return None


def _fields(body: str) -> dict[str, str]:
    parts, depth, current = [], 0, []
    for i, char in enumerate(body):
        pair = body[i : i + 2]
        if pair in ("{{", "[["):
            depth += 1
        elif pair in ("}}", "]]"):
            depth -= 1
        if char == "|" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    fields = {}
    for part in parts:
        key, sep, value = part.partition("=")
        value = _plain(value)
        if sep and value:
            fields[key.strip().lower().replace("_", "-")] = value
    return fields


def _plain(value: str) -> str:
    value = _WIKILINK.sub(lambda m: m["shown"], value)
    value = html.unescape(_MARKUP.sub("", value))
    return " ".join(value.split())


def _authors(fields: dict[str, str]) -> list[str]:
    authors = []
    for n in ("", "1", "2", "3", "4", "5", "6"):
        last = fields.get(f"last{n}") or fields.get(f"surname{n}")
        first = fields.get(f"first{n}") or fields.get(f"given{n}")
        whole = fields.get(f"author{n}")
        if last:
            authors.append(f"{last}, {first}" if first else last)
        elif whole:
            authors.append(whole)
    return authors


def _iso(written: str | None) -> str | None:
    found = parse_date(" ".join(written.split())) if written else None
    return found.isoformat() if found else None


def labeled_template(kind: str, fields: dict[str, str], doc: str) -> dict | None:
    """The record for one template: its CS1 display and its fields as labels."""
    title = fields.get("title")
    if not title:
        return None
    authors = _authors(fields)
    date = fields.get("date") or fields.get("year")
    outlet = next(
        (
            fields[k]
            for k in (
                "work",
                "newspaper",
                "website",
                "journal",
                "magazine",
                "encyclopedia",
            )
            if fields.get(k)
        ),
        None,
    )
    publisher = fields.get("publisher")
    pages = fields.get("pages") or fields.get("page")
    accessed = fields.get("access-date") or fields.get("accessdate")
    shown_title = f'"{title}"' if kind in _QUOTED_KINDS else title
    parts = []
    if authors:
        lead = "; ".join(authors)
        parts.append(f"{lead} ({date})" if date else lead)
    parts.append(shown_title)
    if outlet:
        parts.append(outlet)
    if fields.get("agency"):
        parts.append(fields["agency"])
    place = fields.get("location") or fields.get("place")
    if publisher:
        parts.append(f"{place}: {publisher}" if place else publisher)
    elif place and not outlet:
        parts.append(place)
    if date and not authors:
        parts.append(date)
    if pages:
        several = any(c in pages for c in "-–,")
        parts.append(f"pp. {pages}" if several else f"p. {pages}")
    if accessed:
        parts.append(f"Retrieved {accessed}")
    text = ". ".join(p.rstrip(".") for p in parts) + "."
    title_start = text.find(title)
    url = fields.get("url")
    links = []
    if url and title_start >= 0:
        links.append(
            {
                "text": title,
                "href": url,
                "start": title_start,
                "end": title_start + len(title),
            }
        )
    return {
        "text": text,
        "doc": doc,
        "labels": "cite-template",
        "style": "cs1",
        "kind": _KINDS.get(kind, "other"),
        "authors": authors,
        "outlet": outlet,
        "publisher": publisher,
        "title": title,
        "date": _iso(date),
        "accessed": _iso(accessed),
        "url": url,
        "pages": pages,
        "links": links,
    }
