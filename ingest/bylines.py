"""Bylines: the names after "By", properly cased.

Agencies often print bylines in capitals ("By HOGIR AL ABDO, GHAITH ALSAYED and
QASSIM ABDUL-ZAHRA"). A name is re-cased the way the story itself writes it
when it does ("AlSayed reported from Damascus"), and otherwise word by word:
each hyphenated part capitalised, Arabic and European particles handled.
"""

from __future__ import annotations

import re

from ingest.outlets import OutletRegistry

MAX_NAMES = 8
_BYLINE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*", re.I)
# How a particle is written when it stands alone inside a name, and when it
# is joined by a hyphen ("al-Sharaa"); at the start of a name it is capitalised.
PARTICLES = {
    "al": ("Al", "al"), "el": ("El", "el"), "abu": ("Abu", "Abu"),
    "bin": ("bin", "bin"), "ibn": ("ibn", "ibn"), "bint": ("bint", "bint"),
    "de": ("de", "de"), "van": ("van", "van"), "von": ("von", "von"),
    "der": ("der", "der"), "da": ("da", "da"), "di": ("di", "di"),
}  # fmt: skip
NOT_NAMES = frozenset({"staff", "reporters", "correspondent", "correspondents"})
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|van|von|der|da|di)(?:-[\w'’-]+)?)$"
)


def byline_names(
    text: str, corpus: str, registry: OutletRegistry
) -> tuple[str, ...] | None:
    """The authors a "By …" line names, or None when ``text`` is no byline."""
    match = _BYLINE.match(text.strip())
    if match is None or len(match["names"].split()) > 4 * MAX_NAMES:
        return None
    return author_names(match["names"], corpus, registry)


def author_names(
    text: str, corpus: str, registry: OutletRegistry
) -> tuple[str, ...] | None:
    """Names in a list such as "Maya Haddad and Omar Khalil", or None."""
    names = []
    for part in _SEPARATOR.split(text.strip().rstrip(".")):
        name = _without_agency(part.strip(), registry)
        if not name:
            continue
        if not _looks_like_name(name):
            return None
        names.append(proper_case(name, corpus))
    return tuple(names) if 0 < len(names) <= MAX_NAMES else None


def proper_case(name: str, corpus: str) -> str:
    """``name`` as the story writes it; an all-capitals name re-cased."""
    if not name.isupper():
        return name
    words = name.split()
    return " ".join(
        _word_case(word, index == 0, corpus) for index, word in enumerate(words)
    )


def _without_agency(part: str, registry: OutletRegistry) -> str:
    """A name without a trailing agency: "HOGIR AL ABDO Associated Press"."""
    words = part.split()
    for size in range(min(3, len(words)), 0, -1):
        outlet = registry.lookup(" ".join(words[-size:]))
        if outlet is not None and outlet.kind == "news agency":
            return " ".join(words[:-size])
    return part


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 5
        and all(_NAME_WORD.match(word) for word in words)
        and not any(word.casefold() in NOT_NAMES for word in words)
    )


def _word_case(word: str, first: bool, corpus: str) -> str:
    written = _as_written(word, corpus)
    if written:
        return written
    parts = word.split("-")
    cased = []
    for index, part in enumerate(parts):
        particle = PARTICLES.get(part.casefold())
        if particle is None or (first and index == 0):
            cased.append(_capitalised(part))
        else:
            cased.append(particle[1] if len(parts) > 1 else particle[0])
    return "-".join(cased)


def _as_written(word: str, corpus: str) -> str | None:
    """A mixed-case spelling of ``word`` found in the story ("AlSayed")."""
    if len(word) < 3 or word.casefold() in PARTICLES:
        return None
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    for match in pattern.finditer(corpus):
        found = match.group(0)
        if found[0].isupper() and not found.isupper():
            return found
    return None


def _capitalised(part: str) -> str:
    """Capitalised after a start or apostrophe: "O'BRIEN" -> "O'Brien"."""
    return re.sub(
        r"(^|['’])(\w)", lambda m: m.group(1) + m.group(2).upper(), part.lower()
    )
