"""The one backup routine: a consistent online copy, even while the database is in use."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from puskesos_desk.data.backup import backup_sqlite
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household


def _count(path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.sqlite_only  # a file copy through SQLite's backup API; PostgreSQL is backed up with pg_dump
def test_backup_of_a_live_wal_database_holds_every_committed_row(site_db) -> None:
    register_household(site_db.cli, HouseholdDraft(
        members=(MemberDraft(name="Warsini", relation="KEPALA_KELUARGA", sex="P", birth_date=date(1950, 1, 1),
                             no_nik_reason="HILANG"),),
        no_kk_reason="HILANG", address="Dusun Krajan", rt="3", rw="1",
    ))
    assert site_db.path.with_name(site_db.path.name + "-wal").exists()  # committed pages still in the WAL
    reader = sqlite3.connect(site_db.path)  # another connection reading meanwhile
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    try:
        result = backup_sqlite(site_db.db, reason="uji")
    finally:
        reader.close()
    assert result.integrity_ok and result.size_bytes == result.path.stat().st_size
    assert result.path.name.endswith("-uji.db")
    for table in ("person", "household", "audit_event", "wilayah", "user_account"):
        assert _count(result.path, table) == _count(site_db.path, table)
    assert not list(result.path.parent.glob("*.partial"))
