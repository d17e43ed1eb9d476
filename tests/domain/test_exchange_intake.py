"""Taking a data row in, as the reader process does for an import: header matching, cells to values, row hash,
row checks and derived fields, from a row of raw cells."""

from __future__ import annotations

from datetime import UTC, date, datetime

from puskesos_desk.domain.canonical import row_hash
from puskesos_desk.domain.exchange_intake import RowIntake, column_positions, spec_named, written_fields
from puskesos_desk.domain.exchange_sheets import PERSONS, SYSTEM_COLUMNS
from puskesos_desk.domain.names import normalize_name

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
ID = "0b0e3f5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
CHOICES = {"sex": ("L", "P")}


def _intake() -> tuple[RowIntake, list[str]]:
    intake = RowIntake(PERSONS, CHOICES, number_field=None, today=TODAY, now=NOW)
    headers = [c.header for c in (*SYSTEM_COLUMNS, *PERSONS.columns)]
    headers.reverse()  # people move columns; the header decides
    headers.insert(2, "CATATAN SAYA")  # and add their own
    return intake, headers


def _row(headers: list[str], **cells: object) -> tuple[object, ...]:
    by_header = {c.header: c.key for c in (*SYSTEM_COLUMNS, *PERSONS.columns)}
    required = {"relation": "KEPALA_KELUARGA", "residence_status": "ADA", "citizenship": "WNI", "sex": "P"}
    return tuple({**required, **cells}.get(by_header.get(header, "")) for header in headers)


def test_a_row_comes_in_with_its_hash_values_checks_and_derived_fields() -> None:
    intake, headers = _intake()
    assert intake.take(tuple(headers)) is None  # the header row sets the columns
    raw = _row(headers, id=ID, row_version=2, base_version=1, created_at="2026-11-01T08:00:00+07:00",
               household_id=ID, nik="3322 0115 0580 0003", name=" Siti Aminah ", sex="X", birth_date=date(1980, 5, 15))
    taken = intake.take(raw)
    assert taken is not None
    digest, values, findings, derived = taken
    cells = {key: raw[index] for index, key in column_positions(headers, intake.by_header)}
    assert digest == row_hash(PERSONS.name, PERSONS.keys, cells)
    assert values["name"] == "Siti Aminah" and values["nik"] == "3322011505800003"  # stripped, separators gone
    assert values["created_at"] == datetime.fromisoformat("2026-11-01T08:00:00+07:00")
    assert findings == (("sex", "KODE_TIDAK_DIKENAL", findings[0][2]),)
    assert derived == {"nik_check": {"warnings": ()}}
    assert written_fields(PERSONS.table, values) == {"name_key": normalize_name("Siti Aminah")}
    assert written_fields("household", values) == {}


def test_empty_rows_are_dropped_and_cell_problems_become_findings() -> None:
    intake, headers = _intake()
    intake.take(tuple(headers))
    assert intake.take(tuple(None if i % 2 else "  " for i in range(len(headers)))) is None
    taken = intake.take(_row(headers, id=ID, row_version=1, base_version=0, created_at="kemarin", name="A",
                             household_id=ID, nik=3322011505800003))
    assert taken is not None
    codes = {key: code for key, code, _ in taken[2]}
    assert codes == {"created_at": "WAKTU_TIDAK_SAH", "nik": "ANGKA_BUKAN_TEKS"}


def test_the_first_of_repeated_headers_wins_and_headers_match_in_any_case() -> None:
    intake, _ = _intake()
    positions = column_positions(["id", " NAMA ", "ID", None, 7.0], intake.by_header)
    assert positions[0] == (0, "id") and len([key for _, key in positions if key == "id"]) == 1
    assert spec_named(PERSONS.name) is PERSONS


def test_a_cell_of_infinity_makes_the_row_unreadable_with_its_own_finding() -> None:
    intake, headers = _intake()
    intake.take(tuple(headers))
    taken = intake.take(_row(headers, id=ID, row_version=1, base_version=0, created_at="2026-11-01T08:00:00+07:00",
                             household_id=ID, nik="3322011505800003", name="A", birth_date=float("inf")))
    assert taken is not None
    digest, _, findings, _ = taken
    assert digest == ""
    assert ("birth_date", "ANGKA_TIDAK_SAH") in {(key, code) for key, code, _ in findings}
