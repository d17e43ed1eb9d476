"""The preview the UI shows before an import, the mapping it can correct, and the mapping remembered per layout."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FO_PASSWORD

from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_import import import_extract, preview_extract, remember_mapping, saved_mapping
from tests.extract import workbooks as wb
from tests.extract.conftest import SIXTEEN_DIGITS, extract_state, query


def test_preview_reads_the_layout_without_writing(site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "dtsen.xlsx")
    state = extract_state(site_db.path)
    preview = preview_extract(site_db.cli, path)

    assert (preview.sheet, preview.dataset, preview.as_of) == ("DTSEN", "DTSEN", date(2026, 10, 1))
    assert preview.mapping.header_row == 5
    assert preview.mapping.headers["NIK"] == "nik"
    assert preview.mapping.unknown == ("NO", "NAMA IBU KANDUNG")
    assert preview.rows_estimate == 12
    assert preview.ok
    assert len(preview.sample) == 10
    assert preview.sample[0]["NIK"] == "3322••••••••0003"
    assert preview.sample[0]["NO KK"] == "3322••••••••0007"
    assert not any(SIXTEEN_DIGITS.search(value) for row in preview.sample for value in row.values())
    assert extract_state(site_db.path) == state


def _two_nik_columns(path):
    rows = [{"NIK": wb.HEAD, "NOMOR NIK": wb.HEAD, "NAMA": "SLAMET", "DESA": "SUMOGAWE", "DESIL": 2,
             "DESIL NASIONAL": 3}]
    return wb.write_table(path, ("NIK", "NOMOR NIK", "NAMA", "DESA", "DESIL", "DESIL NASIONAL"), rows,
                          titles=["Keadaan per 1 Oktober 2026"])


def test_ambiguous_nik_column_refuses_until_the_mapping_says_which(site_db, tmp_path) -> None:
    path = _two_nik_columns(tmp_path / "dua-nik.xlsx")
    preview = preview_extract(site_db.cli, path)
    assert [problem.code for problem in preview.problems] == ["ambiguous_required"]
    assert preview.mapping.ambiguous == {"nik": ("NIK", "NOMOR NIK"), "desil_national": ("DESIL", "DESIL NASIONAL")}
    refused = import_extract(site_db.cli, path)
    assert (refused.status, refused.messages[0].code) == ("rejected", "ambiguous_required")

    outcome = import_extract(site_db.cli, path, mapping={"NOMOR NIK": "nik", "NIK": ""})
    assert outcome.status == "imported"
    assert outcome.mapping == {"NOMOR NIK": "nik", "NAMA": "name", "DESA": "village_name",
                               "DESIL": "desil_national"}
    # An optional field that two columns could be is a warning, and the first of them is used.
    assert [m.code for m in outcome.messages if m.severity == "warning"] == ["ambiguous_column"]
    assert query(site_db.path, "SELECT desil_national FROM register_record") == [(2,)]


def test_a_remembered_mapping_is_used_for_the_same_layout_next_time(site_db, tmp_path) -> None:
    # The district's KODE WILAYAH column holds BPS codes, not Kemendagri ones: by code no row is of this desa.
    headers = ("NIK", "NAMA", "KODE WILAYAH", "DESA", "KECAMATAN")
    rows = [{"NIK": wb.HEAD, "NAMA": "SLAMET", "KODE WILAYAH": "3322010007", "DESA": "SUMOGAWE",
             "KECAMATAN": "GETASAN"},
            {"NIK": wb.WIFE, "NAMA": "SITI", "KODE WILAYAH": "3322010001", "DESA": "TAJUK", "KECAMATAN": "GETASAN"}]
    first = wb.write_table(tmp_path / "bps.xlsx", headers, rows)
    refused = import_extract(site_db.cli, first, as_of=date(2026, 10, 1))
    assert refused.messages[0].code == "no_rows_of_village"
    assert "kode BPS" in refused.messages[0].message  # the name matched: the message says what to do

    preview = preview_extract(site_db.cli, first)
    assert saved_mapping(site_db.cli, preview.source_key) is None
    remember_mapping(site_db.cli, preview.source_key, {"KODE WILAYAH": ""})
    assert saved_mapping(site_db.cli, preview.source_key) == {"KODE WILAYAH": ""}

    # Next quarter: same columns in another order and case; the remembered mapping applies by itself.
    reordered = wb.write_table(tmp_path / "bps-2.xlsx", ("nama", "Kode Wilayah", "nik", "desa", "kecamatan"),
                               [{key.lower() if key != "KODE WILAYAH" else "Kode Wilayah": value
                                 for key, value in row.items()} for row in rows])
    assert preview_extract(site_db.cli, reordered).source_key == preview.source_key
    outcome = import_extract(site_db.cli, reordered, as_of=date(2026, 10, 1))
    assert outcome.status == "imported"
    assert "Kode Wilayah" not in outcome.mapping
    assert "mapping_saved" in [m.code for m in outcome.messages]
    assert (outcome.rows["imported"], outcome.rows["other_desa"]) == (1, 1)


def test_two_header_rows_and_a_row_of_column_numbers(site_db, tmp_path) -> None:
    import xlsxwriter

    path = tmp_path / "dua-baris-kepala.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Rekap")
    sheet.merge_range(0, 0, 0, 5, "DTSEN DESA SUMOGAWE keadaan per 30 September 2026")
    for column, header in enumerate(["NIK", "NAMA", "DESA"]):
        sheet.merge_range(2, column, 3, column, header)
    sheet.merge_range(2, 3, 2, 5, "BANSOS")
    for column, header in enumerate(["PKH", "BPNT", "PBI"], start=3):
        sheet.write_string(3, column, header)
    sheet.write_row(4, 0, [1, 2, 3, 4, 5, 6])
    sheet.write_row(5, 0, [wb.HEAD, "SLAMET", "SUMOGAWE", "Y", "", "Y"])
    book.close()

    outcome = import_extract(site_db.cli, path)
    assert outcome.status == "imported"
    assert outcome.as_of == date(2026, 9, 30)
    assert outcome.mapping == {"NIK": "nik", "NAMA": "name", "DESA": "village_name", "PKH": "program:PKH",
                               "BPNT": "program:SEMBAKO", "PBI": "program:PBI_JK"}
    assert outcome.rows["total"] == 1  # the row of column numbers is no data
    assert query(site_db.path, "SELECT programs FROM register_record") == [
        ('{"PKH": true, "SEMBAKO": false, "PBI_JK": true}',)]


def test_the_first_sheet_with_a_nik_column_is_read(site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "dengan-sampul.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(path)
    cover = book.create_sheet("Keterangan", 0)
    cover["A1"] = "Berkas ini berisi data DTSEN"
    cover["A2"] = "Dikirim oleh Dinas Sosial"
    book.create_sheet("Catatan")
    book.save(path)
    outcome = import_extract(site_db.cli, path)
    assert (outcome.status, outcome.sheet) == ("imported", "DTSEN")
    assert [m.message for m in outcome.messages if m.code == "other_sheets"] == [
        "Hanya lembar 'DTSEN' yang diimpor; lembar lain (Catatan) tidak dibaca."]


def test_only_officers_who_may_import_data(site_db, tmp_path) -> None:
    fo = ServiceContext(site_db.db, sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    path = wb.district_workbook(tmp_path / "dtsen.xlsx")
    with pytest.raises(PermissionDenied):
        import_extract(fo, path)
    with pytest.raises(PermissionDenied):
        preview_extract(fo, path)


def test_a_mapping_to_an_unknown_field_is_refused(site_db, tmp_path) -> None:
    with pytest.raises(InputRejected, match="tidak dikenal: nomor_induk"):
        import_extract(site_db.cli, wb.district_workbook(tmp_path / "dtsen.xlsx"), mapping={"NIK": "nomor_induk"})
