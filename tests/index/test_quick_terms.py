"""Fields of computed terms are indexed exactly as Whoosh would index them, faster."""

from __future__ import annotations

import random

import pytest
from whoosh import fields

from archive.queries import all_indexable_passages
from index.analysis import words_analyzer, words_of
from index.entries import entries
from index.schema import NameKeys, Terms, build_schema
from tests.conftest import SAMPLES
from tests.index.conftest import make_archive
from tests.index.test_passage_text import PIECES

QUICK = sorted(
    name
    for name, field in build_schema().items()
    if isinstance(field, Terms | NameKeys)
)


def _whooshs(field, value) -> list:
    """What Whoosh's own ``FieldType.index`` makes of ``value`` in ``field``."""
    return sorted(fields.FieldType.index(field, value))


@pytest.fixture(scope="module")
def sample_entries(tmp_path_factory) -> list[dict]:
    archive = make_archive(tmp_path_factory.mktemp("quick"))
    archive.ingest(SAMPLES)
    with archive.sessions() as session:
        found = list(entries(all_indexable_passages(session)))
    archive.searcher.close()
    return found


def test_every_line_name_and_word_field_is_quick():
    assert QUICK == [
        "agency",
        "country",
        "country_facet",
        "forms",
        "names",
        "outlet",
        "outlet_facet",
        "publisher",
        "words",
    ]


@pytest.mark.parametrize("name", QUICK)
def test_the_sample_passages_give_whooshs_postings(sample_entries, name):
    """
    GIVEN every index document the sample archive makes
    WHEN each quick field's value is indexed
    THEN the terms, frequencies, weights and values are Whoosh's own
    """
    field = build_schema()[name]
    values = [e[name] for e in sample_entries if e.get(name)]
    assert len(values) > 3, f"the samples give {name} too few values to compare"
    for value in values:
        assert sorted(field.index(value)) == _whooshs(field, value), value


@pytest.mark.parametrize("name", QUICK)
def test_random_lines_give_whooshs_postings(name):
    field = build_schema()[name]
    rng = random.Random(name)
    for _ in range(300):
        lines = [
            " ".join(rng.choices(PIECES, k=rng.randint(1, 4)))
            for _ in range(rng.randint(1, 5))
        ]
        value = "\n".join(lines + rng.choices(["", " ", lines[0]], k=2))
        if name != "words":  # the words field is given its words as a list
            assert sorted(field.index(value)) == _whooshs(field, value), value
        terms = value.split()  # with repeats, which count where frequencies do
        assert sorted(field.index(terms)) == _whooshs(field, terms), terms


def test_the_words_given_are_the_words_analyzers_terms():
    rng = random.Random(7)
    analyzer = words_analyzer()
    for _ in range(300):
        text = " ".join(rng.choices(PIECES, k=rng.randint(1, 12)))
        assert words_of(text) == [t.text for t in analyzer(text)], text
