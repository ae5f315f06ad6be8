"""MediaWiki source (wikitext), as users export Wikipedia articles.

Parsed with mwparserfromhell; ``wikitext_walk`` turns the tree into blocks,
``wikitext_refs``/``wikitext_notes`` bind each ``<ref>`` to its note and
``wikitext_cite`` reads ``{{cite ...}}`` templates field by field.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Heading, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ingest.blocks import Content, Fields
from ingest.errors import ParseError
from ingest.formats.encoding import decode_text
from ingest.formats.wikitext_checks import check_source
from ingest.formats.wikitext_cite import plain_text
from ingest.formats.wikitext_notes import NoteBook
from ingest.formats.wikitext_refs import definitions
from ingest.formats.wikitext_walk import Walk

NAME = "wikitext"
SUFFIXES = {".wiki", ".mediawiki", ".wikitext"}
_INDENTED_TABLE = re.compile(r"^:+(?=\{\|)", re.MULTILINE)
_REF = re.compile(r"<ref[\s>/]", re.IGNORECASE)
_BOLD = re.compile(r"(?<!')(?:'{3}|'{5})(?!')([^\n]+?)(?<!')'{3,5}(?!')")
_SIGNS = {
    "ref": _REF,
    "cite": re.compile(r"\{\{\s*(?:cite|citation)\b", re.IGNORECASE),
    "infobox": re.compile(r"\{\{\s*infobox\b", re.IGNORECASE),
    "heading": re.compile(r"^(={2,6})[^=\n]+\1\s*$", re.MULTILINE),
    "link": re.compile(r"\[\[[^\[\]\n|]+(?:\|[^\[\]\n]*)?\]\]"),
    "bold": re.compile(r"'''[^'\n]+'''"),
    "template": re.compile(r"\{\{[^{}\n|]+(?:\|[^{}]*)?\}\}"),
}


def sniff(name: str, head: bytes) -> float | None:
    """Sure for a wikitext suffix; for a ``.txt`` (or unsuffixed) file, sure
    only when several signs of wikitext (refs, templates, ``[[links]]``,
    ``'''bold'''``, headings written ``== Heading ==``) show together. Other
    suffixes belong to other readers (Markdown notes also write ``[[links]]``)."""
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return 0.95
    if suffix not in {".txt", ""}:
        return None
    sample = head.decode("utf-8", errors="replace")
    signs = {sign for sign, pattern in _SIGNS.items() if pattern.search(sample)}
    links = len(_SIGNS["link"].findall(sample))
    if len(signs) >= 3 and ("link" in signs or "ref" in signs) or links >= 10:
        return 0.9
    return None


def read(name: str, data: bytes) -> Content:
    text = decode_text(name, data).replace("\r\n", "\n")
    if "&lt;ref" in text and not _REF.search(text):
        text = html.unescape(text)  # copied out of an XML dump still escaped
    check_source(name, text)
    text = _INDENTED_TABLE.sub("{|", text)  # ":{|" is a table, indented
    code = mwparserfromhell.parse(text, skip_style_tags=True)
    notes = NoteBook(definitions(code))
    walk = Walk(notes)
    walk.code(code)
    blocks = walk.finish()
    blocks += notes.blocks(walk.render_note)
    if not blocks:
        raise ParseError(name, "holds no article text (only templates or markup)")
    return Content(
        tuple(blocks),
        fields=Fields(title=_title(code)),
        cited_aside=frozenset(notes.cited_aside),
    )


def _title(code: Wikicode) -> str | None:
    """The lead's first bold phrase: wikitext names no title inside, and
    Wikipedia's style puts the article's subject in bold in its first sentence."""
    lead = []
    for node in code.nodes:
        if isinstance(node, Heading):
            break
        if isinstance(node, Text | Wikilink):
            lead.append(str(node))
        elif not isinstance(node, Comment):
            lead.append(" ")
    bold = _BOLD.search("".join(lead))
    if bold is None:
        return None
    return plain_text(mwparserfromhell.parse(bold.group(1))) or None
