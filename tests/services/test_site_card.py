"""The remembered site card: offered only for a plain SQLite file that is there, corrected by the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from puskesos_desk.infra.db_location import server_settings_path
from puskesos_desk.infra.paths import default_database_path, user_config_dir
from puskesos_desk.services.site_card import CARD_FILE, SiteCard, quick_start, remember_site_card

CARD = SiteCard(name="Puskesos Desa Sumogawe", region_path="Jawa Tengah › Kab. Semarang", code="33.22.01.2007")


def _sqlite_file(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    return path


def test_nothing_is_offered_before_a_card_was_remembered(tmp_path: Path) -> None:
    assert quick_start(str(_sqlite_file(tmp_path / "a.db"))) is None


def test_the_card_is_offered_for_the_same_file_however_it_is_named(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    database = _sqlite_file(tmp_path / "a.db")
    remember_site_card(database, CARD)
    for target in (str(database), f"sqlite:///{database}"):
        quick = quick_start(target)
        assert quick is not None and quick.card == CARD and quick.database == database
    monkeypatch.chdir(tmp_path)
    assert quick_start("a.db") is not None
    monkeypatch.setenv("PUSKESOS_DB", str(database))
    assert quick_start(None) is not None


def test_the_default_file_is_used_when_no_target_is_given(tmp_path: Path) -> None:
    database = _sqlite_file(default_database_path())
    remember_site_card(database, CARD)
    quick = quick_start(None)
    assert quick is not None and quick.database == database


def test_a_stored_server_an_encrypted_file_or_a_missing_file_get_no_head_start(tmp_path: Path) -> None:
    database = _sqlite_file(default_database_path())
    remember_site_card(database, CARD)
    server_settings_path().write_text("{}", encoding="utf-8")
    assert quick_start(None) is None  # the stored server is what the app opens
    server_settings_path().unlink()
    assert quick_start("postgresql://u@localhost/puskesos") is None
    encrypted = tmp_path / "rahasia.db"
    encrypted.write_bytes(b"\x8f\x11" * 4096)  # SQLCipher: no "SQLite format 3" header
    remember_site_card(encrypted, CARD)
    assert quick_start(str(encrypted)) is None
    gone = _sqlite_file(tmp_path / "hilang.db")
    remember_site_card(gone, CARD)
    gone.unlink()
    assert quick_start(str(gone)) is None


def test_a_newer_card_replaces_the_old_one_and_only_the_last_eight_files_are_kept(tmp_path: Path) -> None:
    files = [_sqlite_file(tmp_path / f"{n}.db") for n in range(10)]
    for database in files:
        remember_site_card(database, CARD)
    renamed = SiteCard(name="Puskesos Desa Sumogawe Baru", region_path=CARD.region_path, code=CARD.code)
    remember_site_card(files[9], renamed)
    assert [quick_start(str(f)) is not None for f in files] == [False, False] + [True] * 8
    quick = quick_start(str(files[9]))
    assert quick is not None and quick.card == renamed


def test_a_damaged_card_file_only_costs_the_head_start(tmp_path: Path) -> None:
    database = _sqlite_file(tmp_path / "a.db")
    remember_site_card(database, CARD)
    cards = user_config_dir() / CARD_FILE
    cards.write_text("{rusak", encoding="utf-8")
    assert quick_start(str(database)) is None
    remember_site_card(database, CARD)
    assert quick_start(str(database)) is not None
