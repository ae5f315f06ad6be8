"""Snippets of a hit's passage with the matched words marked, variants included.

Whoosh's own highlighter only marks words whose terms are in the highlighted
field, so a passage found through its name key ("Qasrik" for ``Qasrak``) would
show no mark. Here a word is marked when its stem is a searched stem, its folded
form is a word a prefix expanded to, or (capitalised) its name key was searched;
the last kind is also reported as a variant the search matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.highlight import BasicFragmentScorer, ContextFragmenter, top_fragments

from archive.names import fold, name_key
from index.analysis import WORD, fold_word, is_name_word, text_term
from index.schema import WORDS_FIELD

SNIPPET_CHARS = 240
FRAGMENTS = 2
GAP = " … "


@dataclass(frozen=True, slots=True)
class Snippet:
    """A snippet as parts of text, each marked as a match or not."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)

    def marked(self, before: str, after: str) -> str:
        """The text with each match wrapped, e.g. ``marked("<mark>", "</mark>")``."""
        return "".join(f"{before}{t}{after}" if m else t for t, m in self.parts)


@dataclass(frozen=True, slots=True)
class Matcher:
    """What counts as a match: stems, whole words, name keys, exact spellings."""

    stems: frozenset[str]
    words: frozenset[str]
    keys: frozenset[str]
    exact: frozenset[str]

    @classmethod
    def from_terms(cls, terms: Iterable[tuple[str, str]], exact: Iterable[str]):
        by_field: dict[str, set[str]] = {"text": set(), WORDS_FIELD: set()}
        keys: set[str] = set()
        for field, term in terms:
            if field == "names":
                keys.update(term.split())
            elif field in by_field:
                by_field[field].add(term)
        return cls(
            frozenset(by_field["text"]),
            frozenset(by_field[WORDS_FIELD]),
            frozenset(keys),
            frozenset(fold(word) for word in exact),
        )


class Highlighter:
    def __init__(self) -> None:
        self.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        self.scorer = BasicFragmentScorer()

    def snippet(self, text: str, matcher: Matcher) -> tuple[Snippet, tuple[str, ...]]:
        """The best fragments of ``text``, and the variant spellings found in it."""
        variants: dict[str, None] = {}
        tokens = list(self._marked_tokens(text, matcher, variants))
        if not any(token.matched for token in tokens):
            return Snippet(((_opening(text), False),)), ()
        fragments = self.fragmenter.fragment_tokens(text, iter(tokens))
        best = top_fragments(fragments, FRAGMENTS, self.scorer, lambda f: f.startchar)
        return Snippet(_parts(text, best)), tuple(variants)

    def matched_words(self, text: str, matcher: Matcher) -> set[str]:
        """The words of ``text``, as written, that count as matches."""
        return {
            text[token.startchar : token.endchar]
            for token in self._marked_tokens(text, matcher, {})
            if token.matched
        }

    def _marked_tokens(self, text: str, matcher: Matcher, variants: dict):
        """The words of ``text`` as ``text_analyzer`` cuts them, each marked as a
        match or not (the analyzer's terms of a word are the same wherever it
        stands, so each word is looked at whole, once: ``_facts``)."""
        stems, words, keys = matcher.stems, matcher.words, matcher.keys
        facts = _FACTS
        for found in WORD.finditer(text):
            written = found.group()
            known = facts.get(written) or _facts(written)
            term, folded, key = known
            if not term:
                continue
            matched = term in stems or folded in words
            if not matched and key in keys:
                matched = True
                if fold(written) not in matcher.exact:
                    variants[written] = None
            yield _Word(found.start(), found.end(), term, matched)


_FACTS: dict[str, tuple[str, str, str | None]] = {}
_FACTS_KEPT = 200_000


def _facts(written: str) -> tuple[str, str, str | None]:
    """A word's stem (``text_term``), folded form, and name key if it is written
    as a name: what snippets compare with a search's terms; remembered."""
    if len(_FACTS) >= _FACTS_KEPT:
        _FACTS.clear()
    key = name_key(written) if is_name_word(written) else None
    found = _FACTS[written] = (text_term(written), fold_word(written), key)
    return found


class _Word:
    """A word of a passage as Whoosh's fragmenter takes a token: where it
    stands, its term, and whether it is a match."""

    __slots__ = ("boost", "endchar", "matched", "startchar", "text")

    def __init__(self, start: int, end: int, term: str, matched: bool) -> None:
        self.startchar, self.endchar = start, end
        self.text, self.matched, self.boost = term, matched, 1.0

    def copy(self) -> _Word:
        return self  # never changed once made


def _parts(text: str, fragments) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    for number, fragment in enumerate(fragments):
        if number or fragment.startchar > 0:
            parts.append((GAP if number else "… ", False))
        at = fragment.startchar
        for token in fragment.matches:
            if token.startchar < at:
                continue
            parts.append((text[at : token.startchar], False))
            parts.append((text[token.startchar : token.endchar], True))
            at = token.endchar
        parts.append((text[at : fragment.endchar], False))
        if number == len(fragments) - 1 and fragment.endchar < len(text):
            parts.append((" …", False))
    return tuple((t, m) for t, m in parts if t)


def plain_snippet(text: str) -> Snippet:
    """The passage's opening, nothing marked (when there is no time to highlight)."""
    return Snippet(((_opening(text), False),))


def _opening(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 0 else SNIPPET_CHARS] + " …"
