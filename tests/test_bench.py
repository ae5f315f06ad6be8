"""The benchmark's corpus generator and its runner (bench/), checked quickly.

No timings are asserted: figures depend on the machine. What is asserted is that
the generator is reproducible, that every file it writes is ingested with the
counts it promises, and that ``python -m bench.run --size tiny`` runs end to end
and writes its figures.
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive import connect, store
from bench.corpus import COUNTS, generate, manifest
from ingest import ParseOptions, load_registry, parse_path

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "small"
    generate("small", out, seed=1)
    return out


def test_same_size_and_seed_give_the_same_files(small_corpus: Path, tmp_path: Path):
    again = tmp_path / "again"
    generate("small", again, seed=1)

    rows = manifest(small_corpus)
    assert [r["path"] for r in manifest(again)] == [r["path"] for r in rows]
    match, mismatch, errors = filecmp.cmpfiles(
        small_corpus, again, [r["path"] for r in rows], shallow=False
    )
    assert (mismatch, errors) == ([], [])
    assert len(match) == len(rows)


def test_another_seed_gives_another_corpus(small_corpus: Path, tmp_path: Path):
    other = tmp_path / "other"
    generate("tiny", other, seed=2)
    first = (small_corpus / manifest(small_corpus)[0]["path"]).read_text()
    assert (other / manifest(other)[0]["path"]).read_text() != first


def test_small_corpus_has_the_promised_shape(small_corpus: Path):
    """GIVEN the small corpus WHEN its totals are read THEN it holds about 5,000
    passages, reports in all three formats and wire stories in two."""
    totals = json.loads((small_corpus / "corpus.json").read_text())
    rows = manifest(small_corpus)

    assert 5_000 <= totals["passages"] < 6_000
    assert totals["passages"] == sum(r["passages"] for r in rows)
    assert {(r["kind"], r["format"]) for r in rows} == {
        ("report", "text"),
        ("report", "markdown"),
        ("report", "html"),
        ("wire", "text"),
        ("wire", "html"),
    }
    assert 0.2 < totals["wire_passages"] / totals["passages"] < 0.4


def test_every_small_file_parses_and_stores_with_the_expected_counts(
    small_corpus: Path, tmp_path: Path
):
    """GIVEN each generated file WHEN it is parsed and stored as `archive ingest`
    does THEN nothing fails and the passages, claims, footnotes and citations
    found are the ones the manifest promises."""
    sessions = connect(f"sqlite:///{tmp_path / 'archive.db'}")
    registry = load_registry()
    options = ParseOptions(registry)
    wrong = []
    statuses = set()
    for row in manifest(small_corpus):
        parsed = parse_path(small_corpus / row["path"], options)
        found = {
            "passages": len(parsed.passages),
            "claims": len(parsed.claims),
            "footnotes": len(parsed.footnotes),
            "citations": len(parsed.citations),
        }
        if parsed.kind != row["kind"] or any(found[k] != row[k] for k in COUNTS):
            wrong.append((row["path"], parsed.kind, found))
        statuses.add(store(sessions, parsed, registry).status)
    sessions.kw["bind"].dispose()

    assert wrong == []
    assert statuses == {"added"}


def test_tiny_benchmark_runs_end_to_end_and_writes_its_figures(tmp_path: Path):
    out = tmp_path / "BENCH.md"
    out.write_text("# Benchmarks\n\nAnalysis written by hand.\n")

    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "tiny", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text()
    assert text.startswith("# Benchmarks\n\nAnalysis written by hand.\n")
    headings = ("## Growth with corpus size", "### Ingest", "### Search", "### Pages")
    for heading in headings:
        assert heading in text, text
    assert "- command: `python -m bench.run --size tiny --out" in text
    assert "Whoosh / FTS5" in text
    assert "files whose counts differ from the manifest: 0" in text
