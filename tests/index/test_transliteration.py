"""Name variants: one spelling indexed, found by each of its variants.

The folding runs in the analyzer at index and at query time (STYLE rule 11):
case, diacritics and the article (al-Sharaa / Al-Sharaa, Ḥasakah / Hasakah) in
every field; vowel spellings (Qasrak / Qasrik / Qasrek, Ahmed / Ahmad) through
``archive.names.name_key`` in the name-key field, unless the user asks for exact
spellings.
"""

from __future__ import annotations

import pytest

from tests.index.conftest import EUAA, OWN_FIXTURES, REUTERS

STORY = OWN_FIXTURES / "afp-dayr-al-zawr-clashes.txt"
NOTE = OWN_FIXTURES / "note-deir-ez-zor.md"


@pytest.fixture
def names_archive(archive):
    archive.ingest(STORY, NOTE)
    return archive


@pytest.mark.parametrize("query", ["Qasrek", "Qasrak", "Qasrik", "QASRIK", "qasrek"])
def test_every_spelling_of_qasrak_finds_both_documents(names_archive, query) -> None:
    found = set(names_archive.matched_ids(query))
    assert names_archive.passages_saying("Qasrek") <= found
    assert names_archive.passages_saying("Qasrak base") <= found


@pytest.mark.parametrize(
    "query", ['"Deir ez-Zor"', "Deir ez-Zor", '"Dayr al-Zawr"', "Deir Ezzor"]
)
def test_deir_ez_zor_and_dayr_al_zawr_find_each_other(names_archive, query) -> None:
    found = set(names_archive.matched_ids(query))
    assert names_archive.passages_saying("Dayr al-Zawr") <= found
    assert names_archive.passages_saying("Deir ez-Zor governorate") <= found


@pytest.mark.parametrize("query", ["Hasakah", "Hasakeh", "al-Hasakah", "Ḥasakah"])
def test_hasakah_is_found_however_written(names_archive, query) -> None:
    found = set(names_archive.matched_ids(query))
    for written in ("Al-Hasakeh", "Ḥasakah city", "roads to Hasakah"):
        assert names_archive.passages_saying(written) <= found, written


def test_diacritics_fold_in_the_exact_field_too(names_archive) -> None:
    assert set(names_archive.matched_ids("Hasakah", exact=True)) == (
        names_archive.passages_saying("Ḥasakah")
        | names_archive.passages_saying("Hasakah")
    )


def test_a_variant_ranks_below_the_exact_spelling(names_archive) -> None:
    found = names_archive.matched_ids("Qasrek")
    assert found[0] in names_archive.passages_saying("Qasrek")
    result = names_archive.search("Qasrek")
    assert result.also_matched == ("Qasrak",)


def test_al_sharaa_finds_al_sharaa_in_any_case(indexed_samples) -> None:
    expected = indexed_samples.passages_saying("Al-Sharaa") | (
        indexed_samples.passages_saying("al-Sharaa")
    )
    assert set(indexed_samples.matched_ids("al-Sharaa")) == expected
    assert set(indexed_samples.matched_ids("Al-Sharaa", exact=True)) == expected


def test_ahmed_finds_ahmad_followed_by_the_same_family_name(indexed_samples) -> None:
    """GIVEN "Ahmad Al-Sharaa" (EUAA) and "Ahmed al-Sharaa" (Reuters)
    WHEN searching the name with either first-name spelling, quoted or not
    THEN both passages come back, the typed spelling first, and the result says
    which variant it also matched; with exact spellings only the typed one does.
    """
    euaa = indexed_samples.passages_saying("Ahmad Al-Sharaa")
    reuters = indexed_samples.passages_saying("Ahmed al-Sharaa")
    for query in ('"Ahmed al-Sharaa"', "Ahmed al-Sharaa"):
        found = indexed_samples.matched_ids(query)
        assert set(found) == euaa | reuters
        assert found[0] in reuters
        assert indexed_samples.search(query).also_matched == ("Ahmad",)
    assert set(indexed_samples.matched_ids('"Ahmed al-Sharaa"', exact=True)) == reuters
    found = indexed_samples.matched_ids('"Ahmad Al-Sharaa"')
    assert found[0] in euaa and set(found) == euaa | reuters
    assert indexed_samples.passages_of(EUAA) & euaa
    assert indexed_samples.passages_of(REUTERS) & reuters


def test_a_different_family_name_does_not_match(indexed_samples) -> None:
    assert indexed_samples.matched_ids('"Ahmed al-Shibani"') == []
