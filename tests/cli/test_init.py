"""`init`: a site with its Ed25519 key pair and the first Admin; wrong codes and a second init are refused."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from conftest import SITE_CODE, SITE_NAME, SiteFixture

from puskesos_desk.services.passwords import verify_password
from tests.cli._helpers import query, scalar, table_digest

ENV_PASSWORD = "PUSKESOS_ADMIN_PASSWORD"


def _fingerprint_of_stored_key(path: Path) -> str:
    public = scalar(path, "SELECT public_key FROM site_key")
    digest = hashlib.sha256(public).hexdigest()[:32].upper()
    return "SHA256:" + "-".join(digest[i : i + 4] for i in range(0, 32, 4))


def _admin_row(path: Path, username: str) -> tuple:
    rows = query(path, "SELECT role, password_hash, must_change_password, full_name FROM user_account "
                       "WHERE username = ?", (username,))
    assert len(rows) == 1, rows
    return rows[0]


def _nothing_created(path: Path) -> bool:
    return all(scalar(path, f"SELECT COUNT(*) FROM {table}") == 0 for table in ("site", "site_key", "user_account"))


def test_init_with_password_from_environment(run_cli, seeded_db: SiteFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSWORD, "sandi-admin-desa-7")
    result = run_cli("init", "--db", seeded_db.path, "--site", SITE_CODE, "--name", SITE_NAME,
                     "--admin", "Kepala.Desa", "--admin-name", "Bapak Kades", "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True
    assert payload["site"]["code"] == SITE_CODE
    assert payload["site"]["name"] == SITE_NAME
    assert payload["site"]["role"] == "desa"
    assert "Sumogawe" in payload["site"]["region"]
    assert payload["admin"] == {"username": "kepala.desa", "password": None, "password_generated": False}
    assert Path(payload["database"]) == seeded_db.path

    # The key pair is stored and the fingerprint printed is the fingerprint of the stored public key.
    assert scalar(seeded_db.path, "SELECT COUNT(*) FROM site_key") == 1
    public, private = query(seeded_db.path, "SELECT public_key, private_key FROM site_key")[0]
    assert len(public) == 32
    assert len(private) == 32
    assert payload["site"]["fingerprint"] == _fingerprint_of_stored_key(seeded_db.path)
    assert query(seeded_db.path, "SELECT code, name, role FROM site") == [(SITE_CODE, SITE_NAME, "desa")]

    role, password_hash, must_change, full_name = _admin_row(seeded_db.path, "kepala.desa")
    assert role == "ADMIN"
    assert full_name == "Bapak Kades"
    assert verify_password(password_hash, "sandi-admin-desa-7")
    assert not must_change


def test_init_generates_the_admin_password_and_prints_it_once(run_cli, seeded_db: SiteFixture,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    result = run_cli("init", "--db", seeded_db.path, "--site", SITE_CODE, "--name", SITE_NAME, "--json")
    assert result.rc == 0, result.err
    admin = result.json()["admin"]
    assert admin["username"] == "admin"
    assert admin["password_generated"] is True
    password = admin["password"]
    assert isinstance(password, str)
    assert len(password) >= 8
    assert result.out.count(password) == 1
    role, password_hash, must_change, _ = _admin_row(seeded_db.path, "admin")
    assert role == "ADMIN"
    assert verify_password(password_hash, password)
    assert must_change  # a generated password must be replaced at first sign-in
    assert password not in password_hash


def test_init_text_output_shows_the_generated_password(run_cli, seeded_db: SiteFixture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    result = run_cli("init", "--db", seeded_db.path, "--site", SITE_CODE, "--name", SITE_NAME)
    assert result.rc == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"Situs siap: {SITE_NAME} ({SITE_CODE})")
    assert f"Sidik jari kunci: {_fingerprint_of_stored_key(seeded_db.path)}" in lines
    password_lines = [line for line in lines if line.startswith("Kata sandi Admin")]
    assert len(password_lines) == 1
    password = password_lines[0].rsplit(" ", 1)[-1]
    _, password_hash, _, _ = _admin_row(seeded_db.path, "admin")
    assert verify_password(password_hash, password)


def test_init_kabupaten_site(run_cli, seeded_db: SiteFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSWORD, "sandi-slrt-semarang")
    result = run_cli("init", "--db", seeded_db.path, "--site", "3322", "--name", "Sekretariat SLRT Kab. Semarang",
                     "--role", "kabupaten", "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["site"]["code"] == "33.22"
    assert payload["site"]["role"] == "kabupaten"
    assert query(seeded_db.path, "SELECT code, role, parent_code FROM site") == [("33.22", "kabupaten", None)]


@pytest.mark.parametrize(
    ("code", "role", "fragment"),
    [
        ("99.99.99.9999", "desa", "tidak ada dalam daftar Kemendagri"),
        ("99.99", "kabupaten", "tidak ada dalam daftar Kemendagri"),
        ("33.22", "desa", "adalah kode kabupaten/kota"),
        ("33.22.01", "desa", "adalah kode kecamatan"),
        (SITE_CODE, "kabupaten", "adalah kode desa/kelurahan"),
        ("Sumogawe", "desa", "tidak dikenali"),
    ],
)
def test_init_refuses_unknown_or_wrong_level_code(run_cli, seeded_db: SiteFixture, code: str, role: str,
                                                  fragment: str) -> None:
    result = run_cli("init", "--db", seeded_db.path, "--site", code, "--name", "Puskesos Uji", "--role", role,
                     "--json")
    assert result.rc == 3
    payload = result.json()
    assert payload["ok"] is False
    assert payload["exit_code"] == 3
    assert fragment in payload["error"]
    assert fragment in result.err
    assert _nothing_created(seeded_db.path)


@pytest.mark.parametrize(
    ("extra", "password", "fragment"),
    [
        (["--name", "   "], "sandi-admin-desa-7", "Nama situs wajib diisi"),
        (["--name", SITE_NAME, "--admin", "ad min"], "sandi-admin-desa-7", "Nama pengguna"),
        (["--name", SITE_NAME], "pendek", "minimal 8"),
    ],
)
def test_init_refuses_bad_name_username_or_password(run_cli, seeded_db: SiteFixture,
                                                    monkeypatch: pytest.MonkeyPatch, extra: list[str],
                                                    password: str, fragment: str) -> None:
    monkeypatch.setenv(ENV_PASSWORD, password)
    result = run_cli("init", "--db", seeded_db.path, "--site", SITE_CODE, *extra, "--json")
    assert result.rc == 3
    assert fragment in result.json()["error"]
    assert _nothing_created(seeded_db.path)


@pytest.mark.parametrize("second_code", [SITE_CODE, "33.22.01.2008"])
def test_second_init_is_refused_and_changes_nothing(run_cli, site_db: SiteFixture,
                                                    monkeypatch: pytest.MonkeyPatch, second_code: str) -> None:
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    before = table_digest(site_db.path)
    key_before = base64.b64encode(scalar(site_db.path, "SELECT public_key FROM site_key"))
    result = run_cli("init", "--db", site_db.path, "--site", second_code, "--name", "Puskesos Desa Baru", "--json")
    assert result.rc == 3
    payload = result.json()
    assert payload["ok"] is False
    assert "sudah disiapkan" in payload["error"]
    assert SITE_CODE in payload["error"]
    assert "password" not in result.out
    assert table_digest(site_db.path) == before
    assert base64.b64encode(scalar(site_db.path, "SELECT public_key FROM site_key")) == key_before
