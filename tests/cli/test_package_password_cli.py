"""`export`/`import` with a package password: `--password-file FILE` (one trailing line end stripped),
`--password-env NAME`, PUSKESOS_PACKAGE_PASSWORD; and without a terminal and without a password, exit 3 at once with
a message saying how to give one. The "never waits" cases run the real CLI as a child with stdin=/dev/null and a
timeout: a prompt would hang until the timeout fails the test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, scalar

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.exchange_protection import set_password_required
from puskesos_desk.services.registration import register_household
from puskesos_desk.spreadsheet.decrypt import OLE_MAGIC
from tests.exchange.scenarios import VILLAGE_CODE, bare_pair, copied_urls, open_district, open_village

PASSWORD = "Kebun-Jati-Tujuh-7"
NEVER_WAIT_S = 90  # far above a normal run; a CLI waiting for input would sit here until killed


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    village_at, district_at = bare_pair(seeded_location, tmp_path_factory.mktemp("package-password-cli"))
    village = open_village(village_at)
    try:
        register_household(village.cli, HouseholdDraft(
            members=(MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L",
                                 birth_date=date(1965, 8, 7), nik="3322010708650004"),),
            address="Dusun Krajan", rt="001", rw="002", kk_number="3322011502120007"))
    finally:
        village.db.dispose()
    return village_at, district_at


@pytest.fixture
def sites(templates: tuple[DbLocation, DbLocation], tmp_path: Path) -> Iterator[tuple[str, str]]:
    with copied_urls(templates, tmp_path) as urls:
        yield urls


def child(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI without a terminal: stdin is /dev/null, so a prompt could only wait (and time out)."""
    child_env = {k: v for k, v in os.environ.items() if k != "PUSKESOS_PACKAGE_PASSWORD"} | (env or {})
    return subprocess.run([sys.executable, "-m", "puskesos_desk", *(str(a) for a in args)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, env=child_env, timeout=NEVER_WAIT_S, check=False)


def password_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sandi.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_export_with_a_password_file_and_import_with_the_file_or_the_variable(
        run_cli, sites: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    village, district = sites
    out = tmp_path / "paket.xlsx"
    secret = f" {PASSWORD} "  # spaces inside the file are part of the password; one line end is not

    exported = run_cli("export", "--out", out, "--db", village, "--json", "--password-file",
                       password_file(tmp_path, secret + "\n"))

    assert exported.rc == 0, exported.err
    assert exported.json()["encrypted"] is True and out.read_bytes()[:8] == OLE_MAGIC
    assert PASSWORD not in exported.out + exported.err

    wrong = run_cli("import", out, "--db", district, "--json", "--dry-run", "--password-file",
                    password_file(tmp_path, PASSWORD + "\n"))
    assert wrong.rc == 3 and [m["code"] for m in wrong.json()["messages"]] == ["BAD_PASSWORD"]
    checked = run_cli("import", out, "--db", district, "--json", "--dry-run", "--password-file",
                      password_file(tmp_path, secret + "\r\n"))
    assert checked.rc == 0 and checked.json()["status"] == "would-apply"

    monkeypatch.setenv("PUSKESOS_PACKAGE_PASSWORD", secret)
    imported = run_cli("import", out, "--db", district, "--json")

    assert imported.rc == 0, imported.out + imported.err
    assert imported.json()["status"] == "applied"


def test_an_encrypted_package_without_a_password_is_refused_at_once_without_a_terminal(
        run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    out = tmp_path / "paket.xlsx"
    made = run_cli("export", "--out", out, "--db", village, "--password-file", password_file(tmp_path, PASSWORD))
    assert made.rc == 0, made.err

    result = child("import", out, "--db", district)

    said = result.stdout + result.stderr
    assert result.returncode == 3, said
    assert "--password-file" in said and "PUSKESOS_PACKAGE_PASSWORD" in said and "dilindungi kata sandi" in said
    assert scalar(district, "SELECT count(*) FROM exchange_package") == 0

    encrypt = run_cli("export", "--out", tmp_path / "lagi.xlsx", "--db", village, "--encrypt")  # stdin: no terminal
    assert encrypt.rc == 3 and "--password-file" in encrypt.err
    assert not (tmp_path / "lagi.xlsx").exists()


def test_the_districts_requirement_in_the_cli(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    district_site = open_district(DbLocation(url=district))
    try:
        set_password_required(district_site.cli, required=True)
    finally:
        district_site.db.dispose()
    plain = tmp_path / "polos.xlsx"
    assert run_cli("export", "--out", plain, "--db", village).rc == 0

    refused = run_cli("import", plain, "--db", district, "--json")
    assert refused.rc == 3 and [m["code"] for m in refused.json()["messages"]] == ["PASSWORD_REQUIRED"]

    reply = tmp_path / "balasan.xlsx"
    result = child("export", "--out", reply, "--to", VILLAGE_CODE, "--db", district)  # no password, no terminal
    assert result.returncode == 3, result.stdout + result.stderr
    assert "mewajibkan" in result.stderr and "--password-file" in result.stderr and not reply.exists()

    sent = run_cli("export", "--out", reply, "--to", VILLAGE_CODE, "--db", district, "--json",
                   "--password-file", password_file(tmp_path, PASSWORD))
    assert sent.rc == 0 and sent.json()["encrypted"] is True

