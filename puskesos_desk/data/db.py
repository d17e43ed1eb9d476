"""Opening the database: URL resolution, SQLite pragmas, transactions that carry the actor, error translation.

SQLite is the embedded default (WAL, foreign keys, busy timeout). Writers start with BEGIN IMMEDIATE so two
writers queue on the busy timeout instead of failing when a read transaction tries to upgrade; readers use a
plain deferred BEGIN and never block writers under WAL. PostgreSQL URLs use the same code.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from puskesos_desk.domain.errors import DatabaseCorrupt, DatabaseLocked, DatabaseProblem, DatabaseReadOnly
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.infra.paths import default_database_path

log = logging.getLogger(__name__)

# Services name the session type through this alias, so only the data layer imports SQLAlchemy.
DbSession = Session

ENV_DB = "PUSKESOS_DB"
BUSY_TIMEOUT_MS = 5000


def resolve_database_url(target: str | None = None) -> str:
    """`--db PATH|URL`, else PUSKESOS_DB, else the file in the user data folder."""
    value = target or os.environ.get(ENV_DB) or str(default_database_path())
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        # Name the driver: psycopg 3 is the one we install, whatever SQLAlchemy's default is.
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit transactions are unreliable).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def translate_db_error(exc: BaseException, url: str) -> DatabaseProblem | None:
    """Map a driver error to a message a village officer can act on; None if it is not a database-file problem."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = _display_location(url)
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseLocked(
            f"Basis data sedang dipakai program lain ({where}). Tutup aplikasi lain yang membukanya, lalu coba lagi."
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return DatabaseReadOnly(
            f"Basis data tidak dapat ditulis ({where}). Periksa bahwa berkas dan foldernya boleh ditulis "
            "oleh pengguna komputer ini."
        )
    if "file is not a database" in text or "malformed" in text or "file is encrypted" in text:
        return DatabaseCorrupt(
            f"Berkas basis data rusak atau bukan basis data Puskesos Desk ({where}). Berkas tidak diubah. "
            "Pulihkan dari cadangan atau hubungi operator kabupaten."
        )
    if "could not connect" in text or "connection refused" in text or "connection failed" in text:
        return DatabaseProblem(f"Server basis data tidak dapat dihubungi ({where}). Periksa jaringan dan server.")
    return None


def _display_location(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "memori"
    return parsed.render_as_string(hide_password=True)


class Database:
    """One database: an engine, a session factory, and helpers for transactions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = Path(parsed.database) if self.is_sqlite and parsed.database else None
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else self.engine
        self._write_sessions = sessionmaker(bind=self._writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, target: str | None = None) -> Database:
        return cls(resolve_database_url(target))

    @property
    def display_location(self) -> str:
        return _display_location(self.url)

    @contextmanager
    def transaction(self, actor: Actor | None) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error. Every flush is audited as `actor`."""
        session = self._write_sessions()
        session.info["actor"] = actor
        with self._session_scope(session):
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._session_scope(self._read_sessions()) as session:
            yield session

    @contextmanager
    def _session_scope(self, session: Session) -> Iterator[Session]:
        """Begin, commit or roll back, close; a database-file problem becomes a message the user can act on."""
        try:
            with session.begin():
                yield session
        except DBAPIError as exc:  # OperationalError is a DBAPIError
            problem = translate_db_error(exc, self.url)
            if problem is not None:
                raise problem from exc
            raise
        finally:
            session.close()

    def enable_wal(self) -> None:
        """Switch a SQLite file to WAL (persistent in the file). Called only once the file is known to be ours:
        merely opening a file the user picked by mistake must not change a byte of it."""
        if not self.is_sqlite:
            return
        # Outside any transaction (the journal mode cannot change inside one), on the raw autocommit connection.
        raw = self.engine.raw_connection()
        try:
            mode = raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchone()  # type: ignore[union-attr]
            if not mode or str(mode[0]).lower() != "wal":
                log.warning("database stays in journal mode %s", mode[0] if mode else "?")
        except sqlite3.OperationalError:
            # A read-only file or folder cannot switch; reading still works, a write will say why it fails.
            log.warning("could not switch the database to WAL mode")
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()
