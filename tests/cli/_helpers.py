"""Helpers shared by the CLI tests: copying SQLite files, and reading a database without going through the
application — on either backend (see tests/backends.py: statements are written for SQLite with `?` placeholders and
values come back as SQLite gives them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import backends
from conftest import copy_sqlite

Where = backends.HasLocation | backends.DbLocation | Path | str  # a fixture, a location, a SQLite file or a URL


def copy_db(source: Path, target: Path) -> Path:
    """A consistent, self-contained copy (SQLite backup API), the same way the conftest templates are copied."""
    copy_sqlite(source, target)
    return target


def query(where: Where, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return backends.rows(where, sql, *params)


def scalar(where: Where, sql: str, params: tuple[Any, ...] = ()) -> object:
    return backends.scalar(where, sql, *params)


def table_digest(where: Where) -> dict[str, str]:
    """Per table, a hash of its rows (order-independent): equal digests mean equal contents."""
    return backends.table_digest(where)
