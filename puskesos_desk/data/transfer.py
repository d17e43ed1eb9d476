"""Copying a whole database to another backend: a village file moving onto the secretariat's PostgreSQL server, or a
server database brought back into a file.

Every table of the models is read in one snapshot of the source (a single read transaction: SQLite's WAL and
PostgreSQL's REPEATABLE READ both give one) and written to the target in one transaction, parents before children,
so the target holds all of it or nothing. Rows go through SQLAlchemy Core with the models' column types: times stay
aware UTC, JSON stays JSON, and ids, row versions and the audit hash chain are copied as they are — the target's
chain verifies exactly as the source's did. Tables outside the models (the name-search index) are kept by the
target's own triggers as the persons arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, Table, func, select, text

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm import Base

CHUNK_ROWS = 5_000
# Progress callback: table name, rows copied so far (all tables), rows to copy in all.
Progress = Callable[[str, int, int], None]
# A target may already hold what a first start loads (regions, holidays, programmes…), never case data.
_CASE_DATA = ("site", "audit_event", "person", "household", "user_account")


class TargetNotEmpty(Exception):
    """The target already holds a site or case data: copying would mix two offices' records."""

    def __init__(self, table: str, rows: int) -> None:
        super().__init__(f"{table}: {rows}")
        self.table = table
        self.rows = rows


@dataclass
class CopyCounts:
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def model_tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def count_rows(connection: Connection) -> CopyCounts:
    counts = CopyCounts()
    for table in model_tables():
        counts.rows[table.name] = int(connection.scalar(select(func.count()).select_from(table)) or 0)
    return counts


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    engine = db.engine if db.is_sqlite else db.engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as connection, connection.begin():
        yield connection


def _ensure_empty(target: Connection) -> None:
    tables = {table.name: table for table in model_tables()}
    for name in _CASE_DATA:
        if name in tables:
            found = int(target.scalar(select(func.count()).select_from(tables[name])) or 0)
            if found:
                raise TargetNotEmpty(name, found)
    # Reference data a first start may have loaded goes; the source's own copy replaces it. Children first.
    for table in reversed(model_tables()):
        if table.name != "audit_event":
            target.execute(table.delete())


def _reset_sequences(target: Connection) -> None:
    """PostgreSQL serial columns do not move when ids are inserted explicitly: the next insert would collide."""
    if target.dialect.name != "postgresql":
        return
    for table in model_tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        column = keys[0].name
        sequence = target.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column})
        if sequence:
            target.execute(text(f'SELECT setval(:s, COALESCE((SELECT max("{column}") FROM "{table.name}"), 0) + 1, '
                                'false)'), {"s": sequence})


def copy_all(source: Database, target: Database, progress: Progress | None = None) -> CopyCounts:
    """Copy every model table from `source` into the migrated, case-empty `target`; returns the rows copied."""
    report = progress or (lambda _table, _done, _total: None)
    copied = CopyCounts()
    with _snapshot(source) as reader, target.engine.begin() as writer:
        _ensure_empty(writer)
        total = count_rows(reader).total
        done = 0
        for table in model_tables():
            copied.rows[table.name] = 0
            result = reader.execution_options(yield_per=CHUNK_ROWS).execute(select(table))
            for chunk in result.mappings().partitions(CHUNK_ROWS):
                writer.execute(table.insert(), [dict(row) for row in chunk])
                copied.rows[table.name] += len(chunk)
                done += len(chunk)
                report(table.name, done, total)
            report(table.name, done, total)
        _reset_sequences(writer)
    return copied
