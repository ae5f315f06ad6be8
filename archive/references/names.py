"""Authors as reference formats want them: a person as family and given names,
an organisation as one literal name that must not be split."""

from __future__ import annotations

import re

# Lower-case particles that belong to a family name ("Hogir al Abdo").
PARTICLES = {"al", "el", "de", "del", "della", "di", "da", "van", "von", "der", "bin"}
# Words that make a name an organisation's.
ORGANISATION_WORDS = re.compile(
    r"\b(?:agency|office|ministry|organi[sz]ation|council|nations|association|"
    r"committee|department|institute|watch|commission|bureau|service|press|news|"
    r"network|center|centre|observatory|group|foundation|university|union|court|"
    r"government|forces|project|international|amnesty|unhcr|reuters)\b|"
    r"\b(?:of|for|and|the|on)\b|[&/(),.:;0-9]",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")


def person(name: str) -> tuple[str, str] | None:
    """``(family, given)`` if ``name`` reads as a person's, else None.

    A person's name is two to five words, each starting with a capital (or a
    lower-case particle such as "al"), and none that organisations use.
    """
    words = name.split()
    if not 2 <= len(words) <= 5 or ORGANISATION_WORDS.search(name):
        return None
    if not all(NAME_WORD.match(w) for w in words) or name.isupper():
        return None
    if not all(w[0].isupper() or w.lower() in PARTICLES for w in words):
        return None
    first_family = len(words) - 1
    while first_family > 1 and words[first_family - 1].lower() in PARTICLES:
        first_family -= 1
    return " ".join(words[first_family:]), " ".join(words[:first_family])
