"""Walk HTML (saved pages, or Markdown rendered to HTML) into neutral blocks.

Recognises footnote markers in the forms reports use: ``<sup>12</sup>``,
``<a href="#fn12">``, Markdown's ``<sup id="fnref:12">`` and links whose text is
a bare number (``[537](#)``); and endnotes as list items or blocks whose id or
container names them (``<li id="fn12">``, ``<section class="footnotes">``) or that
link back to their marker.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from ingest.blocks import Block, BlockKind
from ingest.text_marks import TextBuilder

SKIPPED = {
    "script", "style", "noscript", "template", "svg", "nav", "form", "button",
    "iframe", "select", "input", "textarea", "head", "title", "meta", "link",
}  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
PARAGRAPHS = {"p", "pre", "dt", "dd", "figcaption", "caption", "address"}
CONTAINERS = {
    "html", "body", "div", "section", "article", "main", "header", "footer",
    "aside", "blockquote", "figure", "table", "thead", "tbody", "tfoot", "dl",
    "details", "center", "hgroup",
}  # fmt: skip
NOTE_ID = re.compile(
    r"^(?:fn|footnote|endnote|note|ftn|edn|en|cite_note)[-_:.]?([\w.-]+?)$", re.I
)
MARKER_HREF = re.compile(
    r"^#(?:fn|footnote|endnote|note|ftn|edn|en|cite_note)[-_:.]?([\w.-]+?)$", re.I
)
BACKLINK_HREF = re.compile(r"^#(?:fnref|ref|footnote-ref|ftnref|ednref|cite_ref)", re.I)
BACKLINK_TEXT = {"↩", "↩︎", "^", "↑", "back", "return"}
NOTES_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|^notes$|references", re.I)
NUMBER = re.compile(r"^\[?\^?(\d{1,4}[a-z]?)\]?$")
META_KEYS = {
    "og:title", "og:site_name", "og:description", "article:published_time",
    "article:modified_time", "date", "dc.date", "dc.title", "dcterms.created",
    "citation_publication_date", "citation_title", "author", "byl",
    "parsely-pub-date", "publish-date", "pubdate", "sailthru.date",
    "citation_publisher", "citation_author", "dc.publisher",
}  # fmt: skip


def html_to_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    meta = _metadata(soup)
    blocks: list[Block] = []
    _walk(soup, blocks, in_notes=False)
    return [b for b in blocks if b.text or b.marks], meta


def _metadata(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key in META_KEYS and content and key not in meta:
            meta[key] = content
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = soup.title.get_text(" ", strip=True)
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        meta["h1"] = h1.get_text(" ", strip=True)
    for script in soup.find_all("script", type="application/ld+json"):
        _json_ld(script.string or "", meta)
    time = soup.find("time", attrs={"datetime": True})
    if time:
        meta.setdefault("time", time["datetime"].strip())
    return meta


def _json_ld(text: str, meta: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    items = data if isinstance(data, list) else data.get("@graph", [data])
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in ("datePublished", "headline", "dateModified"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                meta.setdefault(f"ld:{key}", value.strip())
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            meta.setdefault("ld:publisher", publisher["name"])


def _walk(parent: Tag, blocks: list[Block], in_notes: bool) -> None:
    inline: list[NavigableString | Tag] = []

    def flush() -> None:
        if inline:
            blocks.append(_block(inline, "paragraph"))
            inline.clear()

    for child in parent.children:
        if isinstance(child, PreformattedString):  # comments, doctype, CDATA
            continue
        if isinstance(child, NavigableString):
            inline.append(child)
            continue
        if not isinstance(child, Tag) or child.name in SKIPPED:
            continue
        name = child.name
        if name in HEADINGS:
            flush()
            blocks.append(_block([child], "heading", level=HEADINGS[name]))
        elif name in PARAGRAPHS:
            flush()
            label = _note_label(child)
            blocks.append(
                _block([child], "note" if label else "paragraph", label=label)
            )
        elif name in ("ul", "ol"):
            flush()
            _walk_list(child, blocks, in_notes or _names_notes(child))
        elif name == "tr":
            flush()
            blocks.append(_block(_row_cells(child), "paragraph"))
        elif name in CONTAINERS or name == "li":
            flush()
            _walk(child, blocks, in_notes or _names_notes(child))
        else:
            inline.append(child)
    flush()


def _walk_list(listing: Tag, blocks: list[Block], in_notes: bool) -> None:
    number = _list_start(listing)
    for item in listing.find_all("li", recursive=False):
        nested = [c for c in item.find_all(["ul", "ol"]) if c.find_parent("li") is item]
        for sub in nested:
            sub.extract()
        label = _note_label(item)
        if label is None and listing.name == "ol" and (in_notes or _has_backlink(item)):
            label = str(number)
        kind: BlockKind = "note" if label is not None else "list_item"
        item_label = (
            label
            if label is not None
            else (str(number) if listing.name == "ol" else None)
        )
        blocks.append(_block(list(item.children), kind, label=item_label))
        for sub in nested:
            _walk_list(sub, blocks, in_notes)
        number += 1


def _list_start(listing: Tag) -> int:
    try:
        return int(listing.get("start", 1))
    except (TypeError, ValueError):
        return 1


def _names_notes(tag: Tag) -> bool:
    names = [tag.get("id") or "", tag.get("role") or "", *tag.get("class", [])]
    return any(NOTES_CONTAINER.search(name) for name in names if name) or (
        tag.get("role") in ("doc-endnotes", "doc-footnotes")
    )


def _note_label(tag: Tag) -> str | None:
    match = NOTE_ID.match(tag.get("id") or "")
    if match and not (tag.get("id") or "").lower().startswith(("fnref", "noteref")):
        return match.group(1)
    if tag.get("role") in ("doc-endnote", "doc-footnote"):
        first = tag.get_text(" ", strip=True).split(" ", 1)[0]
        number = NUMBER.match(first.rstrip("."))
        return number.group(1) if number else None
    return None


def _has_backlink(item: Tag) -> bool:
    return any(_is_backlink(a) for a in item.find_all("a"))


def _is_backlink(anchor: Tag) -> bool:
    classes = " ".join(anchor.get("class", []))
    return (
        "backref" in classes
        or anchor.get("role") == "doc-backlink"
        or is_backlink(anchor.get_text(strip=True), anchor.get("href") or "")
    )


def is_backlink(text: str, href: str) -> bool:
    """True for a link back from a footnote to its marker, such as ``↩``."""
    return bool(
        BACKLINK_HREF.match(href)
        or (href.startswith("#") and text.lower() in BACKLINK_TEXT)
    )


def _row_cells(row: Tag) -> list[NavigableString | Tag]:
    nodes: list[NavigableString | Tag] = []
    for cell in row.find_all(["td", "th"], recursive=False):
        if nodes:
            nodes.append(NavigableString(" | "))
        nodes.append(cell)
    return nodes


def _block(
    nodes: list, kind: BlockKind, level: int | None = None, label: str | None = None
) -> Block:
    builder = TextBuilder()
    for node in nodes:
        _inline(node, builder)
    return builder.block(kind, level=level, label=label)


def _inline(node: NavigableString | Tag, builder: TextBuilder) -> None:
    if isinstance(node, PreformattedString):
        return
    if isinstance(node, NavigableString):
        builder.add_text(str(node))
        return
    if node.name in SKIPPED:
        return
    if node.name == "br":
        builder.add_space()
        return
    label = _marker_label(node)
    if label is not None:
        builder.add_mark(label)
        return
    if node.name == "a" and _is_backlink(node):
        return
    start = builder.position
    block_level = (
        node.name in PARAGRAPHS or node.name in CONTAINERS or node.name == "li"
    )
    if block_level and builder.position:
        builder.add_space()
    for child in node.children:
        _inline(child, builder)
    if block_level:
        builder.add_space()
    if node.name == "a" and node.get("href"):
        builder.add_link(node.get_text(" ", strip=True), node["href"].strip(), start)
    elif node.name in ("em", "i", "cite"):
        builder.add_emphasis(start)


def _marker_label(node: Tag) -> str | None:
    """The footnote label a marker element stands for, or None."""
    if node.name == "sup":
        anchor = node.find("a")
        if anchor is not None:
            label = _marker_label(anchor)
            if label is not None:
                return label
        number = NUMBER.match(node.get_text(strip=True))
        return number.group(1) if number else None
    if node.name != "a":
        return None
    return anchor_marker(node.get_text(strip=True), (node.get("href") or "").strip())


def anchor_marker(text: str, href: str) -> str | None:
    """The footnote label a link with this text and target stands for, or None."""
    by_href = MARKER_HREF.match(href)
    if by_href and not BACKLINK_HREF.match(href):
        return by_href.group(1)
    number = NUMBER.match(text)
    if number and (href == "" or href.startswith("#")):
        return number.group(1)
    return None
