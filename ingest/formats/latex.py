"""LaTeX sources of reports: footnotes as numbered notes, headings, lists.

pylatexenc parses the source (it reads ``\\footnote{...}`` arguments across
nested braces and paragraphs); ``latex_walk`` turns its nodes into blocks. The
preamble, figures, tables, formulas and ``\\input`` files are not text. The
title, authors and date come from ``\\title``, ``\\author`` and ``\\date``.
"""

from __future__ import annotations

import re
from pathlib import Path

from pylatexenc import latexwalker as lw

from ingest.blocks import Content, Fields
from ingest.errors import ParseError
from ingest.formats import latex_macros, latex_syntax
from ingest.formats.encoding import decode_text
from ingest.formats.latex_walk import Walk

NAME = "latex"
SUFFIXES = {".tex", ".latex", ".ltx"}
# pylatexenc reads 70-180 KB of LaTeX a second here: a larger file would take
# more than half a minute.
MAX_CHARS = 2 * 1024 * 1024
_SIGNS = re.compile(
    rb"^\s*\\(?:section|subsection|chapter|begin)\*?\{|\\footnote\{|\\(?:textit|emph)\{",
    re.MULTILINE,
)
_CLASS = re.compile(rb"^\s*\\documentclass\b", re.MULTILINE)
_INPUTENC = re.compile(rb"\\usepackage\s*\[([\w-]+)\]\s*\{inputenc\}")
_ENCODINGS = {
    "utf8": "utf-8",
    "utf8x": "utf-8",
    "latin1": "latin-1",
    "latin9": "iso8859-15",
    "ansinew": "cp1252",
    "cp1252": "cp1252",
    "cp1250": "cp1250",
    "cp1251": "cp1251",
    "koi8-r": "koi8-r",
    "applemac": "mac-roman",
}
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_COMMENT = re.compile(r"(?<!\\)%")
_HEADING_USE = re.compile(r"\\(" + "|".join(latex_macros.HEADINGS) + r")\*?\s*[\[{]")


def sniff(name: str, head: bytes) -> float | None:
    if Path(name).suffix.lower() in SUFFIXES:
        return 0.9
    if head.lstrip().startswith(b"<"):
        return None  # markup that may quote LaTeX (formulas in a web page)
    if _CLASS.search(head):
        return 0.85
    signs = {match.group().strip()[:6] for match in _SIGNS.finditer(head)}
    return min(0.3 + 0.1 * len(signs), 0.6) if signs else None


def read(name: str, data: bytes) -> Content:
    text = decode_text(name, data, _declared_encoding(data))
    if len(text) > MAX_CHARS:
        raise ParseError(
            name,
            f"is a LaTeX source of more than {MAX_CHARS // 2**20} MiB; "
            "split it at its \\input files",
        )
    nodes = latex_syntax.parse(name, _until_end_of_document(text))
    preamble, body = _split_document(nodes)
    walk = Walk(_heading_levels(text))
    walk.walk(body)
    return Content(walk.blocks(), fields=_fields(preamble + body))


def _until_end_of_document(text: str) -> str:
    """The source up to ``\\end{document}``: LaTeX reads nothing after it."""
    for match in _END_DOCUMENT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _COMMENT.search(text, line_start, match.start()):
            return text[: match.end()]
    return text


def _declared_encoding(data: bytes) -> str | None:
    match = _INPUTENC.search(data[:65536])
    return _ENCODINGS.get(match.group(1).decode().lower()) if match else None


def _split_document(nodes: list) -> tuple[list, list]:
    """The preamble and the body; a file with no ``document`` is all body."""
    for index, node in enumerate(nodes):
        if (
            isinstance(node, lw.LatexEnvironmentNode)
            and node.environmentname == "document"
        ):
            return nodes[:index], node.nodelist
    return [], nodes


def _heading_levels(text: str) -> dict[str, int]:
    """Heading levels from 1, counted from the highest heading the file uses."""
    used = {match.group(1) for match in _HEADING_USE.finditer(text)}
    ranks = [name for name in latex_macros.HEADINGS if name in used]
    return {name: ranks.index(name) + 1 for name in ranks}


def _fields(nodes: list) -> Fields:
    found: dict[str, lw.LatexNode] = {}
    for node in nodes:
        if (
            isinstance(node, lw.LatexMacroNode)
            and node.macroname in ("title", "author", "date")
            and node.macroname not in found
            and node.nodeargd is not None
            and node.nodeargd.argnlist
        ):
            found[node.macroname] = node.nodeargd.argnlist[-1]
    title = _text(found.get("title"))
    date = _text(found.get("date"))
    return Fields(
        title=title or None,
        date=date or None,
        authors=_authors(found.get("author")),
    )


def _text(node) -> str:
    if node is None:
        return ""
    walk = Walk({})
    walk.walk([node])
    return " ".join(block.text for block in walk.blocks() if block.kind != "note")


def _authors(node) -> tuple[str, ...]:
    """Names split at ``\\and``, each without the affiliation lines below it."""
    if node is None:
        return ()
    chunks: list[list] = [[]]
    for child in getattr(node, "nodelist", [node]):
        if isinstance(child, lw.LatexMacroNode) and child.macroname == "and":
            chunks.append([])
        else:
            chunks[-1].append(child)
    names = []
    for chunk in chunks:
        first_line = []
        for child in chunk:
            if isinstance(child, lw.LatexMacroNode) and child.macroname in (
                "\\",
                "newline",
            ):
                break
            first_line.append(child)
        name = _text(lw.LatexGroupNode(nodelist=first_line)).strip(" ,")
        if name:
            names.append(name)
    return tuple(names)
