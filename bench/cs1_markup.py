"""Labeled citations from Wikipedia pages: CS1's markup and its COinS metadata.

Every reference ``cite.citation`` of a saved Wikipedia page is one labeled
string: its displayed text is the string, and the labels come from the
metadata MediaWiki wrote beside it (the COinS ``span.Z3988`` after the cite,
an OpenURL ContextObject) or, where a saved page lacks COinS, from CS1's own
markup: the title in quotes (or italics for a book), the work in italics after
it, the date in brackets after the authors, the access date in
``span.reference-accessdate``, the URL on the title's link.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from bs4 import BeautifulSoup, Tag

from ingest.dates import parse_date

_KINDS = {
    "news": "news",
    "web": "web",
    "pressrelease": "web",
    "magazine": "news",
    "journal": "journal",
    "book": "book",
    "encyclopaedia": "book",
    "report": "report",
    "thesis": "report",
}
_QUOTED = re.compile(r'"(?P<title>[^"]+)"')
_LEAD = re.compile(r"^(?P<authors>[^\"(]+?) \((?P<date>[^)]*)\)(?: \[[^\]]*\])?[.,] ")
_PAGES = re.compile(r"^(?:pp?\.|p\.p\.)\s*(?P<pages>.+)$")
_NOT_PUBLISHER = re.compile(
    r"^(?:Retrieved|Archived|ISBN|ISSN|doi|OCLC|PMID|PMC|Bibcode|JSTOR|\(PDF\)|"
    r"Vol\.|No\.|[\d(]|In |Retrieved)"
)


def labeled_cites(html: str, doc: str) -> list[dict]:
    """One record per reference ``cite`` of a saved Wikipedia page."""
    soup = BeautifulSoup(html, "html.parser")
    for junk in soup.select("ol.references div, ol.references style, cite q"):
        junk.decompose()
    records = []
    for cite in soup.select("ol.references cite"):
        coins = cite.find_next_sibling("span", class_="Z3988")
        record = _from_markup(cite, doc)
        if record is None:
            continue
        if coins is not None:
            record = _with_coins(record, parse_qs(coins.get("title", "")))
        records.append(record)
    return records


def display_text(cite: Tag) -> str:
    text = " ".join(cite.get_text(" ").split())
    text = re.sub(r" ([.,;:)])", r"\1", text)
    return re.sub(r"\( ", "(", text).replace('" ', '" ').strip()


def _kind(cite: Tag) -> str:
    for name in cite.get("class", []):
        if name in _KINDS:
            return _KINDS[name]
    return "other"


def _from_markup(cite: Tag, doc: str) -> dict | None:
    text = display_text(cite)
    if not text:
        return None
    accessed = None
    span = cite.select_one("span.reference-accessdate")
    if span is not None:
        when = span.get_text(" ").split("Retrieved", 1)[-1]
        accessed = _iso(when)
    lead = _LEAD.match(text)
    authors = _authors(lead["authors"]) if lead else []
    date = _iso(lead["date"]) if lead else None
    italics = [" ".join(i.get_text(" ").split()) for i in cite.find_all("i")]
    quoted = _QUOTED.search(text)
    if quoted:
        title = quoted["title"].strip()
        after = text[quoted.end() :]
        outlet = next((i for i in italics if i and i in after), None)
        rest = after
    else:
        title = italics[0] if italics else None
        outlet = None
        rest = text[text.find(title) + len(title) :] if title else text
    if not lead and title:
        before = text[: text.find(title)].strip(' ."')
        authors = _authors(before) if before else []
    segments = [s.strip() for s in re.split(r"\.\s+|,\s+(?=\d)", rest) if s.strip()]
    if date is None:
        date = next((_iso(s) for s in segments if _iso(s)), None)
    pages = next((m["pages"] for s in segments if (m := _PAGES.match(s))), None)
    publisher = _publisher(segments, outlet, title)
    url = None
    for link in cite.select("a.external"):
        if title and title in " ".join(link.get_text(" ").split()):
            url = link.get("href")
            break
    if url and url.startswith("//"):
        url = "https:" + url
    return {
        "text": text,
        "doc": doc,
        "labels": "cs1-markup",
        "style": "cs1",
        "kind": _kind(cite),
        "authors": authors,
        "outlet": outlet,
        "publisher": publisher,
        "title": title,
        "date": date,
        "accessed": accessed,
        "url": url,
        "pages": pages,
        "links": _links(cite, text),
    }


def _publisher(segments: list[str], outlet: str | None, title: str | None):
    for segment in segments:
        value = segment.strip(' ."')
        if len(value) < 3 or value in (outlet, title) or (outlet and outlet in value):
            continue
        if _NOT_PUBLISHER.match(value) or _iso(value) or _PAGES.match(value):
            continue
        if parse_date(value, default_year=2000):  # "August 9" of "August 9, 2017"
            continue
        if title and value in title:
            continue
        return value.split(": ", 1)[-1]
    return None


def _authors(written: str) -> list[str]:
    written = re.sub(r",? (?:ed|eds)\.$", "", written.strip(" ."))
    return [a.strip() for a in written.split(";") if a.strip()]


def _iso(written: str) -> str | None:
    found = parse_date(" ".join(written.split()).rstrip("."))
    return found.isoformat() if found else None


def _links(cite: Tag, text: str) -> list[dict]:
    """The cite's external links as offsets into its display text, first match."""
    links = []
    for link in cite.select("a.external"):
        shown = " ".join(link.get_text(" ").split())
        start = text.find(shown) if shown else -1
        if start >= 0 and link.get("href"):
            href = link["href"]
            href = "https:" + href if href.startswith("//") else href
            links.append(
                {"text": shown, "href": href, "start": start, "end": start + len(shown)}
            )
    return links


def _with_coins(record: dict, coins: dict[str, list[str]]) -> dict:
    """The labels COinS states, and the fields the display has that it lacks."""
    first = lambda key: (coins.get(key) or [None])[0]  # noqa: E731
    title = first("rft.atitle") or first("rft.btitle") or first("rft.title")
    outlet = first("rft.jtitle") if first("rft.atitle") else None
    authors = list(coins.get("rft.au", []))
    if first("rft.aulast"):
        name = first("rft.aulast")
        if first("rft.aufirst"):
            name = f"{name}, {first('rft.aufirst')}"
        authors.insert(0, name)
    pages = first("rft.pages") or first("rft.spage")
    url = next((i for i in coins.get("rft_id", []) if i.startswith("http")), None)
    date = first("rft.date")
    labeled = {
        "title": title,
        "outlet": outlet,
        "publisher": first("rft.pub"),
        "authors": authors,
        "date": _iso(date) if date else None,
        "pages": pages,
        "url": url,
    }
    lacks = sorted(k for k, v in labeled.items() if not v and record.get(k))
    merged = {**record, "labels": "coins"}
    merged.update({k: v for k, v in labeled.items() if v})
    if lacks:
        merged["coins_lacks"] = lacks
    return merged
