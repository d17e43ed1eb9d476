"""Where a test's database lives: a SQLite file (the default) or a PostgreSQL database.

`PUSKESOS_TEST_BACKEND=postgresql` with `PUSKESOS_TEST_PG=postgresql://user:pw@host:port/db` runs the backend-aware
fixtures (seeded_db, site_db, the exchange pair, …) on that server: `.ci/postgres.sh` starts a throwaway one and
scripts/quickstart.sh runs the PostgreSQL pass. Templates are built once per session and cloned for every test —
a copy through SQLite's backup API, or `CREATE DATABASE … TEMPLATE …` on PostgreSQL (a server-side file copy).

Tests read a database behind the application's back through `rows`/`scalar`/`table_digest`, written once with
SQLite's `?` placeholders; on PostgreSQL the values come back as SQLite would give them (dates as ISO text, booleans
as 0/1, JSON as text), so one assertion serves both backends.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

BACKEND = os.environ.get("PUSKESOS_TEST_BACKEND", "sqlite")
ON_POSTGRES = BACKEND == "postgresql"
PG_ENV = "PUSKESOS_TEST_PG"
DB_PREFIX = f"pt{os.getpid()}_"  # every database this test session creates; dropped at its end


@dataclass(frozen=True)
class DbLocation:
    """A database a test can open: `url` for the application, `path` for SQLite-only checks (None on PostgreSQL)."""

    url: str
    path: Path | None = None

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]


class HasLocation(Protocol):
    @property
    def url(self) -> str: ...


def pg_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        raise RuntimeError(f"PUSKESOS_TEST_BACKEND=postgresql needs {PG_ENV} (see .ci/postgres.sh)")
    return url


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextmanager
def _pg_admin() -> Iterator[Any]:
    import psycopg

    with psycopg.connect(_libpq(pg_url()), autocommit=True) as conn:
        yield conn


def _pg_location(name: str) -> DbLocation:
    base = pg_url().rsplit("/", 1)[0]
    return DbLocation(url=f"{base}/{name}")


def new_location(folder: Path, name: str) -> DbLocation:
    """An empty database for a template or a test: a file name under `folder`, or a new PostgreSQL database."""
    if not ON_POSTGRES:
        return DbLocation(url=f"sqlite:///{folder / name}", path=folder / name)
    database = f"{DB_PREFIX}{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    return _pg_location(database)


def clone(template: DbLocation, folder: Path, name: str) -> DbLocation:
    """A fresh copy of a template. The template must have no open connection (dispose its Database first)."""
    if not ON_POSTGRES:
        assert template.path is not None
        target = folder / name
        copy_sqlite(template.path, target)
        return DbLocation(url=f"sqlite:///{target}", path=target)
    database = f"{DB_PREFIX}{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template.name}"')
    return _pg_location(database)


def drop(location: DbLocation) -> None:
    """Remove a test's PostgreSQL database at once (a SQLite file goes with the test's tmp_path)."""
    if ON_POSTGRES:
        _drop_database(location.name)


def _drop_database(name: str) -> None:
    """FORCE ends the test's leftover connections; a server process of another role (an autovacuum worker on a
    freshly filled database) cannot be ended by the app role, so wait for it to finish and try again."""
    import psycopg

    for attempt in range(50):
        try:
            with _pg_admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == 49:
                raise
            time.sleep(0.2)


def drop_session_databases() -> None:
    if not ON_POSTGRES or not os.environ.get(PG_ENV):
        return
    with _pg_admin() as conn:
        names = [row[0] for row in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (DB_PREFIX.replace("_", r"\_") + "%",))]
    for name in names:
        _drop_database(name)


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy through the backup API so the copy is a consistent, self-contained file (no -wal side files)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


# --- Reading behind the application's back ---------------------------------------------------------------------


def _url_of(where: HasLocation | DbLocation | Path | str) -> str:
    if isinstance(where, Path):
        return f"sqlite:///{where}"
    if isinstance(where, str):
        return where if "://" in where else f"sqlite:///{where}"
    return where.url


def _as_sqlite_gives(value: Any) -> Any:
    """The value as SQLite returns the same column, so assertions are written once."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def rows(where: HasLocation | DbLocation | Path | str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Run one statement written for SQLite (`?` placeholders) on either backend and fetch all rows."""
    url = _url_of(where)
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.split(":///", 1)[1])
        try:
            result = conn.execute(sql, params).fetchall()
            conn.commit()
            return result
        finally:
            conn.close()
    import psycopg

    statement = sql.replace("%", "%%").replace("?", "%s")
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        if cursor.description is None:
            return []
        return [tuple(_as_sqlite_gives(v) for v in row) for row in cursor.fetchall()]


def scalar(where: HasLocation | DbLocation | Path | str, sql: str, *params: Any) -> Any:
    found = rows(where, sql, *params)
    assert len(found) == 1, found
    return found[0][0]


def table_names(where: HasLocation | DbLocation | Path | str) -> list[str]:
    url = _url_of(where)
    if url.startswith("sqlite"):
        return [r[0] for r in rows(url, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite%' ORDER BY name")]
    return [r[0] for r in rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]


def table_digest(where: HasLocation | DbLocation | Path | str) -> dict[str, str]:
    """Per table, a hash of its rows (order-independent): equal digests mean equal contents."""
    digests = {}
    for name in table_names(where):
        found = sorted(repr(row) for row in rows(where, f'SELECT * FROM "{name}"'))
        digests[name] = hashlib.sha256("\n".join(found).encode("utf-8")).hexdigest()
    return digests
