"""Attributions in wire-story sentences: who each claim rests on.

A sentence attributes its claim when a source stands before a speech verb
("three Syrian military and security sources said", "Central Command did not
respond to a request for comment"), after one ('"…," said the official'), or
after "according to", "quoted … as saying", "no comment from" and "nor did".
The verbs and phrases are data in ``attributions.toml``; ``speakers`` decides
whether the words found really name a source.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.model import ParsedCitation
from ingest.outlets import OutletRegistry
from ingest.speakers import cite, clean

RULES_FILE = Path(__file__).with_name("attributions.toml")
_QUOTES = "\"“”'‘’"
_PARENTHETICAL_END = re.compile(r"\s*(?:[,.;!?)\]\"”’]|$)")
_CLAUSE_BREAK = re.compile(r"[;:—–]\s*|,\s+(?:and|but|while|whereas)\s+")
_BREAK = re.compile(r"[,;:—–\"“”]")
_NP_STOP = re.compile(
    r"[,;:—–()]|\s(?:that|which|who|whose|where|when|as|because|after|before|"
    r"since|while|if|to|on condition)\b"
)
_FINAL_PUNCTUATION = ' .!?"”’)'


@dataclass(frozen=True, slots=True)
class Patterns:
    verb: re.Pattern[str]
    after_verb: re.Pattern[str]
    before_verb: re.Pattern[str]
    leading: re.Pattern[str]
    named_after: tuple[re.Pattern[str], ...]
    quoted: re.Pattern[str]
    pronouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    citations: tuple[ParsedCitation, ...]


@lru_cache(maxsize=1)
def patterns(path: Path = RULES_FILE) -> Patterns:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    verbs, sources, phrases = data["verbs"], data["sources"], data["phrases"]
    told = rf"(?:told|tells)(?: {verbs['recipient']})?"
    plain = [
        v for v in verbs["speech"] + verbs["observation"] if v not in ("told", "tells")
    ]
    verb = "|".join([*verbs["non_response"], told, *plain])
    before = "|".join(phrases["before_verb"])
    leading = "|".join(phrases["leading_words"])
    conjunctions = "|".join(phrases["conjunctions"])
    return Patterns(
        verb=re.compile(rf"\b(?:{verb})\b"),
        after_verb=re.compile(phrases["after_verb"]),
        before_verb=re.compile(rf"(?:\s+(?:{before})|{phrases['after_verb']})+\s*$"),
        leading=re.compile(
            rf"^\s*(?:(?:{leading})\b[^,]*,\s*|(?:{conjunctions})\b,?\s+|"
            rf"(?:{phrases['leading_time']}))",
            re.IGNORECASE,
        ),
        named_after=(
            re.compile(rf"\b{sources['according_to']}\s+", re.IGNORECASE),
            re.compile(rf"\b{sources['no_comment_from']}\s+"),
            re.compile(rf"\b{sources['nor_did']}\s+"),
        ),
        quoted=re.compile(rf"\b{sources['quoted_as_saying']}\b"),
        pronouns=frozenset(phrases["pronouns"]),
    )


def sentence_citations(
    sentence: str, registry: OutletRegistry, previous: tuple[ParsedCitation, ...] = ()
) -> tuple[ParsedCitation, ...]:
    """Every source ``sentence`` attributes its claim to, in order of mention.

    ``previous`` are the citations of the story's last claim, which a pronoun
    ("he said") refers back to.
    """
    found = [*_named_after(sentence, registry), *_quoted(sentence, registry)]
    found += _before_verbs(sentence, registry, previous)
    found.sort(key=lambda item: item.start)
    citations: list[ParsedCitation] = []
    for item in found:
        citations.extend(c for c in item.citations if c not in citations)
    return tuple(citations)


def _named_after(sentence: str, registry: OutletRegistry) -> list[Found]:
    """Sources that follow their phrase: "according to X", "nor did X"."""
    found = []
    for pattern in patterns().named_after:
        for match in pattern.finditer(sentence):
            start, end = _noun_phrase(sentence, match.end())
            phrase = sentence[match.start() : end]
            found.append(
                Found(match.start(), cite(sentence[start:end], phrase, registry))
            )
    return found


def _quoted(sentence: str, registry: OutletRegistry) -> list[Found]:
    """Sources quoted by another: "SANA quoted a military source as saying"."""
    found = []
    for match in patterns().quoted.finditer(sentence):
        found.append(
            Found(match.start(), cite(match["source"], match.group(0), registry))
        )
    return found


def _before_verbs(
    sentence: str, registry: OutletRegistry, previous: tuple[ParsedCitation, ...]
) -> list[Found]:
    """Sources before (or, after a quotation, just after) each speech verb."""
    found: list[Found] = []
    bound = 0
    for verb in patterns().verb.finditer(sentence):
        if verb.start() < bound:
            continue
        end = _phrase_end(sentence, verb.end())
        parenthetical = bool(_PARENTHETICAL_END.match(sentence, end))
        spans = _candidates(sentence, bound, verb, parenthetical)
        items = (_cite_span(sentence, s, verb, end, registry, previous) for s in spans)
        item = next((item for item in items if item is not None), None)
        if item is None:
            continue
        found.append(item)
        bound = end
        if not parenthetical and item.start < verb.start():
            break  # what follows is reported speech, not another source
    return found


def _candidates(
    sentence: str, bound: int, verb: re.Match[str], parenthetical: bool
) -> list[tuple[int, int]]:
    """Where the verb's source may stand, most likely first."""
    left = _subject_end(sentence, bound, verb.start())
    written = sentence[bound:left].rstrip()
    clause = (_clause_start(sentence, bound, left), left)
    if parenthetical:  # "…, witnesses said." or "X, which …, did not respond."
        return [(_appositive_start(sentence, bound, left), left), clause]
    if written.endswith(tuple(_QUOTES)):  # '"…," said the official'
        return [_noun_phrase(sentence, verb.end(), appositive=True), clause]
    if written.endswith(","):  # "X, a spokesman, said …" or "…, said Y"
        return [clause, _noun_phrase(sentence, verb.end(), appositive=True)]
    return [clause]


def _cite_span(
    sentence: str,
    span: tuple[int, int],
    verb: re.Match[str],
    end: int,
    registry: OutletRegistry,
    previous: tuple[ParsedCitation, ...],
) -> Found | None:
    """Citations for the source at ``span``; a pronoun repeats ``previous``."""
    start, stop = span
    source = clean(sentence[start:stop])
    first, last = (start, end) if stop <= verb.start() else (verb.start(), stop)
    phrase = sentence[first:last].strip(" ,")
    if source.casefold() in patterns().pronouns:
        citations = tuple(dataclasses.replace(c, text=phrase) for c in previous)
    else:
        citations = cite(source, phrase, registry)
    return Found(first, citations) if citations else None


def _phrase_end(sentence: str, end: int) -> int:
    """Past "on Monday", "in a statement" and the like after the verb."""
    match = patterns().after_verb.match(sentence, end)
    return match.end() if match else end


def _subject_end(sentence: str, bound: int, verb_start: int) -> int:
    """Where the source ends before the verb: "Reuters footage later showed"."""
    left = sentence[bound:verb_start]
    match = patterns().before_verb.search(left)
    return bound + (match.start() if match else len(left.rstrip()))


def _appositive_start(sentence: str, bound: int, end: int) -> int:
    """The start of a source set off by commas: "…, witnesses said" -> witnesses.

    '"…," Name, a spokesman, said' keeps both the name and the appositive.
    """
    text = sentence[bound:end].rstrip()
    body = text[:-1] if text.endswith(",") else text
    breaks = [m.end() for m in _BREAK.finditer(body)]
    if not breaks:
        return bound
    start = breaks[-1]
    if text.endswith(",") and body[start - 1] == "," and len(breaks) > 1:
        if len(body[breaks[-2] : start].split()) <= 6:
            start = breaks[-2]
    return bound + start


def _clause_start(sentence: str, bound: int, end: int) -> int:
    """Start of the clause's subject, past scene-setting ("Earlier this month, ")."""
    start = bound
    for match in _CLAUSE_BREAK.finditer(sentence, bound, end):
        start = match.end()
    while True:
        match = patterns().leading.match(sentence, start, end)
        if match is None or match.end() >= end:
            return start
        start = match.end()


def _noun_phrase(
    sentence: str, start: int, appositive: bool = False
) -> tuple[int, int]:
    while start < len(sentence) and sentence[start].isspace():
        start += 1
    end = len(sentence.rstrip(_FINAL_PUNCTUATION))
    stop = _NP_STOP.search(sentence, start, end)
    if stop and appositive and stop.group(0) == ",":
        following = _NP_STOP.search(sentence, stop.end(), end)
        if re.match(r",\s+(?:an?|the)\s", sentence[stop.start() :]):
            stop = following
    return start, stop.start() if stop else end
