"""The labeled citation set: build it from the corpus, load it, split it.

``python -m bench.citation_set`` writes ``tests/fixtures/citations/wikipedia.jsonl``
from the Wikipedia pages and wikitext in the repository's fixtures (see
``bench.cs1_markup`` and ``bench.cs1_wikitext``). The notes labeled by hand
from reading them are in ``notes.jsonl`` beside it and are never generated.

A fixed quarter of the set is held out for testing: a line is held out when the
SHA-1 of its text, read as a number, is divisible by 4. The rule depends on the
text alone, so it survives regenerating or reordering the files, and no
training ever sees a held-out string.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from bench.cs1_markup import labeled_cites
from bench.cs1_wikitext import labeled_template, templates

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SET = FIXTURES / "citations"
CORPUS = FIXTURES / "corpus"
PAGES = {"H01": "H01_*.html", "H02": "H02_*.html"}
WIKITEXT = {"K01": "K01_*.txt", "K02": "K02_*.txt"}
MORE_WIKITEXT = {
    # the first 150 of its 500 templates: all would swamp the set
    "United-Kingdom": 150,
    "Senate_of_Pakistan": None,
    "jodie_emery": None,
}


def held_out(text: str) -> bool:
    """True for the fixed quarter of strings that no training sees."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 4 == 0


def load(folder: Path = SET) -> list[dict]:
    """Every labeled citation of the set, in file then line order."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


def build() -> list[dict]:
    records: list[dict] = []
    for doc, pattern in PAGES.items():
        (path,) = CORPUS.glob(pattern)
        records.extend(labeled_cites(path.read_text(encoding="utf-8"), doc))
    sources = [(doc, next(CORPUS.glob(p)), None) for doc, p in WIKITEXT.items()]
    sources += [
        (name, SET / "wikitext" / f"{name}.txt", cap)
        for name, cap in MORE_WIKITEXT.items()
    ]
    for doc, path, cap in sources:
        found = templates(path.read_text(encoding="utf-8"))[:cap]
        records.extend(
            r for kind, fields in found if (r := labeled_template(kind, fields, doc))
        )
    seen: set[str] = set()
    unique = []
    for record in records:
        if record["text"] not in seen:
            seen.add(record["text"])
            unique.append(record)
    return unique


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SET / "wikipedia.jsonl")
    args = parser.parse_args(argv)
    records = build()
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    held = sum(held_out(r["text"]) for r in records)
    sys.stdout.write(
        f"{len(records)} citations written to {args.out} ({held} held out)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
