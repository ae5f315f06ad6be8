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
from dataclasses import dataclass

from ingest.attribution_rules import patterns
from ingest.model import ParsedCitation
from ingest.outlets import OutletRegistry
from ingest.relations import (
    how_cited,
    is_non_answer,
    mentions_non_answer,
    passive_quotes,
    qualifier,
    qualify,
    relayed,
)
from ingest.speakers import cite, clean

_QUOTES = "\"“”'‘’"
_PARENTHETICAL_END = re.compile(r"\s*(?:[,.;!?)\]\"”’]|$)")
_CLAUSE_BREAK = re.compile(
    r"[;:—–]\s*|\s--\s+|,\s+(?:and|but|while|whereas)\s+|[,.!?][\"”’]\s+"
)
_BREAK = re.compile(r"[,;:—–\"“”]")
_NP_STOP = re.compile(
    r"[,;:—–()]|\s(?:that|which|who|whose|where|when|as|because|after|before|"
    r"since|while|if|to|following|on condition)\b"
)
_FINAL_PUNCTUATION = ' .!?"”’)'
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[\s,\"“”])(he|she|they|it|we|I)(?:['’](?:s|ve|d|ll))?$", re.IGNORECASE
)
_COORDINATED = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:the\s+)?[A-Z]|;\s")
_NAMED = re.compile(r"\s[A-Z][\w.'’-]+\s[A-Z][\w'’-]+,\s*$")  # "…, Chris Wright, "
_INVERTED = frozenset({"said", "says", "added", "adds", "wrote", "noted"})


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    citations: tuple[ParsedCitation, ...]
    verb: str = ""  # the speech verb the source stands before, if any
    quoting: bool = False  # "SANA quoted a military source": the quoted source


def sentence_citations(
    sentence: str, registry: OutletRegistry, previous: tuple[ParsedCitation, ...] = ()
) -> tuple[ParsedCitation, ...]:
    """Every source ``sentence`` attributes its claim to, in order of mention.

    ``previous`` are the citations of the story's last claim, which a pronoun
    ("he said") refers back to. Each citation says how it is cited, through
    whom, whether it is a non-answer, and what the sentence says of its sourcing.
    """
    found = [*_named_after(sentence, registry), *_quoted(sentence, registry)]
    found += [
        Found(start, citations)
        for start, citations in passive_quotes(
            sentence, registry, previous, patterns().pronouns
        )
    ]
    passive = any(c.how == "quoted by" for item in found for c in item.citations)
    found += [
        item
        for item in _before_verbs(sentence, registry, previous)
        if not (passive and item.verb == "quoted")
    ]
    found.sort(key=lambda item: item.start)
    citations: list[ParsedCitation] = []
    for item in _relays(found):
        citations.extend(c for c in item.citations if c not in citations)
    said = qualifier(sentence)
    return qualify(tuple(citations), said) if said else tuple(citations)


def _relays(found: list[Found]) -> list[Found]:
    """ "SANA quoted a military source as saying": the source, via SANA."""
    kept: list[Found] = []
    for item in found:
        relay = kept[-1] if kept else None
        if item.quoting and relay is not None and relay.verb == "quoted":
            via = relay.citations[0].outlet or relay.citations[0].description
            citations = tuple(
                dataclasses.replace(c, via=via, how="quoted by") for c in item.citations
            )
            kept[-1] = Found(relay.start, citations)
        else:
            kept.append(item)
    return kept


def _named_after(sentence: str, registry: OutletRegistry) -> list[Found]:
    """Sources that follow their phrase: "according to X", "nor did X"."""
    found = []
    according, no_comment_from, nor_did = patterns().named_after
    for pattern in patterns().named_after:
        for match in pattern.finditer(sentence):
            start, end = _noun_phrase(sentence, match.end())
            phrase = sentence[match.start() : end]
            silent = pattern is no_comment_from or (
                pattern is nor_did and mentions_non_answer(sentence)
            )
            how = (
                "according to"
                if pattern is according
                else " ".join(match.group(0).split())
            )
            citations = tuple(
                dataclasses.replace(c, how=how, no_comment=silent)
                for c in cite(sentence[start:end], phrase, registry)
            )
            found.append(Found(match.start(), citations))
    return found


def _quoted(sentence: str, registry: OutletRegistry) -> list[Found]:
    """Sources quoted by another: "SANA quoted a military source as saying"."""
    found = []
    for match in patterns().quoted.finditer(sentence):
        if match["source"].startswith("by "):
            continue  # "was quoted by PAP as saying": see passive_quotes
        citations = cite(match["source"], match.group(0), registry)
        citations = tuple(dataclasses.replace(c, how="quoted") for c in citations)
        found.append(Found(match.start(), citations, quoting=True))
    return found


def _before_verbs(
    sentence: str, registry: OutletRegistry, previous: tuple[ParsedCitation, ...]
) -> list[Found]:
    """Sources before (or, after a quotation, just after) each speech verb."""
    found: list[Found] = []
    bound, speech = 0, False
    for verb in patterns().verb.finditer(sentence):
        if verb.start() < bound:
            continue
        if speech and not _COORDINATED.search(sentence, bound, verb.start()):
            continue  # reported speech, unless "…, but X said" starts a clause
        speech = False
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
            speech = True  # what follows is reported speech, not another source
    return found


def _candidates(
    sentence: str, bound: int, verb: re.Match[str], parenthetical: bool
) -> list[tuple[int, int]]:
    """Where the verb's source may stand, most likely first."""
    left = _subject_end(sentence, bound, verb.start())
    written = sentence[bound:left].rstrip()
    pronoun = _PRONOUN_SUBJECT.search(written)
    if pronoun:  # "… who thinks he's found": the pronoun is the subject
        return [(bound + pronoun.start(1), bound + pronoun.end(1))]
    clause = (_clause_start(sentence, bound, left), left)
    if parenthetical:  # "…, witnesses said." or "X, which …, did not respond."
        return [(_appositive_start(sentence, bound, left), left), clause]
    if written.endswith(tuple(_QUOTES)):  # '"…," said the official'
        return [_noun_phrase(sentence, verb.end(), appositive=True), clause]
    if written.endswith(","):  # "X, a spokesman, said …" or "…, said Y"
        after = _noun_phrase(sentence, verb.end(), appositive=True)
        if verb.group(0) in _INVERTED and _reported(sentence[slice(*clause)]):
            return [after, clause]  # a clause of reported speech, then "said Y"
        return [clause, after]
    return [clause]


def _reported(clause: str) -> bool:
    """A long clause with no appositive: speech reported before "said Y"."""
    return len(clause.split()) > 10 and "," not in clause.strip().rstrip(",")


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
    source, via = relayed(clean(sentence[start:stop]), registry)
    if source.casefold().startswith("according to") or source.endswith(" to"):
        return None  # "According to reports, …"; "That allowed the AP to see"
    first, last = (start, end) if stop <= verb.start() else (verb.start(), stop)
    phrase = sentence[first:last].strip(" ,")
    if source.casefold() in patterns().pronouns:
        citations = tuple(dataclasses.replace(c, text=phrase) for c in previous)
    else:
        citations = cite(source, phrase, registry)
    silent = is_non_answer(verb.group(0))
    how = (
        verb.group(0)
        if silent
        else how_cited(verb.group(0), sentence[verb.end() : end])
    )
    citations = tuple(
        dataclasses.replace(c, how=how, no_comment=silent, via=via or c.via)
        for c in citations
    )
    return Found(first, citations, verb=verb.group(0)) if citations else None


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
        if match is None or match.end() >= end or _NAMED.search(match.group(0)):
            return start  # "Yet Chris Wright, a professor, said": the name stays
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
