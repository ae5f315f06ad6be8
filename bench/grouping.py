"""What grouping hits by document costs: the benchmark's searches, each run as
the site runs it now (grouped by document) and as it ran before (a page of
passages), alternately, on one index.

    python -m bench.grouping --index DATA_DIR/index [--per-kind 20]

Prints, per kind of query and overall, the median and 95th percentile of each
and their ratio, and the time to read the document table once per opened index.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.machine import load, summary
from bench.queries import KINDS, query_set


def measure(index_dir: Path, per_kind: int) -> dict:
    from index import Searcher, SearchQueryError, SearchRequest

    searcher = Searcher(index_dir)
    searcher.search(SearchRequest("archive", group="passages"))  # readers, facets
    t0 = time.perf_counter()
    searcher.search(SearchRequest("archive", group="documents"))  # + document table
    first = time.perf_counter() - t0
    times: dict[str, dict[str, list[float]]] = {
        group: {kind: [] for kind in KINDS} for group in ("passages", "documents")
    }
    for query in query_set(per_kind):
        for group in ("passages", "documents"):
            t0 = time.perf_counter()
            try:
                searcher.search(SearchRequest(query.text, per_page=10, group=group))
            except SearchQueryError:
                break
            times[group][query.kind].append(time.perf_counter() - t0)
    searcher.close()
    figures = {"first_grouped_search_ms": round(first * 1000, 1), "load": load()}
    for kind in (*KINDS, "all"):
        row = {}
        for group in ("passages", "documents"):
            found = times[group]
            row[group] = summary(
                [t for k in KINDS for t in found[k]] if kind == "all" else found[kind]
            )
        row["median_ratio"] = _ratio(row["documents"], row["passages"], "median_ms")
        row["p95_ratio"] = _ratio(row["documents"], row["passages"], "p95_ms")
        figures[kind] = row
    return figures


def _ratio(new: dict, old: dict, key: str) -> float | None:
    if not old.get(key):
        return None
    return round(new[key] / old[key], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--per-kind", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(measure(args.index, args.per_kind), indent=2))  # noqa: T201


if __name__ == "__main__":
    main()
