"""Walk HTML (saved pages, or Markdown rendered to HTML) into neutral blocks.

Recognises footnote markers and endnotes (``html_markers``): ``<sup>12</sup>``,
``<a href="#fn12">``, Markdown's ``<sup id="fnref:12">``, Wikipedia's
``<sup class="reference">``, links whose text is a bare number (``[537](#)``);
endnotes as list items or blocks whose id or container names them
(``<li id="fn12">``, ``<section class="footnotes">``, ``<ol class="references">``)
or that link back to their marker. Page furniture (``html_chrome``) is skipped,
and a note that states its cited works as COinS or citation markup carries them
(``html_works``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from ingest.blocks import Block, BlockKind, Work
from ingest.formats.html_chrome import is_chrome, notes_cited_in
from ingest.formats.html_markers import (
    NoteLinks,
    anchor_marker,
    is_backlink,
    is_backlink_anchor,
    marker_label,
    note_label,
    note_links,
)
from ingest.formats.html_meta import page_meta
from ingest.formats.html_works import page_works
from ingest.text_marks import TextBuilder

__all__ = ["anchor_marker", "html_to_blocks", "is_backlink", "walk"]

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
FLAT_BELOW = 200  # deeper elements are read as plain text, so the walk never
# recurses past Python's limit (the HTML reader refuses such pages outright)
NOTES_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|^notes$|references", re.I)
# A page locator after a marker, as Wikipedia's {{rp}} prints it: "[12]: 207".
PAGE_LOCATOR = re.compile(
    r"^:\s*(?:pp?\.\s*)?[\divxlc][\w,–—-]*(?:\s*[,–-]\s*\w+)*$", re.I
)


def html_to_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """The blocks and metadata of HTML rendered from a text format, whose note
    ids keep the labels its author wrote (``[^8]`` renders as 1 and ``#fn:8``)."""
    soup = BeautifulSoup(html, "html.parser")
    return walk(soup, shown=False), page_meta(soup)


def walk(soup: BeautifulSoup | Tag, shown: bool = True) -> list[Block]:
    """The blocks under ``soup``, page furniture left out."""
    return walk_page(soup, shown)[0]


def walk_page(
    soup: BeautifulSoup | Tag, shown: bool = True
) -> tuple[list[Block], frozenset[str]]:
    """The blocks under ``soup``, page furniture left out, and the labels of the
    notes that only the furniture cites (an infobox's "[n 1]").

    With ``shown`` markers and notes take the label the page displays (a saved
    page's readers cite its "[81]"), else the one their ids spell.
    """
    walker = _Walker(note_links(soup, shown), shown)
    walker.cited = {c["id"]: c for c in soup.find_all("cite", id=True)}
    walker.walk(soup, in_notes=False)
    blocks = [b for b in walker.blocks if b.text or b.marks]
    return blocks, frozenset(walker.cited_aside)


class _Walker:
    def __init__(self, links: NoteLinks, shown: bool) -> None:
        self.labels = links.labels  # note id -> the label its markers show
        self.marker_ids = links.marker_ids
        self.shown = shown
        self.cited: dict[str, Tag] = {}  # full citations that short notes link to
        self.blocks: list[Block] = []
        self.cited_aside: set[str] = set()  # notes that skipped furniture cites

    def block(self, nodes: list, kind: BlockKind, **extra) -> Block:
        builder = TextBuilder()
        # A note's "[1966]" is a year in brackets; only body text has literal
        # markers such as "[12]".
        literal = kind != "note"
        for node in nodes:
            self.inline(node, builder, literal, 0)
        works = extra.pop("works", ())
        block = builder.block(kind, **extra)
        return replace(block, works=works) if works else block

    def walk(self, parent: Tag, in_notes: bool, depth: int = 0) -> None:
        if depth > FLAT_BELOW:
            self.blocks.append(_flat(parent))
            return
        inline: list[NavigableString | Tag] = []

        def flush() -> None:
            if inline:
                self.blocks.append(self.block(inline, "paragraph"))
                inline.clear()

        for child in parent.children:
            if isinstance(child, PreformattedString):  # comments, doctype, CDATA
                continue
            if isinstance(child, NavigableString):
                inline.append(child)
                continue
            if not isinstance(child, Tag) or child.name in SKIPPED:
                continue
            if is_chrome(child):
                self.cited_aside |= notes_cited_in(child, self.shown)
                continue
            name = child.name
            if name in HEADINGS:
                flush()
                self.blocks.append(self.block([child], "heading", level=HEADINGS[name]))
            elif name in PARAGRAPHS:
                flush()
                label = note_label(child, self.labels) or self.leading_note(child)
                kind: BlockKind = "note" if label else "paragraph"
                works = page_works(child, self.cited) if label else ()
                self.blocks.append(self.block([child], kind, label=label, works=works))
            elif name in ("ul", "ol"):
                flush()
                self.walk_list(child, in_notes or _names_notes(child), depth + 1)
            elif name == "tr":
                flush()
                self.blocks.append(self.block(_row_cells(child), "paragraph"))
            elif name in CONTAINERS or name == "li":
                flush()
                self.walk(child, in_notes or _names_notes(child), depth + 1)
            else:
                inline.append(child)
        flush()

    def inline(
        self,
        node: NavigableString | Tag,
        builder: TextBuilder,
        literal: bool,
        depth: int,
    ) -> None:
        if isinstance(node, PreformattedString):
            return
        if isinstance(node, NavigableString):
            builder.add_text(str(node), literal_markers=literal)
            return
        if depth > FLAT_BELOW:
            builder.add_text(node.get_text(" "), literal_markers=literal)
            return
        if node.name in SKIPPED:
            return
        if is_chrome(node):
            self.cited_aside |= notes_cited_in(node, self.shown)
            return
        if node.name == "br":
            builder.add_space()
            return
        if node.name == "a" and is_backlink_anchor(node, self.marker_ids):
            return
        if node.name == "sup" and PAGE_LOCATOR.match(node.get_text(strip=True)):
            return
        label = marker_label(node, self.shown)
        if label is not None:
            builder.add_mark(label)
            return
        start = builder.position
        block_level = (
            node.name in PARAGRAPHS or node.name in CONTAINERS or node.name == "li"
        )
        if block_level and builder.position:
            builder.add_space()
        for child in node.children:
            self.inline(child, builder, literal, depth + 1)
        if block_level:
            builder.add_space()
        if node.name == "a" and node.get("href"):
            text = node.get_text(" ", strip=True)
            builder.add_link(text, node["href"].strip(), start)
        elif node.name in ("em", "i", "cite"):
            builder.add_emphasis(start)

    def leading_note(self, paragraph: Tag) -> str | None:
        """The label of a note whose paragraph opens with its anchor, as in
        ``<p><a id="fn1x2" href="#fn1x2-bk">1</a> Text</p>``."""
        for node in paragraph.descendants:
            if isinstance(node, Tag) and node.get("id") in self.labels:
                return self.labels[node["id"]]
            if isinstance(node, NavigableString) and node.strip():
                return None
        return None

    def walk_list(self, listing: Tag, in_notes: bool, depth: int) -> None:
        if depth > FLAT_BELOW:
            self.blocks.append(_flat(listing))
            return
        number = _list_start(listing)
        for item in listing.find_all("li", recursive=False):
            if is_chrome(item):
                self.cited_aside |= notes_cited_in(item, self.shown)
                continue
            nested = _nested_lists(item)
            for sub in nested:
                sub.extract()
            label = note_label(item, self.labels)
            if (
                label is None
                and listing.name == "ol"
                and (in_notes or _backlinked(item, self.marker_ids))
            ):
                label = str(number)
            kind: BlockKind = "note" if label is not None else "list_item"
            if label is None and listing.name == "ol":
                label = str(number)
            works: tuple[Work, ...] = (
                page_works(item, self.cited) if kind == "note" else ()
            )
            self.blocks.append(
                self.block(list(item.children), kind, label=label, works=works)
            )
            for sub in nested:
                self.walk_list(sub, in_notes, depth + 1)
            number += 1


def _nested_lists(item: Tag) -> list[Tag]:
    """The lists inside ``item`` that no other list item inside it holds."""
    found: list[Tag] = []
    stack = [c for c in reversed(item.contents) if isinstance(c, Tag)]
    while stack:  # in document order, without recursion
        node = stack.pop()
        if node.name in ("ul", "ol"):
            found.append(node)
        if node.name != "li":
            stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))
    return found


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


def _backlinked(item: Tag, marker_ids: frozenset[str]) -> bool:
    return any(is_backlink_anchor(a, marker_ids) for a in item.find_all("a"))


def _row_cells(row: Tag) -> list[NavigableString | Tag]:
    nodes: list[NavigableString | Tag] = []
    for cell in row.find_all(["td", "th"], recursive=False):
        if nodes:
            nodes.append(NavigableString(" | "))
        nodes.append(cell)
    return nodes


def _flat(tag: Tag) -> Block:
    """A paragraph of the text under ``tag``, read without recursion."""
    builder = TextBuilder()
    builder.add_text(tag.get_text(" "))
    return builder.block("paragraph")
