"""Entry point, --version, usage errors, exit codes and how the database is chosen (--db, PUSKESOS_DB)."""

from __future__ import annotations

import importlib.metadata
import json
import os
from pathlib import Path

import pytest
from conftest import SITE_CODE, SITE_NAME, SiteFixture

from puskesos_desk.cli.main import HANDLERS
from puskesos_desk.services.keys import card_from_json
from tests.cli._helpers import copy_db, scalar

VERSION = importlib.metadata.version("puskesos-desk")


def test_version_in_process(run_cli) -> None:
    result = run_cli("--version")
    assert result.rc == 0
    assert result.out.strip() == f"puskesos-desk {VERSION}"


def test_version_as_a_real_process(run_subprocess) -> None:
    child = run_subprocess("--version")
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == f"puskesos-desk {VERSION}"


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["frobnicate"], "frobnicate"),
        (["init", "--name", "Puskesos Desa Sumogawe", "--json"], "--site"),
        (["init", "--site", SITE_CODE, "--json"], "--name"),
        (["init", "--site", SITE_CODE, "--name", "X", "--role", "provinsi"], "provinsi"),
        (["site-card", "--json"], "--out"),
        (["demo", "--households", "banyak"], "banyak"),
        (["self-test", "--tidak-ada"], "--tidak-ada"),
    ],
)
def test_usage_errors_exit_2_with_a_bahasa_message(run_cli, args: list[str], mentions: str) -> None:
    result = run_cli(*args)
    assert result.rc == 2
    assert "kesalahan penggunaan" in result.err
    assert mentions in result.err
    if "--json" not in args:
        assert result.out == ""


def test_usage_error_as_a_real_process(run_subprocess) -> None:
    child = run_subprocess("frobnicate")
    assert child.returncode == 2
    assert "kesalahan penggunaan" in child.stderr


def test_unexpected_error_exits_1_and_names_the_log(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(_args, _user) -> int:
        raise RuntimeError("boom in the handler")

    monkeypatch.setitem(HANDLERS, "site-card", boom)
    result = run_cli("site-card", "--out", "kartu.json", "--json")
    assert result.rc == 1
    payload = result.json()
    assert payload["ok"] is False
    assert payload["exit_code"] == 1
    assert "RuntimeError" in payload["error"]
    log_path = Path(payload["detail"].rsplit(" ", 1)[-1])
    assert log_path.is_file()
    assert log_path.is_relative_to(Path(os.environ["PUSKESOS_HOME"]))
    assert str(log_path) in result.err
    assert "boom in the handler" in log_path.read_text(encoding="utf-8")


def test_unexpected_error_in_text_mode_prints_nothing_on_stdout(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(_args, _user) -> int:
        raise ValueError("rusak")

    monkeypatch.setitem(HANDLERS, "self-test", boom)
    result = run_cli("self-test")
    assert result.rc == 1
    assert result.out == ""
    assert "tidak terduga" in result.err
    log_path = Path(result.err.strip().splitlines()[-1].rsplit(" ", 1)[-1])
    assert log_path.is_file()
    assert log_path.is_relative_to(Path(os.environ["PUSKESOS_HOME"]))
    assert "ValueError: rusak" in log_path.read_text(encoding="utf-8")


def test_interrupt_exits_1(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_args, _user) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(HANDLERS, "demo", interrupted)
    result = run_cli("demo", "--json")
    assert result.rc == 1
    assert result.json() == {"ok": False, "error": "Dibatalkan.", "exit_code": 1}


def _card_code(out_file: Path) -> str:
    return card_from_json(out_file.read_text(encoding="utf-8")).code


def test_db_option_after_the_verb_selects_the_database(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    out_file = tmp_path / "kartu.json"
    result = run_cli("site-card", "--db", site_db.path, "--out", out_file, "--json")
    assert result.rc == 0, result.err
    assert _card_code(out_file) == SITE_CODE


def test_db_option_before_the_verb_selects_the_database(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    """`puskesos-desk --db PATH site-card ...`: the top-level --db is in --help, so it must not be ignored."""
    out_file = tmp_path / "kartu.json"
    result = run_cli("--db", site_db.path, "site-card", "--out", out_file, "--json")
    assert result.rc == 0, result.out + result.err
    assert result.json()["name"] == SITE_NAME
    assert _card_code(out_file) == SITE_CODE


def test_puskesos_db_environment_selects_the_database(run_cli, site_db: SiteFixture, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUSKESOS_DB", str(site_db.path))
    out_file = tmp_path / "kartu.json"
    result = run_cli("site-card", "--out", out_file, "--json")
    assert result.rc == 0, result.err
    assert _card_code(out_file) == SITE_CODE


def test_db_option_wins_over_puskesos_db(run_cli, site_db: SiteFixture, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_db = tmp_path / "catatan.txt"
    not_a_db.write_text("bukan basis data\n", encoding="utf-8")
    monkeypatch.setenv("PUSKESOS_DB", str(not_a_db))
    out_file = tmp_path / "kartu.json"
    result = run_cli("site-card", "--db", site_db.path, "--out", out_file, "--json")
    assert result.rc == 0, result.err
    assert _card_code(out_file) == SITE_CODE
    assert not_a_db.read_text(encoding="utf-8") == "bukan basis data\n"


def test_default_database_lives_under_puskesos_home(run_subprocess, seeded_template: Path) -> None:
    """No --db and no PUSKESOS_DB: the file in the user data folder (here PUSKESOS_HOME/data)."""
    default = Path(os.environ["PUSKESOS_HOME"]) / "data" / "puskesos.db"
    default.parent.mkdir(parents=True)
    copy_db(seeded_template, default)  # saves loading the reference data again
    child = run_subprocess("init", "--site", SITE_CODE, "--name", SITE_NAME, "--json",
                           env={"PUSKESOS_ADMIN_PASSWORD": "rahasia-admin-9"})
    assert child.returncode == 0, child.stderr
    payload = json.loads(child.stdout)
    assert Path(payload["database"]) == default
    assert scalar(default, "SELECT code FROM site") == SITE_CODE
