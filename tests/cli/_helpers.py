"""Helpers shared by the CLI tests: copying and reading SQLite files without going through the application."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from conftest import copy_sqlite


def copy_db(source: Path, target: Path) -> Path:
    """A consistent, self-contained copy (SQLite backup API), the same way the conftest templates are copied."""
    copy_sqlite(source, target)
    return target


def query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def scalar(path: Path, sql: str, params: tuple = ()) -> object:
    rows = query(path, sql, params)
    assert len(rows) == 1, rows
    return rows[0][0]


def table_digest(path: Path) -> dict[str, str]:
    """Per table, a hash of its rows (order-independent): equal digests mean equal contents."""
    conn = sqlite3.connect(path)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        digests = {}
        for name in names:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{name}"'))
            digests[name] = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()
        return digests
    finally:
        conn.close()
