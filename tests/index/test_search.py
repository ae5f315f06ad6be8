"""Searching the sample corpus: ranking, filters, facets, snippets, paging, hints.

The tests assert which passages come back (their ids, found in the database by
what they say), not how a query was parsed.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from archive.models import Citation, Claim, Footnote, Marker, Outlet, Passage
from index import SearchQueryError
from tests.index.conftest import AP, EUAA, REUTERS, documents_of, ids_of


def test_qasrak_finds_the_euaa_passage_on_qasrik_and_both_wire_stories(
    indexed_samples,
) -> None:
    found = indexed_samples.matched_ids("Qasrak")
    qasrik = indexed_samples.passages_saying("Qasrik")
    assert set(found) == indexed_samples.passages_saying("Qasrak") | qasrik
    documents = documents_of(indexed_samples, found)
    for path in (EUAA, REUTERS, AP):
        assert indexed_samples.passages_of(path) & set(found), path
    assert len(documents) == 3


def test_exact_spellings_rank_above_variants(indexed_samples) -> None:
    found = indexed_samples.matched_ids("Qasrak")
    qasrik = indexed_samples.passages_saying("Qasrik")
    exact = [pid for pid in found if pid not in qasrik]
    assert found == exact + sorted(qasrik, key=found.index)
    assert found[-1] in qasrik


def test_the_result_says_which_variant_matched(indexed_samples) -> None:
    result = indexed_samples.search("Qasrak")
    assert result.also_matched == ("Qasrik",)
    (variant_hit,) = [hit for hit in result.hits if hit.also_matched]
    assert variant_hit.also_matched == ("Qasrik",)
    assert ("Qasrik", True) in variant_hit.snippet.parts


def test_exact_spelling_option_switches_variants_off(indexed_samples) -> None:
    result = indexed_samples.search("Qasrak", exact=True)
    assert set(ids_of(result)) == indexed_samples.passages_saying("Qasrak")
    assert result.also_matched == ()


def test_outlet_filter_returns_exactly_the_passages_whose_claims_cite_it(
    indexed_samples,
) -> None:
    with indexed_samples.sessions() as session:
        via_footnotes = (
            select(Passage.id)
            .join(Claim)
            .join(Marker)
            .join(Footnote)
            .join(Citation, Citation.footnote_id == Footnote.id)
            .join(Outlet, Citation.outlet_id == Outlet.id)
            .where(Outlet.slug == "sohr")
        )
        direct = (
            select(Passage.id)
            .join(Claim)
            .join(Citation, Citation.claim_id == Claim.id)
            .join(Outlet, Citation.outlet_id == Outlet.id)
            .where(Outlet.slug == "sohr")
        )
        expected = set(session.scalars(via_footnotes.union(direct)))
    assert expected
    for query in (
        "outlet:SOHR",
        "outlet:sohr",
        'outlet:"Syrian Observatory for Human Rights"',
    ):
        assert set(indexed_samples.matched_ids(query)) == expected, query


def test_document_fields_filter_by_publisher_agency_kind_and_footnote(
    indexed_samples,
) -> None:
    euaa = indexed_samples.passages_of(EUAA)
    reuters = indexed_samples.passages_of(REUTERS)
    ap = indexed_samples.passages_of(AP)
    assert set(indexed_samples.matched_ids("publisher:EUAA")) == euaa
    assert set(indexed_samples.matched_ids("agency:Reuters")) == reuters
    assert set(indexed_samples.matched_ids("kind:wire")) == reuters | ap
    assert set(indexed_samples.matched_ids("kind:report")) == euaa
    assert set(indexed_samples.matched_ids("footnote:545")) == (
        indexed_samples.passages_saying("Qasrik,[545]")
        or indexed_samples.passages_saying("Qasrik")
    )


def test_dates_filter_on_the_document_date(indexed_samples) -> None:
    euaa = indexed_samples.passages_of(EUAA)
    stories = indexed_samples.passages_of(REUTERS) | indexed_samples.passages_of(AP)
    assert set(indexed_samples.matched_ids("date:2025-03")) == euaa
    assert set(indexed_samples.matched_ids("date:2025-01..2025-03")) == euaa
    assert set(indexed_samples.matched_ids("date:[2025-01 TO 2025-03]")) == euaa
    # the AP story is dated from its file's name
    assert set(indexed_samples.matched_ids("date:2026-02-23")) == stories
    assert set(indexed_samples.matched_ids("date:2026..")) == stories
    assert indexed_samples.matched_ids("date:2024-12..2025-01") == []


def test_boolean_operators_phrases_and_minus(indexed_samples) -> None:
    qasrak = indexed_samples.passages_saying("Qasrak")
    base = indexed_samples.passages_saying("Qasrak", "base")
    assert set(indexed_samples.matched_ids("Qasrak base", exact=True)) == base
    assert set(indexed_samples.matched_ids("Qasrak AND base", exact=True)) == base
    assert set(indexed_samples.matched_ids("Qasrak -base", exact=True)) == (
        qasrak - base
    )
    assert set(indexed_samples.matched_ids("Qasrak NOT base", exact=True)) == (
        qasrak - base
    )
    either = qasrak | indexed_samples.passages_saying("Rmelan")
    assert set(indexed_samples.matched_ids("Qasrak OR Rmelan", exact=True)) == either
    phrase = indexed_samples.passages_saying("Qasrak base")
    assert set(indexed_samples.matched_ids('"Qasrak base"', exact=True)) == phrase


def test_prefix_matches_the_words_it_begins_and_their_forms(indexed_samples) -> None:
    """GIVEN passages saying Qasrak, Qasrik, withdrawal, withdrawing, withdrawn
    WHEN searching prefixes
    THEN ``qas*`` finds both spellings (not the stem "qa": Qamishli is not found),
    and ``withdrawal*`` finds "withdrawal" and other forms of its stem
    ("withdrawing"), but not "withdrawn", whose stem differs.
    """
    expected = indexed_samples.passages_saying("Qasrak") | (
        indexed_samples.passages_saying("Qasrik")
    )
    assert set(indexed_samples.matched_ids("qas*")) == expected
    found = set(indexed_samples.matched_ids("withdrawal*"))
    assert indexed_samples.passages_saying("withdrawal") < found
    assert found <= indexed_samples.passages_saying("withdraw") | (
        indexed_samples.passages_saying("Withdraw")
    )


def test_facets_count_every_match_and_filters_narrow_them(indexed_samples) -> None:
    result = indexed_samples.search("Qasrak", per_page=1)
    kinds = {c.key: c.count for c in result.facets["kind"]}
    sources = {c.label: c.count for c in result.facets["source"]}
    assert kinds == {"wire": 5, "report": 1}
    assert sources == {"Reuters": 3, "AP": 2, "EUAA": 1}
    assert {c.label for c in result.facets["outlet"]} >= {"SOHR"}
    assert [c.label for c in result.facets["month"]] == ["February 2026", "March 2025"]
    narrowed = indexed_samples.search("Qasrak", filters=(("outlet", "sohr"),))
    assert ids_of(narrowed) == sorted(indexed_samples.passages_saying("Qasrik"))
    assert {c.key: c.count for c in narrowed.facets["kind"]} == {"report": 1}
    both = indexed_samples.search(
        "Qasrak", filters=(("kind", "wire"), ("source", "ap"))
    )
    assert set(ids_of(both)) == indexed_samples.passages_of(AP) & set(
        indexed_samples.matched_ids("Qasrak")
    )


def test_pages_cover_every_hit_once_and_have_no_cap(indexed_samples) -> None:
    everything = indexed_samples.matched_ids("kind:wire")
    paged = []
    for page in range(1, 10):
        paged += ids_of(indexed_samples.search("kind:wire", page=page, per_page=3))
    assert paged == everything
    beyond = indexed_samples.search("kind:wire", page=1000, per_page=3)
    assert beyond.hits == ()
    assert beyond.total == len(everything)
    assert beyond.notices == ("page 1000 is past the last page (9)",)


def test_sorting_by_date_puts_undated_stories_last(archive, tmp_path) -> None:
    undated = tmp_path / "ap-us-forces-qasrak.txt"  # no date in the file or its name
    undated.write_text(AP.read_text(encoding="utf-8"), encoding="utf-8")
    archive.ingest(EUAA, REUTERS, undated)
    newest = archive.search("troops", sort="newest", per_page=100)
    oldest = archive.search("troops", sort="oldest", per_page=100)
    dated = sorted(hit.date for hit in newest.hits if hit.date)
    undated = [None] * (newest.total - len(dated))
    assert undated
    assert [hit.date for hit in newest.hits] == dated[::-1] + undated
    assert [hit.date for hit in oldest.hits] == dated + undated


def test_snippets_mark_the_matched_words(indexed_samples) -> None:
    (hit,) = indexed_samples.search('"Ahmed al-Sharaa"', exact=True).hits
    marked = [text for text, match in hit.snippet.parts if match]
    assert marked[:3] == ["Ahmed", "al", "Sharaa"]
    assert "President Ahmed al-Sharaa seized" in hit.snippet.text
    assert hit.title and hit.document_id and hit.anchor.startswith("p-")


def test_hits_carry_outlets_and_claims(indexed_samples) -> None:
    (hit,) = indexed_samples.search("footnote:545").hits
    assert "sohr" in {o.slug for o in hit.outlets}
    assert any("545" in claim.footnotes for claim in hit.claims)
    assert hit.date == "2025-03" and hit.kind == "report" and hit.source == "EUAA"


def test_a_misspelling_gets_did_you_mean(indexed_samples) -> None:
    result = indexed_samples.search("helicopterz")
    assert result.total == 0
    assert result.did_you_mean == "helicopters"
    assert indexed_samples.search("Pentagn").did_you_mean == "Pentagon"


def test_nothing_to_suggest_gives_no_did_you_mean(indexed_samples) -> None:
    assert indexed_samples.search("zzzzzzzz").did_you_mean is None


def test_an_empty_query_is_refused_unless_a_filter_narrows_it(
    indexed_samples,
) -> None:
    with pytest.raises(SearchQueryError, match="the query is empty"):
        indexed_samples.search("  ")
    browse = indexed_samples.search("", filters=(("kind", "report"),))
    assert set(ids_of(browse)) == indexed_samples.passages_of(EUAA)


def test_a_query_whoosh_cannot_parse_runs_as_plain_words(indexed_samples) -> None:
    result = indexed_samples.search("NOT NOT Qasrak")
    assert result.notices == (
        "the query could not be read as written; it was run as plain words: Qasrak",
    )
    assert result.total == indexed_samples.search("Qasrak").total


def test_field_values_and_facet_keys_ignore_case(indexed_samples) -> None:
    wire = set(indexed_samples.matched_ids("kind:wire"))
    assert set(indexed_samples.matched_ids("kind:Wire")) == wire
    assert set(indexed_samples.matched_ids("", filters=(("kind", "WIRE"),))) == wire
    assert indexed_samples.search("Qasrak", filters=(("source", "EUAA"),)).total == 1
