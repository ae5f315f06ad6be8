"""Short forms and notes that cite nothing.

"Ibid." and "Id., at 12" point at the work cited just before; "supra note 5"
at note 5's work; "See, e.g.," and "Cf." are signals before a citation, not part
of it. A note of explanation with no source in it ("Note 1: The figure excludes
...") cites nothing.
"""

from __future__ import annotations

import re

IBID = re.compile(
    r"^(?:ibid(?:em)?|id)\.?(?:,?\s*(?:at\s+)?(?P<pages>.+))?$", re.IGNORECASE
)
SUPRA = re.compile(
    r"^(?P<who>.{0,200}?),?\s*supra(?:\s+note)?\s+(?P<label>\w+)(?:,?\s*(?:at\s+)?(?P<pages>.+))?$",
    re.IGNORECASE,
)
SIGNAL = re.compile(
    r"^(?:see(?:,?\s+e\.\s?g\.,?|\s+also|\s+generally)?|cf\.|compare|but\s+see|"
    r"accord|contra|e\.\s?g\.,?)\s+(?=\S)",
    re.IGNORECASE,
)
_NOTE_PREFIX = re.compile(r"^(?:notes?|n\.?b\.?|remarks?)\s*\d*\s*[:.]\s+", re.I)
_SOURCE_SIGNS = re.compile(
    r"https?://|www\.|\b(?:1[6-9]|20)\d\d\b|[“”\"]|\bpp?\.\s*\d|§|\bv\.\s|\bStat\.|"
    r"\bU\.S\.C\b|\bCFR\b|\bibid\b|\bid\.|\bsupra\b|\burl\b|\bavailable at\b",
    re.I,
)
_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|does|do|did|can|could|may|might|"
    r"will|would|should|must|excludes?|includes?|refers?|means?|shows?)\b",
    re.I,
)


def without_signal(item: str) -> str:
    """The item without a leading "See, e.g.," or "Cf."."""
    return SIGNAL.sub("", item, count=1)


def is_commentary(note: str) -> bool:
    """A note that explains and names no source: no date, quote, URL or legal cite."""
    text = _NOTE_PREFIX.sub("", note.strip())
    if _SOURCE_SIGNS.search(text):
        return False
    words = text.split()
    return (
        len(words) >= 5
        and bool(_VERBS.search(text))
        or bool(_NOTE_PREFIX.match(note.strip()))
    )
