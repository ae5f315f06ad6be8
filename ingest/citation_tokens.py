"""A citation string cut into tokens, and each token's features for the CRF.

Tokens are URLs (and DOIs) whole, runs of letters or digits, and single
punctuation marks, each with its offsets in the string. A token's features are
what it looks like (its word, shape, case, digits, punctuation), what it may
be (a year, a month name, a word of a known outlet, a URL or DOI), where it is
(position in the string, inside quotes or brackets, after "Retrieved" or "In")
and the same few facts about its neighbours. The CRF learns from them which
tokens are authors, title, outlet, publisher, date, access date, URL, pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ingest.dates import MONTH_NAMES
from ingest.outlets import load_registry

MAX_CHARACTERS = 2_000  # a citation longer than this is read from its start
_TOKEN = re.compile(
    r"(?:https?://|www\.|doi:\s*|10\.\d{4,9}/)\S+"  # URL or DOI, whole
    r"|\w+(?:['’]\w+)*"  # a word, with its apostrophes
    r"|[^\w\s]",  # one punctuation mark
    re.IGNORECASE,
)
_INVISIBLE = re.compile(
    r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
DATE_PHRASE = re.compile(
    rf"(?:\d{{1,2}}\s+)?\b{MONTH_NAMES}\s*(?:\d{{1,2}},?\s+)?\d{{4}}"
    r"|\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b1[5-9]\d\d\b|\b20\d\d\b",
    re.IGNORECASE,
)
_MONTHS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
    "oct", "october", "nov", "november", "dec", "december",
}  # fmt: skip
_OPENING = {"“": "q", '"': "q", "‘": "q", "«": "q", "(": "b", "[": "b"}
_CLOSING = {"”": "q", "’": "q", "»": "q", ")": "b", "]": "b"}
_ACCESS = {"retrieved", "accessed", "consulted", "viewed", "visited"}
_GENERIC_OUTLET = {
    "news", "times", "post", "herald", "journal", "review", "magazine", "press",
    "daily", "tribune", "gazette", "observer", "guardian", "telegraph", "agency",
    "reuters", "bbc", "cnn", "npr", "online", "blog", "radio", "tv", "television",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` (read up to ``MAX_CHARACTERS``), with offsets."""
    cleaned = _INVISIBLE.sub(" ", text[:MAX_CHARACTERS])
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(cleaned)]


@cache
def _outlet_words() -> frozenset[str]:
    words = set(_GENERIC_OUTLET)
    for outlet in load_registry():
        for spelling in outlet.spellings:
            words.update(
                w for w in re.findall(r"\w+", spelling.casefold()) if len(w) > 2
            )
    return frozenset(words - {"the", "and", "for"})


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)[:6]


@lru_cache(maxsize=65536)  # citations share most of their words
def _own(token: str) -> tuple[str, ...]:
    low = token.casefold()
    if len(token) > 4 and (low.startswith(("http", "www.", "doi:", "10."))):
        return ("url",)
    feats = [f"w={low}", f"shape={_shape(token)}"]
    if token[0].isalpha():
        feats.append("cap" if token[0].isupper() else "low")
        if token.isupper() and len(token) > 1:
            feats.append("upper")
        if len(token) > 3:
            feats.append(f"suf={low[-3:]}")
    elif token.isdigit():
        feats.append(f"digits={min(len(token), 5)}")
        if len(token) == 4 and 1500 <= int(token) <= 2099:
            feats.append("year")
        elif len(token) <= 2 and 1 <= int(token) <= 31:
            feats.append("day")
    else:
        feats.append("punct")
    if low in _MONTHS:
        feats.append("month")
    if low in _outlet_words():
        feats.append("outlet_word")
    return tuple(feats)


_EDGES = (("-2:edge",), ("-1:edge",), ("1:edge",), ("2:edge",))


@lru_cache(maxsize=65536)
def _seen_from(token: str) -> tuple[tuple[str, ...], ...]:
    """The token's features as its neighbours at offsets 2, 1, -1, -2 see them.

    Its neighbour two places on sees ``-2:w=...``, the next one ``-1:`` and two
    of its shape features, and so on.
    """
    low = token.casefold()
    near = _own(token)[1:3]
    return (
        (f"-2:w={low}",),
        (f"-1:w={low}", *(f"-1:{f}" for f in near)),
        (f"1:w={low}", *(f"1:{f}" for f in near)),
        (f"2:w={low}",),
    )


def _in_dates(text: str, toks: list[Token]) -> list[bool]:
    """Whether each token is part of a phrase that reads as a date with a year."""
    spans = [m.span() for m in DATE_PHRASE.finditer(text) if len(m.group()) > 4]
    return [any(a <= t.start < b for a, b in spans) for t in toks]


def features(toks: list[Token], text: str = "") -> list[list[str]]:
    """The features of each token: its own, its context and its neighbours'.

    ``text`` is the string the tokens come from; with it, tokens of a phrase
    that reads as a full date ("5 March 2008", "2008-03-05") are marked.
    """
    own = [_own(t.text) for t in toks]
    in_date = _in_dates(text, toks) if text else [False] * len(toks)
    words = [t.text.casefold() for t in toks]
    seen = [_seen_from(t.text) for t in toks]
    count = len(toks)
    result = []
    quoted = bracketed = 0
    after_access = after_in = after_quote = False
    for i, token in enumerate(toks):
        mark = token.text
        feats = [*own[i], f"pos={5 * i // max(count, 1)}"]
        if in_date[i]:
            feats.append("date_phrase")
        if i == 0:
            feats.append("first")
        if i == count - 1:
            feats.append("last")
        if quoted:
            feats.append("in_quotes")
        if bracketed:
            feats.append("in_brackets")
        if after_access:
            feats.append("after_access")
        if after_in:
            feats.append("after_in")
        if after_quote:
            feats.append("after_quote")
        for k, j in enumerate((i - 2, i - 1, i + 1, i + 2)):
            feats.extend(seen[j][k] if 0 <= j < count else _EDGES[k])
        result.append(feats)
        if _OPENING.get(mark) == "q" and not quoted:
            quoted = 1
        elif (_CLOSING.get(mark) == "q" or mark == '"') and quoted:
            quoted = 0
            after_quote = True
        bracketed += 1 if _OPENING.get(mark) == "b" else 0
        bracketed -= 1 if _CLOSING.get(mark) == "b" and bracketed else 0
        after_access = after_access or words[i] in _ACCESS
        after_in = words[i] == "in" or (after_in and mark not in ".,;")
    return result
