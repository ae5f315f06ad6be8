"""Search latency through the archive's own search API, per kind of query.

Each query is a ``SearchRequest`` of 10 hits per page, as the site sends it:
the ``Searcher`` ranks, counts matches by outlet, kind, publisher and month
(facets) and builds a highlighted snippet for each hit. The first query on a
fresh searcher is timed apart (Whoosh loads its readers then).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.machine import peak_rss_mb, summary
from bench.queries import KINDS, Query


def run(index_dir: Path, queries: list[Query]) -> dict:
    from index import Searcher, SearchQueryError, SearchRequest

    searcher = Searcher(index_dir)
    t0 = time.perf_counter()
    searcher.warm()
    cold = time.perf_counter() - t0
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    hits: dict[str, list[int]] = {kind: [] for kind in KINDS}
    refused: list[str] = []
    for query in queries:
        t0 = time.perf_counter()
        try:
            result = searcher.search(SearchRequest(query.text, per_page=10))
        except SearchQueryError as error:
            refused.append(f"{query.text}: {error}")
            continue
        times[query.kind].append(time.perf_counter() - t0)
        hits[query.kind].append(result.total)
    searcher.close()
    every = [t for kind in KINDS for t in times[kind]]
    return {
        "first_query_ms": round(cold * 1000, 1),
        "kinds": {
            kind: {**summary(times[kind]), "mean_hits": _mean(hits[kind])}
            for kind in KINDS
        },
        "all": summary(every),
        "refused": refused[:10],
        "search_peak_rss_mb": peak_rss_mb(),
    }


def _mean(values: list[int]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0
