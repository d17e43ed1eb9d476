"""What a kill -9 trial looks at in a SQLite file after the kill, read with plain sqlite3 (not the application):
the integrity check, row counts, and whether every row present before the operation is still there.

"Still there" is asked of SQLite itself: the file from before is attached read-only and `SELECT … EXCEPT SELECT …`
counts the earlier rows the file no longer holds. Which rows must survive unchanged is learnt from a clean run of the
same operation (`preservation`): an import adds rows and leaves the old ones alone ("rows"); a migration may rewrite
a column of every row, and then only the old columns or the keys must survive ("keys"); a table the operation
itself rebuilds ("rewritten") is not compared.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

ROWS, KEYS, REWRITTEN = "rows", "keys", "rewritten"  # what a clean run keeps of a table's earlier rows


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}{'?mode=ro' if read_only else ''}", uri=True)


def integrity_problems(path: Path) -> list[str]:
    """PRAGMA integrity_check's complaints (none when it says "ok"). Opening the file recovers its WAL first."""
    try:
        with closing(connect(path)) as conn:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [f"{path.name}: cannot be read as SQLite ({exc})"]
    return [] if found == ["ok"] else [f"{path.name}: integrity_check: {'; '.join(found[:5])}"]


def scalar(path: Path, sql: str, *params: object) -> object:
    with closing(connect(path)) as conn:
        row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def counts(path: Path) -> dict[str, int]:
    with closing(connect(path)) as conn:
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in _tables(conn, "main")}


def present_ids(path: Path, table: str, ids: Iterable[str], *, read_only: bool = False) -> set[str]:
    """Which of these ids the table holds."""
    with closing(connect(path, read_only=read_only)) as conn:
        conn.execute("CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((i,) for i in ids))
        return {row[0] for row in conn.execute(f'SELECT id FROM "{table}" WHERE id IN (SELECT id FROM wanted)')}


def _tables(conn: sqlite3.Connection, schema: str) -> list[str]:
    return [name for (name,) in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND upper(sql) NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _key_columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    info = sorted((row[5], row[1]) for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")') if row[5] > 0)
    return [name for _, name in info] or ["rowid"]


@contextmanager
def _beside(before: Path, now: Path) -> Iterator[sqlite3.Connection]:
    """A connection to `now` with `before` attached read-only as schema "b"."""
    with closing(connect(now)) as conn:
        conn.execute("ATTACH DATABASE ? AS b", (f"file:{before}?mode=ro",))
        yield conn


def _missing(conn: sqlite3.Connection, table: str, columns: list[str]) -> int:
    listed = ", ".join(f'"{c}"' for c in columns)
    return int(conn.execute(f'SELECT count(*) FROM (SELECT {listed} FROM b."{table}" '
                            f'EXCEPT SELECT {listed} FROM main."{table}")').fetchone()[0])


def _level(conn: sqlite3.Connection, table: str) -> str:
    now = set(_columns(conn, "main", table))
    if not now:
        return REWRITTEN
    old, keys = _columns(conn, "b", table), _key_columns(conn, "b", table)
    if set(old) <= now and _missing(conn, table, old) == 0:
        return ROWS
    if set(keys) <= now | {"rowid"} and _missing(conn, table, keys) == 0:
        return KEYS
    return REWRITTEN


def preservation(before: Path, after: Path) -> dict[str, str]:
    """Per table of `before`, what a clean run kept of its rows (in `after`): every row, every key, or neither."""
    with _beside(before, after) as conn:
        return {table: _level(conn, table) for table in _tables(conn, "b")}


def lost_rows(before: Path, now: Path, levels: dict[str, str] | None = None) -> list[str]:
    """The tables where a row present before the operation is gone or changed, where a clean run keeps it (every
    row of every table when no levels are given)."""
    problems = []
    with _beside(before, now) as conn:
        present = set(_tables(conn, "main"))
        for table in _tables(conn, "b"):
            level = ROWS if levels is None else levels.get(table, ROWS)
            if level == REWRITTEN:
                continue
            if table not in present:
                problems.append(f"table {table} is gone")
                continue
            columns = _columns(conn, "b", table) if level == ROWS else _key_columns(conn, "b", table)
            missing = _missing(conn, table, columns)
            if missing:
                problems.append(f"table {table}: {missing} earlier row(s) lost or changed")
    return problems


def leftovers(folder: Path, patterns: Iterable[str]) -> list[Path]:
    """Files a killed operation could not clean up (partial copies under their temporary names)."""
    if not folder.exists():
        return []
    return sorted(path for pattern in patterns for path in folder.glob(pattern))
