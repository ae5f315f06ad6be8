"""The same passages and searches in SQLite FTS5, the embedded alternative.

The FTS5 table is built from the archive database through the same read
function the Whoosh rebuild uses (``archive.queries.all_indexable_passages``),
with a Porter stemmer, diacritics folded and a prefix index for ``qas*``. Each
search does what the site asks of Whoosh: the total, the top 10 by ``bm25()``
with a ``snippet()`` each, and counts by outlet, kind, publisher and month.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from bench.machine import disk_mb, peak_rss_mb, summary
from bench.queries import KINDS, Query

SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(
    text, title, outlet, source, kind,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TABLE meta (id INTEGER PRIMARY KEY, day INTEGER, month TEXT, kind TEXT,
                   source TEXT);
CREATE INDEX meta_day ON meta (day);
CREATE TABLE passage_outlet (passage INTEGER, slug TEXT);
CREATE INDEX passage_outlet_passage ON passage_outlet (passage);
"""
FACETS = {
    "kind": "SELECT m.kind, count(*) FROM hits h JOIN meta m ON m.id = h.id "
    "GROUP BY 1 ORDER BY 2 DESC",
    "source": "SELECT m.source, count(*) FROM hits h JOIN meta m ON m.id = h.id "
    "GROUP BY 1 ORDER BY 2 DESC",
    "month": "SELECT m.month, count(*) FROM hits h JOIN meta m ON m.id = h.id "
    "GROUP BY 1 ORDER BY 1 DESC",
    "outlet": "SELECT o.slug, count(*) FROM hits h JOIN passage_outlet o "
    "ON o.passage = h.id GROUP BY 1 ORDER BY 2 DESC",
}


def build(database_url: str, path: Path) -> dict:
    """Fill ``path`` with an FTS5 index of every archived passage; time it."""
    from archive import connect
    from archive.queries import all_indexable_passages

    path.unlink(missing_ok=True)
    sessions = connect(database_url)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    count = 0
    t0 = time.perf_counter()
    with sessions() as session:
        for passage in all_indexable_passages(session):
            outlets = " ".join(
                f"{o.slug} {o.short_name} {o.name}" for o in passage.outlets
            )
            source = " ".join(filter(None, (passage.publisher, passage.agency)))
            db.execute(
                "INSERT INTO fts (rowid, text, title, outlet, source, kind) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (passage.passage_id, passage.text, passage.title, outlets, source,
                 passage.kind),
            )  # fmt: skip
            day = passage.date.toordinal() if passage.date else None
            month = passage.date.strftime("%Y-%m") if passage.date else None
            db.execute(
                "INSERT INTO meta VALUES (?, ?, ?, ?, ?)",
                (passage.passage_id, day, month, passage.kind, source),
            )
            db.executemany(
                "INSERT INTO passage_outlet VALUES (?, ?)",
                [(passage.passage_id, o.slug) for o in passage.outlets],
            )
            count += 1
    db.commit()
    seconds = time.perf_counter() - t0
    db.close()
    sessions.kw["bind"].dispose()
    return {
        "passages": count,
        "build_s": round(seconds, 2),
        "build_passages_per_s": round(count / seconds, 1) if seconds else 0.0,
        "fts_mb": disk_mb(path),
    }


def search(path: Path, queries: list[Query]) -> dict:
    db = sqlite3.connect(path)
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    hits: dict[str, list[int]] = {kind: [] for kind in KINDS}
    _one(db, queries[0])  # open the file and warm SQLite's page cache, as warm()
    for query in queries:
        t0 = time.perf_counter()
        total = _one(db, query)
        times[query.kind].append(time.perf_counter() - t0)
        hits[query.kind].append(total)
    db.close()
    return {
        "kinds": {
            kind: {**summary(times[kind]), "mean_hits": _mean(hits[kind])}
            for kind in KINDS
        },
        "all": summary([t for kind in KINDS for t in times[kind]]),
        "fts_peak_rss_mb": peak_rss_mb(),
    }


def _one(db: sqlite3.Connection, query: Query) -> int:
    """Total, top 10 with snippets, four facet counts: what one search page needs."""
    where, args = _where(query)
    if query.fts is not None:
        select = f"SELECT fts.rowid AS id, bm25(fts) AS score FROM fts {where}"
        top = (
            "SELECT fts.rowid, snippet(fts, 0, '<b>', '</b>', '…', 16) FROM fts "
            f"{where} ORDER BY bm25(fts) LIMIT 10"
        )
    else:
        select = f"SELECT m.id AS id, 0 AS score FROM meta m {where}"
        top = (
            "SELECT m.id, substr(fts.text, 1, 120) FROM meta m JOIN fts "
            f"ON fts.rowid = m.id {where} ORDER BY m.day DESC LIMIT 10"
        )
    db.execute("DROP TABLE IF EXISTS temp.hits")
    db.execute(f"CREATE TEMP TABLE hits AS {select}", args)
    total = db.execute("SELECT count(*) FROM hits").fetchone()[0]
    db.execute(top, args).fetchall()
    for sql in FACETS.values():
        db.execute(sql).fetchall()
    return total


def _where(query: Query) -> tuple[str, list]:
    clauses, args = [], []
    join = ""
    if query.fts is not None:
        clauses.append("fts MATCH ?")
        args.append(query.fts)
        if query.dates is not None:
            join = "JOIN meta m ON m.id = fts.rowid "
    if query.dates is not None:
        clauses.append("m.day BETWEEN ? AND ?")
        args += list(query.dates)
    return join + "WHERE " + " AND ".join(clauses), args


def _mean(values: list[int]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0
