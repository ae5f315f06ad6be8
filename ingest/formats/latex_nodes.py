"""Small questions about pylatexenc nodes: a macro's arguments, its text, its kind."""

from __future__ import annotations

import re
import unicodedata

from pylatexenc import latexwalker as lw
from pylatexenc.latex2text import get_default_latex_context_db as text_db

TEXT_DB = text_db()
_ESCAPED = re.compile(r"\\([%#&_$~{}])")
# Accent macros and the combining mark each puts on the letter after it.
ACCENTS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
    "t": "\u0361",
}
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
    """A macro's arguments, None for each one absent (a macro met where pylatexenc
    reads no arguments, as inside a formula, has none at all)."""
    parsed = node.nodeargd
    found = list(parsed.argnlist or ()) if parsed is not None else []
    return found + [None] * 4


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


def accented(accent: str, letters: str) -> str:
    """``letters`` with the accent on the first: ("\"", "u") -> "ü"."""
    if not letters:
        return ""
    first = {"ı": "i", "ȷ": "j"}.get(letters[0], letters[0])  # \"\i is ï
    return unicodedata.normalize("NFC", first + ACCENTS[accent]) + letters[1:]


def symbol(node) -> str | None:
    """What pylatexenc's table prints for a macro without arguments (\\ss, \\o)."""
    spec = TEXT_DB.get_macro_spec(node.macroname)
    repl = spec.simplify_repl if spec is not None else None
    if not isinstance(repl, str) or "%" in repl or braced(node):
        return None
    return repl


def address(written: str) -> str:
    """A \\url's address as written, its escapes (``\\#``) and breaks undone."""
    return re.sub(r"\s+", "", _ESCAPED.sub(r"\1", written))
