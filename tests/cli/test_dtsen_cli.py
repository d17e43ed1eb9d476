"""`dtsen import`: the JSON contract, exit codes (0 imported, 3 refused, 2 usage) and the options."""

from __future__ import annotations

import json

import pytest

from tests.cli._helpers import query, table_digest
from tests.extract import workbooks as wb
from tests.spreadsheet import hostile

ROW_KEYS = {"imported", "other_desa", "nik_damaged", "rejected", "warnings", "total"}
MESSAGE_KEYS = {"row", "column", "code", "message"}


def test_import_prints_the_json_contract(run_cli, site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "dtsen.xlsx")
    result = run_cli("dtsen", "import", path, "--db", site_db.path, "--json")

    assert result.rc == 0, result.err
    data = result.json()
    assert data["ok"] is True
    assert data["status"] == "imported"
    assert (data["dataset"], data["as_of"], data["file"], data["sheet"]) == ("DTSEN", "2026-10-01", "dtsen.xlsx",
                                                                             "DTSEN")
    assert len(data["sha256"]) == 64
    assert data["batch_id"] == query(site_db.path, "SELECT id FROM register_batch")[0][0]
    assert data["rows"] == {"imported": 5, "other_desa": 3, "nik_damaged": 2, "rejected": 2, "warnings": 2,
                            "total": 12}
    assert set(data["rows"]) >= ROW_KEYS
    assert data["mapping"]["NIK"] == "nik"
    assert data["mapping"]["BPNT"] == "program:SEMBAKO"
    assert all(set(message) >= MESSAGE_KEYS for message in data["messages"])
    damaged = [message for message in data["messages"] if message["code"] == "nik_damaged"]
    assert [(m["row"], m["column"]) for m in damaged] == [(11, "NIK"), (12, "NIK")]


def test_human_output_names_the_counts(run_cli, site_db, tmp_path) -> None:
    result = run_cli("dtsen", "import", wb.district_workbook(tmp_path / "dtsen.xlsx"), "--db", site_db.path)
    assert result.rc == 0, result.err
    assert "Ekstrak DTSEN keadaan 01-10-2026 diimpor" in result.out
    assert "diimpor 5, desa lain 3, NIK rusak 2, ditolak 2" in result.out
    assert "NIK → nik" in result.out


def test_a_refused_file_exits_3_and_changes_nothing(run_cli, site_db, tmp_path) -> None:
    assert run_cli("dtsen", "import", wb.dtks_workbook(tmp_path / "dtks.xlsx"), "--db", site_db.path).rc == 0
    before = table_digest(site_db.path)
    broken = hostile.truncated(wb.district_workbook(tmp_path / "utuh.xlsx"), tmp_path / "rusak.xlsx")
    result = run_cli("dtsen", "import", broken, "--db", site_db.path, "--json")
    assert result.rc == 3
    data = result.json()
    assert (data["ok"], data["status"], data["batch_id"]) == (False, "rejected", None)
    assert data["messages"][0]["code"] == "truncated"
    after = table_digest(site_db.path)
    assert {name for name in before if before[name] != after[name]} == {"audit_event"}  # the refusal is audited


def test_siks_dump_needs_as_of(run_cli, site_db, tmp_path) -> None:
    path = wb.siks_workbook(tmp_path / "siks.xlsx")
    refused = run_cli("dtsen", "import", path, "--db", site_db.path, "--json")
    assert (refused.rc, refused.json()["messages"][0]["code"]) == (3, "no_as_of")
    result = run_cli("dtsen", "import", path, "--db", site_db.path, "--json", "--as-of", "2026-09-30")
    assert result.rc == 0, result.err
    assert (result.json()["as_of"], result.json()["rows"]["imported"]) == ("2026-09-30", 3)


def test_mapping_file_settles_an_ambiguous_nik_column(run_cli, site_db, tmp_path) -> None:
    path = wb.write_table(tmp_path / "dua-nik.xlsx", ("NIK", "NOMOR NIK", "NAMA", "DESA"),
                          [{"NIK": wb.HEAD, "NOMOR NIK": wb.HEAD, "NAMA": "SLAMET", "DESA": "SUMOGAWE"}],
                          titles=["per tanggal 01-10-2026"])
    refused = run_cli("dtsen", "import", path, "--db", site_db.path, "--json")
    assert (refused.rc, refused.json()["messages"][0]["code"]) == (3, "ambiguous_required")
    mapping = tmp_path / "pemetaan.json"
    mapping.write_text(json.dumps({"NOMOR NIK": "nik", "NIK": ""}), encoding="utf-8")
    result = run_cli("dtsen", "import", path, "--db", site_db.path, "--json", "--mapping", mapping)
    assert result.rc == 0, result.err
    assert result.json()["mapping"] == {"NOMOR NIK": "nik", "NAMA": "name", "DESA": "village_name"}


def test_dataset_and_password_options(run_cli, site_db, tmp_path, monkeypatch) -> None:
    sealed = hostile.encrypted(wb.district_workbook(tmp_path / "plain.xlsx"), tmp_path / "terkunci.xlsx", "sandi-1")
    locked = run_cli("dtsen", "import", sealed, "--db", site_db.path, "--json")
    assert (locked.rc, locked.json()["messages"][0]["code"]) == (3, "encrypted")
    monkeypatch.setenv("SANDI_EKSTRAK", "sandi-1")
    result = run_cli("dtsen", "import", sealed, "--db", site_db.path, "--json", "--password-env", "SANDI_EKSTRAK",
                     "--dataset", "DTKS")
    assert result.rc == 0, result.err
    assert result.json()["dataset"] == "DTKS"


@pytest.mark.parametrize("arguments", [
    ["--as-of", "01-10-2026"],
    ["--as-of", "2026-13-01"],
    ["--mapping", "tidak-ada.json"],
    ["--dataset", "BDT"],
])
def test_usage_errors_exit_2(run_cli, site_db, tmp_path, arguments: list[str]) -> None:
    path = wb.district_workbook(tmp_path / "dtsen.xlsx")
    result = run_cli("dtsen", "import", path, "--db", site_db.path, *arguments)
    assert result.rc == 2
    assert query(site_db.path, "SELECT count(*) FROM register_batch") == [(0,)]


@pytest.mark.parametrize("content", ["bukan json", '["NIK", "nik"]', '{"NIK": "nomor"}', '{"NIK": 1}'])
def test_a_bad_mapping_file_is_a_usage_error(run_cli, site_db, tmp_path, content: str) -> None:
    mapping = tmp_path / "pemetaan.json"
    mapping.write_text(content, encoding="utf-8")
    result = run_cli("dtsen", "import", wb.district_workbook(tmp_path / "dtsen.xlsx"), "--db", site_db.path,
                     "--json", "--mapping", mapping)
    assert result.rc == 2
    assert result.json()["ok"] is False
    assert "--mapping" in result.json()["error"]


def test_the_real_command_line(run_subprocess, site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "dtsen.xlsx")
    done = run_subprocess("dtsen", "import", path, "--db", site_db.path, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"]["imported"] == 5
    assert run_subprocess("dtsen", "import", tmp_path / "tidak-ada.xlsx", "--db", site_db.path).returncode == 3
