"""`backup create|list|restore`: a backup to a folder, the list, a restore that needs --yes without a terminal, a
sealed backup that needs its password file, and the automatic daily backup made by the first command of the day."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SITE_CODE

from puskesos_desk.services import backups
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import scalar, table_digest
from tests.services.factories import family

pytestmark = pytest.mark.sqlite_only
PASSWORD = "cadangan-kantor-77"


@pytest.fixture
def site_file(site_db: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(backups.ENV_AUTO_BACKUP, "0")
    site_db.db.dispose()
    return site_db.path


def test_create_list_and_restore_with_yes(run_cli, site_file: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    made = run_cli("backup", "create", "--to", tmp_path / "usb", "--json", "--db", site_file)
    assert made.rc == 0, made.err
    path = Path(made.json()["path"])
    assert path.parent == tmp_path / "usb" and SITE_CODE in path.name and not made.json()["encrypted"]
    listed = run_cli("backup", "list", "--json", "--db", site_file).json()
    assert [item["path"] for item in listed["backups"]] == [str(path)]
    before = table_digest(site_file)

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    refused = run_cli("backup", "restore", path, "--db", site_file)
    assert refused.rc == 3 and "--yes" in refused.err
    done = run_cli("backup", "restore", path, "--yes", "--json", "--db", site_file)
    assert done.rc == 0, done.err
    assert Path(done.json()["replaced_database"]).is_file()
    after = table_digest(site_file)
    assert {k: v for k, v in after.items() if k not in {"audit_event", "setting"}} == {
        k: v for k, v in before.items() if k not in {"audit_event", "setting"}}
    assert scalar(site_file, "SELECT count(*) FROM audit_event WHERE changes LIKE '%restore%'") == 1


def test_a_sealed_backup_needs_its_password_file(run_cli, site_db: Any, site_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("puskesos_desk.data.backup_container.SCRYPT_LOG2_N", 14)
    backups.set_backup_password(site_db.cli, PASSWORD)
    site_db.db.dispose()
    secret = tmp_path / "sandi.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    plain = run_cli("backup", "create", "--to", tmp_path / "usb", "--db", site_file)
    assert plain.rc == 3 and "kata sandi cadangan" in plain.err
    made = run_cli("backup", "create", "--to", tmp_path / "usb", "--password-file", secret, "--json", "--db",
                   site_file)
    assert made.rc == 0 and made.json()["encrypted"], made.err
    missing = run_cli("backup", "restore", made.json()["path"], "--yes", "--db", site_file)
    assert missing.rc == 3 and "--password-file" in missing.err
    done = run_cli("backup", "restore", made.json()["path"], "--password-file", secret, "--yes", "--db", site_file)
    assert done.rc == 0, done.err


def test_the_first_command_of_the_day_makes_the_daily_backup_once(run_cli, site_db: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    register_household(site_db.cli, family())
    site_db.db.dispose()
    monkeypatch.delenv(backups.ENV_AUTO_BACKUP, raising=False)
    for _ in range(2):
        assert run_cli("backup", "list", "--db", site_db.path).rc == 0
    daily = list((site_db.path.parent / "backups").glob("*-harian.db"))
    assert len(daily) == 1 and SITE_CODE in daily[0].name
    assert scalar(daily[0], "SELECT count(*) FROM household") == 1
