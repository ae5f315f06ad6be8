"""Who a source phrase names: a known outlet, an organisation, a person, or nobody.

``cite(source, phrase, registry)`` turns "the Kurdish-led Syrian Democratic
Forces" into a citation of the SDF, "three Syrian military and security
sources" into an anonymous one, "Farid Hamo, an SDF commander" into a named
person affiliated with the SDF, and "the trucks" into nothing. Word lists come
from ``attributions.toml``.
"""

from __future__ import annotations

import re

from ingest.attribution_rules import speaker_words
from ingest.model import ParsedCitation
from ingest.outlets import Outlet, OutletRegistry
from ingest.styles.names import SMALL_WORDS

MAX_WORDS = 24
MAX_NAME_WORDS = 8  # an organisation named in more words is described
_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
_NEITHER = re.compile(r"^neither\s+(?P<one>.+?)\s+nor\s+(?P<two>.+)$", re.IGNORECASE)
_AND = re.compile(r"\s(?:and|&)\s")
_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,]*(?=,|$)")
_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "both", "some"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,}[a-z]?$")
_EDGE = " \t\"'“”‘’,.;:"
_OF = re.compile(r"\s+of\s+")


def cite(
    source: str, phrase: str, registry: OutletRegistry
) -> tuple[ParsedCitation, ...]:
    """The citations ``source`` stands for, () when it names no source."""
    parts = _coordinated(clean(source), registry)
    citations = (_citation(part, phrase, registry) for part in parts)
    return tuple(c for c in citations if c is not None)


def clean(text: str) -> str:
    text = text.strip(_EDGE)
    return re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)


def _coordinated(source: str, registry: OutletRegistry) -> list[str]:
    """Two sources for "Neither X nor Y", and for "X and Y" when each is named."""
    neither = _NEITHER.match(source)
    if neither:
        return [clean(neither["one"]), clean(neither["two"])]
    if _AND.search(source):
        parts = [clean(part) for part in _LIST.split(source) if clean(part)]
        kinds = [_kind(part, registry)[0] for part in parts]
        if len(parts) > 1 and all(
            k in ("outlet", "org", "person") or _determined(part, k)
            for part, k in zip(parts, kinds, strict=True)
        ):
            return parts if not _one_name(parts, kinds) else [source]
    return [source]


def _determined(part: str, kind: str | None) -> bool:
    """An anonymous source of its own: "Fu and another person with knowledge"."""
    first = part.split()[0].casefold()
    return kind == "anonymous" and (first in _DETERMINERS or first == "another")


def _one_name(parts: list[str], kinds: list[str | None]) -> bool:
    """ "World Travel and Tourism Council": the last part's head names the whole."""
    words = speaker_words()
    last_head = parts[-1].split()[-1].casefold()
    first_head = parts[0].split()[-1].casefold()
    return (
        last_head in words.organisation
        and kinds[0] == "person"
        and len(parts[0].split()) > 1  # "Thai and U.S. authorities" are two
        and first_head not in words.organisation
    )


def _citation(
    source: str, phrase: str, registry: OutletRegistry
) -> ParsedCitation | None:
    core = _RELATIVE.sub("", source).strip(_EDGE)
    kind, outlet, written = _kind(core, registry)
    slug = outlet.slug if outlet else None
    if kind == "outlet":
        return ParsedCitation(text=phrase, outlet=written, outlet_slug=slug)
    if kind == "person":
        written = written or _affiliation(core)
        return ParsedCitation(
            text=phrase, outlet=written, outlet_slug=slug, description=source
        )
    if kind == "org" and (outlet or _is_proper_name(core)):
        return ParsedCitation(
            text=phrase, outlet=_written(core, outlet), outlet_slug=slug
        )
    if kind == "org":
        return ParsedCitation(text=phrase, description=source)
    if kind == "anonymous":
        return ParsedCitation(text=phrase, anonymous=True, description=source)
    return None


def _kind(
    source: str, registry: OutletRegistry
) -> tuple[str | None, Outlet | None, str | None]:
    """(kind, outlet, outlet as written): kind is outlet, org, person or anonymous."""
    words = speaker_words()
    if not source or len(source.split()) > MAX_WORDS:
        return None, None, None
    document = words.document_of.match(source)
    if document and source[document.end() :].strip():
        source = source[document.end() :].strip()
    known = _known(source, registry)
    if known:
        return "outlet", known, _written(source, known)
    if _names_person(source):
        return ("person", *_mentioned(source, registry))
    voice = _outlet_voice(source, registry)
    if voice:
        return "outlet", voice[0], voice[1]
    head = _head_kind(source)
    if head == "org":
        return ("org", *_mentioned(source, registry))
    return head, None, None


def _known(source: str, registry: OutletRegistry) -> Outlet | None:
    for variant in _variants(source):
        outlet = registry.lookup(variant)
        if outlet is not None:
            return outlet
    return None


def _variants(source: str):
    yield source
    bare = _PARENTHESES.sub("", source).strip()
    yield bare
    yield from _PARENTHESES.findall(source)
    words = bare.split()
    suffixes = speaker_words().modifier_suffixes
    while words and (
        words[0].casefold() in ("the", "a", "an")
        or words[0].rsplit("-", 1)[-1].casefold() in suffixes
    ):
        words = words[1:]
    yield " ".join(words)


def _written(source: str, outlet: Outlet | None) -> str:
    """The outlet as written, without an article unless its name has one."""
    keeps_article = outlet is not None and outlet.name.casefold().startswith("the ")
    if not keeps_article:
        source = re.sub(r"^(?:the|The)\s+", "", source)
    return source


def _outlet_voice(source: str, registry: OutletRegistry) -> tuple[Outlet, str] | None:
    """An outlet speaking through its own: "Reuters footage", "an AFP reporter"."""
    words = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.IGNORECASE).split()
    voice = speaker_words().outlet_voice
    for size in range(min(6, len(words) - 1), 0, -1):
        name = re.sub(r"['’]s?$", "", " ".join(words[:size]))
        outlet = registry.lookup(name)
        if outlet is not None and words[size].strip(_EDGE).casefold() in voice:
            return outlet, name
    return None


def _mentioned(
    source: str, registry: OutletRegistry
) -> tuple[Outlet | None, str | None]:
    """A known outlet named inside ``source`` ("an SDF commander" -> SDF)."""
    tokens = [re.sub(r"['’]s$", "", t.strip(_EDGE + "()")) for t in source.split()]
    for size in range(min(6, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            window = tokens[start : start + size]
            if not window[0][:1].isupper():
                continue
            outlet = registry.lookup(" ".join(window))
            if outlet is not None:
                return outlet, " ".join(window)
    return None, None


def _names_person(source: str) -> bool:
    """True when a comma-part ends in a personal name ("SDF spokesman Farhad Shami"),
    or a name comes before "of" ("Craig Cox of the Environmental Working Group")."""
    bare = _PARENTHESES.sub("", source)
    segments = [s.strip(_EDGE) for s in bare.split(",")]
    before_of = _OF.split(bare, maxsplit=1)
    if len(before_of) == 2 and _ends_in_name(before_of[0].split()):
        return True
    return any(_ends_in_name(segment.split()) for segment in segments if segment)


def _affiliation(source: str) -> str | None:
    """The organisation a person is "of", when it is named: "Craig Cox of the
    Environmental Working Group" -> "Environmental Working Group"; modifiers
    ("Western-backed") and a lowercase tail ("opposition group") are left out."""
    parts = _OF.split(source.split(",")[0], maxsplit=1)
    if len(parts) < 2:
        return None
    words = parts[1].split()
    suffixes = speaker_words().modifier_suffixes
    while words and (
        words[0].casefold() in _DETERMINERS
        or words[0].rsplit("-", 1)[-1].casefold() in suffixes
    ):
        words = words[1:]
    named = []
    for word in words:
        if not (word[:1].isupper() or (named and word.casefold() in SMALL_WORDS)):
            break
        named.append(word)
    while named and not named[-1][:1].isupper():
        named.pop()
    return " ".join(named).strip(_EDGE) or None


def _is_proper_name(source: str) -> bool:
    """An organisation written as a name ("Syria's interior ministry", "the
    U.S.-led coalition"), not described ("A Chinese-owned company set up to ...")."""
    first = source.split()[0].casefold() if source.split() else ""
    return (
        first not in ("a", "an")
        and len(source.split()) <= MAX_NAME_WORDS
        and _has_proper_noun(source)
    )


def _ends_in_name(tokens: list[str]) -> bool:
    words = speaker_words()
    run = 0
    for token in reversed(tokens):
        word = token.strip(_EDGE)
        folded = word.casefold()
        if folded in words.particles or folded.startswith(("al-", "el-")):
            run += 1
            continue
        capitalised = word[:1].isupper() and not _ACRONYM.match(word)
        if not capitalised or folded in words.not_names or folded in words.organisation:
            break
        run += 1
    if run < 2:
        return False
    before = tokens[-run - 1].casefold() if run < len(tokens) else None
    return before not in words.place_prepositions


def _head_kind(source: str) -> str | None:
    """anonymous, org or person, from the head of the leading noun phrase."""
    words = speaker_words()
    tokens = _PARENTHESES.sub("", source).split(",")[0].split()
    for index, token in enumerate(tokens[1:], 1):
        if token.casefold() in words.head_stops:
            tokens = tokens[:index]
            break
    folded = [t.casefold() for t in tokens]
    if "of" in folded[1:]:
        before = folded[folded.index("of", 1) - 1]
        if before in words.anonymous:
            return "anonymous"
        if before in words.organisation:
            return "org"
    head = re.sub(r"['’]s?$", "", tokens[-1].strip(_EDGE)) if tokens else ""
    if head.casefold() in words.anonymous:
        return "anonymous"
    if head.casefold() in words.organisation or _ACRONYM.match(head):
        return "org"
    if head[:1].isupper() and head.casefold() not in words.not_names:
        return "person"
    return None


def _has_proper_noun(source: str) -> bool:
    words = speaker_words()
    common = _DETERMINERS | words.organisation | words.anonymous
    return any(
        token.strip(_EDGE)[:1].isupper()
        and re.sub(r"['’]s$", "", token.strip(_EDGE)).casefold() not in common
        for token in source.split()
    )
