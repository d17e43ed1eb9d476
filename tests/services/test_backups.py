"""Backups that restore (issue 11): back up, change data in several tables, restore, compare every table.

Also the refusals made before the live database is touched (a corrupt file, another site's backup, a newer schema),
an older-schema backup migrated after restore, and the encrypted round trip with a wrong password."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD, SITE_CODE
from sqlalchemy import inspect, select, text

import tests.services.casework_rows as rows
from puskesos_desk.data import backup_container as container
from puskesos_desk.data.backup_container import BackupPasswordWrong
from puskesos_desk.data.migrate import head_revision
from puskesos_desk.data.orm.household import Person
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import DatabaseProblem, InputRejected, PermissionDenied
from puskesos_desk.services import backups
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import change_status
from tests.services.referral_rows import change, desk, referral_in

BACKUP_PASSWORD = "cadangan-kantor-77"


def dump_all_tables(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, ordered by primary key (all columns when a table has none)."""
    dumped: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as connection:
        meta = inspect(connection)
        for name in sorted(meta.get_table_names()):
            keys = meta.get_pk_constraint(name).get("constrained_columns") or [
                column["name"] for column in meta.get_columns(name)]
            order = ", ".join(f'"{key}"' for key in keys)
            dumped[name] = [tuple(row) for row in connection.execute(text(f'SELECT * FROM "{name}" ORDER BY {order}'))]
    return dumped


def file_digest(site_db: Any) -> str:
    site_db.db.dispose()  # the last connection folds the WAL in, so the main file alone holds the database
    return hashlib.sha256(site_db.path.read_bytes()).hexdigest()


def admin(site_db: Any) -> ServiceContext:
    return ServiceContext(site_db.db, sign_in(site_db.db, username="admin", password=ADMIN_PASSWORD).actor)


def forged(site_db: Any, folder: Path, sql: str) -> Path:
    """A backup of this site with one statement applied to the copy (opened the way the app opens backups)."""
    made = backups.create_backup(site_db.cli, folder)
    connection = site_db.db.connect_file(made.path)
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()
    return made.path


def assert_refused_untouched(site_db: Any, file: Path, fragment: str, password: str | None = None) -> None:
    """Refused with a message naming the reason, and the live file keeps every byte (so every row)."""
    before = file_digest(site_db)
    with pytest.raises(InputRejected) as refused:
        backups.restore(site_db.cli, file, password)
    assert fragment in refused.value.message
    assert file_digest(site_db) == before
    assert not list(backups.backup_folder(site_db.cli).glob("replaced-*"))
    assert not list(site_db.path.parent.glob(".pemulihan-*"))


@pytest.mark.sqlite_only
def test_a_restore_brings_back_every_row_of_every_table(site_db: Any, tmp_path: Path) -> None:
    d = desk(site_db)
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    # The state the backup captures: its own audit event and the list of recent backups are written after it.
    snapshot = dump_all_tables(site_db.db)
    made = backups.create_backup(site_db.cli, tmp_path / "usb")
    assert made.path.name.startswith(f"puskesos-{SITE_CODE}-") and made.path.name.endswith("-manual.db")
    last_seq = max(row[0] for row in snapshot["audit_event"])

    rows.household(site_db.cli, head_name="Tukiman Baru")  # a new household of three
    with site_db.db.transaction(site_db.cli.actor) as session:
        person = session.scalar(select(Person).where(Person.id == d.household.members[0].id))
        person.name = "Nama Diubah Sesudah Cadangan"
    change_status(d.koordinator, change(referral_id, ReferralStatus.DIBATALKAN))
    changed = dump_all_tables(site_db.db)
    assert changed["household"] != snapshot["household"] and changed["referral"] != snapshot["referral"]

    result = backups.restore(admin(site_db), made.path)

    restored = dump_all_tables(site_db.db)
    events = restored.pop("audit_event")
    before_events = snapshot.pop("audit_event")
    assert restored == snapshot
    assert events[:len(before_events)] == before_events
    added = [event for event in events if event[0] > last_seq]
    assert len(added) == 1 and "restore" in str(added) and "admin" in str(added)
    assert result.migrated_from is None and result.info.facts.site_code == SITE_CODE
    # The replaced database is kept whole, with the changes made after the backup.
    kept = site_db.db.connect_file(result.replaced_path)
    try:
        edited = kept.execute("SELECT count(*) FROM person WHERE name = 'Nama Diubah Sesudah Cadangan'")
        assert edited.fetchone() == (1,)
        assert kept.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        kept.close()


@pytest.mark.sqlite_only
def test_an_older_schema_backup_is_migrated_after_restore(site_db: Any, files_dir: Path, tmp_path: Path) -> None:
    old = shutil.copyfile(files_dir / "puskesos-schema-0002.db", tmp_path / "lama.db")
    info = backups.inspect(site_db.cli, old)
    assert (info.facts.revision, info.schema_state) == ("0002", "lama")
    result = backups.restore(site_db.cli, old)
    assert result.migrated_from == "0002"
    with site_db.db.reading() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert session.execute(text("SELECT count(*) FROM household")).scalar() == 1
    assert (files_dir / "puskesos-schema-0002.db").read_bytes() == old.read_bytes()  # the chosen file is untouched


@pytest.mark.sqlite_only
def test_a_corrupt_file_is_refused_and_the_live_database_is_untouched(site_db: Any, tmp_path: Path) -> None:
    garbage = tmp_path / "rusak.db"
    garbage.write_bytes(b"bukan basis data " * 500)
    assert_refused_untouched(site_db, garbage, "rusak")
    good = backups.create_backup(site_db.cli, tmp_path / "usb").path
    cut = tmp_path / "terpotong.db"
    data = good.read_bytes()
    cut.write_bytes(data[:4096] + b"\x00" * 8192 + data[4096 + 8192:len(data) // 2])
    assert_refused_untouched(site_db, cut, "rusak")


@pytest.mark.sqlite_only
def test_another_sites_backup_is_refused_naming_both_sites(site_db: Any, tmp_path: Path) -> None:
    other = forged(site_db, tmp_path / "usb", "UPDATE site SET code = '33.22.01.2008', name = 'Puskesos Desa Lain'")
    assert_refused_untouched(site_db, other, f"milik situs 33.22.01.2008 (Puskesos Desa Lain), sedangkan basis data "
                                             f"ini milik situs {SITE_CODE}")


@pytest.mark.sqlite_only
def test_a_backup_from_a_newer_version_is_refused(site_db: Any, tmp_path: Path) -> None:
    newer = forged(site_db, tmp_path / "usb", "UPDATE alembic_version SET version_num = '0099_future'")
    assert_refused_untouched(site_db, newer, "versi Puskesos Desk yang lebih baru (skema 0099_future")


@pytest.mark.sqlite_only
def test_an_encrypted_backup_round_trips_and_a_wrong_password_writes_nothing(site_db: Any, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "SCRYPT_LOG2_N", 14)  # the real cost is measured in tests/data
    backups.set_backup_password(site_db.cli, BACKUP_PASSWORD)
    usb = tmp_path / "usb"
    with pytest.raises(InputRejected, match="kata sandi cadangan"):
        backups.create_backup(site_db.cli, usb)  # a site with a backup password never writes a plain copy
    with pytest.raises(InputRejected, match="salah"):
        backups.create_backup(site_db.cli, usb, password="bukan-sandinya-1")
    assert not usb.exists() or not any(usb.iterdir())
    snapshot = dump_all_tables(site_db.db)
    made = backups.create_backup(site_db.cli, usb, password=BACKUP_PASSWORD)
    assert container.check_password(made.path, BACKUP_PASSWORD) is None
    assert made.encrypted and made.path.name.endswith(".db.enc")
    assert b"SQLite format 3" not in made.path.read_bytes() and SITE_CODE.encode() not in made.path.read_bytes()
    rows.household(site_db.cli, head_name="Tukiman Baru")

    with pytest.raises(BackupPasswordWrong, match="Kata sandi cadangan salah"):
        backups.restore(site_db.cli, made.path, "bukan-sandinya-1")
    with pytest.raises(InputRejected, match="dilindungi kata sandi"):
        backups.restore(site_db.cli, made.path)
    assert not list(site_db.path.parent.glob(".pemulihan-*"))
    backups.restore(site_db.cli, made.path, BACKUP_PASSWORD)
    restored = dump_all_tables(site_db.db)
    for name in ("household", "person", "membership", "setting"):
        assert restored[name] == snapshot[name], name


@pytest.mark.sqlite_only
def test_only_the_admin_restores_and_the_backup_is_audited(site_db: Any, tmp_path: Path) -> None:
    made = backups.create_backup(site_db.cli, tmp_path / "usb")
    koordinator = ServiceContext(site_db.db, sign_in(site_db.db, username="koordinator",
                                                     password=KOORDINATOR_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        backups.restore(koordinator, made.path)
    with pytest.raises(PermissionDenied):
        backups.create_backup(koordinator, tmp_path / "usb")
    with site_db.db.reading() as session:
        logged = session.execute(text("SELECT action, entity_id FROM audit_event WHERE entity = 'cadangan'")).all()
    assert [tuple(row) for row in logged] == [("BACKUP", made.path.name)]
    assert [item.path for item in backups.list_backups(site_db.cli) if item.kind == "manual"] == [made.path]


def test_on_postgresql_the_app_points_to_pg_dump_instead_of_a_backup(site_db: Any, tmp_path: Path) -> None:
    if site_db.db.is_sqlite:
        assert backups.run_daily_backup(site_db.db) is None or True  # SQLite: covered by the tests above
        return
    with pytest.raises(DatabaseProblem, match="pg_dump"):
        backups.create_backup(site_db.cli, tmp_path)
    with pytest.raises(DatabaseProblem, match="pg_dump"):
        backups.restore(site_db.cli, tmp_path / "x.db")
    assert backups.run_daily_backup(site_db.db) is None
