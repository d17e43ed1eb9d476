"""Schema migrations: the committed old database upgrades after a backup; newer or foreign files are refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from backends import new_location, rows, table_digest, table_names

from puskesos_desk.data.audit import verify_chain
from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import HEAD_REVISION, current_revision, head_revision, upgrade_database
from puskesos_desk.data.orm import Base
from puskesos_desk.data.repositories import name_search
from puskesos_desk.domain.errors import DatabaseProblem, SchemaTooNew
from puskesos_desk.domain.reference import example_service_id
from puskesos_desk.services.bootstrap import open_database


def _comparing(connection) -> MigrationContext:  # type: ignore[no-untyped-def]
    """The name-search index (tables and indexes outside the models, migration 0010) is not a difference."""
    return MigrationContext.configure(connection, opts={"include_name": name_search.include_in_schema_comparison})


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.sqlite_only
def test_committed_0001_database_upgrades_to_head_after_backup(files_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "lapangan.db"
    old.write_bytes((files_dir / "puskesos-schema-0001.db").read_bytes())
    persons_before = _rows(old, "SELECT id, nik, name FROM person ORDER BY id")
    assert _rows(old, "SELECT version_num FROM alembic_version") == [("0001",)]

    opened = open_database(str(old))
    try:
        assert opened.migration.from_revision == "0001"
        assert opened.migration.to_revision == head_revision()
        backup = opened.migration.backup
        assert backup is not None and backup.integrity_ok
        assert backup.path.parent == old.parent / "backups"
        # The backup is the database as it was before the upgrade.
        assert _rows(backup.path, "SELECT version_num FROM alembic_version") == [("0001",)]
        assert _rows(backup.path, "SELECT id, nik, name FROM person ORDER BY id") == persons_before
        # Nothing was lost by the upgrade, and the regions the fixture left out were loaded again.
        assert current_revision(opened.db) == head_revision()
        assert _rows(old, "SELECT id, nik, name FROM person ORDER BY id") == persons_before
        assert _rows(old, "SELECT count(*) FROM wilayah WHERE level = 4") == [(83_762,)]
        with opened.db.reading() as session:
            assert verify_chain(session).ok
    finally:
        opened.db.dispose()
    # Revision 0002's guard: the database itself refuses to rewrite the audit log.
    with sqlite3.connect(old) as conn, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_event SET actor_name = 'x' WHERE seq = 1")


def test_the_head_a_start_compares_with_is_the_newest_migration() -> None:
    """A start on an up-to-date database skips Alembic by comparing with HEAD_REVISION: a new migration must move
    it, or starts would stop migrating."""
    assert head_revision() == HEAD_REVISION


@pytest.mark.sqlite_only
def test_an_up_to_date_start_does_not_load_alembic(tmp_path: Path) -> None:
    code = ("import sys; from puskesos_desk.services.bootstrap import open_database; "
            f"opened = open_database({str(tmp_path / 'a.db')!r}); opened.db.dispose(); "
            "print('alembic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PUSKESOS_HOME": str(tmp_path)})
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PUSKESOS_HOME": str(tmp_path)})
    assert (first.stdout.split()[-1], again.stdout.split()[-1]) == ("True", "False")


def test_up_to_date_database_is_not_backed_up_again(site_db) -> None:
    result = upgrade_database(site_db.db)
    assert not result.changed and result.backup is None
    if site_db.path is not None:
        assert not (site_db.path.parent / "backups").exists()


def test_database_from_a_newer_version_is_refused_untouched(site_db) -> None:
    site_db.db.dispose()
    rows(site_db, "UPDATE alembic_version SET version_num = '9999'")
    before = site_db.path.read_bytes() if site_db.path else table_digest(site_db)
    with pytest.raises(SchemaTooNew, match="versi Puskesos Desk yang lebih baru"):
        open_database(site_db.url)
    assert (site_db.path.read_bytes() if site_db.path else table_digest(site_db)) == before


@pytest.mark.sqlite_only
def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "lain.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    before = foreign.read_bytes()
    with pytest.raises(DatabaseProblem, match="bukan basis data Puskesos Desk"):
        open_database(str(foreign))
    assert foreign.read_bytes() == before


def test_models_and_migrations_describe_the_same_schema(seeded_db) -> None:
    with seeded_db.db.engine.connect() as connection:
        differences = compare_metadata(_comparing(connection), Base.metadata)
    assert differences == []


def test_fresh_database_gets_the_whole_schema(tmp_path: Path) -> None:
    location = new_location(tmp_path, "baru.db")
    db = Database(location.url)
    try:
        result = upgrade_database(db)
        assert result.from_revision is None and result.backup is None
        assert set(Base.metadata.tables) <= set(table_names(location))
    finally:
        db.dispose()


def test_every_migration_goes_down_and_up_again(tmp_path: Path) -> None:
    """Alembic on both backends: the whole chain downgrades to nothing and upgrades back to the models' schema."""
    from alembic import command

    from puskesos_desk.data.migrate import alembic_config

    location = new_location(tmp_path, "naik-turun.db")
    db = Database(location.url)
    try:
        upgrade_database(db)
        with db.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(table_names(location)) <= {"alembic_version"}
        upgrade_database(db)
        with db.engine.connect() as connection:
            assert compare_metadata(_comparing(connection), Base.metadata) == []
    finally:
        db.dispose()


@pytest.mark.sqlite_only
def test_0003_gives_example_services_their_shared_ids_and_keeps_references(files_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "0002.db"
    old.write_bytes((files_dir / "puskesos-schema-0002.db").read_bytes())
    before = _rows(old, "SELECT id, code FROM service_directory_entry WHERE is_example ORDER BY code")
    assert before and any(record_id != example_service_id(code) for record_id, code in before)
    opened = open_database(str(old))
    opened.db.dispose()
    after = _rows(old, "SELECT id, code FROM service_directory_entry WHERE is_example ORDER BY code")
    assert [code for _, code in after] == [code for _, code in before]
    assert all(record_id == example_service_id(code) for record_id, code in after)
    assert _rows(old, "PRAGMA foreign_key_check") == []
    # Letter numbers are counted per site now, and packages per sender and receiver.
    indexes = " ".join(sql for (sql,) in _rows(old, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    assert "uq_referral_origin_site_letter_year_letter_seq" in indexes
    assert "uq_exchange_package_direction_sender_code_receiver_code_sequence" in indexes


def _open_and_report(url: str) -> str:
    try:
        opened = open_database(url)
    except DatabaseProblem as exc:
        return exc.message
    try:
        return current_revision(opened.db) or ""
    finally:
        opened.db.dispose()


@pytest.mark.sqlite_only
def test_a_schema_committed_by_another_program_during_the_first_look_is_not_taken_for_foreign_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two programs starting at once on a new file (a double click twice): the other one commits its whole schema
    between our reading the table names and our reading the version. The first look is one snapshot, so we see
    an empty file and wait to migrate it ourselves, finding it at head; we never call it "another program's file"."""
    import puskesos_desk.data.migrate as migrate

    path = tmp_path / "baru.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    schema = ["CREATE TABLE person (id TEXT PRIMARY KEY)",  # the other program's schema, at head
              "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"]
    real_inspect = migrate.inspect

    class CommittingInspector:  # the first answer about the tables, then the other program commits its schema
        def __init__(self, connection) -> None:  # type: ignore[no-untyped-def]
            self._inspector = real_inspect(connection)

        def __getattr__(self, name: str) -> object:
            method = getattr(self._inspector, name)

            def answered_then_committed(*args: object) -> object:
                answer = method(*args)
                other.execute("BEGIN IMMEDIATE")
                for sql in schema:
                    other.execute(sql)
                other.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
                other.execute("COMMIT")
                monkeypatch.setattr(migrate, "inspect", real_inspect)
                return answer
            return answered_then_committed

    monkeypatch.setattr(migrate, "inspect", CommittingInspector)
    db = Database(f"sqlite:///{path}")
    try:
        result = upgrade_database(db)
        assert result.to_revision == head_revision()
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()
        other.close()


def test_two_computers_starting_at_once_on_an_empty_database_both_open_it(tmp_path: Path) -> None:
    """An office's PCs may start a new version together on the server: one migrates and loads the reference data,
    the other waits for it (advisory locks) instead of failing on a half-made schema. A SQLite file belongs to one
    PC: a second program opening it during the first start waits 5 s and may then be told the file is busy."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    location = new_location(tmp_path, "bersama.db")
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        outcomes = list(pool.map(_open_and_report, [location.url, location.url]))
    if location.path is None:
        assert outcomes == [head_revision(), head_revision()]
    else:
        assert head_revision() in outcomes
        assert all(o == head_revision() or o.startswith("Basis data sedang dipakai program lain") for o in outcomes), \
            outcomes
    assert rows(location, "SELECT count(*) FROM wilayah WHERE level = 4") == [(83_762,)]
    assert rows(location, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
