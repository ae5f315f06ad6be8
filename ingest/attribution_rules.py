"""The rules of ``attributions.toml`` as compiled patterns, loaded once.

Speech verbs, the phrases that name a source after them ("according to"), and
the words that may stand between a source and its verb; ``attributions`` and
``pronouns`` read them from here. The word lists that tell what a source phrase
names (``SpeakerWords``) are read by ``speakers``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("attributions.toml")


@dataclass(frozen=True, slots=True)
class Patterns:
    verb: re.Pattern[str]
    after_verb: re.Pattern[str]
    before_verb: re.Pattern[str]
    leading: re.Pattern[str]
    named_after: tuple[re.Pattern[str], ...]
    quoted: re.Pattern[str]
    pronouns: frozenset[str]


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


@dataclass(frozen=True, slots=True)
class SpeakerWords:
    anonymous: frozenset[str]
    organisation: frozenset[str]
    outlet_voice: frozenset[str]
    document_of: re.Pattern[str]
    modifier_suffixes: frozenset[str]
    head_stops: frozenset[str]
    place_prepositions: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def speaker_words(path: Path = RULES_FILE) -> SpeakerWords:
    with path.open("rb") as handle:
        data = tomllib.load(handle)["speakers"]
    lists = {
        key: frozenset(word.casefold() for word in value)
        for key, value in data.items()
        if isinstance(value, list)
    }
    return SpeakerWords(
        document_of=re.compile(data["document_of"], re.IGNORECASE), **lists
    )
