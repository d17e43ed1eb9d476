"""Bulk loads on SQLite: a larger page cache while one transaction inserts many rows.

Records have random UUID keys, so every insert lands on a random page of each index. With SQLite's default 2 MB
cache those pages go back and forth to the WAL; a cache the size of the working set keeps them in memory for the
transaction (benchmarks/exchange_import.py, benchmarks/extract_import.py). The cache is a per-connection setting,
set back when the load ends, so the pool's connections stay small.
"""

from __future__ import annotations

from collections.abc import Iterator
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
