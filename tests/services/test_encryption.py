"""Encryption at rest through the services: enabling on an existing site keeps every row, the app's services work
on the encrypted site, the passphrase can be changed, the recovery key opens the site and sets a new passphrase."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from puskesos_desk.data import site_key
from puskesos_desk.data.db import Database
from puskesos_desk.data.encrypted_copy import table_counts
from puskesos_desk.data.site_key import key_file_path
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.database_copy import copy_database
from puskesos_desk.services.encryption import (
    DatabaseKeyRequired,
    DatabaseKeyWrong,
    NewSiteKey,
    change_passphrase,
    enable_encryption,
    encryption_status,
    recover_with_key,
    recovery_sheet_pdf,
    unlock,
)
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.search import search_persons
from puskesos_desk.services.site import get_site_info
from tests.services.factories import HEAD_NIK, family

pytestmark = pytest.mark.sqlite_only  # encryption at rest is about the SQLite file

Template = tuple[Path, NewSiteKey]

PASSPHRASE = "kantor-sumogawe-2026"


def _plain_site(site_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "puskesos.db"
    shutil.copyfile(site_template, path)
    return path


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its real cost takes ~0.3 s per unwrap; the key file records whatever cost it was made with."""
    monkeypatch.setattr(site_key, "DEFAULT_KDF", site_key.KdfParams(time_cost=1, memory_cost_kib=1024,
                                                                    parallelism=1))


@pytest.fixture(scope="module")
def encrypted_template(site_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The desa site encrypted once per module; each test works on its own copy (file and key file)."""
    folder = tmp_path_factory.mktemp("encrypted")
    path = _plain_site(site_template, folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_key, "DEFAULT_KDF", site_key.KdfParams(time_cost=1, memory_cost_kib=1024, parallelism=1))
        opened = open_database(str(path))
        new_key = enable_encryption(ServiceContext(opened.db, _cli(opened.db)), PASSPHRASE)
    return path, new_key


def _encrypted_site(template: Template, tmp_path: Path) -> Template:
    source, new_key = template
    path = tmp_path / "puskesos.db"
    shutil.copyfile(source, path)
    shutil.copyfile(key_file_path(source), key_file_path(path))
    return path, new_key


@dataclass(frozen=True)
class _Keyed:
    """The encrypted copy opened with its data key directly (open_database's own path is tested once, below)."""

    db: Database


def _cli(db: Database) -> Actor:
    site = get_site_info(db)
    return Actor.cli("pytest", site_code=site.code, site_role=site.role)


def test_enabling_keeps_every_row_and_the_file_is_no_longer_plain(site_template: Path, tmp_path: Path) -> None:
    path = _plain_site(site_template, tmp_path)
    opened = open_database(str(path))
    ctx = ServiceContext(opened.db, _cli(opened.db))
    register_household(ctx, family())
    before = table_counts(sqlite3.connect(path))

    new_key = enable_encryption(ctx, PASSPHRASE)

    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert not path.with_name(path.name + "-wal").exists() or HEAD_NIK.encode() not in path.with_name(
        path.name + "-wal").read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    reopened = open_database(str(path), passphrase=PASSPHRASE)
    try:
        raw = reopened.db.connect_file(path)
        after = table_counts(raw)
        raw.close()
        status = encryption_status(ServiceContext(reopened.db, _cli(reopened.db)))
    finally:
        reopened.db.dispose()
    # The enabling itself is audited afterwards, in the encrypted file: one audit row more, nothing else changed.
    assert {k: v for k, v in after.items() if not k.startswith("audit")} == \
        {k: v for k, v in before.items() if not k.startswith("audit")}
    assert status.encrypted and status.key_id == new_key.key_id
    assert len(new_key.recovery_key.replace("-", "")) == 56


def test_services_work_on_an_encrypted_site(encrypted_template: Template, tmp_path: Path) -> None:
    path, new_key = _encrypted_site(encrypted_template, tmp_path)
    opened = _Keyed(Database(f"sqlite:///{path}", key=new_key.data_key))
    try:
        ctx = ServiceContext(opened.db, _cli(opened.db))
        register_household(ctx, family())
        hits = search_persons(ctx, HEAD_NIK)
        assert [hit.name for hit in hits] == ["SLAMET RIYADI"]
        assert [hit.name for hit in search_persons(ctx, "slamet")] == ["SLAMET RIYADI"]
        package = export_package(ctx, tmp_path / "paket.xlsx", full=True)
        assert package.path.exists() and package.path.stat().st_size > 0
        # A copy into a plain file would quietly end the protection: refused, and no file is created.
        with pytest.raises(InputRejected, match="terenkripsi"):
            copy_database(ctx, str(tmp_path / "salinan.db"))
        assert not (tmp_path / "salinan.db").exists()
    finally:
        opened.db.dispose()


def test_without_or_with_a_wrong_passphrase_the_site_does_not_open(encrypted_template: Template, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = _encrypted_site(encrypted_template, tmp_path)
    monkeypatch.delenv("PUSKESOS_DB_PASSPHRASE", raising=False)
    with pytest.raises(DatabaseKeyRequired) as required:
        open_database(str(path))
    assert "terenkripsi" in required.value.message and required.value.exit_code == 3
    with pytest.raises(DatabaseKeyWrong) as wrong:
        open_database(str(path), passphrase="bukan-frasa-yang-benar")
    assert "Frasa sandi basis data salah" in wrong.value.message
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
    opened = open_database(str(path))
    opened.db.dispose()


def test_change_passphrase_keeps_the_data_and_retires_the_old_one(encrypted_template: Template, tmp_path: Path) -> None:
    path, new_key = _encrypted_site(encrypted_template, tmp_path)
    data_key = new_key.data_key
    opened = _Keyed(Database(f"sqlite:///{path}", key=new_key.data_key))
    ctx = ServiceContext(opened.db, _cli(opened.db))
    register_household(ctx, family())
    with pytest.raises(DatabaseKeyWrong):
        change_passphrase(ctx, "bukan-frasa-lama-nya", "frasa-baru-kantor-2027")
    with pytest.raises(InputRejected):
        change_passphrase(ctx, PASSPHRASE, "pendek")
    change_passphrase(ctx, PASSPHRASE, "frasa-baru-kantor-2027")
    opened.db.dispose()

    with pytest.raises(DatabaseKeyWrong):
        unlock(str(path), PASSPHRASE)
    assert unlock(str(path), "frasa-baru-kantor-2027") == data_key
    reopened = open_database(str(path), passphrase="frasa-baru-kantor-2027")
    try:
        hits = search_persons(ServiceContext(reopened.db, _cli(reopened.db)), HEAD_NIK)
        assert [hit.name for hit in hits] == ["SLAMET RIYADI"]
    finally:
        reopened.db.dispose()


def test_the_recovery_key_opens_the_site_when_the_key_file_is_lost(encrypted_template: Template,
                                                                   tmp_path: Path) -> None:
    path, new_key = _encrypted_site(encrypted_template, tmp_path)
    opened = _Keyed(Database(f"sqlite:///{path}", key=new_key.data_key))
    try:
        register_household(ServiceContext(opened.db, _cli(opened.db)), family())
    finally:
        opened.db.dispose()
    key_file_path(path).unlink()  # lost, together with the passphrase

    with pytest.raises(DatabaseKeyWrong):
        recover_with_key(str(path), new_key.recovery_key.replace("A", "B", 1) if "A" in new_key.recovery_key
                         else new_key.recovery_key.replace("B", "C", 1), "frasa-baru-setelah-hilang")
    typed = new_key.recovery_key.lower().replace("-", " ")  # as typed from the paper
    assert recover_with_key(str(path), typed, "frasa-baru-setelah-hilang") == new_key.data_key
    reopened = open_database(str(path), passphrase="frasa-baru-setelah-hilang")
    try:
        assert [hit.name for hit in search_persons(ServiceContext(reopened.db, _cli(reopened.db)), HEAD_NIK)] == \
            ["SLAMET RIYADI"]
    finally:
        reopened.db.dispose()


def test_recovery_sheet_is_a_pdf_for_admins_only(encrypted_template: Template, tmp_path: Path) -> None:
    path, new_key = _encrypted_site(encrypted_template, tmp_path)
    opened = _Keyed(Database(f"sqlite:///{path}", key=new_key.data_key))
    try:
        pdf, ident = recovery_sheet_pdf(ServiceContext(opened.db, _cli(opened.db)))
        assert pdf.startswith(b"%PDF") and len(ident) == 9
        fo = Actor(id="u", name="petugas.fo", role=Role.PETUGAS_FO, site_code="33.22.01.2007")
        with pytest.raises(PermissionDenied):
            recovery_sheet_pdf(ServiceContext(opened.db, fo))
    finally:
        opened.db.dispose()
