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
import string
from functools import cache, lru_cache
from typing import NamedTuple

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


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` (read up to ``MAX_CHARACTERS``), with offsets."""
    cleaned = _INVISIBLE.sub(" ", text[:MAX_CHARACTERS])
    make = Token._make
    return [make((m.group(), *m.span())) for m in _TOKEN.finditer(cleaned)]


@cache
def _outlet_words() -> frozenset[str]:
    words = set(_GENERIC_OUTLET)
    for outlet in load_registry():
        for spelling in outlet.spellings:
            words.update(
                w for w in re.findall(r"\w+", spelling.casefold()) if len(w) > 2
            )
    return frozenset(words - {"the", "and", "for"})


_SHAPES = str.maketrans(
    {**dict.fromkeys(map(ord, string.ascii_uppercase), "X"),
     **dict.fromkeys(map(ord, string.ascii_lowercase), "x"),
     **dict.fromkeys(map(ord, string.digits), "d")}
)  # fmt: skip
_RUN = re.compile(r"(.)\1{2,}")
_DIGIT = re.compile(r"\d")


def _shape(word: str) -> str:
    """``Qasrak`` -> ``Xxx``: ASCII letters and digits as X, x, d, runs cut to two."""
    shape = word.translate(_SHAPES)
    if not shape.isascii():
        shape = _DIGIT.sub("d", shape)  # other scripts' digits
    return _RUN.sub(r"\1\1", shape)[:6]


def _own(token: str, low: str) -> tuple[str, ...]:
    """What the token looks like and may be, as features."""
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
_POSITIONS = tuple(f"pos={k}" for k in range(5))


@lru_cache(maxsize=65536)  # citations share most of their words
def _known(token: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The token's own features, and how its neighbours at offsets 2, 1, -1,
    -2 see it.

    Its neighbour two places on sees ``-2:w=...``, the next one ``-1:`` and two
    of its shape features, and so on.
    """
    low = token.casefold()
    own = _own(token, low)
    near = own[1:3]
    return own, (
        (f"-2:w={low}",),
        (f"-1:w={low}", *(f"-1:{f}" for f in near)),
        (f"1:w={low}", *(f"1:{f}" for f in near)),
        (f"2:w={low}",),
    )


def _in_dates(text: str, toks: list[Token]) -> list[bool]:
    """Whether each token is part of a phrase that reads as a date with a year."""
    spans = [m.span() for m in DATE_PHRASE.finditer(text) if len(m.group()) > 4]
    marks, k = [], 0
    for token in toks:  # both in order: one sweep
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        marks.append(k < len(spans) and spans[k][0] <= token.start)
    return marks


def features(toks: list[Token], text: str = "") -> list[list[str]]:
    """The features of each token: its own, its context and its neighbours'.

    ``text`` is the string the tokens come from; with it, tokens of a phrase
    that reads as a full date ("5 March 2008", "2008-03-05") are marked.
    """
    count = len(toks)
    if not count:
        return []
    words = [t.text for t in toks]
    in_date = _in_dates(text, toks) if text else [False] * count
    known = [_known(w) for w in words]
    seen = [k[1] for k in known]
    # what each token sees of its neighbours two and one before, one and two after
    before2 = [_EDGES[0], _EDGES[0], *(s[0] for s in seen[:-2])][:count]
    before1 = [_EDGES[1], *(s[1] for s in seen[:-1])]
    after1 = [*(s[2] for s in seen[1:]), _EDGES[2]]
    after2 = [*(s[3] for s in seen[2:]), _EDGES[3], _EDGES[3]][:count]
    return [
        [*own, _POSITIONS[5 * i // count], *context, *b2, *b1, *a1, *a2]
        for i, ((own, _), context, b2, b1, a1, a2) in enumerate(
            zip(
                known,
                _contexts(words, in_date),
                *(before2, before1, after1, after2),
                strict=True,
            )
        )
    ]


def _contexts(words: list[str], in_date: list[bool]) -> list[tuple[str, ...]]:
    """Each token's place among the others: in a date, first or last, inside
    quotes or brackets, after "Retrieved", "In" or a closing quote."""
    contexts = []
    last = len(words) - 1
    quoted = bracketed = 0
    after_access = after_in = after_quote = False
    for i, mark in enumerate(words):
        context = []
        if in_date[i]:
            context.append("date_phrase")
        if i == 0:
            context.append("first")
        if i == last:
            context.append("last")
        if quoted:
            context.append("in_quotes")
        if bracketed:
            context.append("in_brackets")
        if after_access:
            context.append("after_access")
        if after_in:
            context.append("after_in")
        if after_quote:
            context.append("after_quote")
        contexts.append(context)
        if len(mark) == 1:
            opening, closing = _OPENING.get(mark), _CLOSING.get(mark)
            if opening == "q" and not quoted:
                quoted = 1
            elif (closing == "q" or mark == '"') and quoted:
                quoted = 0
                after_quote = True
            bracketed += 1 if opening == "b" else 0
            bracketed -= 1 if closing == "b" and bracketed else 0
        word = mark.casefold() if len(mark) < 10 else ""
        after_access = after_access or word in _ACCESS
        after_in = word == "in" or (after_in and mark not in ".,;")
    return contexts
