"""Opening the database: URL resolution, SQLite pragmas, transactions that carry the actor, error translation.

SQLite is the embedded default (WAL, foreign keys, busy timeout). Writers start with BEGIN IMMEDIATE so two
writers queue on the busy timeout instead of failing when a read transaction tries to upgrade; readers use a
plain deferred BEGIN and never block writers under WAL.

PostgreSQL (several staff on one server) keeps the same rule: a writing transaction first takes one advisory lock
shared by all writers, waiting at most as long as SQLite's busy timeout. The services were written for one writer
at a time (read, check, then write in one transaction), and every write appends to the single hash-chained audit
log: two writers that both read the chain head would both append event N+1, and the second fails on the primary
key (measured before this lock: UniqueViolation on pk_audit_event). Readers never take the lock.

An encrypted site (opt-in, docs/security.md) is a SQLCipher file: the same SQLite engine with every page
encrypted. It is opened through `sqlcipher3`, whose DB-API mirrors sqlite3, with the site's raw 256-bit data key
(data/site_key.py unwraps it from the passphrase once); each new pool connection only issues `PRAGMA key`.

Errors the user can act on become DatabaseProblem subclasses with a message in Bahasa Indonesia; a save over
someone else's newer version of a record (the ORM's row_version check) becomes Conflict.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from puskesos_desk.data import locks
from puskesos_desk.data.site_key import DatabaseKeyWrong
from puskesos_desk.domain.errors import (
    Conflict,
    DatabaseAccessDenied,
    DatabaseConnectionLost,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseLoginFailed,
    DatabaseMissing,
    DatabaseProblem,
    DatabaseReadOnly,
    DatabaseUnreachable,
)
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.infra.db_location import chosen_location, sqlite_url

log = logging.getLogger(__name__)

# Services name the session type through this alias, so only the data layer imports SQLAlchemy.
DbSession = Session

BUSY_TIMEOUT_MS = 5000
# A dead or unreachable server is reported within seconds instead of the operating system's minutes.
CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "puskesos-desk"  # what pg_stat_activity shows for our sessions
WRITERS_LOCK = "puskesos-desk:writers"

STALE_RECORD_MESSAGE = (
    "Data ini baru saja diubah oleh petugas lain, jadi perubahan Anda tidak disimpan agar tidak menimpa "
    "perubahannya. Muat ulang data ini, periksa isinya, lalu simpan lagi bila masih perlu."
)


def resolve_database_url(target: str | None = None) -> str:
    """`--db PATH|URL`, else PUSKESOS_DB, else the file in the user data folder."""
    value = sqlite_url(chosen_location(target))
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


def sqlcipher_module() -> Any:
    from sqlcipher3 import dbapi2  # only an encrypted site pays for loading it

    return dbapi2


def open_keyed_file(path: Path, key: bytes, **kwargs: Any) -> Any:
    """A sqlcipher3 connection to `path` keyed with the raw data key; a key that does not fit fails here, with the
    reason, instead of at the first query."""
    module = sqlcipher_module()
    connection = module.connect(str(path), **kwargs)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported below, in Bahasa
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        connection.close()
        raise DatabaseKeyWrong(
            f"Kunci tidak cocok dengan basis data terenkripsi {path}. Periksa frasa sandi, atau pakai kunci "
            "pemulihan dari kabupaten/kota.", detail=str(exc)) from exc
    return connection


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def translate_db_error(exc: BaseException, url: str) -> DatabaseProblem | None:
    """Map a driver error to a message a village officer can act on; None if it is not a database problem."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = _display_location(url)
    if make_url(url).get_backend_name() != "sqlite":
        return _translate_server_error(exc, text, where)
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
    return None


# Lower-case fragments of libpq / psycopg / server messages. A failed connect says "connection failed: …" whatever
# the cause, so the specific causes (login, missing database) are checked before the generic ones.
_LOGIN_FAILED = ("password authentication failed", "authentication failed", "no password supplied",
                 "password is required", "fe_sendauth")
_CONNECTION_LOST = ("server closed the connection unexpectedly", "terminating connection", "connection is bad",
                    "connection is closed", "connection is lost", "consuming input failed",
                    "could not receive data from server", "could not send data to server",
                    "connection reset by peer", "broken pipe", "ssl connection has been closed unexpectedly",
                    "ssl syscall error")
_UNREACHABLE = ("could not connect", "connection refused", "connection failed", "timeout expired",
                "connection timed out", "timed out", "could not translate host name", "name or service not known",
                "no route to host", "network is unreachable", "the database system is starting up",
                "the database system is shutting down", "the database system is in recovery mode")
_LOCK_TIMEOUT_STATES = {"55P03"}  # lock_not_available: a lock_timeout expired
_RETRY_STATES = {"40001", "40P01"}  # serialization failure, deadlock: the server rolled back, a retry may pass
_LOST_STATES = {"57P01", "57P02", "08006", "08003", "08007"}  # admin/crash shutdown, connection failure/closed
_UNREACHABLE_STATES = {"57P03", "08001", "08004"}  # cannot connect now, unable to connect, connection rejected


def _translate_server_error(exc: BaseException, text: str, where: str) -> DatabaseProblem | None:
    """PostgreSQL: the causes a user or the office's administrator can act on, by SQLSTATE where the driver
    gives one (errors raised while connecting carry none) and otherwise by libpq's message."""
    detail = str(getattr(exc, "orig", exc)).strip()
    state = getattr(getattr(exc, "orig", exc), "sqlstate", None) or ""
    if state == "3D000" or ("database \"" in text and "does not exist" in text):
        return DatabaseMissing(
            f"Basis data tidak ditemukan di server ({where}). Periksa nama basis data di Pengaturan, atau minta "
            "pengelola server membuatnya (lihat panduan PostgreSQL).", detail=detail)
    unknown_role = "connection failed" in text and "role \"" in text and "does not exist" in text
    if state.startswith("28") or unknown_role or any(part in text for part in _LOGIN_FAILED):
        return DatabaseLoginFailed(
            f"Server basis data menolak nama pengguna atau kata sandi ({where}). Periksa pengguna dan kata sandi "
            "di Pengaturan, atau tanyakan kepada pengelola server.", detail=detail)
    if state == "42501" or "permission denied" in text or "must be owner of" in text:
        return DatabaseAccessDenied(
            f"Pengguna basis data tidak memiliki izin untuk tindakan ini ({where}). Tidak ada yang disimpan. "
            "Minta pengelola server memberikan hak akses sesuai panduan PostgreSQL.", detail=detail)
    if state in _LOCK_TIMEOUT_STATES or "lock timeout" in text:
        return DatabaseLocked(
            f"Petugas lain sedang menyimpan perubahan besar (misalnya mengimpor paket) di {where}. Tidak ada yang "
            "disimpan; isian Anda tetap ada. Tunggu sebentar, lalu simpan lagi.", detail=detail)
    if state in _RETRY_STATES:
        return DatabaseLocked(
            "Penyimpanan bertabrakan dengan petugas lain dan dibatalkan oleh server. Tidak ada yang disimpan; "
            "isian Anda tetap ada. Simpan lagi.", detail=detail)
    if state in _LOST_STATES or any(part in text for part in _CONNECTION_LOST):
        return DatabaseConnectionLost(
            f"Sambungan ke server basis data terputus ({where}). Perubahan yang sedang disimpan mungkin belum "
            "tersimpan; isian Anda tetap ada. Periksa jaringan, lalu coba lagi; bila server sudah menyala, "
            "aplikasi tersambung kembali sendiri.", detail=detail)
    if state in _UNREACHABLE_STATES or any(part in text for part in _UNREACHABLE):
        return DatabaseUnreachable(
            f"Server basis data tidak dapat dihubungi ({where}). Periksa jaringan dan bahwa server menyala; "
            "isian Anda tetap ada.", detail=detail)
    if getattr(exc, "connection_invalidated", False):  # SQLAlchemy recognised a disconnect we have no words for
        return DatabaseConnectionLost(
            f"Sambungan ke server basis data terputus ({where}). Perubahan yang sedang disimpan mungkin belum "
            "tersimpan; isian Anda tetap ada. Coba lagi.", detail=detail)
    return None


def _server_connect_args(query: Any) -> dict[str, Any]:
    """libpq options for a server; a value written in the URL (the Pengaturan dialog writes connect_timeout)
    wins."""
    defaults: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME}
    return {key: value for key, value in defaults.items() if key not in query}


def _display_location(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "memori"
    return parsed.render_as_string(hide_password=True)


def _queue_as_writer(session: Session, wait_ms: int) -> None:
    """PostgreSQL's BEGIN IMMEDIATE: wait (at most the busy timeout) until no other writer is at work. The lock
    timeout stays for the transaction, so a row lock held elsewhere (a psql session) cannot hang the form either."""
    session.execute(select(func.set_config("lock_timeout", f"{wait_ms}ms", True)))
    locks.exclusive(session, WRITERS_LOCK)


class Database:
    """One database: an engine, a session factory, and helpers for transactions."""

    def __init__(self, url: str, *, echo: bool = False, key: bytes | None = None) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = Path(parsed.database) if self.is_sqlite and parsed.database else None
        kwargs: dict[str, Any] = {"echo": echo}
        if key is not None and (not self.is_sqlite or self.path is None):
            raise ValueError("an encryption key applies only to a SQLite file")
        self.key = key
        if self.is_sqlite:
            connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
            kwargs["connect_args"] = connect_args
            if key is not None and self.path is not None:
                # The creator keeps the key out of the URL; `module` makes SQLAlchemy wrap sqlcipher3's exceptions
                # (its own classes, not sqlite3's) so translate_db_error sees them. The file URL keeps the pool.
                path = self.path
                kwargs["module"] = sqlcipher_module()
                kwargs["creator"] = lambda: open_keyed_file(path, key, **connect_args)
        else:
            kwargs["pool_pre_ping"] = True  # a connection the server dropped while idle is replaced, not used
            kwargs["connect_args"] = _server_connect_args(parsed.query)
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
    def transaction(self, actor: Actor | None, *, wait_ms: int = BUSY_TIMEOUT_MS) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error. Every flush is audited as `actor`.

        On a server, `wait_ms` is how long to queue behind another writer before saying so (start-up waits for a
        colleague's PC loading reference data longer than a form waits for a save)."""
        session = self._write_sessions()
        session.info["actor"] = actor
        with self._session_scope(session, writer=True, wait_ms=wait_ms):
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._session_scope(self._read_sessions()) as session:
            yield session

    @contextmanager
    def _session_scope(self, session: Session, *, writer: bool = False,
                       wait_ms: int = BUSY_TIMEOUT_MS) -> Iterator[Session]:
        """Begin, commit or roll back, close; a database problem becomes a message the user can act on."""
        try:
            with session.begin():
                if writer and not self.is_sqlite:
                    _queue_as_writer(session, wait_ms)
                yield session
        except StaleDataError as exc:  # version_id_col: the row's version moved on between our read and our flush
            raise Conflict(STALE_RECORD_MESSAGE, detail=str(exc)) from exc
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
        except self._operational_errors():
            # A read-only file or folder cannot switch; reading still works, a write will say why it fails.
            log.warning("could not switch the database to WAL mode")
        finally:
            raw.close()

    def _operational_errors(self) -> tuple[type[BaseException], ...]:
        if self.key is None:
            return (sqlite3.OperationalError,)
        return (sqlite3.OperationalError, sqlcipher_module().OperationalError)

    def connect_file(self, path: Path) -> sqlite3.Connection:
        """A plain DB-API connection to another SQLite file (a backup, a restore candidate) opened the way this
        database is opened: the same driver and, for an encrypted site, the same key. Caller closes it.

        For an encrypted site this is a sqlcipher3 connection keyed like the live one, so the online backup API
        copies encrypted pages into an encrypted file (the backup API needs both ends from the same driver and,
        under SQLCipher, the same key)."""
        if self.key is not None:
            return open_keyed_file(path, self.key)  # type: ignore[no-any-return]
        return sqlite3.connect(path)

    def dispose(self) -> None:
        self.engine.dispose()
