"""Wikitext refused before parsing, and why.

mwparserfromhell reads any text, but its time grows with the square of the
number of constructs left open (each one is retried to the end of the text):
4,000 unclosed ``{{`` take minutes. Real articles leave none open (none of 71
articles in wtf_wikipedia's test cache does), so a page with an unclosed
``{{`` or ``<ref>``, or with many unclosed links or tags, is refused with the
line of the first one; smaller breakage (a stray ``}}``, a template the parser
could not read) is read, and the walker drops it as markup. Pages are capped
at MediaWiki's own limit, 2 MiB, which bounds the time of the rest.
"""

from __future__ import annotations

import re

from ingest.errors import ParseError

MAX_CHARS = 2 * 1024 * 1024  # $wgMaxArticleSize: the largest page MediaWiki saves
MAX_DEPTH = 100  # MediaWiki's expansion depth limit; mwparserfromhell's too
MAX_OPEN = 50  # unclosed links or HTML tags tolerated, each costing a rescan

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Tags whose content is not wikitext (mwparserfromhell's PARSER_BLACKLIST):
# braces in <math> or <syntaxhighlight> are TeX or code, not templates.
_VERBATIM = re.compile(
    r"<(nowiki|pre|math|chem|ce|source|syntaxhighlight|score|timeline|graph|hiero"
    r"|gallery|imagemap|inputbox|categorytree|templatedata|section)\b[^<>]*?"
    r"(?:/>|>.*?</\1\s*>)",
    re.DOTALL | re.IGNORECASE,
)
_TOKENS = re.compile(
    r"(?P<open>\{\{)|(?P<close>\}\})|(?P<link>\[\[)|(?P<unlink>\]\])"
    r"|(?P<ref><ref\b[^<>]*?(?P<empty>/?)>)|(?P<unref></ref\s*>)"
    r"|(?P<url>\[(?:https?:|ftp:)?//[^\[\]\n]*(?P<shut>\]?))"
    r"|<(?P<tag>[a-zA-Z]+)\b[^<>]*?(?P<void>/?)>|</(?P<untag>[a-zA-Z]+)\s*>",
    re.IGNORECASE,
)
_VOID = {"br", "hr", "wbr", "img", "references", "ref", "nowiki", "meta", "link"}


def check_source(name: str, text: str) -> None:
    """Raise ``ParseError`` for wikitext that cannot be read in bounded time."""
    if len(text) > MAX_CHARS:
        raise ParseError(
            name, "is larger than 2 MiB, more than a MediaWiki page can hold"
        )
    source = _VERBATIM.sub(_blank, _COMMENT.sub(_blank, text))
    braces: list[int] = []
    refs: list[int] = []
    links = urls = tags = 0
    for token in _TOKENS.finditer(source):
        kind = token.lastgroup
        if kind == "open":
            braces.append(token.start())
            if len(braces) > MAX_DEPTH:
                _refuse(
                    name, text, token.start(), f"nests templates over {MAX_DEPTH} deep"
                )
        elif kind == "close" and braces:
            braces.pop()
        elif kind in {"ref", "empty"} and not token.group("empty"):
            refs.append(token.start())
        elif kind == "unref" and refs:
            refs.pop()
        elif kind in {"link", "unlink"}:
            links = links + 1 if kind == "link" else max(links - 1, 0)
        elif kind in {"url", "shut"} and not token.group("shut"):
            urls += 1
        elif kind in {"tag", "void"} and not token.group("void"):
            tags += token.group("tag").lower() not in _VOID
        elif kind == "untag":
            tags = max(tags - 1, 0)
    if refs:
        _refuse(
            name, text, refs[0], "opens a <ref> note that is never closed with </ref>"
        )
    if braces:
        _refuse(
            name,
            text,
            braces[0],
            "opens a template with '{{' that is never closed with '}}'",
        )
    for count, what in (
        (links, "'[[' links"),
        (urls, "'[' web links"),
        (tags, "HTML tags"),
    ):
        if count > MAX_OPEN:
            raise ParseError(name, f"leaves {count} {what} unclosed; is it wikitext?")


def _refuse(name: str, text: str, offset: int, reason: str) -> None:
    line = text.count("\n", 0, offset) + 1
    raise ParseError(name, f"{reason} (line {line})")


def _blank(match: re.Match[str]) -> str:
    """The match as spaces and newlines, so that offsets and lines stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))
