"""Queries that once took seconds answer with a notice, and a search that runs
out of time returns what it has, marked partial.

No time is asserted: what is asserted is the behaviour that bounds the work (a
word too long to respell, a phrase cut to its first words, a search past its
allowance) and what the user is told about it.
"""

from __future__ import annotations

from index import Searcher, SearchRequest, search_json
from index.query import MAX_PHRASE_WORDS
from index.spelling import MAX_WORD

LONG_WORD = "a" * 999
LONG_PHRASE = '"' + " ".join("abcdefghij"[n % 10] for n in range(499)) + '"'


def test_a_999_letter_word_is_not_respelled_and_the_user_is_told(
    indexed_samples,
) -> None:
    result = indexed_samples.search(LONG_WORD)
    assert result.total == 0 and result.did_you_mean is None
    assert result.notices == (
        f"no spelling suggestion is looked for words over {MAX_WORD} letters",
    )
    assert not result.partial


def test_a_499_word_phrase_is_searched_for_its_first_words(indexed_samples) -> None:
    assert len(LONG_PHRASE) == 999  # within the query's length limit
    result = indexed_samples.search(LONG_PHRASE)
    assert (
        f"a phrase of 499 words was searched for its first {MAX_PHRASE_WORDS} words"
        in result.notices
    )
    assert result.total == 0  # no passage says that
    assert not result.partial


def test_a_short_phrase_is_searched_whole_without_a_notice(indexed_samples) -> None:
    result = indexed_samples.search('"US forces"')
    assert result.total > 0 and result.notices == ()


def test_a_search_out_of_time_returns_what_it_has_with_a_notice(
    indexed_samples,
) -> None:
    """A zero allowance: every step finds the time spent."""
    hurried = Searcher(indexed_samples.index_dir, time_limit=0.0)
    try:
        result = hurried.search(SearchRequest("Qasrak"))
    finally:
        hurried.close()
    assert result.partial
    assert result.total == 0 and result.hits == ()
    assert result.notices == (
        "the search took longer than 0 s and was stopped before it found its "
        "matches: try fewer words, or a narrower query",
    )
    assert search_json(result)["partial"] is True


def test_an_ordinary_search_is_whole(indexed_samples) -> None:
    result = indexed_samples.search("Qasrak")
    assert result.total > 0 and not result.partial
    assert search_json(result)["partial"] is False
