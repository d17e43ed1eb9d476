"""`init --encrypt` and `encryption …`: secrets from the environment or the terminal, never from arguments; without
either, exit 3 at once; the other commands work on an encrypted site given the passphrase, and refuse without it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from puskesos_desk.data import site_key
from puskesos_desk.services.bootstrap import _remembered

pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "kantor-sumogawe-2026"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_key, "DEFAULT_KDF", site_key.KdfParams(time_cost=1, memory_cost_kib=1024,
                                                                    parallelism=1))
    monkeypatch.delenv("PUSKESOS_DB_PASSPHRASE", raising=False)
    _remembered.clear()


@pytest.fixture(scope="module")
def encrypted_site_file(site_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The desa site encrypted once through the CLI (`encryption enable`), for the tests that only read it."""
    from puskesos_desk.cli.main import main

    path = tmp_path_factory.mktemp("enc") / "puskesos.db"
    shutil.copyfile(site_template, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_key, "DEFAULT_KDF", site_key.KdfParams(time_cost=1, memory_cost_kib=1024, parallelism=1))
        patch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
        assert main(["encryption", "enable", "--db", str(path), "--recovery-sheet",
                     str(path.parent / "kunci.pdf"), "--json"]) == 0
    return path


def _copy(source: Path, folder: Path) -> Path:
    target = folder / "puskesos.db"
    shutil.copyfile(source, target)
    shutil.copyfile(site_key.key_file_path(source), site_key.key_file_path(target))
    return target


def test_enable_without_a_passphrase_and_without_a_terminal_stops_with_exit_3(run_cli: Callable[..., Any],
                                                                               site_template: Path,
                                                                               tmp_path: Path) -> None:
    path = tmp_path / "puskesos.db"
    shutil.copyfile(site_template, path)
    result = run_cli("encryption", "enable", "--db", path, "--recovery-sheet", tmp_path / "kunci.pdf")
    assert result.rc == 3 and "PUSKESOS_DB_PASSPHRASE" in result.err
    assert path.read_bytes()[:16] == site_key.SQLITE_HEADER and not site_key.key_file_path(path).exists()


def test_enable_writes_the_sheet_and_the_status_says_so(run_cli: Callable[..., Any], encrypted_site_file: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = encrypted_site_file.parent / "kunci.pdf"
    assert sheet.read_bytes().startswith(b"%PDF")
    assert encrypted_site_file.read_bytes()[:16] != site_key.SQLITE_HEADER
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted_site_file).execute("SELECT count(*) FROM sqlite_master").fetchone()
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
    status = run_cli("encryption", "status", "--db", encrypted_site_file, "--json")
    assert status.rc == 0, status.err
    assert status.json()["encrypted"] is True and status.json()["key_id"]


@pytest.mark.parametrize("command", [
    ["referral", "list", "--json"],
    ["audit", "verify", "--json"],
    ["retention", "show", "--json"],
    ["village", "list", "--json"],
])
def test_other_commands_work_with_the_passphrase_and_refuse_without(run_cli: Callable[..., Any],
                                                                    encrypted_site_file: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    command: list[str]) -> None:
    path = _copy(encrypted_site_file, tmp_path)
    refused = run_cli(*command, "--db", path)
    assert refused.rc == 3 and "terenkripsi" in refused.err
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", "frasa-yang-salah-sekali")
    wrong = run_cli(*command, "--db", path)
    assert wrong.rc == 3 and "Frasa sandi basis data salah" in wrong.err
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
    result = run_cli(*command, "--db", path)
    assert result.rc == 0, result.out + result.err


def test_change_passphrase_then_recover_with_the_recovery_key(run_cli: Callable[..., Any],
                                                              encrypted_site_file: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(encrypted_site_file, tmp_path)
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PUSKESOS_DB_NEW_PASSPHRASE", "frasa-baru-kantor-2027")
    changed = run_cli("encryption", "change-passphrase", "--db", path, "--json")
    assert changed.rc == 0, changed.err
    assert run_cli("encryption", "status", "--db", path).rc == 3  # the old passphrase no longer opens it

    sheet = run_cli("encryption", "recovery-sheet", "--db", path, "--out", tmp_path / "ulang.pdf")
    assert sheet.rc == 3  # still the old passphrase in the environment
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", "frasa-baru-kantor-2027")
    sheet = run_cli("encryption", "recovery-sheet", "--db", path, "--out", tmp_path / "ulang.pdf", "--json")
    assert sheet.rc == 0, sheet.err
    assert (tmp_path / "ulang.pdf").read_bytes().startswith(b"%PDF")

    # Both the passphrase and the key file are lost; the district brings the sealed recovery key.
    from puskesos_desk.services.encryption import unlock

    recovery = site_key.recovery_key_text(unlock(str(path), "frasa-baru-kantor-2027"))
    site_key.key_file_path(path).unlink()
    monkeypatch.delenv("PUSKESOS_DB_PASSPHRASE")
    monkeypatch.setenv("PUSKESOS_DB_NEW_PASSPHRASE", "frasa-setelah-pemulihan")
    no_key = run_cli("encryption", "recover", "--db", path)
    assert no_key.rc == 3 and "PUSKESOS_DB_RECOVERY_KEY" in no_key.err
    monkeypatch.setenv("PUSKESOS_DB_RECOVERY_KEY", recovery.lower())
    recovered = run_cli("encryption", "recover", "--db", path, "--json")
    assert recovered.rc == 0, recovered.err
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", "frasa-setelah-pemulihan")
    assert run_cli("audit", "verify", "--db", path, "--json").json()["ok"] is True


def test_init_encrypt_needs_a_recovery_sheet_and_a_passphrase(run_cli: Callable[..., Any], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "baru.db"
    base = ("init", "--db", path, "--site", "33.22.01.2007", "--name", "Puskesos Desa Sumogawe", "--encrypt")
    assert run_cli(*base).rc == 2
    no_secret = run_cli(*base, "--recovery-sheet", tmp_path / "kunci.pdf")
    assert no_secret.rc == 3 and "PUSKESOS_DB_PASSPHRASE" in no_secret.err and not path.exists()
    monkeypatch.setenv("PUSKESOS_DB_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PUSKESOS_ADMIN_PASSWORD", "admin-rahasia-1")
    done = run_cli(*base, "--recovery-sheet", tmp_path / "kunci.pdf", "--json")
    assert done.rc == 0, done.err
    assert done.json()["encryption"]["encrypted"] is True
    assert path.read_bytes()[:16] != site_key.SQLITE_HEADER and (tmp_path / "kunci.pdf").exists()
    card = run_cli("site-card", "--db", path, "--out", tmp_path / "kartu.json")
    assert card.rc == 0, card.err
