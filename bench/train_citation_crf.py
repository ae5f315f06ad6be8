"""Train the citation CRF that ``ingest.citation_crf`` ships with.

``python -m bench.train_citation_crf --anystyle DIR`` trains on AnyStyle's
labeled references in DIR (by default ``../shared/data/citations/anystyle``
beside the repository; the data is read there, not copied) and the training
part of the labeled set in ``tests/fixtures/citations``; the held-out quarter of
both (``bench.citation_set.held_out``) is never seen. It writes the model to
``ingest/data/citations.crfsuite``.

The result is reproducible: the examples are read in a fixed order, and
L-BFGS with fixed parameters has no randomness (python-crfsuite 0.9).

Example:
    python -m bench.train_citation_crf --anystyle ../shared/data/citations/anystyle
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

from bench import anystyle, citation_set
from bench.crf_examples import from_anystyle, from_record
from ingest.citation_crf import MODEL
from ingest.citation_tokens import features

PARAMETERS = {
    "c1": 0.1,  # L1: drops features that do not help, keeps the model small
    "c2": 0.5,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
SET_REPEATS = 3  # footnotes of the archive's kind weigh more than academic references


def examples(anystyle_dir: Path, set_dir: Path, limit: int | None = None):
    """The training examples, in a fixed order, held-out strings left out."""
    found = []
    for path in sorted(anystyle_dir.glob("*.xml")):
        for pieces in anystyle.sequences(path)[:limit]:
            text = " ".join(p for _, p in pieces if p)
            if pieces and not citation_set.held_out(text):
                found.append(from_anystyle(pieces))
    ours = []
    for record in citation_set.load(set_dir)[:limit]:
        if not citation_set.held_out(record["text"]):
            example = from_record(record)
            if example is not None:
                ours.append(example)
    return found + ours * SET_REPEATS


def train(
    anystyle_dir: Path,
    set_dir: Path,
    out: Path,
    limit: int | None = None,
    iterations: int | None = None,
) -> int:
    """Train on the examples and write the model to ``out``; the example count."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    parameters = dict(PARAMETERS)
    if iterations:
        parameters["max_iterations"] = iterations
    trainer.set_params(parameters)
    chosen = examples(anystyle_dir, set_dir, limit)
    for toks, labels, text in chosen:
        trainer.append(features(toks, text), labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anystyle", type=Path, default=anystyle.DEFAULT)
    parser.add_argument("--set", type=Path, default=citation_set.SET)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--limit", type=int, help="at most this many per file")
    parser.add_argument("--iterations", type=int)
    args = parser.parse_args(argv)
    if not args.anystyle.is_dir():
        sys.stderr.write(f"{args.anystyle}: no AnyStyle data there (see --anystyle)\n")
        return 1
    started = time.perf_counter()
    count = train(args.anystyle, args.set, args.out, args.limit, args.iterations)
    seconds = time.perf_counter() - started
    sys.stdout.write(f"{count} examples, {seconds:.0f} s: model in {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
