"""Whom a pronoun source ("he said", "it says") stands for.

The last claim's source, when it is near (two sentences at most) and agrees
with the pronoun: "he" is one person, not "three officials"; "it" is not a
person. Otherwise the source of an earlier claim named again just before the
pronoun ("For Roeslein, it has helped. … “…,” he says").
"""

from __future__ import annotations

import re

from ingest.attribution_rules import patterns
from ingest.model import ParsedCitation

NEAR = 2  # sentences between the last claim and the pronoun
RECENT = 20  # earlier claims whose sources a pronoun may name again
_PRONOUN = re.compile(r"\b(he|she|it|they|He|She|It|They)\b")
_PLURAL_START = re.compile(
    r"^(?:two|three|four|five|both|several|some|many|most|those|other|all)\b",
    re.IGNORECASE,
)

Sources = tuple[ParsedCitation, ...]


def antecedent(
    sentence: str,
    before: list[str],
    speakers: list[Sources],
    last: Sources,
    since: int,
) -> Sources:
    """The sources a pronoun in ``sentence`` refers to; () when none fits.

    ``before`` are the sentences just before it, ``speakers`` every earlier
    claim's sources in order, ``last`` the last claim's, ``since`` how many
    sentences ago that claim was.
    """
    pronoun = _subject_pronoun(sentence)
    if pronoun is None:
        return last
    if since <= NEAR and _agrees(pronoun.group(1).casefold(), last):
        return last
    window = " ".join([*before, sentence[: pronoun.start()]])
    recent = speakers[-RECENT:]
    named = [(_named_at(sources, window), n) for n, sources in enumerate(recent)]
    at, n = max(named, default=(-1, -1))
    return recent[n] if at >= 0 else ()  # the source named nearest the pronoun


def _subject_pronoun(sentence: str) -> re.Match[str] | None:
    """The pronoun before a speech verb ("…," he said), else the first one."""
    verb = patterns().verb
    found = list(_PRONOUN.finditer(sentence))
    for match in found:
        if verb.match(sentence, match.end() + 1):
            return match
    return found[0] if found else None


def _named_at(sources: Sources, window: str) -> int:
    """Where in ``window`` one of ``sources`` is last named; -1 if nowhere."""
    at = -1
    for source in sources:
        key = _key(source)
        for match in re.finditer(rf"\b{re.escape(key)}\b", window) if key else ():
            at = max(at, match.start())
    return at


def _key(source: ParsedCitation) -> str | None:
    """A person's surname, or an outlet as written; anonymous sources have none."""
    if source.anonymous:
        return None
    if source.description:
        words = re.sub(r"['’]s$", "", source.description.split(",")[0]).split()
        if not words or not words[-1][:1].isupper():
            return None
        if len(words) > 1 and not words[-2][:1].isupper():
            return None  # "Those close to Damascus" is no one's name
        return words[-1]
    return source.outlet


def _agrees(pronoun: str, sources: Sources) -> bool:
    if not sources:
        return False
    if pronoun in ("he", "she"):
        (source,) = sources if len(sources) == 1 else (None,)
        return source is not None and _one_person(source)
    if pronoun == "it":
        return all(not _one_person(s) and not _plural(s) for s in sources)
    return True  # "they": a group, an organisation, or several sources


def _one_person(source: ParsedCitation) -> bool:
    if source.anonymous:
        return not _plural(source)
    # a named person, perhaps of an outlet; not "Those close to Damascus"
    return bool(source.description) and not _plural(source)


def _plural(source: ParsedCitation) -> bool:
    described = (source.description or "").split(",")[0].strip()
    if not described:
        return False
    if _PLURAL_START.match(described):
        return True
    head = described.split()[-1].casefold()
    return source.anonymous and head.endswith("s") and not head.endswith("ss")
