"""How a story cites its sources: the verb, the relay, and what it says of them.

``attributions`` finds who a sentence rests on; this module adds the relation:
how the source is cited ("told Reuters", "according to", "in a statement"),
the outlet it came through ("IRNA, monitored by the BBC in London": via the
BBC; "He was quoted by PAP as saying": via PAP), whether it is a non-answer
("did not respond to a request for comment"), and statements about the
sourcing itself ("spoke on condition of anonymity ...") that qualify it.
Patterns are data in ``attributions.toml``.
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
_STATEMENT = re.compile(r"\bstatement\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*[,;]|\s*$")
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
_PLURAL = re.compile(r"^(?:they|all|each|neither|either)$|s$", re.IGNORECASE)
_FINAL = ' .!?"”’)'


@dataclass(frozen=True, slots=True)
class Relations:
    non_response: re.Pattern[str]
    relayed_by: re.Pattern[str]
    quoted_by: re.Pattern[str]
    sourcing: re.Pattern[str]
    sourcing_subject: re.Pattern[str]


@lru_cache(maxsize=1)
def relations(path: Path = RULES_FILE) -> Relations:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    sources, phrases = data["sources"], data["phrases"]
    return Relations(
        non_response=re.compile(rf"\b(?:{'|'.join(data['verbs']['non_response'])})\b"),
        relayed_by=re.compile(sources["relayed_by"]),
        quoted_by=re.compile(sources["quoted_by"]),
        sourcing=re.compile(rf"\b(?:{'|'.join(phrases['sourcing'])})", re.IGNORECASE),
        sourcing_subject=re.compile(phrases["sourcing_subject"]),
    )


def how_cited(verb: str, after: str) -> str:
    """The attributing verb as a journalist would quote it: "told Reuters"."""
    if _STATEMENT.search(after):
        return "in a statement"
    return " ".join(verb.split())


def is_non_answer(verb: str) -> bool:
    return bool(relations().non_response.fullmatch(verb.strip()))


def mentions_non_answer(sentence: str) -> bool:
    return bool(relations().non_response.search(sentence))


def relayed(source: str, registry: OutletRegistry) -> tuple[str, str | None]:
    """``source`` without its relay, and the relay's name: "IRNA, monitored by …"."""
    match = relations().relayed_by.search(source)
    if match is None:
        return source, None
    rest = source[: match.start()] + source[match.end() :]
    return rest.strip(" ,"), name_of(match["via"], registry)


def name_of(phrase: str, registry: OutletRegistry) -> str | None:
    """The outlet or source a relay phrase names, as it would be cited."""
    for citation in cite(clean(phrase), phrase, registry):
        return citation.outlet or citation.description
    return clean(phrase) or None


def passive_quotes(
    sentence: str,
    registry: OutletRegistry,
    previous: tuple[ParsedCitation, ...],
    pronouns: frozenset[str],
) -> list[tuple[int, tuple[ParsedCitation, ...]]]:
    """ "He was quoted by PAP as saying": the speaker, via PAP."""
    found = []
    for match in relations().quoted_by.finditer(sentence):
        start = max(sentence.rfind(c, 0, match.start()) for c in ',;:"“”')
        subject = clean(sentence[start + 1 : match.start()])
        phrase = sentence[start + 1 : match.end()].strip()
        via = name_of(match["via"], registry)
        if subject.casefold() in pronouns:
            who = tuple(dataclasses.replace(c, text=phrase) for c in previous)
        else:
            who = cite(subject, phrase, registry)
        who = tuple(
            dataclasses.replace(c, via=via, how="quoted by", no_comment=False)
            for c in who
        )
        if who:
            found.append((start + 1, who))
    return found


def qualifier(sentence: str) -> str | None:
    """What ``sentence`` says of its sourcing: "spoke on condition of anonymity"."""
    match = relations().sourcing.search(sentence)
    if match is None:
        return None
    end = _CLAUSE_END.search(sentence, match.end())
    text = sentence[match.start() : end.start() if end else len(sentence)]
    return text.rstrip(_FINAL)


def sourcing_statement(sentence: str) -> tuple[str, int] | None:
    """A sentence only about sourcing, and how many sources it speaks of."""
    match = relations().sourcing.search(sentence)
    subject = relations().sourcing_subject.match(sentence)
    if match is None or subject is None:
        return None
    if sentence[subject.end() : match.start()].count(",") > 1:
        return None
    words = subject.group(0).split()
    count = _COUNTS.get(words[0].casefold(), 0)
    if not count:
        count = 2 if _PLURAL.search(words[-1]) else 1
    return sentence.strip().rstrip(_FINAL), count


def qualify(
    citations: tuple[ParsedCitation, ...], text: str
) -> tuple[ParsedCitation, ...]:
    return tuple(dataclasses.replace(c, qualifier=text) for c in citations)
