"""Cited works that a page states field by field: COinS spans and citation markup.

Wikipedia and other MediaWiki sites render each ``{{cite ...}}`` as a
``<cite class="citation news">`` followed by a COinS ``<span class="Z3988">``
whose ``title`` holds the fields as OpenURL pairs (``rft.atitle``, ``rft.jtitle``,
``rft.au``, ``rft.date``, ``rft_id``). COinS is trusted first; the markup fills
what COinS leaves out (the access date, a publisher) or stands alone when the
page carries no COinS: quoted or italic title, italic periodical, the date in
parentheses after the authors or among the plain parts, "Retrieved ..." as the
access date and "Archived from the original on ..." as neither.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import parse_qsl

from bs4 import Tag

from ingest.blocks import Work

_DATE = re.compile(
    r"\b(?:\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4}|"
    r"[A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2}|\d{4})\b"
)
_ARCHIVED = re.compile(r"Archived(?: from the original)?\s*(?:\(\w+\)\s*)?on [^.]*\.?")
_RETRIEVED = re.compile(r"^\W*Retrieved\s+", re.I)
_AUTHORS_DATE = re.compile(r"^(?P<authors>[^\"“(]+?)\s*\((?P<date>[^()]*\d{4}[^()]*)\)")
_PAGES = re.compile(r"\b(pp?\.\s*[\w–-]+(?:[–-]\w+)?)")
_QUOTES = "\"“”'‘’"
_KINDS = {"news", "web", "book", "journal", "magazine", "report", "press", "thesis"}


def page_works(note: Tag, cited: dict[str, Tag] | None = None) -> tuple[Work, ...]:
    """The works one note (a ``li`` of a reference list) states field by field.

    A short note such as "King 2003, p. 41" whose link leads to a full citation
    elsewhere on the page (``cited``: Wikipedia's ``#CITEREFKing2003``) gives
    that citation's work, with the note's own pages.
    """
    cites, coins, anchors = _parts(note)
    works = [_work(cite) for cite in cites if _is_citation(cite)]
    if not works:
        works = [coins_work(span["title"]) for span in coins]
    if not works and cited:
        pages = _pages(note.get_text(" "))
        for anchor in anchors:
            target = cited.get(anchor["href"].partition("#")[2])
            if target is not None:
                works.append(replace(_work(target), pages=pages))
    return tuple(w for w in works if w.title or w.url or w.outlet)


def _work(cite: Tag) -> Work:
    work = citation_work(cite)
    coins = _following_coins(cite)
    return _merged(coins_work(coins["title"]), work) if coins is not None else work


def _parts(note: Tag) -> tuple[list[Tag], list[Tag], list[Tag]]:
    """The note's ``cite`` elements, COinS spans and links, in one pass."""
    cites: list[Tag] = []
    coins: list[Tag] = []
    anchors: list[Tag] = []
    for node in note.descendants:
        if not isinstance(node, Tag):
            continue
        if node.name == "cite":
            cites.append(node)
        elif node.name == "span":
            if "Z3988" in node.get("class", ()) and node.get("title"):
                coins.append(node)
        elif node.name == "a" and node.get("href") is not None:
            anchors.append(node)
    return cites, coins, anchors


def _is_citation(cite: Tag) -> bool:
    return "citation" in cite.get("class", [])


def _following_coins(cite: Tag) -> Tag | None:
    sibling = cite.find_next_sibling()
    if isinstance(sibling, Tag) and "Z3988" in sibling.get("class", []):
        return sibling if sibling.get("title") else None
    return None


def coins_work(title: str) -> Work:
    """A work from a COinS ``title`` attribute (an OpenURL ContextObject)."""
    pairs = parse_qsl(title, keep_blank_values=False)
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value.strip())

    def first(*keys: str) -> str | None:
        return next((values[k][0] for k in keys if values.get(k)), None)

    authors = list(values.get("rft.au", []))
    last, given = first("rft.aulast"), first("rft.aufirst")
    if last:
        name = f"{last}, {given}" if given else last
        if name not in authors:
            authors.insert(0, name)
    article = first("rft.atitle")
    return Work(
        title=article or first("rft.btitle", "rft.title", "rft.jtitle"),
        outlet=first("rft.jtitle") if article else None,
        publisher=first("rft.pub"),
        authors=tuple(authors),
        date=first("rft.date"),
        url=_url(first("rft_id")),
        pages=first("rft.pages"),
        kind=first("rft.genre"),
    )


def _url(value: str | None) -> str | None:
    return value if value and value.startswith(("http://", "https://")) else None


def citation_work(cite: Tag) -> Work:
    """A work read from rendered citation markup, without COinS."""
    accessed = _accessed(cite)
    text = " ".join(_text_without_accessdate(cite).split())
    archived_link = _original_link(cite)
    title_link = _title_link(cite, archived_link)
    italics = [i.get_text(" ", strip=True) for i in cite.find_all("i")]
    title = _title(title_link, text, italics)
    outlet = italics[0] if italics and italics[0] != title else None
    authors, date = _authors_and_date(text)
    rest = _ARCHIVED.sub("", _after(text, outlet or title))
    if date is None:
        found = _DATE.search(rest)
        date = found.group(0) if found else None
    url = archived_link or (title_link.get("href") if title_link else None)
    return Work(
        title=title,
        outlet=outlet,
        publisher=_publisher(rest, date),
        authors=authors,
        date=date,
        accessed=accessed,
        url=_url(url),
        pages=_pages(text),
        kind=next((c for c in cite.get("class", []) if c in _KINDS), None),
    )


def _accessed(cite: Tag) -> str | None:
    span = cite.find(class_="reference-accessdate")
    if span is None:
        return None
    return _RETRIEVED.sub("", span.get_text(" ", strip=True)).strip(" .") or None


def _text_without_accessdate(cite: Tag) -> str:
    span = cite.find(class_="reference-accessdate")
    skipped = {id(piece) for piece in span.strings} if span is not None else set()
    return "".join(str(p) for p in cite.strings if id(p) not in skipped)


def _original_link(cite: Tag) -> str | None:
    """The original's address in "Archived from the original on ..."."""
    for anchor in cite.find_all("a", href=True):
        before = anchor.previous_sibling
        if isinstance(before, str) and before.rstrip().endswith("Archived from"):
            return anchor["href"]
    return None


def _title_link(cite: Tag, original: str | None) -> Tag | None:
    """The external link on the work's title (not the archived original)."""
    for anchor in cite.find_all("a", href=True):
        if "external" in anchor.get("class", []) and anchor["href"] != original:
            return anchor
    return None


def _title(link: Tag | None, text: str, italics: list[str]) -> str | None:
    """A quoted title, else an italic one (a book), else the linked words."""
    label = " ".join(link.get_text(" ", strip=True).split()) if link else ""
    quoted = _quoted(label) or _quoted_text(text)
    if quoted:
        return quoted
    if label and label in italics:
        italics.remove(label)
        return label
    if italics and (not label or text.find(italics[0]) < text.find(label)):
        return italics.pop(0)
    return label or None


def _quoted(text: str) -> str | None:
    text = " ".join(text.split())
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        return text[1:-1].strip() or None
    return None


def _quoted_text(text: str) -> str | None:
    found = re.search(r"[\"“]([^\"”]+)[\"”]", text)
    return found.group(1).strip() if found else None


def _authors_and_date(text: str) -> tuple[tuple[str, ...], str | None]:
    found = _AUTHORS_DATE.match(text)
    if found is None:
        return (), None
    names = [n.strip(" .") for n in found.group("authors").split(";")]
    return tuple(n for n in names if n), found.group("date").strip()


def _after(text: str, anchor: str | None) -> str:
    if not anchor:
        return text
    index = text.find(anchor)
    return text[index + len(anchor) :] if index >= 0 else text


def _publisher(rest: str, date: str | None) -> str | None:
    """A plain part between the periodical and the date ("Fairfax NZ")."""
    rest = re.sub(r"\([^()]*\)", "", _PAGES.sub("", rest))
    for part in (p.strip(" .,;" + _QUOTES) for p in rest.split(". ")):
        if not part or (date and date in part) or _DATE.fullmatch(part):
            continue
        if part.startswith(("ISBN", "doi", "Retrieved")) or len(part.split()) > 8:
            continue
        return part.rpartition(": ")[2]  # "New Zealand: Penguin Books"
    return None


def _pages(text: str) -> str | None:
    found = _PAGES.search(text)
    return " ".join(found.group(1).split()) if found else None


def _merged(coins: Work, markup: Work) -> Work:
    """COinS fields, with the markup's where COinS has none."""
    filled = {
        name: getattr(markup, name)
        for name in Work.__dataclass_fields__
        if not getattr(coins, name) and getattr(markup, name)
    }
    if markup.kind:  # "news", "web", "book" say more than COinS's genre
        filled["kind"] = markup.kind
    return replace(coins, **filled)
