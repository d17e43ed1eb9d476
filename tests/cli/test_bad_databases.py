"""Database files the CLI cannot use: refused with exit 3 and a message in Bahasa Indonesia, file untouched."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SITE_CODE, SITE_NAME, SiteFixture
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from puskesos_desk.data.db import BUSY_TIMEOUT_MS, Database, translate_db_error
from puskesos_desk.data.migrate import known_revisions
from puskesos_desk.domain.errors import DatabaseLocked, DatabaseReadOnly
from tests.cli._helpers import copy_db, scalar

INIT = ["init", "--site", SITE_CODE, "--name", SITE_NAME, "--json"]


def _siblings(path: Path) -> set[str]:
    """Files next to `path` (-wal/-shm/backup files would show here), ignoring the test's PUSKESOS_HOME."""
    home = Path(os.environ["PUSKESOS_HOME"])
    return {p.name for p in path.parent.iterdir() if p != home}


def test_text_file_is_refused_and_left_unchanged(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "warga.db"
    path.write_text("NIK,NAMA\n3322011505800003,SLAMET RIYADI\n", encoding="utf-8")
    before = path.read_bytes()
    result = run_cli(*INIT, "--db", path)
    assert result.rc == 3
    message = result.json()["error"]
    assert "bukan basis data Puskesos Desk" in message
    assert "tidak diubah" in message
    assert path.read_bytes() == before
    assert _siblings(path) == {"warga.db"}


def test_text_file_is_refused_as_a_real_process(run_subprocess, tmp_path: Path) -> None:
    path = tmp_path / "catatan.txt"
    path.write_bytes(b"Rapat Puskesos, Senin 5 Januari\n")
    before = path.read_bytes()
    child = run_subprocess(*INIT, "--db", path)
    assert child.returncode == 3, child.stderr
    assert json.loads(child.stdout)["exit_code"] == 3
    assert "bukan basis data" in child.stderr
    assert path.read_bytes() == before


def test_directory_is_refused(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    result = run_cli(*INIT, "--db", folder)
    assert result.rc == 3
    assert "adalah folder" in result.json()["error"]
    assert list(folder.iterdir()) == []


def test_sqlite_file_of_another_program_is_refused(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE belanja (barang TEXT, harga INTEGER)")
        conn.execute("INSERT INTO belanja VALUES ('beras', 12000)")
    conn.close()
    before = path.read_bytes()
    result = run_cli(*INIT, "--db", path)
    assert result.rc == 3
    assert "bukan basis data Puskesos Desk" in result.json()["error"]
    assert path.read_bytes() == before


def test_database_from_a_newer_version_is_refused_untouched(run_cli, fresh_db) -> None:
    path = fresh_db("baru.db")
    assert "9999" not in known_revisions()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = path.read_bytes()
    result = run_cli(*INIT, "--db", path)
    assert result.rc == 3
    message = result.json()["error"]
    assert "versi Puskesos Desk yang lebih baru" in message
    assert "9999" in message
    assert path.read_bytes() == before
    assert scalar(path, "SELECT COUNT(*) FROM site") == 0
    assert _siblings(path) == {"baru.db"}


def test_translate_db_error_read_only(tmp_path: Path) -> None:
    """The real SQLite error for writing a read-only database becomes DatabaseReadOnly (exit 3, Bahasa)."""
    path = tmp_path / "ro.db"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert "readonly" in str(caught.value)
    wrapped = OperationalError("CREATE TABLE t (x)", {}, caught.value)
    problem = translate_db_error(wrapped, f"sqlite:///{path}")
    assert isinstance(problem, DatabaseReadOnly)
    assert problem.exit_code == 3
    assert "tidak dapat ditulis" in problem.message
    assert str(path) in problem.message


def test_translate_db_error_locked_and_unrelated() -> None:
    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    problem = translate_db_error(locked, "sqlite:////data/puskesos.db")
    assert isinstance(problem, DatabaseLocked)
    assert "sedang dipakai" in problem.message
    unrelated = OperationalError("SELECT x", {}, sqlite3.OperationalError("no such column: x"))
    assert translate_db_error(unrelated, "sqlite:////data/puskesos.db") is None


def test_write_through_a_read_only_connection_is_database_read_only(site_db: SiteFixture) -> None:
    """Database.transaction on a database SQLite opened read-only: the error a user sees is DatabaseReadOnly."""
    db = Database(f"sqlite:///file:{site_db.path}?mode=ro&uri=true")
    try:
        with db.reading() as session:
            assert session.execute(text("SELECT code FROM site")).scalar_one() == SITE_CODE
        with pytest.raises(DatabaseReadOnly), db.transaction(None) as session:
            session.execute(text("UPDATE site SET name = 'diubah'"))
    finally:
        db.dispose()
    assert scalar(site_db.path, "SELECT name FROM site") == SITE_NAME


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """A folder outside pytest's private (0700) tmp tree, so another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="puskesos-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_database_file_and_folder_is_refused(run_subprocess, seeded_template: Path,
                                                       world_readable_dir: Path) -> None:
    """chmod 0444 file and 0555 folder. root ignores file modes, so as root the CLI runs as user `nobody`."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root (file modes do not stop root) and setpriv is missing to drop privileges")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run([*prefix, sys.executable, "-c", "import puskesos_desk.cli"], capture_output=True,
                               check=False, timeout=60)
        if probe.returncode != 0:
            pytest.skip("running as root (file modes do not stop root) and user `nobody` cannot run this Python")
    folder = world_readable_dir / "ro"
    folder.mkdir()
    path = copy_db(seeded_template, folder / "puskesos.db")
    home = world_readable_dir / "home"
    home.mkdir()
    home.chmod(0o777)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o555)
    before = path.read_bytes()

    child = run_subprocess(*INIT, "--db", path, prefix=prefix, env={"PUSKESOS_HOME": str(home)})
    assert child.returncode == 3, child.stdout + child.stderr
    message = json.loads(child.stdout)["error"]
    assert "tidak dapat ditulis" in message
    assert path.read_bytes() == before
    assert _siblings(path) == {"puskesos.db"}


def test_locked_database_is_refused_with_sedang_dipakai(run_subprocess, fresh_db) -> None:
    """Another program holds an exclusive lock the whole time: the CLI waits the busy timeout, then says so."""
    path = fresh_db("dipakai.db")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        child = run_subprocess(*INIT, "--db", path, env={"PUSKESOS_ADMIN_PASSWORD": "sandi-admin-desa-7"})
        waited = time.monotonic() - started
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert child.returncode == 3, child.stdout + child.stderr
    payload = json.loads(child.stdout)
    assert payload["exit_code"] == 3
    assert "sedang dipakai" in payload["error"]
    assert "sedang dipakai" in child.stderr
    assert waited >= BUSY_TIMEOUT_MS / 1000
    assert scalar(path, "SELECT COUNT(*) FROM site") == 0
