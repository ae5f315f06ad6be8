"""The PDF generator (bench/pdf_corpus.py) and the PDF benchmark, checked quickly.

No timing is asserted. What is asserted: the generator lays the fixture report
out as tests/fixtures/pdf/SOURCES.md describes it, makes the same bytes on every
run, puts the promised number of notes in a long report, and the benchmark's
functions run end to end on a report of a few pages.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

from bench.pdf_corpus import (
    GENERATED,
    NOT_PDF,
    TRUNCATED,
    TWO_COLUMN,
    long_report,
    ngo_report,
    write_fixtures,
)
from bench.pdf_layout import write_report
from bench.pdf_speed import describe, measure


def test_fixture_report_has_a_note_running_onto_the_next_page(tmp_path: Path):
    """GIVEN the two-column fixture's text WHEN it is laid out THEN it takes a
    title page and two pages, has 19 notes, and note 15 runs on to page 3."""
    layout = write_report(str(tmp_path / "report.pdf"), ngo_report())
    assert (layout.pages, layout.notes, layout.split) == (3, 19, ("15",))


def test_endnote_fixture_has_its_notes_at_the_end(tmp_path: Path):
    layout = write_report(str(tmp_path / "report.pdf"), ngo_report(3, endnotes=True))
    assert (layout.pages, layout.notes, layout.split) == (3, 18, ())


def test_generator_writes_the_same_bytes_every_time(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_fixtures(first)
    write_fixtures(second)
    match, mismatch, errors = filecmp.cmpfiles(first, second, GENERATED, shallow=False)
    assert (sorted(match), mismatch, errors) == (sorted(GENERATED), [], [])
    truncated = (first / TRUNCATED).read_bytes()
    assert truncated == (first / TWO_COLUMN).read_bytes()[: len(truncated)]
    assert not (first / NOT_PDF).read_bytes().startswith(b"%PDF")


def test_long_report_has_five_notes_a_page(tmp_path: Path):
    layout = long_report(tmp_path / "long.pdf", pages=8)
    assert layout.notes == 40
    assert 6 <= layout.pages <= 10


def test_benchmark_runs_end_to_end_on_a_few_pages(tmp_path: Path):
    """GIVEN a report of three pages WHEN the benchmark ingests and parses it
    THEN every figure is there, the report is archived and every note found."""
    figures = measure(3, tmp_path)
    report, ingest, parse = (
        figures["report"],
        figures["archive_ingest"],
        figures["parse_path"],
    )
    assert report["notes"] == 15
    assert ingest["seconds"] > 0 and ingest["peak_rss_mb"] > 0
    assert parse["seconds"] > 0 and parse["peak_rss_mb"] > 0
    assert "pages/s" in describe(figures)
    assert ingest["exit_code"] == 0, ingest["output"]
    assert parse["kind"] == "report"
    assert parse["footnotes"] == parse["markers"] == 15
