"""A wire story's blocks sorted into its text and the parts around it.

Boilerplate rules peel off date lines, credits, legal notices, prompts and page
chrome; what is left is the byline, the sign-off, and the story text, whose
first paragraph loses its dateline and whose last loses a glued sign-off.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.blocks import Block, Source
from ingest.boilerplate import Piece, split_block
from ingest.bylines import byline_names
from ingest.datelines import Dateline, agency_named, find_dateline, glued_signoff
from ingest.memo import same_as_last
from ingest.outlets import Outlet, OutletRegistry

DATELINE_SEARCH = 3  # paragraphs at the top that may carry the dateline
LINK_SHARE = 0.9  # a block this much link text is a link list, not prose
NAVIGATION_WORDS = 12  # a short block of nothing but links is navigation


@dataclass(frozen=True, slots=True)
class StoryParts:
    body: tuple[Block, ...]
    dateline: Dateline | None = None
    signoffs: tuple[Outlet, ...] = ()
    dates: tuple[Piece, ...] = ()
    legal: tuple[Piece, ...] = ()
    credits: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    corpus: str = ""


@same_as_last
def split_story(source: Source, registry: OutletRegistry) -> StoryParts:
    corpus = "\n".join(block.text for block in source.blocks)
    pieces: list[Piece] = []
    signoffs: list[Outlet] = []
    authors: list[str] = []
    body: list[Block] = []
    in_section = False
    stated = (source.fields.outlet, source.fields.publisher)
    site = {name.casefold() for name in stated if name}
    for block in source.blocks:
        if in_section and (block.kind == "list_item" or _is_link_list(block)):
            continue
        if _is_navigation(block) or block.text.casefold() in site:
            continue
        split = split_block(block.text)
        pieces.extend(split.pieces)
        in_section = any(piece.kind == "section" for piece in split.pieces)
        text = split.rest
        if not text:
            continue
        agency = agency_named(text, registry)
        names = None if agency else byline_names(text, corpus, registry)
        if agency:
            signoffs.append(agency)
        elif names:
            authors.extend(name for name in names if name not in authors)
        else:
            body.append(Block(block.kind, text, level=block.level, label=block.label))
    dateline = _take_dateline(body)
    glued = _take_glued_signoff(body, registry)
    return StoryParts(
        body=tuple(body),
        dateline=dateline,
        signoffs=(*glued, *signoffs),
        dates=tuple(p for p in pieces if p.kind == "date"),
        legal=tuple(p for p in pieces if p.kind == "legal"),
        credits=tuple(_credit(p.text) for p in pieces if p.kind == "credit"),
        authors=tuple(authors),
        corpus=corpus,
    )


def _is_link_list(block: Block) -> bool:
    linked = sum(link.end - link.start for link in block.links)
    return bool(block.text) and linked >= LINK_SHARE * len(block.text)


def _is_navigation(block: Block) -> bool:
    """A logo or menu link left in the page: short, all link, not a heading."""
    return (
        block.kind != "heading"
        and len(block.text.split()) <= NAVIGATION_WORDS
        and _is_link_list(block)
    )


def _take_dateline(body: list[Block]) -> Dateline | None:
    """Find the dateline in the first paragraphs and cut it from its paragraph."""
    paragraphs = [i for i, block in enumerate(body) if block.kind != "heading"]
    for index in paragraphs[:DATELINE_SEARCH]:
        block = body[index]
        dateline = find_dateline(block.text)
        if dateline is not None:
            rest = block.text[dateline.end :].strip()
            if rest:
                body[index] = Block(block.kind, rest, level=block.level)
            else:  # the dateline stood on a line of its own
                del body[index]
            return dateline
    return None


def _take_glued_signoff(
    body: list[Block], registry: OutletRegistry
) -> tuple[Outlet, ...]:
    """Cut a sign-off glued to the last paragraph: "…a civilian. REUTERS"."""
    if not body or body[-1].kind == "heading":
        return ()
    last = body[-1]
    glued = glued_signoff(last.text, registry)
    if glued is None:
        return ()
    body[-1] = Block(last.kind, glued[0], level=last.level)
    return (glued[1],)


def _credit(text: str) -> str:
    """A credit line as written, without the parentheses around it."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text
