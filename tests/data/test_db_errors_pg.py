"""PostgreSQL errors a user can act on become DatabaseProblem subclasses with a message in Bahasa Indonesia, made
from real failures: a closed port, a server that never answers, a wrong password and a missing database on the
test server (PUSKESOS_TEST_PG), a statement the role may not run, the connection killed in the middle of a
transaction (after which the same Database works again), and another writer holding the writers' lock."""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import text

from puskesos_desk.data import db as db_module
from puskesos_desk.data.db import (
    APPLICATION_NAME,
    WRITERS_LOCK,
    Database,
    resolve_database_url,
)
from puskesos_desk.data.locks import lock_key
from puskesos_desk.domain.errors import (
    DatabaseAccessDenied,
    DatabaseConnectionLost,
    DatabaseLocked,
    DatabaseLoginFailed,
    DatabaseMissing,
    DatabaseProblem,
    DatabaseUnreachable,
)
from puskesos_desk.services.bootstrap import open_database

ENV_TEST_PG = "PUSKESOS_TEST_PG"


def _server_url() -> str:
    base = os.environ.get(ENV_TEST_PG)
    if not base:
        pytest.skip(f"{ENV_TEST_PG} is not set: no PostgreSQL server to produce real server errors with")
    return base


def _with(url: str, *, password: str | None = None, database: str | None = None) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc
    if password is not None:
        user = parts.username or ""
        netloc = f"{user}:{password}@{parts.hostname}:{parts.port or 5432}"
    path = f"/{database}" if database is not None else parts.path
    return urlunsplit((parts.scheme, netloc, path, parts.query, parts.fragment))


@pytest.fixture
def fresh_server_db() -> Iterator[str]:
    """An empty database of our own on the test server (no schema: these tests only need a connection)."""
    import psycopg

    base = _server_url()
    name = f"concurrency_err_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{urlsplit(base).username}"')
    try:
        yield resolve_database_url(_with(base, database=name))
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nobody listens once the socket is closed


def _select_one(db: Database) -> int:
    with db.reading() as session:
        return int(session.execute(text("SELECT 1")).scalar_one())


def _assert_plain(problem: DatabaseProblem, *secrets: str) -> None:
    assert problem.exit_code == 3
    assert problem.detail, "the driver's words stay available for the log"
    for secret in secrets:
        assert secret not in problem.message


# --- no server needed -------------------------------------------------------------------------------------------


def test_a_closed_port_is_unreachable_when_reading_and_when_opening() -> None:
    url = f"postgresql://puskesos:rahasia-sekali@127.0.0.1:{_closed_port()}/puskesos"
    db = Database.open(url)
    try:
        with pytest.raises(DatabaseUnreachable) as caught:
            _select_one(db)
    finally:
        db.dispose()
    _assert_plain(caught.value, "rahasia-sekali")
    assert "tidak dapat dihubungi" in caught.value.message
    assert "127.0.0.1" in caught.value.message
    with pytest.raises(DatabaseUnreachable):
        open_database(url)  # the start-up path (schema check before migrations) says the same


def test_a_server_that_never_answers_is_reported_after_the_connect_timeout() -> None:
    """A host that accepts the TCP connection and then says nothing (a hung server, a half-open firewall): libpq's
    connect_timeout ends the wait; the URL's own value (here 2 s) wins over the default."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept_silently() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept_silently, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    db = Database.open(f"postgresql://puskesos:x@127.0.0.1:{port}/puskesos?connect_timeout=2&sslmode=disable")
    try:
        with pytest.raises(DatabaseUnreachable) as caught:
            _select_one(db)
    finally:
        db.dispose()
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()
    assert accepted, "the client did reach the silent server"
    assert "timeout" in (caught.value.detail or "").lower()


def test_server_urls_get_a_connect_timeout_and_the_application_name_unless_the_url_sets_them() -> None:
    args = db_module._server_connect_args({})
    assert args == {"connect_timeout": db_module.CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME}
    assert db_module._server_connect_args({"connect_timeout": "9"}) == {"application_name": APPLICATION_NAME}


# --- against the test server ------------------------------------------------------------------------------------


@pytest.mark.postgres_only
def test_a_wrong_password_is_a_login_failure() -> None:
    url = _with(_server_url(), password="kata-sandi-salah-123")
    db = Database.open(url)
    try:
        with pytest.raises(DatabaseLoginFailed) as caught:
            _select_one(db)
    finally:
        db.dispose()
    _assert_plain(caught.value, "kata-sandi-salah-123")
    assert "kata sandi" in caught.value.message


@pytest.mark.postgres_only
def test_a_missing_database_is_named_as_missing() -> None:
    missing = f"concurrency_tidak_ada_{uuid.uuid4().hex[:8]}"
    with pytest.raises(DatabaseMissing) as caught:
        open_database(_with(_server_url(), database=missing))
    assert missing in caught.value.message
    assert "tidak ditemukan" in caught.value.message


@pytest.mark.postgres_only
def test_a_statement_the_role_may_not_run_is_access_denied(fresh_server_db: str) -> None:
    db = Database(fresh_server_db)
    try:
        with pytest.raises(DatabaseAccessDenied) as caught, db.transaction(None) as session:
            session.execute(text("SELECT rolpassword FROM pg_authid"))  # superusers only
    finally:
        db.dispose()
    assert "izin" in caught.value.message
    assert "permission denied" in (caught.value.detail or "")


@pytest.mark.postgres_only
def test_a_connection_killed_mid_transaction_is_reported_and_the_next_transaction_works(
        fresh_server_db: str) -> None:
    """The server ends our session while a transaction is open (as when it restarts or the LAN drops): the
    transaction fails with DatabaseConnectionLost, nothing of it is kept, and the same Database works again."""
    import psycopg

    db = Database(fresh_server_db)
    try:
        with db.transaction(None) as session:
            session.execute(text("CREATE TABLE catatan (isi text)"))
        with pytest.raises(DatabaseConnectionLost) as caught, db.transaction(None) as session:
            session.execute(text("INSERT INTO catatan VALUES ('hilang')"))
            victim = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with psycopg.connect(fresh_server_db.replace("+psycopg", ""), autocommit=True) as other:
                assert other.execute("SELECT pg_terminate_backend(%s)", (victim,)).fetchone() == (True,)
            session.execute(text("INSERT INTO catatan VALUES ('sesudah')"))
        assert "terputus" in caught.value.message
        with db.transaction(None) as session:
            session.execute(text("INSERT INTO catatan VALUES ('tersimpan')"))
        with db.reading() as session:
            assert list(session.execute(text("SELECT isi FROM catatan")).scalars()) == ["tersimpan"]
            assert session.execute(text(
                "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")).scalar_one() \
                == APPLICATION_NAME
    finally:
        db.dispose()


@pytest.mark.postgres_only
def test_a_writer_waits_for_another_writer_at_most_the_busy_timeout(fresh_server_db: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE: while another session holds the writers' lock, a
    writing transaction gives up after the busy timeout with DatabaseLocked; readers are not held up."""
    import psycopg

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    db = Database(fresh_server_db)
    try:
        with psycopg.connect(fresh_server_db.replace("+psycopg", "")) as other:
            other.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(WRITERS_LOCK),))
            assert _select_one(db) == 1
            with pytest.raises(DatabaseLocked) as caught, db.transaction(None):
                pass
            other.rollback()
        assert "Petugas lain" in caught.value.message
        with db.transaction(None) as session:  # free again once the holder ended its transaction
            assert session.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        db.dispose()
