"""A saved news page's article text, without the page around it.

A whole saved page holds, besides the story, menus, teasers of other stories,
ads, comments and related links; walked whole they outnumber the story's own
paragraphs. trafilatura (Apache-2.0) finds the main text; its output, rendered
as HTML with headings, lists, links and emphasis, goes through the same walker
as any page. Image captions and alt texts it keeps are dropped.

A page is read this way when it is an article: it has no footnote structure
(markers bound to endnotes make a report, walked whole so that every note is
kept) and it says it is one (``og:type`` article, a JSON-LD ``*Article``,
published-time metadata, an ``<article>`` element) or its links outweigh its
prose. The extract must hold a real paragraph; otherwise the whole page is used.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ingest.blocks import Block
from ingest.formats.html_walk import walk

ARTICLE_KEYS = ("article:published_time", "article:published", "ld:datePublished")
LINK_SHARE = 0.3  # a page whose text is this much link text is mostly navigation
MIN_WORDS = 20  # the extract must hold a paragraph at least this long
ENDNOTE_MARKERS = 3  # distinct markers that, with a list numbered alike, are notes
_SPACE = re.compile(r"\s+")


def is_article(soup: BeautifulSoup, meta: dict[str, str], blocks: list[Block]) -> bool:
    """True for a page to read as one article rather than walk whole."""
    if _footnoted(blocks):
        return False
    says_so = (
        meta.get("og:type", "").lower() == "article"
        or "ld:@type" in meta
        or any(meta.get(key) for key in ARTICLE_KEYS)
        or soup.find("article") is not None
    )
    return says_so or _link_share(blocks) >= LINK_SHARE


def article_blocks(html: str, soup: BeautifulSoup) -> list[Block] | None:
    """The article's blocks, or None when no main text stands out."""
    import trafilatura  # imported here: it takes a fifth of a second to load

    extracted = trafilatura.extract(
        html,
        output_format="html",
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    if not extracted:
        return None
    captions = _captions(soup)
    blocks = [
        block
        for block in walk(BeautifulSoup(extracted, "html.parser"))
        if _key(block.text) not in captions
    ]
    if not any(
        b.kind != "heading" and len(b.text.split()) >= MIN_WORDS for b in blocks
    ):
        return None
    return blocks


def _footnoted(blocks: list[Block]) -> bool:
    """Markers bound to notes, or several markers and a numbered list after the
    last of them whose numbers they use (endnotes with no markup of their own)."""
    notes = {b.label for b in blocks if b.kind == "note"}
    marked = [(i, m.label) for i, b in enumerate(blocks) if b.kind != "note"
              for m in b.marks]  # fmt: skip
    if any(label in notes for _, label in marked):
        return True
    labels = {label for _, label in marked}
    if len(labels) < ENDNOTE_MARKERS:
        return False
    last = marked[-1][0]
    numbered = {b.label for b in blocks[last + 1 :] if b.kind == "list_item"}
    return len(labels & numbered) >= ENDNOTE_MARKERS


def _link_share(blocks: list[Block]) -> float:
    total = sum(len(b.text) for b in blocks)
    linked = sum(link.end - link.start for b in blocks for link in b.links)
    return linked / total if total else 0.0


def _captions(soup: BeautifulSoup) -> set[str]:
    """Image captions and alt texts, folded for comparison."""
    texts = {_key(img.get("alt") or "") for img in soup.find_all("img")}
    texts |= {_key(f.get_text(" ")) for f in soup.find_all("figcaption")}
    return texts - {""}


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()
