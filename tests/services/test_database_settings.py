"""The stored PostgreSQL connection: round trip, a private password file, and the connection test."""

from __future__ import annotations

import os
import socket
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from puskesos_desk.domain.errors import DatabaseProblem, InputRejected
from puskesos_desk.services import database_settings as settings
from puskesos_desk.services.database_settings import ServerConnection

PASSWORD = "rahasia:kantor\\2026"  # a colon and a backslash: both must be escaped in the pgpass line
OFFICE = ServerConnection(host="server-puskesos", port=5433, database="puskesos_kec", user="petugas")


def test_nothing_stored_means_the_local_file(tmp_path: Path) -> None:
    assert settings.load() is None
    assert settings.stored_url() is None
    assert settings.settings_path().is_relative_to(tmp_path / "home"), "tests must never touch the real profile"


def test_round_trip_and_clear() -> None:
    settings.save(OFFICE, PASSWORD)
    assert settings.load() == OFFICE
    url = settings.stored_url()
    assert url is not None
    assert settings.server_of(url) == OFFICE
    assert settings.passfile_of(url) == str(settings.password_file_path())
    settings.clear()
    assert settings.load() is None
    assert not settings.password_file_path().exists()
    assert not settings.settings_path().exists()


def test_password_is_in_the_password_file_only() -> None:
    settings.save(OFFICE, PASSWORD)
    stored = settings.settings_path().read_text(encoding="utf-8")
    assert "rahasia" not in stored
    url = settings.stored_url()
    assert url is not None and "rahasia" not in url
    line = settings.password_file_path().read_text(encoding="utf-8").strip()
    assert line == "server-puskesos:5433:puskesos_kec:petugas:rahasia\\:kantor\\\\2026"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no POSIX file modes; libpq does not check there")
def test_password_file_is_readable_by_this_user_only() -> None:
    settings.save(OFFICE, PASSWORD)
    assert settings.password_file_path().stat().st_mode & 0o777 == 0o600
    os.chmod(settings.password_file_path(), 0o644)  # an old, too open file is tightened by the next save
    settings.save(OFFICE, "baru")
    assert settings.password_file_path().stat().st_mode & 0o777 == 0o600


def test_saving_without_a_password_keeps_the_stored_one() -> None:
    settings.save(OFFICE, PASSWORD)
    settings.save(ServerConnection(host=" server-puskesos ", port=5433, database="puskesos_kec", user="petugas"),
                  None)
    assert settings.load() == OFFICE, "values are trimmed"
    assert "rahasia" in settings.password_file_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(("connection", "field"), [
    (ServerConnection(host=" "), "host"),
    (ServerConnection(host="server kantor"), "host"),
    (ServerConnection(host="server", port=0), "port"),
    (ServerConnection(host="server", database=""), "database"),
    (ServerConnection(host="server", user=" "), "user"),
])
def test_incomplete_connection_is_refused(connection: ServerConnection, field: str) -> None:
    with pytest.raises(InputRejected) as caught:
        settings.save(connection, "x")
    assert caught.value.field == field
    assert not settings.settings_path().exists()


def test_a_broken_settings_file_falls_back_to_the_local_file() -> None:
    settings.settings_path().write_text("{ bukan json", encoding="utf-8")
    assert settings.load() is None


def test_url_names_the_driver_target_and_a_timeout() -> None:
    url = settings.build_url(ServerConnection(host="fe80::1"), passfile=Path("/x y/pgpass.conf"))
    parts = urlsplit(url)
    assert parts.scheme == "postgresql"
    assert parts.hostname == "fe80::1"
    assert settings.passfile_of(url) == "/x y/pgpass.conf"
    assert "connect_timeout=" in parts.query
    assert settings.server_of("sqlite:////tmp/puskesos.db") is None


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nobody listens once the socket is closed


def test_connection_to_a_closed_port_is_a_database_problem() -> None:
    connection = ServerConnection(host="127.0.0.1", port=_closed_port())
    settings.save(connection, "tidak-dipakai")
    url = settings.stored_url()
    assert url is not None
    with pytest.raises(DatabaseProblem) as caught:
        settings.test_connection(url)
    assert "tidak-dipakai" not in caught.value.message
    assert caught.value.message  # a sentence for the officer, not a traceback


@pytest.fixture
def pg_server() -> Iterator[tuple[ServerConnection, str]]:
    """A fresh database on the test server (PUSKESOS_TEST_PG), and the password of its URL."""
    base = os.environ.get("PUSKESOS_TEST_PG")
    if not base:
        pytest.skip("PUSKESOS_TEST_PG is not set: no PostgreSQL server to test the connection against")
    import psycopg

    parts = urlsplit(base)
    name = f"setup_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{parts.username}"')
    try:
        yield (ServerConnection(host=parts.hostname or "127.0.0.1", port=parts.port or 5432, database=name,
                                user=parts.username or "puskesos"), parts.password or "")
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres_only
def test_connection_with_the_stored_password_reports_the_server_version(
        pg_server: tuple[ServerConnection, str]) -> None:
    connection, password = pg_server
    settings.save(connection, password)
    url = settings.stored_url()
    assert url is not None and password not in url
    version = settings.test_connection(url)
    assert version.startswith("PostgreSQL 1"), version


@pytest.mark.postgres_only
def test_connection_with_a_wrong_password_is_a_database_problem(pg_server: tuple[ServerConnection, str]) -> None:
    connection, _password = pg_server
    settings.save(connection, "kata-sandi-salah")
    url = settings.stored_url()
    assert url is not None
    with pytest.raises(DatabaseProblem):
        settings.test_connection(url)


def test_start_up_target_prefers_db_option_then_environment_then_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.startup_target(None) is None, "nothing stored: the local file"
    assert not settings.target_is_server(None)
    settings.save(OFFICE, PASSWORD)
    stored = settings.startup_target(None)
    assert stored == settings.stored_url()
    assert settings.target_is_server(stored)
    assert settings.startup_target("/data/desa.db") == "/data/desa.db"
    assert not settings.target_is_server("/data/desa.db")
    monkeypatch.setenv("PUSKESOS_DB", "postgresql://puskesos@lain:5432/puskesos")
    assert settings.startup_target(None) is None, "PUSKESOS_DB wins over the stored server"
    assert settings.target_is_server(None)


@pytest.mark.postgres_only
def test_typed_password_is_tested_without_being_stored(pg_server: tuple[ServerConnection, str]) -> None:
    connection, password = pg_server
    assert settings.test_server(connection, password).startswith("PostgreSQL")
    assert not settings.password_file_path().exists()
    assert settings.load() is None
    with pytest.raises(DatabaseProblem):
        settings.test_server(connection, "salah")
