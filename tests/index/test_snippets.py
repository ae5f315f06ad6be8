"""Snippets cut and mark a passage's words as ``text_analyzer``'s tokens would."""

from __future__ import annotations

import random

from whoosh.highlight import top_fragments

from archive.names import fold, name_key
from index.analysis import fold_word, is_name_word, text_analyzer
from index.snippets import FRAGMENTS, Highlighter, Matcher, Snippet, _parts
from tests.index.test_passage_text import PIECES

NAMES = ["Qasrak", "al-Sharaa", "Homs", "Deir"]


def _analyzer_tokens(text: str, matcher: Matcher, variants: dict) -> list:
    """The analyzer's tokens of ``text``, each marked a match as snippets mark."""
    tokens = []
    for token in text_analyzer()(text, chars=True, mode="query", removestops=False):
        written = text[token.startchar : token.endchar]
        token.matched = (
            token.text in matcher.stems or fold_word(written) in matcher.words
        )
        if not token.matched and matcher.keys and is_name_word(written):
            if name_key(written) in matcher.keys:
                token.matched = True
                if fold(written) not in matcher.exact:
                    variants[written] = None
        tokens.append(token.copy())
    return tokens


def _analyzer_snippet(text: str, matcher: Matcher) -> tuple[Snippet, tuple]:
    highlighter, variants = Highlighter(), {}
    tokens = _analyzer_tokens(text, matcher, variants)
    if not any(token.matched for token in tokens):
        return highlighter.snippet(text, Matcher.from_terms((), ()))[0], ()
    fragments = highlighter.fragmenter.fragment_tokens(text, iter(tokens))
    best = top_fragments(
        fragments, FRAGMENTS, highlighter.scorer, lambda f: f.startchar
    )
    return Snippet(_parts(text, best)), tuple(variants)


def _matcher(rng: random.Random) -> Matcher:
    """Some stems, folded words and name keys of the pieces, as a query gives."""
    analyzer = text_analyzer()
    terms = []
    for piece in rng.sample(PIECES, 4):
        terms += [("text", t.text) for t in analyzer(piece)]
    terms += [("words", fold_word(rng.choice(PIECES)))]
    terms += [("names", name_key(name)) for name in rng.sample(NAMES, 2)]
    return Matcher.from_terms(terms, rng.sample(NAMES, 1))


def test_snippets_mark_what_the_analyzers_tokens_mark():
    """
    GIVEN 500 random texts of words in several scripts, with names and dots
    WHEN each is highlighted for some searched stems, words and name keys
    THEN the snippet, its variants and the matched words are those that the
        analyzer's own tokens give
    """
    rng = random.Random(5)
    pieces = PIECES + NAMES + ["Qasrik", "Al-Sharaa", "HOMS", "long"] * 3
    highlighter = Highlighter()
    marked = 0
    for _ in range(500):
        text = " ".join(rng.choices(pieces, k=rng.randint(0, 120)))
        matcher = _matcher(rng)
        expected = _analyzer_snippet(text, matcher)
        assert highlighter.snippet(text, matcher) == expected, text
        words = {
            text[t.startchar : t.endchar]
            for t in _analyzer_tokens(text, matcher, {})
            if t.matched
        }
        assert highlighter.matched_words(text, matcher) == words, text
        marked += bool(words)
    assert marked > 250, "most texts should have a match"
