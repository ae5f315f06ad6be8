"""Benchmarks at archive scale: a synthetic corpus and the figures it yields.

``python -m bench.corpus --size small --out DIR --seed 1`` writes a reproducible
corpus of reports and wire stories in the formats the ingester reads;
``python -m bench.run --size small`` ingests one into a fresh data folder and
measures ingest, search (beside SQLite FTS5), pages and a WSGI server, and writes
the figures into BENCHMARKS.md. Not part of the installed package.
"""
