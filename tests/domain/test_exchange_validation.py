"""Row checks of an incoming exchange row: every inlined fast path still lets the failing values through to a
finding with its code."""

from __future__ import annotations

from datetime import UTC, date, datetime

from puskesos_desk.domain.exchange_cells import CellProblem
from puskesos_desk.domain.exchange_sheets import PERSONS
from puskesos_desk.domain.exchange_validation import RowChecker

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
CHOICES = {"sex": ("L", "P"), "relation": ("KEPALA_KELUARGA", "ANAK"), "disability": ("NETRA", "RUNGU"),
           "residence_status": ("ADA",), "citizenship": ("WNI",)}
ID = "0b0e3f5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"


def _row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": ID, "row_version": 2, "base_version": 1, "created_at": NOW, "household_id": ID,
        "nik": "3322011505800003", "name": "SLAMET", "sex": "L", "relation": "KEPALA_KELUARGA",
        "birth_date": date(1980, 5, 15), "residence_status": "ADA", "citizenship": "WNI", "disability": ["NETRA"],
    }
    row.update(changes)
    return row


def _codes(row: dict[str, object], problems: dict[str, CellProblem] | None = None) -> dict[str | None, str]:
    checker = RowChecker(PERSONS, CHOICES, today=TODAY, now=NOW)
    return {f.key: f.code for f in checker.check(row, problems or {})}


def test_a_sound_row_has_no_findings_and_its_nik_is_normalised() -> None:
    row = _row(nik="3322 0115 0580 0003")
    assert _codes(row) == {}
    assert row["nik"] == "3322011505800003"


def test_each_kind_of_bad_value_is_found() -> None:
    assert _codes(_row(name=None)) == {"name": "WAJIB_DIISI"}
    assert _codes(_row(sex="X")) == {"sex": "KODE_TIDAK_DIKENAL"}
    assert _codes(_row(disability=["NETRA", "TERBANG"])) == {"disability": "KODE_TIDAK_DIKENAL"}
    assert _codes(_row(household_id="bukan-uuid")) == {"household_id": "ID_TIDAK_SAH"}
    assert _codes(_row(nik="33220115")) == {"nik": "NIK_TIDAK_SAH"}
    assert _codes(_row(birth_date=date(2027, 3, 1))) == {"birth_date": "TANGGAL_MASA_DEPAN"}
    assert _codes(_row(created_at=datetime(2027, 1, 1, tzinfo=UTC))) == {"created_at": "TANGGAL_MASA_DEPAN"}
    assert _codes(_row(row_version=0, base_version=0)) == {"row_version": "VERSI_TIDAK_SAH",
                                                           "base_version": "VERSI_TIDAK_SAH"}
    assert _codes(_row(base_version=-1)) == {"base_version": "VERSI_TIDAK_SAH"}


def test_empty_optional_cells_pass_and_cell_problems_are_reported_once() -> None:
    assert _codes(_row(disability=[], nik=None, birth_date=None)) == {}
    problem = CellProblem("ANGKA_BUKAN_TEKS", "…")
    row = _row()
    del row["nik"]
    assert _codes(row, {"nik": problem}) == {"nik": "ANGKA_BUKAN_TEKS"}


def test_a_day_of_clock_slack_is_tolerated() -> None:
    assert _codes(_row(birth_date=date(2026, 11, 23))) == {}


def test_a_text_longer_than_the_receiving_column_is_a_finding_not_a_database_error() -> None:
    checker = RowChecker(PERSONS, CHOICES, today=TODAY, now=NOW, lengths={"name": 200, "birth_place": 120})
    findings = checker.check(_row(name="S" * 201), {})
    assert [(f.key, f.code) for f in findings] == [("name", "TERLALU_PANJANG")]
    assert "paling banyak 200 karakter" in findings[0].message and "201" in findings[0].message
    assert checker.check(_row(name="S" * 200, birth_place="K" * 120), {}) == []
    assert [f.code for f in checker.check(_row(name=None), {})] == ["WAJIB_DIISI"]
