"""The three layouts district offices send, imported with exact counts, the mapping, and what was stored."""

from __future__ import annotations

import hashlib
from datetime import date

from puskesos_desk.data.repositories import register
from puskesos_desk.services.extract_import import import_extract
from tests.extract import workbooks as wb
from tests.extract.conftest import assert_no_unmasked_ids, query

DISTRICT_MAPPING = {
    "NIK": "nik", "NAMA": "name", "TEMPAT LAHIR": "birth_place", "TGL LAHIR": "birth_date", "JENIS KELAMIN": "sex",
    "NO KK": "kk_number", "HUB KELUARGA": "relation", "ALAMAT": "address", "RT": "rt", "RW": "rw",
    "DESA/KELURAHAN": "village_name", "KECAMATAN": "district_name", "DESIL NASIONAL": "desil_national",
    "PKH": "program:PKH", "BPNT": "program:SEMBAKO", "PBI JK": "program:PBI_JK", "ID DTKS": "register_person_id",
}


def _stored(site_db, *columns: str) -> dict[str, tuple]:
    rows = query(site_db.path, f"SELECT nik, {', '.join(columns)} FROM register_record")
    return {row[0]: row[1:] for row in rows}


def test_district_layout_with_title_rows_and_merged_cells(site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "DTSEN Kec Getasan Oktober 2026.xlsx")
    outcome = import_extract(site_db.cli, path)

    assert outcome.status == "imported"
    assert outcome.exit_code == 0
    assert outcome.rows == {"imported": 5, "other_desa": 3, "nik_damaged": 2, "rejected": 2, "warnings": 2,
                            "total": 12}
    assert outcome.mapping == DISTRICT_MAPPING
    assert (outcome.dataset, outcome.as_of, outcome.sheet) == ("DTSEN", date(2026, 10, 1), "DTSEN")
    assert outcome.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    by_code = {}
    for message in outcome.messages:
        by_code.setdefault(message.code, []).append(message.row)
    assert by_code["nik_damaged"] == [11, 12]  # the number cell and the scientific notation, header on row 5
    assert by_code["duplicate"] == [13, 14]
    assert by_code["nik_separators"] == [9]
    assert by_code["date_invalid"] == [10]
    assert sorted(m.column for m in outcome.messages if m.code == "unknown_column") == ["NAMA IBU KANDUNG", "NO"]
    assert_no_unmasked_ids(outcome)

    stored = _stored(site_db, "name", "name_key", "birth_date", "sex", "relation", "rt", "rw", "village_name",
                     "desil_national", "programs", "register_person_id", "kk_number")
    # Only the desa's importable rows: no other desa, no damaged or duplicated NIK. The text NIK ending in 0 is in.
    assert set(stored) == {wb.HEAD, wb.WIFE, wb.CHILD_ENDING_IN_0, wb.SPACED_DIGITS, wb.ODD_DATE}
    assert stored[wb.HEAD] == ("SLAMET RIJADI", "SLAMET RIJADI", "1980-05-15", "L", "KEPALA_KELUARGA", "001", "002",
                               "SUMOGAWE", 3, '{"PKH": true, "SEMBAKO": false, "PBI_JK": true}', wb.ID_DTKS,
                               wb.KK_A)
    # The desa cell merged down the family reads as the family's desa; an Excel date cell is a date.
    assert stored[wb.WIFE][:5] == ("SITI AMINAH", "SITI AMINAH", "1985-07-20", "P", "ISTRI")
    assert stored[wb.WIFE][7] == "SUMOGAWE"
    assert stored[wb.CHILD_ENDING_IN_0][2] == "2010-12-03"
    assert stored[wb.SPACED_DIGITS][2:4] == ("1967-06-20", "P")
    assert stored[wb.SPACED_DIGITS][9] == '{"PKH": false, "SEMBAKO": true, "PBI_JK": true}'
    assert stored[wb.ODD_DATE][2] is None  # an odd date is a warning on the row, never a reason to drop it
    warnings = query(site_db.path, "SELECT warnings FROM register_record WHERE nik = ?", wb.ODD_DATE)[0][0]
    assert "31-02-1960" in warnings

    assert query(site_db.path, "SELECT dataset, as_of, file_name, sha256, rows_total, rows_imported, "
                               "rows_other_village, rows_rejected, rows_nik_damaged, rows_with_warnings, status, "
                               "source_label FROM register_batch") == [
        ("DTSEN", "2026-10-01", path.name, outcome.sha256, 12, 5, 3, 2, 2, 2, "AKTIF", "Lembar DTSEN")]
    issues = query(site_db.path, "SELECT row_number, code, masked_value FROM register_issue WHERE severity = 'error' "
                                 "ORDER BY row_number")
    assert issues == [(11, "nik_damaged", "3322••••••••0002"), (12, "nik_damaged", "3.32201E+15"),
                      (13, "duplicate", "3322••••••••0021"), (14, "duplicate", "3322••••••••0021")]
    with site_db.db.reading() as session:
        entries = register.active_entries(session)
    assert {entry.nik for entry in entries} == set(stored)
    assert {entry.programs for entry in entries if entry.nik == wb.HEAD} == {("PBI_JK", "PKH")}


def test_siks_dump_with_snake_case_headers_and_desa_codes(site_db, tmp_path) -> None:
    path = wb.siks_workbook(tmp_path / "siks_dtsen.xlsx")
    outcome = import_extract(site_db.cli, path, as_of=date(2026, 9, 30))

    assert outcome.rows == {"imported": 3, "other_desa": 2, "nik_damaged": 0, "rejected": 1, "warnings": 0,
                            "total": 6}
    assert outcome.mapping == {
        "nik": "nik", "nama": "name", "no_kk": "kk_number", "tgl_lahir": "birth_date", "kode_desa": "village_code",
        "desil_nasional": "desil_national", "bansos_pkh": "program:PKH", "bansos_bpnt": "program:SEMBAKO",
        "pbi_jkn": "program:PBI_JK",
    }
    assert [m.column for m in outcome.messages if m.code == "unknown_column"] == ["pekerjaan_utama"]
    assert [(m.row, m.code) for m in outcome.messages if m.severity == "error"] == [(7, "name_missing")]
    stored = _stored(site_db, "village_code", "desil_national", "programs", "birth_date")
    assert stored == {
        wb.HEAD: ("3322012007", 3, '{"PKH": true, "SEMBAKO": false, "PBI_JK": true}', "1980-05-15"),
        wb.WIFE: ("3322012007", 3, '{"PKH": true, "SEMBAKO": false, "PBI_JK": true}', "1985-07-20"),
        wb.CHILD_ENDING_IN_0: ("3322012007", 3, '{"PKH": true, "SEMBAKO": false, "PBI_JK": false}', "2010-12-03"),
    }


def test_old_dtks_download_matches_the_desa_by_name_within_the_kecamatan(site_db, tmp_path) -> None:
    path = wb.dtks_workbook(tmp_path / "dtks.xlsx")
    outcome = import_extract(site_db.cli, path)

    assert (outcome.dataset, outcome.as_of) == ("DTKS", date(2025, 9, 30))  # no desil column: DTKS
    assert outcome.rows == {"imported": 3, "other_desa": 2, "nik_damaged": 0, "rejected": 0, "warnings": 0,
                            "total": 5}
    assert outcome.mapping["NOMOR NIK"] == "nik"
    assert outcome.mapping["ID DTKS"] == "register_person_id"  # 16 characters or not, never the NIK
    assert outcome.mapping["bansos_bpnt_ppkm"] == "program:BPNT_PPKM"
    assert sorted(m.column for m in outcome.messages if m.code == "unknown_column") == [
        "DUSUN", "KABUPATEN/KOTA", "NAMA IBU KANDUNG", "PROVINSI"]
    stored = _stored(site_db, "village_name", "sex", "relation", "birth_date", "desil_national", "rt", "rw",
                     "register_person_id", "dataset")
    # "SUMOGAWE", "Kel. Sumogawe", "desa sumogawe" are this desa; SUMOGAWE of Kec. Tengaran and Batur are not.
    assert stored == {
        wb.HEAD: ("SUMOGAWE", "L", "KEPALA_KELUARGA", "1980-05-15", None, "001", "002", "DTKS-0001", "DTKS"),
        wb.WIFE: ("Kel. Sumogawe", "P", "ISTRI", "1985-07-20", None, "001", "002", "DTKS-0002", "DTKS"),
        wb.CHILD_ENDING_IN_0: ("desa sumogawe", "L", "ANAK", "2010-12-03", None, "001", "002", "DTKS-0003", "DTKS"),
    }
    programs = query(site_db.path, "SELECT programs FROM register_record WHERE nik = ?", wb.HEAD)[0][0]
    assert programs == '{"SEMBAKO": true, "PKH": true, "BPNT_PPKM": false, "PBI_JK": true}'
