"""The encrypted site file itself: no NIK or name in its bytes or in its -wal, standard SQLite cannot read it, a
wrong key fails with a clear message, backups stay encrypted, and the key file / recovery key formats hold."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from puskesos_desk.data import site_key
from puskesos_desk.data.backup import backup_sqlite
from puskesos_desk.data.db import Database
from puskesos_desk.data.encrypted_copy import export_encrypted, table_counts
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family, member

pytestmark = pytest.mark.sqlite_only

ACTOR = Actor.cli("pytest", site_code="33.22.01.2007", site_role=SiteRole.DESA)
# Known values that must never appear in clear in an encrypted file: every NIK, the KK number, the names.
SECRETS = [HEAD_NIK, WIFE_NIK, CHILD_NIK, KK_NUMBER, "Slamet Riyadi", "SLAMET RIYADI", "Siti Aminah", "SITI AMINAH",
           "Wiryo Sudarsono", "WIRYO SUDARSONO", "3322011208750001"]


def _encrypted_copy(site_template: Path, folder: Path) -> tuple[Path, bytes]:
    path = folder / "puskesos.db"
    key = site_key.new_data_key()
    export_encrypted(site_template, path, key)
    return path, key


def _register_known_families(db: Database) -> None:
    ctx = ServiceContext(db, ACTOR)
    register_household(ctx, family())
    other = member(0, family(kk_number="3322011208750009", address="Dusun Ngaglik"), name="Wiryo Sudarsono",
                   nik="3322011208750001", birth_date=date(1975, 8, 12))
    register_household(ctx, replace(other, members=other.members[:1]))


def _leaks(*files: Path) -> list[str]:
    found = []
    for file in files:
        data = file.read_bytes() if file.exists() else b""
        found += [f"{file.name}: {value}" for value in SECRETS if value.encode() in data
                  or value.encode("utf-16-le") in data]
    return found


def test_no_nik_or_name_in_the_file_or_its_wal(site_template: Path, tmp_path: Path) -> None:
    path, key = _encrypted_copy(site_template, tmp_path)
    wal = path.with_name(path.name + "-wal")
    db = Database(f"sqlite:///{path}", key=key)
    db.enable_wal()
    try:
        _register_known_families(db)
        assert wal.exists() and wal.stat().st_size > 0  # the new rows are (at least partly) still in the -wal
        assert _leaks(path, wal) == []
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()
        assert _leaks(path, wal) == []
    finally:
        db.dispose()
    assert _leaks(path, wal) == []

    # The same registrations on a plain copy do leave the values in the bytes: the check above can fail.
    plain = tmp_path / "plain.db"
    shutil.copyfile(site_template, plain)
    plain_db = Database(f"sqlite:///{plain}")
    try:
        _register_known_families(plain_db)
    finally:
        plain_db.dispose()
    assert HEAD_NIK in " ".join(_leaks(plain, plain.with_name("plain.db-wal")))


def test_standard_sqlite_cannot_read_it_and_a_wrong_key_is_refused_clearly(site_template: Path,
                                                                           tmp_path: Path) -> None:
    path, key = _encrypted_copy(site_template, tmp_path)
    assert path.read_bytes()[:16] != site_key.SQLITE_HEADER
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    wrong = Database(f"sqlite:///{path}", key=site_key.new_data_key())
    try:
        with pytest.raises(site_key.DatabaseKeyWrong) as refused, wrong.reading() as session:
            session.connection()
    finally:
        wrong.dispose()
    assert "Kunci tidak cocok" in refused.value.message and refused.value.exit_code == 3
    right = Database(f"sqlite:///{path}", key=key)
    try:
        connection = right.connect_file(path)
        assert table_counts(connection) == table_counts(sqlite3.connect(site_template))
        connection.close()
    finally:
        right.dispose()


def test_a_backup_of_an_encrypted_site_is_encrypted_with_the_same_key(site_template: Path, tmp_path: Path) -> None:
    path, key = _encrypted_copy(site_template, tmp_path)
    db = Database(f"sqlite:///{path}", key=key)
    db.enable_wal()
    try:
        _register_known_families(db)
        result = backup_sqlite(db, reason="uji", folder=tmp_path / "cadangan")
    finally:
        db.dispose()
    assert result.integrity_ok
    assert result.path.read_bytes()[:16] != site_key.SQLITE_HEADER
    assert _leaks(result.path) == []
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(result.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    copy = Database(f"sqlite:///{result.path}", key=key).connect_file(result.path)
    try:
        assert copy.execute("SELECT count(*) FROM person WHERE nik = ?", (HEAD_NIK,)).fetchone()[0] == 1
    finally:
        copy.close()


def test_key_file_wraps_the_data_key_under_the_passphrase(tmp_path: Path) -> None:
    database = tmp_path / "puskesos.db"
    data_key = site_key.new_data_key()
    site_key.write_key_file(database, site_key.wrap(data_key, "frasa-sandi-kantor"))  # real Argon2id cost
    document = json.loads(site_key.key_file_path(database).read_text(encoding="utf-8"))
    assert document["kdf"] == {"name": "argon2id", "time_cost": 3, "memory_cost_kib": 65536, "parallelism": 4}
    assert data_key.hex() not in json.dumps(document) and document["key_id"] == site_key.key_id(data_key)
    stored = site_key.read_key_file(database)
    assert site_key.unwrap(stored, "frasa-sandi-kantor") == data_key
    with pytest.raises(site_key.DatabaseKeyWrong, match="Frasa sandi basis data salah"):
        site_key.unwrap(stored, "frasa-sandi-lain")
    # Cheaper cost written into the file fails like a wrong passphrase: the parameters are authenticated.
    with pytest.raises(site_key.DatabaseKeyWrong):
        site_key.unwrap(replace(stored, kdf=site_key.KdfParams(time_cost=1)), "frasa-sandi-kantor")


def test_recovery_key_round_trip_and_typing_mistakes() -> None:
    data_key = site_key.new_data_key()
    text = site_key.recovery_key_text(data_key)
    groups = text.split("-")
    assert len(groups) == 14 and all(len(group) == 4 for group in groups)
    assert site_key.parse_recovery_key(text.lower().replace("-", "  ")) == data_key
    assert site_key.parse_recovery_key(text.replace("O", "0").replace("I", "1")) == data_key
    swapped = groups[1] + "-" + groups[0] + "-" + "-".join(groups[2:])
    if swapped != text:
        with pytest.raises(site_key.DatabaseKeyWrong, match="salah ketik"):
            site_key.parse_recovery_key(swapped)
    with pytest.raises(site_key.DatabaseKeyWrong):
        site_key.parse_recovery_key(text[:-5])


def test_a_plain_file_with_a_stale_key_file_beside_it_is_still_plain(site_template: Path, tmp_path: Path) -> None:
    """A crash in the middle of enabling leaves the plain file and a new key file: the header decides."""
    path = tmp_path / "puskesos.db"
    shutil.copyfile(site_template, path)
    site_key.write_key_file(path, site_key.wrap(site_key.new_data_key(), "frasa-sandi-kantor",
                                                kdf=site_key.KdfParams(time_cost=1, memory_cost_kib=1024,
                                                                       parallelism=1)))
    assert not site_key.is_encrypted_file(path)
    (tmp_path / "lain").mkdir()
    encrypted, _ = _encrypted_copy(site_template, tmp_path / "lain")
    assert not site_key.is_encrypted_file(encrypted)  # no key file beside it: not ours to open
    site_key.key_file_path(encrypted).write_text("{}", encoding="utf-8")
    assert site_key.is_encrypted_file(encrypted)
