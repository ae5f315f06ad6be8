"""The analyzers: how passage text and query text become index terms.

Every analyzer runs the same way at index time and at query time (STYLE rule 11):

- ``text_analyzer`` folds each word to lowercase ASCII (diacritics, any script via
  anyascii) and stems it; ``words_analyzer`` keeps the same words unstemmed, for
  the words field that "did you mean" and prefix searches use.
- ``names_analyzer`` indexes the vowel-tolerant keys of ``archive.names`` that
  the archive stored for a passage's proper names (Qasrak and Qasrik share one),
  and each word of them; a query word or phrase becomes the key of the whole of it.
- ``forms_analyzer`` indexes, for each name word in a passage, its key with the
  spelling as written (``name_forms``), so a search can say which variants it
  also matched.
- ``key_analyzer`` folds outlet, publisher and agency names ("The Wall Street
  Journal", "wall-street-journal") the way the outlet registry does.
- ``line_analyzer`` keeps each line of a value as one exact term (facet values).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from anyascii import anyascii
from whoosh.analysis import (
    Composable,
    Filter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)

from archive.names import name_key, names_in
from ingest import outlet_key

WORD = re.compile(r"\w+(?:\.?\w+)*")
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
FORM_SEPARATOR = "\x1f"
_NOT_TERM_CHAR = re.compile(r"[^a-z0-9*?]+")


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """Lowercase ASCII, diacritics and marks gone; ``*`` and ``?`` are kept."""
    return _NOT_TERM_CHAR.sub("", anyascii(word).lower())


def is_name_word(word: str) -> bool:
    """A capitalised word: only these are looked at as possible name variants."""
    core = word.split("-")[-1]
    return bool(core) and core[0].isupper()


class FoldFilter(Filter):
    """``fold_word`` on each token; tokens that fold to nothing are dropped."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold_word(token.text)
            if token.text:
                yield token


class _WholeValueTokenizer(Tokenizer):
    """Base for tokenizers that produce computed terms rather than word spans."""

    def terms(self, value: str, mode: str) -> list[str]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for number, term in enumerate(self.terms(value, mode)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = term
            if positions:
                token.pos = start_pos + number
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token


class NameKeyTokenizer(_WholeValueTokenizer):
    """Index: a passage's name keys, one a line. Query: the key of the value.

    The archive stores each passage's keys (``archive.names.names_in``) with it;
    the index takes them from there (``IndexablePassage.names``) rather than finding
    the names in the text again.
    """

    def terms(self, value: str, mode: str) -> list[str]:
        if mode == "query":
            key = name_key(value)
            return [key] if key else []
        keys = {line for line in value.split("\n") if line}
        # Each word of a longer name too, even one that names nothing alone
        # (Deir, Abu), so that ``Deir ez-Zor`` unquoted finds Dayr al-Zawr.
        words = {word for key in keys for word in key.split()}
        return sorted(keys | words)


class NameFormTokenizer(_WholeValueTokenizer):
    """Index: a passage's ``name_forms``, one a line. Query: the value."""

    def terms(self, value: str, mode: str) -> list[str]:
        if mode == "query":
            return [value]
        return sorted({line for line in value.split("\n") if line})


_outlet_key = lru_cache(maxsize=1 << 12)(outlet_key)  # outlets recur on every page


class LineTokenizer(_WholeValueTokenizer):
    """Each non-empty line of the value is one term; a query value is one term."""

    def __init__(self, fold: bool = False) -> None:
        self.fold = fold

    def terms(self, value: str, mode: str) -> list[str]:
        lines = [value] if mode == "query" else value.split("\n")
        if self.fold:
            lines = [_outlet_key(line) for line in lines]
        return [line.strip() for line in lines if line.strip()]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineTokenizer) and other.fold == self.fold


def name_forms(text: str, keys: frozenset[str] | None = None) -> set[str]:
    """``key<US>Spelling`` for every capitalised word whose key names something.

    ``keys``: the text's ``names_in``, when they are known already.
    """
    keys = names_in(text) if keys is None else keys
    forms: set[str] = set()
    if not keys:
        return forms
    for word in NAME_WORD.findall(text):
        core = word.rpartition("-")[2]  # is_name_word, inline: most words are not
        if core and core[0].isupper():
            key = name_key(word)
            if key in keys:
                forms.add(f"{key}{FORM_SEPARATOR}{word}")
    return forms


_STEMS: dict[str, str] = {}  # word as written -> its stem ("" for none)
_STEMS_KEPT = 200_000


def stem_positions(text: str) -> dict[str, list[int]]:
    """Each stem ``text_analyzer`` makes of ``text``, with its word positions.

    What the analyzer gives with positions, at a dictionary lookup a word: each
    distinct word as written is analyzed once and its stem remembered.
    """
    stems = _STEMS
    found: dict[str, list[int]] = {}
    for position, word in enumerate(words_as_written(text)):
        stem = stems.get(word)
        if stem is None:
            stem = text_term(word)
        if stem:
            positions = found.get(stem)
            if positions is None:
                found[stem] = [position]
            else:
                positions.append(position)
    return found


def text_term(word: str) -> str:
    """The stem ``text_analyzer`` makes of one word as written (a ``WORD`` match),
    or "" if it makes none; remembered as ``stem_positions`` remembers it."""
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) >= _STEMS_KEPT:
            _STEMS.clear()
        stem = _STEMS[word] = next((t.text for t in _TEXT(word)), "")
    return stem


def words_of(text: str) -> list[str]:
    """The terms ``words_analyzer`` makes of ``text`` (its folded words)."""
    return [folded for folded in map(fold_word, words_as_written(text)) if folded]


@lru_cache(maxsize=4)
def words_as_written(text: str) -> list[str]:
    """The words ``WORD`` finds in ``text``, in order (the text analyzer's
    tokens). A passage's words are read for two fields, one after the other."""
    return WORD.findall(text)


def stems_of(text: str) -> list[str]:
    """The terms ``text_analyzer`` makes of ``text`` (the stems of its words)."""
    return [token.text for token in _TEXT(text, mode="query")]


def text_analyzer() -> Composable:
    return RegexTokenizer(WORD) | FoldFilter() | StemFilter(cachesize=50000)


def names_analyzer() -> Composable:
    return NameKeyTokenizer()


def forms_analyzer() -> Composable:
    return NameFormTokenizer()


def words_analyzer() -> Composable:
    """The words of ``text_analyzer`` before stemming."""
    return RegexTokenizer(WORD) | FoldFilter()


def key_analyzer() -> Composable:
    return LineTokenizer(fold=True)


def line_analyzer() -> Composable:
    return LineTokenizer()


_TEXT = text_analyzer()
