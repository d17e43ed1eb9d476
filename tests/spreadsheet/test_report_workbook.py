"""Reports as workbooks: goldens, cell types (numbers, dates, NIK and formula-like text), the cover, charts and
print setup, read back with openpyxl."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from puskesos_desk.domain.reports import CellKind, ReportColumn, ReportDocument, ReportSection, ReportTable
from puskesos_desk.printing.report import render_report
from puskesos_desk.spreadsheet.report_workbook import COVER_SHEET, WRITE_IN_ROW_POINTS, write_report_workbook
from tests.printing.pdf_tools import POINTS_PER_MM, open_pdf
from tests.printing.report_samples import BNBA, BNBA_ROWS, EMPTY, FORMULA_TEXT, FULL_NIK, MONTHS, RECAP
from tests.spreadsheet.workbook_golden import assert_matches_workbook_golden

SAMPLES = {"report_recap.xlsx": RECAP, "report_bnba.xlsx": BNBA, "report_empty.xlsx": EMPTY}


def _write(tmp_path: Path, document: object, name: str = "laporan.xlsx") -> Path:
    path = tmp_path / name
    write_report_workbook(document, path)
    return path


def _find(sheet: openpyxl.worksheet.worksheet.Worksheet, value: object) -> openpyxl.cell.cell.Cell:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell
    raise AssertionError(f"{value!r} not on sheet {sheet.title}")


@pytest.fixture(scope="module")
def recap_book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return openpyxl.load_workbook(_write(tmp_path_factory.mktemp("recap"), RECAP))


@pytest.fixture(scope="module")
def bnba_book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return openpyxl.load_workbook(_write(tmp_path_factory.mktemp("bnba"), BNBA))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_workbook_matches_its_golden(name: str, tmp_path: Path) -> None:
    assert_matches_workbook_golden(name, _write(tmp_path, SAMPLES[name], name))


def test_cover_comes_first_with_facts_contents_and_signatures(recap_book: openpyxl.Workbook) -> None:
    assert recap_book.sheetnames == [COVER_SHEET, *(section.sheet_name for section in RECAP.sections)]
    cover = recap_book[COVER_SHEET]
    assert cover["A1"].value == RECAP.title
    assert _find(cover, "Periode").offset(column=1).value == "November 2026"
    assert _find(cover, "Kode lokasi").offset(column=1).value == "33.22.01.2007"
    made = _find(cover, "Dibuat pada").offset(column=1)
    assert made.value == datetime(2026, 12, 2, 9, 15) and made.is_date
    assert _find(cover, "Pembanding").offset(column=1).value == "Oktober 2026"
    link = _find(cover, "Rujukan")
    assert link.hyperlink is not None and link.hyperlink.location in {"'Rujukan'!A1", "Rujukan!A1"}
    for text in ("Sumogawe, 2 Desember 2026", "Dra. Siti Rahayu", "NIP. 196805051990032004", "Mengetahui,"):
        _find(cover, text)


def test_numbers_are_numbers_with_their_formats(recap_book: openpyxl.Workbook) -> None:
    visits = recap_book["Kunjungan"]
    row = _find(visits, "Datang langsung").row
    count, change = visits.cell(row, 2), visits.cell(row, 4)
    assert count.value == 1234 and count.data_type == "n" and count.number_format == "#,##0"
    assert change.value == pytest.approx(0.1218) and change.number_format == "0.0%"
    median = recap_book["Rujukan"].cell(_find(recap_book["Rujukan"], "Rehabilitasi sosial").row, 4)
    assert median.value == 12.25 and median.number_format == "0.0"
    total = visits.cell(_find(visits, "Jumlah").row, 2)
    assert total.value == 1378 and total.font.b and total.border.top.style == "thin"
    shaded = recap_book["Rujukan"].cell(median.row, 1)
    assert shaded.fill.fgColor.rgb.endswith("FCE4D6")
    assert _find(visits, "Satu kunjungan dihitung sekali walaupun mencatat beberapa keluhan.").font.i


def test_formula_like_text_stays_text(recap_book: openpyxl.Workbook) -> None:
    cell = _find(recap_book["Keluhan"], FORMULA_TEXT)
    assert cell.data_type == "s" and cell.number_format == "@"


def test_nik_stays_sixteen_characters_of_text_and_dates_are_dates(bnba_book: openpyxl.Workbook) -> None:
    sheet = bnba_book["Register"]
    nik = _find(sheet, FULL_NIK)
    assert nik.data_type == "s" and nik.number_format == "@" and len(nik.value) == 16
    day = sheet.cell(nik.row, 2)
    assert day.is_date and day.value == datetime(2026, 11, 1) and day.number_format == "dd-mm-yyyy"
    masked = sheet.cell(nik.row + 1, 4)
    assert masked.value.startswith("3322••••") and masked.data_type == "s"


def test_long_list_is_filtered_frozen_and_prints_landscape(bnba_book: openpyxl.Workbook) -> None:
    sheet = bnba_book["Register"]
    header = _find(sheet, "Tanggal").row
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.auto_filter.ref == f"A{header}:H{header + BNBA_ROWS}"
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"
    assert sheet.page_setup.fitToWidth in (1, None) and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width  # Nama wider than No


def test_charts_are_native_and_their_numbers_are_on_the_sheet(recap_book: openpyxl.Workbook) -> None:
    trend = recap_book["Tren"]
    assert len(trend._charts) == 2
    first_month = _find(trend, MONTHS[0])
    assert trend.cell(first_month.row, 2).value == 980 and trend.cell(first_month.row, 2).data_type == "n"
    assert recap_book["Kunjungan"]._charts == []


def test_empty_period_cover_says_so(tmp_path: Path) -> None:
    cover = openpyxl.load_workbook(_write(tmp_path, EMPTY))[COVER_SHEET]
    notice = _find(cover, EMPTY.empty_text)
    assert any(notice.coordinate in merged for merged in cover.merged_cells.ranges)
    _find(cover, "Kepala Dinas Sosial Kabupaten Semarang")


def test_properties_and_bytes_are_fixed_by_the_report(tmp_path: Path) -> None:
    first, second = _write(tmp_path, RECAP, "a.xlsx"), _write(tmp_path, RECAP, "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    properties = openpyxl.load_workbook(first).properties
    assert properties.creator == "Puskesos Desk"
    assert properties.created == datetime(2026, 12, 2, 2, 15)  # 09.15 WIB in UTC
    assert properties.title == "REKAP BULANAN PELAYANAN PUSKESOS November 2026"


def test_cover_sheet_name_is_reserved(tmp_path: Path) -> None:
    clash = dataclasses.replace(RECAP, sections=(ReportSection("Sampul", "sampul"),))
    with pytest.raises(ValueError, match="reserved"):
        _write(tmp_path, clash)


def _attendance_form() -> ReportDocument:
    table = ReportTable(title="Daftar hadir", columns=(ReportColumn("NO", CellKind.INTEGER, 5),
                                                       ReportColumn("NAMA", CellKind.TEXT, 30),
                                                       ReportColumn("TANDA TANGAN", CellKind.TEXT, 24)),
                        rows=tuple((number, "", "") for number in range(1, 6)), write_in=True)
    return dataclasses.replace(EMPTY, sections=(ReportSection(title="Daftar hadir", sheet_name="Hadir",
                                                              tables=(table,)),))


def test_a_form_to_fill_in_by_hand_has_tall_ruled_rows(tmp_path: Path) -> None:
    document = _attendance_form()
    path = tmp_path / "hadir.xlsx"
    write_report_workbook(document, path)
    sheet = openpyxl.load_workbook(path)["Hadir"]
    numbered = [row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value in (1, 2, 3, 4, 5)]
    assert len(numbered) == 5
    assert all(sheet.row_dimensions[row].height == pytest.approx(WRITE_IN_ROW_POINTS, abs=0.5) for row in numbered)
    assert all(sheet.cell(row, 3).border.left.style == "thin" for row in numbered)  # ruled, also when printed

    page = open_pdf(render_report(document))[0]
    text = page.get_textpage()
    tops = []
    for number in ("1", "2", "3"):
        found = text.search(number, match_whole_word=True)
        box = found.get_next()
        assert box is not None
        tops.append(text.get_charbox(box[0])[3])
    gaps = [upper - lower for upper, lower in itertools.pairwise(tops)]
    assert all(gap >= 8.5 * POINTS_PER_MM for gap in gaps), gaps  # 9 mm rows, room to sign
