"""Small questions about pylatexenc nodes: a macro's arguments, its text, its kind."""

from __future__ import annotations

import re

from pylatexenc import latexwalker as lw
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latex2text import get_default_latex_context_db as text_db

TEXT_DB = text_db()
TO_TEXT = LatexNodes2Text(math_mode="text")
DIMENSION = re.compile(
    r"(?:\s*[-+]?\d*\.?\d+\s*(?:pt|em|ex|mm|cm|in|bp|pc|sp|fill?l?|mu)"
    r"(?:\s+(?:plus|minus))?)+\s*"
)


def still_defining(definition: str, node) -> str | None:
    """Skip ``\\def\\name#1{body}`` up to its body, ``\\let\\a\\b`` up to ``\\b``.

    Returns what is left to skip after ``node``: the definition's name while
    more is to come, or None when it is over.
    """
    if definition in ("def", "gdef", "edef", "xdef"):
        return None if isinstance(node, lw.LatexGroupNode) else definition
    if definition == "let":
        return "let-target" if isinstance(node, lw.LatexMacroNode) else definition
    if definition == "let-target":
        return None if isinstance(node, lw.LatexMacroNode) else definition
    return None  # \newif\iffoo: the one macro after it


def args(node) -> list:
    parsed = node.nodeargd
    return list(parsed.argnlist) if parsed is not None and parsed.argnlist else [None]


def braced(node) -> list:
    """A macro's mandatory (braced) arguments."""
    parsed = node.nodeargd
    if parsed is None or not parsed.argnlist:
        return []
    spec = parsed.argspec or ""
    return [
        arg
        for kind, arg in zip(spec, parsed.argnlist, strict=False)
        if kind == "{" and arg is not None
    ]


def plain(node) -> str:
    """The characters of a small argument such as a counter name or a number."""
    if node is None:
        return ""
    nodes = node.nodelist if isinstance(node, lw.LatexGroupNode) else [node]
    return TO_TEXT.nodelist_to_text(nodes).strip()


def is_dimension(node) -> bool:
    """True for an argument like ``{2.55em plus 1fil}``: a length, not prose."""
    if not isinstance(node, lw.LatexGroupNode) or len(node.nodelist) != 1:
        return False
    only = node.nodelist[0]
    return isinstance(only, lw.LatexCharsNode) and bool(DIMENSION.fullmatch(only.chars))


def is_item(node) -> bool:
    return isinstance(node, lw.LatexMacroNode) and node.macroname in ("item", "bibitem")


def is_blank(node) -> bool:
    return isinstance(node, lw.LatexCommentNode) or (
        isinstance(node, lw.LatexCharsNode) and not node.chars.strip()
    )


def is_symbol_or_accent(node) -> bool:
    """Accents (\\"u, \\c{c}) and letters like \\ss, which pylatexenc spells out."""
    name = node.macroname
    return (
        len(name) == 1
        or name in {"c", "v", "u", "H", "k", "r", "d", "b", "t"}
        or (
            isinstance(TEXT_DB.get_macro_spec(name).simplify_repl, str)
            and not braced(node)
        )
    )
