"""Write a synthetic corpus of reports and wire stories, reproducibly, to a folder.

    python -m bench.corpus --size small --out /tmp/corpus --seed 1

Sizes are counted in passages (tiny ~250, small ~5,000, medium ~100,000, large
~1,000,000). About 70 % of passages come from reports (EUAA text exports,
Markdown, HTML; 200-2,000 footnotes each from medium up, fewer below), the rest
from wire stories. Every file is written as soon as it is made and only counts
are kept, so the large size streams to disk in constant memory.

Beside the files: ``manifest.jsonl``, one line per file with the counts the
ingester must find (passages, claims, footnotes, citations), and
``corpus.json``, the totals. The same size and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import formats
from bench.prose import Prose
from bench.reports import TOPICS, ReportPlan, sections
from bench.stories import Story
from bench.works import Works

VERSION = 1
WIRE_SHARE = 0.3
PER_FOLDER = 500
PUBLISHER_WEIGHTS = {
    "EUAA": 45,
    "UK Home Office": 20,
    "ACCORD": 15,
    "Danish Immigration Service": 10,
    "Landinfo": 10,
}
AGENCY_WEIGHTS = {"Reuters": 45, "AFP": 25, "AP": 30}


@dataclass(frozen=True, slots=True)
class Size:
    passages: int
    footnotes: tuple[int, int]  # per report
    per_section: tuple[int, int]  # footnotes per section file


SIZES = {
    "tiny": Size(250, (25, 60), (20, 40)),
    "small": Size(5_000, (100, 400), (60, 150)),
    "medium": Size(100_000, (200, 2_000), (120, 300)),
    "large": Size(1_000_000, (200, 2_000), (120, 300)),
}
COUNTS = ("passages", "claims", "footnotes", "citations")


def generate(size: str, out: Path, seed: int = 1) -> dict:
    """Write the corpus of ``size`` into ``out`` and return its totals."""
    spec = SIZES[size]
    out.mkdir(parents=True, exist_ok=True)
    works = Works(seed, spec.passages)
    totals: Counter[str] = Counter()
    per_publisher: Counter[str] = Counter()
    unit = 0
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        while totals["passages"] < spec.passages:
            rng = random.Random(f"{seed}:unit:{unit}")
            folder = out / ("wire" if _wire_next(totals) else "reports")
            folder = folder / f"{unit // PER_FOLDER:04d}"
            if folder.parent.name == "wire":
                files = [_story(rng, unit, folder)]
                totals["stories"] += 1
            else:
                files = list(_report(rng, spec, works, per_publisher, folder))
                totals["reports"] += 1
            for path, kind, fmt, counts in files:
                row = {"path": str(path.relative_to(out)), "kind": kind, "format": fmt}
                manifest.write(json.dumps({**row, **counts}) + "\n")
                totals.update(counts)
                totals[f"{kind}_passages"] += counts["passages"]
                totals["files"] += 1
                totals["bytes"] += path.stat().st_size
            unit += 1
    summary = {"size": size, "seed": seed, "version": VERSION, **dict(totals)}
    (out / "corpus.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def manifest(corpus: Path) -> list[dict]:
    """The manifest rows of a generated corpus, in the order they were written."""
    with (corpus / "manifest.jsonl").open(encoding="utf-8") as rows:
        return [json.loads(line) for line in rows]


def _wire_next(totals: Counter[str]) -> bool:
    return totals["wire_passages"] < WIRE_SHARE * totals["passages"]


def _report(rng, spec: Size, works: Works, per_publisher: Counter, folder: Path):
    publisher = _weighted(rng, PUBLISHER_WEIGHTS)
    number = per_publisher[publisher]
    per_publisher[publisher] += 1
    months_back = number // len(TOPICS)
    footnotes = rng.randint(*spec.footnotes)
    plan = ReportPlan(
        publisher=publisher,
        country="Syria" if rng.random() < 0.8 else "Iraq",
        topic=TOPICS[number % len(TOPICS)],
        year=2025 - months_back // 12,
        month=12 - months_back % 12,
        footnotes=footnotes,
        sections=max(1, round(footnotes / rng.randint(*spec.per_section))),
        first_section=rng.randint(1, 4),
    )
    fmt = formats.PUBLISHERS[publisher][1]
    slug = publisher.lower().replace(" ", "-")
    folder.mkdir(parents=True, exist_ok=True)
    for section in sections(plan, rng, works):
        name = f"{slug}-{number:04d}-{section.number}{formats.SUFFIX[fmt]}"
        path = folder / name
        path.write_text(formats.render(plan, section), encoding="utf-8")
        yield path, "report", fmt, section.counts(formats.HEADINGS[fmt])


def _story(rng: random.Random, unit: int, folder: Path):
    agency = _weighted(rng, AGENCY_WEIGHTS)
    story = Story(rng, agency, rng.randint(2022, 2025))
    as_html = rng.random() < 0.2
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{agency.lower()}-{story.year}-{story.month:02d}-{story.day:02d}-{unit}"
    if as_html:
        path = folder / f"{stem}.html"
        headline = Prose(rng).work_title("news", story.year)
        path.write_text(story.html(headline), encoding="utf-8")
    else:
        path = folder / f"{stem}.txt"
        path.write_text(story.text(), encoding="utf-8")
    counts = {
        "passages": story.passages,
        "claims": story.claims,
        "footnotes": 0,
        "citations": story.citations,
    }
    return path, "wire", "html" if as_html else "text", counts


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus")
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    summary = generate(args.size, args.out, args.seed)
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
