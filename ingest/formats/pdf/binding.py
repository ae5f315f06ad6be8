"""Finishing touches on the blocks: markers that name no note, and URLs as links."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.blocks import Block, Link, Mark

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_URL_END = ".,;:!?)]}'’”"


def bound(block: Block, labels: set[str | None]) -> Block:
    """The block with markers that name no note put back into its text."""
    if all(mark.label in labels for mark in block.marks):
        return block
    text, marks, shift = block.text, [], 0
    for mark in block.marks:
        at = mark.offset + shift
        if mark.label in labels:
            marks.append(Mark(mark.label, at))
        else:
            text = text[:at] + mark.label + text[at:]
            shift += len(mark.label)
    return replace(block, text=text, marks=tuple(marks))


def with_links(block: Block) -> Block:
    """The block with each web address in its text given as a link."""
    links = []
    for found in _URL.finditer(block.text):
        url = found.group(0).rstrip(_URL_END)
        if url.count("(") < url.count(")"):  # "(see https://x.org/a)" keeps no ")"
            url = url[: url.rindex(")")]
        href = url if "://" in url else f"http://{url}"
        links.append(Link(url, href, found.start(), found.start() + len(url)))
    return replace(block, links=tuple(links)) if links else block
