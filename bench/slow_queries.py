"""The slowest legal queries, one after another through the archive's searcher.

    python -m bench.slow_queries --index D/index [--out F]

Runs the benchmark's query set (``bench.queries``, 40 a kind) and a set of
queries built to be slow (long words, long phrases of common words, long
boolean chains, many prefixes), each as the site sends it (10 hits with
snippets and facet counts), and reports each one's time, whether it came back
partial (out of time) and its notices. Runs with whatever code is on the path,
so the same command in another checkout times that code.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from bench.queries import query_set

COMMON = "the forces said that in of and to checkpoint displaced syria security"


def hostile() -> dict[str, str]:
    """Legal queries (under 1,000 characters) that once took seconds."""
    rng = random.Random(3)
    words = COMMON.split()
    return {
        "999-letter word": "a" * 999,
        "499-word phrase of one letter": '"' + " ".join(["x"] * 499) + '"',
        "499-word phrase of '1'": '"' + " ".join(["1"] * 499) + '"',
        "199-word phrase of 'the'": '"' + " ".join(["the"] * 199) + '"',
        "199 unknown words": " ".join(["word"] * 199),
        "110 common words": " ".join(rng.choice(words) for _ in range(110)),
        "phrase of 110 common words": '"'
        + " ".join(rng.choice(words) for _ in range(110))
        + '"',
        "90 words joined by OR": " OR ".join(rng.choice(words) for _ in range(90)),
        "36 prefixes": " ".join(f"{w[:3]}*" for w in words * 3),
        "72 exclusions": " ".join(f"-{w}" for w in words * 6),
        "10 unknown words": "qwertz asdfgh yxcvbn poiuzt lkjhgf mnbvcx qaywsx "
        "edcrfv tgbzhn ujmikl",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.slow_queries")
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    from index import Searcher, SearchQueryError, SearchRequest

    searcher = Searcher(args.index)
    searcher.warm()
    queries = {f"{q.kind}: {q.text}": q.text for q in query_set(40)} | hostile()
    rows = []
    for name, text in queries.items():
        t0 = time.perf_counter()
        try:
            result = searcher.search(SearchRequest(text[:1000]))
            said = {
                "total": result.total,
                "partial": getattr(result, "partial", None),
                "notices": list(result.notices),
            }
        except SearchQueryError as error:
            said = {"refused": str(error)}
        rows.append({"query": name, "ms": round((time.perf_counter() - t0) * 1000, 1)})
        rows[-1].update(said)
    searcher.close()
    rows.sort(key=lambda row: -row["ms"])
    report = {
        "queries": len(rows),
        "over_1s": sum(row["ms"] > 1000 for row in rows),
        "partial": sum(bool(row.get("partial")) for row in rows),
        "slowest": rows[:15],
    }
    text = json.dumps(report, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
