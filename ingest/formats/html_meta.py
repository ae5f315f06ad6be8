"""What a page says about itself: its metadata as found, and the ``Fields`` it states.

``page_meta`` keeps the page's own keys (``og:title``, ``article:published_time``,
JSON-LD ``headline`` as ``ld:headline``, the first ``<h1>``); ``page_fields``
chooses among them once, for every kind:

- title: the headline the page's ``<h1>`` shows, from JSON-LD, Open Graph,
  Twitter or ``<title>`` (without the site's name after a bar or dash); a
  site-wide ``og:title`` such as "Yahoo News - Latest News & Headlines" loses to
  a title that matches the headline on the page;
- date: the published-time metadata, else the first ``<time datetime>`` of the
  article that holds the headline;
- authors: JSON-LD authors, ``author`` metadata, the "By ..." ``byl`` line,
  else the page's byline element (``itemprop=author``, ``rel=author``,
  ``.author-name``), names in capitals re-cased;
- outlet: ``og:site_name``, the JSON-LD publisher, the site's name after the
  title, ``application-name``; agency: the provider a syndicating page names
  (``itemprop=sourceOrganization``, ``.provider``);
- url: ``link rel=canonical`` or ``og:url``, unless it names a site's front or
  section page rather than the article.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ingest.blocks import Fields
from ingest.bylines import proper_case

META_KEYS = {
    "og:title", "og:site_name", "og:description", "og:url", "og:type",
    "og:locale", "article:published_time", "article:published",
    "article:modified_time", "date", "dc.date", "dc.title", "dcterms.created",
    "citation_publication_date", "citation_title", "author", "byl",
    "parsely-pub-date", "publish-date", "pubdate", "sailthru.date",
    "citation_publisher", "citation_author", "dc.publisher", "dc.creator",
    "twitter:title", "hdl", "application-name", "datepublished",
}  # fmt: skip
TITLE_KEYS = ("ld:headline", "og:title", "twitter:title", "hdl", "citation_title",
              "dc.title", "title")  # fmt: skip
DATE_KEYS = (
    "article:published_time", "article:published", "ld:datePublished",
    "datepublished", "citation_publication_date", "dc.date", "dcterms.created",
    "parsely-pub-date", "publish-date", "pubdate", "sailthru.date", "date", "time",
)  # fmt: skip
AUTHOR_KEYS = ("ld:author", "author", "citation_author", "dc.creator")
_BYLINE_TESTS = (
    lambda tag: tag.get("itemprop") == "author",
    lambda tag: "author" in (tag.get("rel") or ()),
    lambda tag: "author-name" in (tag.get("class") or ()),
    lambda tag: "byline-author" in (tag.get("class") or ()),
    lambda tag: "byline" in (tag.get("class") or ()),
)
_PROVIDER_TESTS = (
    lambda tag: tag.get("itemprop") == "sourceOrganization",
    lambda tag: "provider-link" in (tag.get("class") or ()),
    lambda tag: "provider" in (tag.get("class") or ()),
)
_SEPARATOR = re.compile(r"\s+[|\-–—:]\s+")
_BY = re.compile(r"^\s*by\s+", re.I)
_NAMES = re.compile(r"\s*(?:;|,\s*and\s+|\band\b|,|&)\s*")
_SPACE = re.compile(r"\s+")


def page_meta(soup: BeautifulSoup) -> dict[str, str]:
    """The page's metadata under its own keys, first value of each."""
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (
            tag.get("property") or tag.get("name") or tag.get("itemprop") or ""
        ).strip()
        key = key.lower()
        content = _clean(tag.get("content") or "")
        if key in META_KEYS and content and key not in meta:
            meta[key] = content
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = _clean(soup.title.get_text(" "))
    h1 = _headline_element(soup)
    if h1 is not None:
        meta["h1"] = _clean(h1.get_text(" "))
    for script in soup.find_all("script", type="application/ld+json"):
        _json_ld(script.string or "", meta)
    time = _article_time(soup, h1)
    if time:
        meta["time"] = time
    canonical = soup.find("link", rel="canonical", href=True)
    if canonical is not None:
        meta["canonical"] = canonical["href"].strip()
    return meta


def page_fields(soup: BeautifulSoup, meta: dict[str, str]) -> Fields:
    """The facts the page states about the article or document it holds."""
    outlet = _outlet(meta)
    named = _named(
        soup, {"byline": (_BYLINE_TESTS, 12), "provider": (_PROVIDER_TESTS, 5)}
    )
    return Fields(
        title=_title(meta, outlet),
        date=next((meta[k] for k in DATE_KEYS if meta.get(k)), None),
        authors=_authors(meta, named.get("byline")),
        agency=named.get("provider"),
        outlet=outlet,
        publisher=meta.get("citation_publisher") or meta.get("dc.publisher"),
        url=_url(meta.get("canonical")) or _url(meta.get("og:url")),
        language=_language(soup, meta),
    )


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _headline_element(soup: BeautifulSoup) -> Tag | None:
    for h1 in soup.find_all("h1"):
        if h1.get_text(strip=True):
            return h1
    return None


def _article_time(soup: BeautifulSoup, h1: Tag | None) -> str | None:
    """The first ``<time datetime>`` of the article holding the headline."""
    scope = h1.find_parent(["article", "main"]) if h1 is not None else None
    time = (scope or soup).find("time", attrs={"datetime": True})
    if time is None and scope is not None:
        time = soup.find("time", attrs={"datetime": True})
    return time["datetime"].strip() or None if time is not None else None


def _json_ld(text: str, meta: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    tops = data if isinstance(data, list) else [data]
    graphs = [top.get("@graph") or [top] for top in tops if isinstance(top, dict)]
    for item in (item for graph in graphs for item in graph):
        if not isinstance(item, dict):
            continue
        kinds = item.get("@type")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if isinstance(kind, str) and kind.endswith("Article"):
                meta.setdefault("ld:@type", kind)
        for key in ("datePublished", "headline", "dateModified"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                meta.setdefault(f"ld:{key}", _clean(value))
        for key in ("publisher", "author", "sourceOrganization"):
            names = _ld_names(item.get(key))
            if names:
                meta.setdefault(f"ld:{key}", "; ".join(names))


def _ld_names(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for entry in values:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names.append(_clean(name))
    return names


def _title(meta: dict[str, str], outlet: str | None) -> str | None:
    candidates = [meta[key] for key in TITLE_KEYS if meta.get(key)]
    headline = meta.get("h1", "").casefold()
    for candidate in candidates:
        parts = _SEPARATOR.split(candidate)
        for written in (candidate, " - ".join(parts[:-1])):
            if written and written.casefold() == headline:
                return written
    generic = {meta.get("application-name", "").casefold(), (outlet or "").casefold()}
    for candidate in candidates:
        parts = _SEPARATOR.split(candidate)
        if len(parts) > 1 and parts[-1].casefold() in generic:
            candidate = " - ".join(parts[:-1])
        if candidate.casefold() not in generic:
            return candidate
    return meta.get("h1") or None


def _outlet(meta: dict[str, str]) -> str | None:
    for key in ("og:site_name", "ld:publisher"):
        if meta.get(key):
            return meta[key].split("; ")[0]
    title = _SEPARATOR.split(meta.get("title", ""))
    headline = meta.get("h1", "").casefold()
    if len(title) > 1 and headline and title[0].casefold() == headline:
        return title[-1].strip()
    application = _SEPARATOR.split(meta.get("application-name", ""))[0].strip()
    return application or None


def _authors(meta: dict[str, str], byline: str | None) -> tuple[str, ...]:
    written = next((meta[k] for k in AUTHOR_KEYS if meta.get(k)), None)
    if written is None and meta.get("byl"):
        written = _BY.sub("", meta["byl"])
    if written is None or written.startswith(("http://", "https://")):
        written = byline
    if not written:
        return ()
    names = [_BY.sub("", n).strip(" .") for n in _NAMES.split(written)]
    unique: list[str] = []
    for name in names:
        if name and name.casefold() not in {u.casefold() for u in unique}:
            unique.append(proper_case(name, ""))
    return tuple(unique)


def _named(soup: BeautifulSoup, wanted: dict[str, tuple]) -> dict[str, str]:
    """For each of ``wanted`` (tests in order of trust, most words), the short
    text of the element the most trusted test finds, in one pass over the page."""
    found: dict[tuple[str, int], Tag] = {}
    for tag in soup.find_all(True):
        if not tag.attrs:
            continue
        for name, (tests, _) in wanted.items():
            for rank, test in enumerate(tests):
                if (name, rank) not in found and test(tag):
                    found[(name, rank)] = tag
    texts: dict[str, str] = {}
    for (name, _), element in sorted(found.items(), key=lambda item: item[0]):
        named = element.find(attrs={"itemprop": "name"}) or element
        text = _clean(named.get("content") or named.get_text(" "))
        if name not in texts and text and len(text.split()) <= wanted[name][1]:
            texts[name] = text
    return texts


def _url(value: str | None) -> str | None:
    """An article's address; None for a site's front or section page."""
    if not value:
        return None
    if value.startswith("//"):
        value = f"https:{value}"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) <= 1 and not re.search(r"[\d.-]", "".join(segments)):
        return None
    return value


def _language(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    return (lang or meta.get("og:locale") or "").strip() or None
