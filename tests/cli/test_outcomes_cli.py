"""`outcomes template` and `outcomes import`: the JSON each prints and the exit codes (0 written / applied / would
apply, 3 rejected with every problem listed, nothing applied)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from backends import scalar

from puskesos_desk.domain import agency_workbook as aw
from puskesos_desk.services.referral_queries import list_referrals
from tests.exchange import conftest as exchange_sites
from tests.exchange.conftest import Linked
from tests.exchange.workbooks import header_index

# Desa Sumogawe with a demo year (some slips sent and waiting); the CLI works the same at its district.
village_location = exchange_sites.village_location
district_location = exchange_sites.district_location
linked = exchange_sites.linked


def _answer(template: Path, target: Path, rows: dict[int, dict[str, object]]) -> Path:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook[aw.DATA_SHEET]
    columns = header_index(sheet)
    for row, values in rows.items():
        for header, value in values.items():
            sheet.cell(row=row, column=columns[header]).value = value
    workbook.save(target)
    workbook.close()
    return target


def _status(url: str, number: str) -> str:
    return str(scalar(url, "SELECT status FROM referral WHERE letter_number = ?", number))


def test_template_then_import_records_the_answers(run_cli, linked: Linked, tmp_path: Path) -> None:
    village = linked.village
    waiting = list_referrals(village.cli, statuses=aw.WAITING_STATUSES)  # sent, with or without news
    written = run_cli("outcomes", "template", "--out", tmp_path / "lembar.xlsx", "--db", village.url, "--json")
    assert written.rc == 0, written.err
    template = written.json()
    assert template["ok"] is True and template["rows"] == len(waiting) and Path(template["path"]).is_file()

    number = str(openpyxl.load_workbook(template["path"], read_only=True)[aw.DATA_SHEET]["A2"].value)
    today = village.cli.today()
    before = _status(village.url, number)
    answered = _answer(Path(template["path"]), tmp_path / "terisi.xlsx",
                       {2: {aw.H_STATUS: "SELESAI", aw.H_OUTCOME: "TERLAYANI_SEBAGIAN", aw.H_ACTED_ON: today}})

    dry = run_cli("outcomes", "import", answered, "--dry-run", "--db", village.url, "--json")
    assert dry.rc == 0, dry.err
    assert dry.json()["status"] == "AKAN_DITERAPKAN" and dry.json()["counts"]["applied"] == 1
    assert _status(village.url, number) == before

    applied = run_cli("outcomes", "import", answered, "--db", village.url, "--json")
    assert applied.rc == 0, applied.err
    result = applied.json()
    assert result["ok"] is True and result["status"] == "DITERAPKAN" and result["numbers"] == [number]
    assert result["counts"] == {"applied": 1, "unchanged": 0, "skipped": len(waiting) - 1, "errors": 0}
    assert _status(village.url, number) == "SELESAI"


def test_unknown_numbers_are_rejected_with_exit_3_and_nothing_applied(run_cli, linked: Linked,
                                                                       tmp_path: Path) -> None:
    village = linked.village
    template = run_cli("outcomes", "template", "--out", tmp_path / "lembar.xlsx", "--db", village.url, "--json")
    path = Path(template.json()["path"])
    number = str(openpyxl.load_workbook(path, read_only=True)[aw.DATA_SHEET]["A2"].value)
    today = village.cli.today()
    before = _status(village.url, number)
    answered = _answer(path, tmp_path / "terisi.xlsx", {
        2: {aw.H_STATUS: "DITERIMA", aw.H_ACTED_ON: today},
        3: {aw.H_NUMBER: "404/RJK/TIDAK-ADA/2026", aw.H_STATUS: "DITERIMA", aw.H_ACTED_ON: today},
    })

    result = run_cli("outcomes", "import", answered, "--db", village.url, "--json")

    assert result.rc == 3
    payload = result.json()
    assert payload["ok"] is False and payload["status"] == "DITOLAK" and payload["counts"]["applied"] == 0
    (message,) = payload["messages"]
    assert message["code"] == "NOMOR_TIDAK_DIKENAL" and message["row"] == 3 and message["column"] == "NOMOR SURAT"
    assert _status(village.url, number) == before

    plain = run_cli("outcomes", "import", answered, "--db", village.url)
    assert plain.rc == 3 and "Berkas ditolak" in plain.out and "Baris 3, kolom NOMOR SURAT" in plain.out


def test_a_file_that_is_not_an_agency_workbook_is_refused(run_cli, linked: Linked, tmp_path: Path) -> None:
    other = tmp_path / "lain.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["NOMOR SURAT", "STATUS"])
    workbook.save(other)
    result = run_cli("outcomes", "import", other, "--db", linked.village.url, "--json")
    assert result.rc == 3
    assert "bukan lembar hasil" in result.json()["error"]
