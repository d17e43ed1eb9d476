"""Schema migrations: the committed old database upgrades after a backup; newer or foreign files are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from puskesos_desk.data.audit import verify_chain
from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import current_revision, head_revision, upgrade_database
from puskesos_desk.data.orm import Base
from puskesos_desk.domain.errors import DatabaseProblem, SchemaTooNew
from puskesos_desk.domain.reference import example_service_id
from puskesos_desk.services.bootstrap import open_database


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


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


def test_up_to_date_database_is_not_backed_up_again(site_db) -> None:
    result = upgrade_database(site_db.db)
    assert not result.changed and result.backup is None
    assert not (site_db.path.parent / "backups").exists()


def test_database_from_a_newer_version_is_refused_untouched(site_db) -> None:
    site_db.db.dispose()
    with sqlite3.connect(site_db.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = site_db.path.read_bytes()
    with pytest.raises(SchemaTooNew, match="versi Puskesos Desk yang lebih baru"):
        open_database(str(site_db.path))
    assert site_db.path.read_bytes() == before


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
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_fresh_database_gets_the_whole_schema(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'baru.db'}")
    try:
        result = upgrade_database(db)
        assert result.from_revision is None and result.backup is None
        tables = {name for (name,) in _rows(tmp_path / "baru.db", "SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(Base.metadata.tables) <= tables
    finally:
        db.dispose()


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
