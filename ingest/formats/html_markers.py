"""Footnote markers and endnotes in HTML, by the label the reader sees.

A marker is a link to a note (``<a href="#fn12">``, Wikipedia's
``<sup class="reference"><a href="#cite_note-87">[81]</a></sup>``) or a bare
number in ``<sup>``. Its label is the one displayed ("81", "n 1"), not the
target's id, which may count differently (``cite_note-87`` shows as [81]);
``displayed_labels`` maps each note id to that label so that the note carries
the same one. Backlinks from a note to its markers ("↩", "^ a b") are not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

_NOTE_PREFIX = r"(?:fn|footnote|endnote|note|ftn|edn|en|cite_note)"
# "fn12", "fn:12", "cite_note-Economist_factsheet-72"; not "Environment".
NOTE_ID = re.compile(rf"^{_NOTE_PREFIX}(?:[-_:.]([\w.-]+?)|(\d[\w.-]*?))$", re.I)
BACKLINK_ID = re.compile(r"^(?:fnref|ref|footnote-ref|ftnref|ednref|cite_ref)", re.I)
BACKLINK_TEXT = {"↩", "↩︎", "^", "↑", "back", "return"}
NUMBER = re.compile(r"^\[?\^?(\d+[a-z]?)\]?$")
# What a marker may display: "12", "[81]", "[n 1]", "[note 3]", "12a".
DISPLAYED = re.compile(r"^\[?\^?((?:[a-z]{1,5} ?)?\d+[a-z]?)\]?$", re.I)


def fragment(href: str) -> str | None:
    """The part of ``href`` after '#', or None when it has none."""
    _, hash_sign, target = href.strip().partition("#")
    return target if hash_sign and target else None


def note_id_label(identifier: str) -> str | None:
    """The label a note's id spells ("fn12" -> "12"), or None."""
    if BACKLINK_ID.match(identifier) or identifier.lower().startswith("noteref"):
        return None
    match = NOTE_ID.match(identifier)
    return (match.group(1) or match.group(2)) if match else None


def anchor_marker(text: str, href: str, shown: bool = False) -> str | None:
    """The footnote label a link with this text and target stands for, or None.

    With ``shown`` the label is the one displayed ("[81]" -> "81") rather than
    the one the target's id spells ("#cite_note-87" -> "87").
    """
    target = fragment(href)
    if target is not None and note_id_label(target) is not None:
        displayed = DISPLAYED.match(text.strip()) if shown else None
        return displayed.group(1) if displayed else note_id_label(target)
    number = NUMBER.match(text)
    if number and (href == "" or href.startswith("#")):
        return number.group(1)
    return None


def is_backlink(text: str, href: str) -> bool:
    """True for a link back from a footnote to its marker, such as ``↩``."""
    target = fragment(href)
    return bool(
        (target is not None and BACKLINK_ID.match(target))
        or (href.startswith("#") and text.lower() in BACKLINK_TEXT)
    )


def is_backlink_anchor(anchor: Tag, marker_ids: frozenset[str] = frozenset()) -> bool:
    """True for a link from a note back to a marker (whose id is in ``marker_ids``)."""
    classes = " ".join(anchor.get("class", []))
    href = anchor.get("href") or ""
    return (
        "backref" in classes
        or anchor.get("role") == "doc-backlink"
        or is_backlink(anchor.get_text(strip=True), href)
        or fragment(href) in marker_ids
    )


def marker_label(node: Tag, shown: bool = False) -> str | None:
    """The footnote label a marker element stands for, or None."""
    if node.name == "sup":
        anchor = node.find("a")
        if anchor is not None:
            label = marker_label(anchor, shown)
            if label is not None:
                return label
        number = NUMBER.match(node.get_text(strip=True))
        return number.group(1) if number else None
    if node.name != "a":
        return None
    return anchor_marker(node.get_text(strip=True), node.get("href") or "", shown)


@dataclass(frozen=True, slots=True)
class NoteLinks:
    """How a page's markers and notes point at each other."""

    labels: dict[str, str] = field(default_factory=dict)  # note id -> shown label
    marker_ids: frozenset[str] = frozenset()  # ids a note's backlink may target


def note_links(soup: BeautifulSoup | Tag, shown: bool = True) -> NoteLinks:
    """Each note id a marker points to, with the label the marker shows (when
    ``shown``), and the ids of the markers themselves.

    A marker links forward to its note; the note's link back to the marker,
    which may look the same (``<a id="fn1" href="#fn1-bk">1</a>``), points back.
    """
    labels: dict[str, str] = {}
    marker_ids: set[str] = set()
    position: dict[str, int] = {}
    anchors: list[tuple[int, Tag, str]] = []
    for index, tag in enumerate(soup.find_all(True)):
        if tag.get("id"):
            position.setdefault(tag["id"], index)
        target = fragment(tag.get("href") or "") if tag.name == "a" else None
        if target is not None and note_id_label(target) is not None:
            anchors.append((index, tag, target))
    for index, anchor, target in anchors:
        label = anchor_marker(anchor.get_text(strip=True), anchor["href"], True)
        if label is None or position.get(target, index + 1) < index:
            continue
        if shown:
            labels.setdefault(target, label)
        parent = anchor.parent
        for owner in (anchor, parent if parent and parent.name == "sup" else None):
            if owner is not None and owner.get("id"):
                marker_ids.add(owner["id"])
    return NoteLinks(labels, frozenset(marker_ids))


def note_label(tag: Tag, labels: dict[str, str]) -> str | None:
    """The label of the note ``tag`` holds, or None when it holds none."""
    identifier = tag.get("id") or ""
    if identifier in labels:
        return labels[identifier]
    label = note_id_label(identifier)
    if label is not None:
        return label
    if tag.get("role") in ("doc-endnote", "doc-footnote"):
        first = tag.get_text(" ", strip=True).split(" ", 1)[0]
        number = NUMBER.match(first.rstrip("."))
        return number.group(1) if number else None
    return None
