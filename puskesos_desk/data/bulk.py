"""Bulk loads on SQLite: a larger page cache while one transaction inserts many rows, and indexes built once
after a load larger than the table instead of row by row.

Records have random UUID keys, so every insert lands on a random page of each index. With SQLite's default 2 MB
cache those pages go back and forth to the WAL; a cache the size of the working set keeps them in memory for the
transaction (benchmarks/exchange_import.py, benchmarks/extract_import.py). The cache is a per-connection setting,
set back when the load ends, so the pool's connections stay small.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.orm import Session


@contextmanager
def bulk_load(session: Session, *, cache_kib: int = 65_536) -> Iterator[None]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(cache_kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def indexes_deferred(session: Session, expected_rows: Mapping[str, int], *, floor: int = 10_000) -> Iterator[None]:
    """Inside the block, tables about to receive at least as many rows as they hold (and at least `floor`) have
    their plain secondary indexes dropped; on leaving, each is created again from its own SQL in sqlite_master.

    Rows with random UUID keys land on a random page of every index: at 100,000 persons the nine indexes of person
    cost more than the table itself. Building an index once, from sorted keys, costs a fraction of that, but only
    when the load is at least the size of what is there (a village's first package, a new district). Unique
    indexes and primary keys stay: they are constraints, and the import looks records up by them. Everything
    happens in the caller's write transaction, and SQLite's DDL is transactional: other connections never see an
    index missing, and an error or a power cut before COMMIT leaves every index as it was. On PostgreSQL nothing
    changes: its DDL would lock the tables for every other seat of the office until the import commits."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    dropped: list[str] = []
    for table_name, rows in sorted(expected_rows.items()):
        if rows < floor:
            continue
        held = connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table_name}"').scalar() or 0
        if rows < held:
            continue
        for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                "AND sql NOT LIKE 'CREATE UNIQUE%'", (table_name,)).all():
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
            dropped.append(sql)
    yield
    for sql in dropped:  # not in a finally: after an error the transaction rolls back, and the indexes with it
        connection.exec_driver_sql(sql)
