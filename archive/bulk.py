"""Many rows in one INSERT: each row's values bound once, as SQLAlchemy binds them.

SQLAlchemy's executemany builds every row's parameters through the compiled
statement (``construct_params``), several microseconds a row: a fifth of the
time storing a document took, for rows that all have the same columns. On a
driver that takes positional parameters (SQLite's), the INSERT is compiled once
for those columns and each row becomes a tuple, its values passed through the
same type processors SQLAlchemy would apply (dates as text, JSON, booleans).
Rows whose ids come back are inserted up to ``PAGE_ROWS`` to a statement, as
SQLAlchemy's "insertmanyvalues" inserts them; the database numbers them in the
same order. Other drivers (psycopg's named parameters) go through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from sqlalchemy import Connection, Insert, Row
from sqlalchemy.engine import Dialect

PAGE_ROWS = 1000  # rows per statement, as SQLAlchemy pages insertmanyvalues
MAX_PARAMETERS = 32_000  # below SQLite's 32,766 bound parameters a statement


def insert_rows(
    connection: Connection, statement: Insert, rows: Sequence[dict]
) -> list[Row]:
    """Insert ``rows`` (dicts with the same keys) with ``statement``; what it
    returns (its RETURNING columns), row by row, in no particular order."""
    if not rows:
        return []
    plan = _plan(connection.dialect, statement, tuple(rows[0]))
    if plan is None:
        result = connection.execute(statement, list(rows))
        return result.all() if result.returns_rows else []
    values = plan.bound(rows)
    if not plan.returning:
        connection.exec_driver_sql(plan.sql, values)
        return []
    found: list[Row] = []
    size = plan.page
    for start in range(0, len(values), size):
        page = values[start : start + size]
        flat = [value for row in page for value in row]
        found += connection.exec_driver_sql(plan.paged(len(page)), tuple(flat)).all()
    return found


@dataclass(frozen=True, slots=True)
class _Plan:
    """An INSERT compiled for one set of columns, and how to bind a row."""

    sql: str
    pick: itemgetter  # a row's values in the statement's order, as a tuple
    processors: tuple
    returning: bool
    head: str  # the SQL before the row's VALUES tuple, and after it
    tail: str
    one_row: str
    page: int

    def bound(self, rows: Sequence[dict]) -> list[tuple]:
        """The rows as the driver takes them: tuples of processed values."""
        values = list(map(self.pick, rows))
        if not self.processors:
            return values
        columns: list = list(zip(*values, strict=True))
        for at, process in self.processors:
            columns[at] = map(process, columns[at])
        return list(zip(*columns, strict=True))

    def paged(self, count: int) -> str:
        return self.head + ", ".join([self.one_row] * count) + self.tail


@lru_cache(maxsize=128)
def _plan(
    dialect: Dialect, statement: Insert, columns: tuple[str, ...]
) -> _Plan | None:
    """How to insert rows of ``columns``; None where SQLAlchemy must bind them
    (named parameters, or columns it would fill with their defaults)."""
    if dialect.paramstyle != "qmark":
        return None
    compiled = statement.compile(dialect=dialect, column_keys=list(columns))
    keys = tuple(compiled.positiontup or ())
    if sorted(keys) != sorted(columns):
        return None
    table = statement.table
    processors = tuple(
        (at, process)
        for at, key in enumerate(keys)
        if (process := table.c[key].type.dialect_impl(dialect).bind_processor(dialect))
    )
    sql = compiled.string
    one_row = "(" + ", ".join("?" * len(keys)) + ")"
    head, found, tail = sql.partition(" VALUES " + one_row)
    if not found or one_row in tail:
        return None
    return _Plan(
        sql,
        itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],),
        processors,
        bool(compiled.effective_returning),
        head + " VALUES ",
        tail,
        one_row,
        max(1, min(PAGE_ROWS, MAX_PARAMETERS // len(keys))),
    )
