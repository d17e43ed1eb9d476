"""Importing the district's extract through the real widgets: the file is chosen on the Data DTSEN page, previewed
(sheet, header row, dataset, as-of date read from the title, the mapping with "diabaikan" for unknown columns),
one column's field is changed with its combo, Impor runs off the GUI thread, the counts are shown, the mapping is
remembered, and the household page then shows the resident's DTSEN status with the extract's date."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import xlsxwriter
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs import extract_import_dialog
from puskesos_desk.ui.dialogs.extract_import_dialog import NO_DATE, ExtractImportDialog
from puskesos_desk.ui.models.extract_mapping_model import ExtractMappingTableModel, mapping_rows
from puskesos_desk.ui.models.members_model import MembersTableModel
from puskesos_desk.ui.pages.dtsen_page import DtsenPage
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.ui.test_household_page import acting_as, open_page, query

HEADERS = ["NO", "NIK", "NAMA", "NO KK", "TGL LAHIR", "JK", "HUB KELUARGA", "DESA/KELURAHAN", "KECAMATAN", "DESIL",
           "PKH", "BPNT", "KIS", "PEKERJAAN UTAMA"]
OTHER_DESA_NIK = "3322015508700002"


def extract_file(path: Path, *, title: bool = True) -> Path:
    """A district file: title rows with the as-of date, the header on row 4 (or row 1 without a title), Slamet's
    family in Sumogawe, one family of another desa, one NIK stored as a number (damaged)."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("DTSEN")
    text = workbook.add_format({"num_format": "@"})
    row = 0
    if title:
        sheet.write(0, 0, "DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL")
        sheet.write(1, 0, "Keadaan per tanggal: 01 Oktober 2026")
        row = 3
    sheet.write_row(row, 0, HEADERS)
    people = [
        (HEAD_NIK, "SLAMET RIYADI", KK_NUMBER, "15-05-1980", "L", "KEPALA KELUARGA", "SUMOGAWE", 2, "Y", "Y", "Y"),
        (WIFE_NIK, "SITI AMINAH", KK_NUMBER, "20-07-1985", "P", "ISTRI", "SUMOGAWE", 2, "Y", "Y", "Y"),
        (CHILD_NIK, "DWI LESTARI", KK_NUMBER, "01-02-2012", "P", "ANAK", "SUMOGAWE", 2, "Y", "Y", ""),
        (OTHER_DESA_NIK, "SUMIATI", "3322011508700001", "15-08-1970", "P", "KEPALA KELUARGA", "SAMIRONO", 4, "", "Y",
         ""),
    ]
    for number, person in enumerate(people, start=1):
        row += 1
        sheet.write_number(row, 0, number)
        values = [*person[:7], "GETASAN", *person[7:], "PETANI"]  # the kecamatan after the desa
        for column, value in enumerate(values, start=1):
            if isinstance(value, int):
                sheet.write_number(row, column, value)
            elif value:
                sheet.write_string(row, column, value, text)
    row += 1  # a NIK typed as a number in Excel: its last digit is gone
    sheet.write_number(row, 1, 3322011011900001)
    sheet.write_row(row, 2, ["BEJO", KK_NUMBER, "10-11-1990", "L", "FAMILI LAIN", "SUMOGAWE", "GETASAN"])
    workbook.close()
    return path


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    return register_household(desk.cli, family()).household


@pytest.fixture
def page(qtbot: Any, desk: Any) -> DtsenPage:
    widget = DtsenPage(acting_as(desk, "koordinator"))
    qtbot.addWidget(widget)
    widget.resize(1146, 640)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    return widget


def open_dialog(qtbot: Any, page: DtsenPage, path: Path) -> ExtractImportDialog:
    page.choose_open_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(page.btn_import, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    return dialog


def field_of(dialog: ExtractImportDialog, header: str) -> str:
    return dialog.mapping_model.mapping()[header]


def test_preview_confirm_mapping_import_and_see_it_on_the_household(qtbot: Any, desk: Any, page: DtsenPage,
                                                                    household: HouseholdRecord,
                                                                    tmp_path: Path) -> None:
    path = extract_file(tmp_path / "DTSEN Getasan Oktober 2026.xlsx")
    dialog = open_dialog(qtbot, page, path)

    assert dialog.lbl_sheet.text() == "DTSEN (judul kolom di baris 4)"
    assert dialog.cmb_dataset.currentData() == "DTSEN"
    assert dialog.as_of() == date(2026, 10, 1)
    assert dialog.lbl_as_of_note.text() == "Terbaca dari judul berkas."
    assert (field_of(dialog, "NIK"), field_of(dialog, "NAMA"), field_of(dialog, "BPNT")) == (
        "nik", "name", "program:SEMBAKO")
    assert field_of(dialog, "PEKERJAAN UTAMA") == "" and field_of(dialog, "KIS") == ""
    assert dialog.field_combo("PEKERJAAN UTAMA").currentText() == "(diabaikan)"
    samples = dict((r.header, r.samples) for r in dialog.mapping_model.rows())
    assert samples["NIK"][0] == "3322••••••••0003"  # masked in the preview
    codes = {m.code for m in dialog.messages_model.rows()}
    assert "unknown_column" in codes

    # The officer knows KIS means PBI-JK in this district's files: the combo of that column.
    combo = dialog.field_combo("KIS")
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        combo.setCurrentIndex(combo.findData("program:PBI_JK"))
    assert field_of(dialog, "KIS") == "program:PBI_JK"
    assert dialog.field_combo("KIS").currentText() == "Bansos PBI JK"

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    outcome = imported.args[0]
    assert outcome.rows["imported"] == 3
    assert dialog.lbl_counts.text() == "Diimpor 3 · desa lain 1 · NIK rusak 1 · ditolak 0 (dari 5 baris)"
    assert not dialog.btn_import.isEnabled() and dialog.btn_close.text() == "Selesai"
    stored = {nik: (desil, json.loads(programs)) for nik, desil, programs in
              query(desk.path, "SELECT nik, desil_national, programs FROM register_record")}
    assert sorted(stored) == sorted([HEAD_NIK, WIFE_NIK, CHILD_NIK])
    assert stored[HEAD_NIK] == (2, {"PKH": True, "SEMBAKO": True, "PBI_JK": True})  # KIS read as PBI-JK
    assert stored[CHILD_NIK][1]["PBI_JK"] is False
    ((remembered,),) = query(desk.path, "SELECT value FROM setting WHERE key LIKE 'extract_mapping:%'")
    assert json.loads(remembered)["KIS"] == "program:PBI_JK"

    # The page shows the new extract once the dialog is done.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.btn_close, Qt.MouseButton.LeftButton)
    assert page.lbl_as_of.text() == "1 Oktober 2026"
    assert page.lbl_dataset.text() == "DTSEN" and page.lbl_rows.text() == "3 baris warga desa ini"
    assert "oleh Sri Wahyuni" in page.lbl_imported.text()
    assert "1 Oktober 2026" in page.lbl_notice.text()

    # A resident's DTSEN status, with its date, on the household page.
    household_page = open_page(qtbot, acting_as(desk, "petugas.fo"), household.id)
    members = household_page.members_model
    texts = {members.index(r, MembersTableModel.COL_NAME).data(): members.index(r, MembersTableModel.COL_DTSEN).data()
             for r in range(members.rowCount())}
    assert texts["SLAMET RIYADI"] == "Desil 2 per 01/10/2026"
    qtbot.waitUntil(lambda: household_page.tab_extract.check is not None, timeout=10_000)
    assert "DTSEN per 1 Oktober 2026" in household_page.tab_extract.lbl_summary.text()


def test_the_next_file_of_the_same_layout_gets_the_remembered_mapping(qtbot: Any, desk: Any, page: DtsenPage,
                                                                       tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, page, extract_file(tmp_path / "oktober.xlsx"))
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.field_combo("KIS").setCurrentIndex(dialog.field_combo("KIS").findData("program:PBI_JK"))
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    dialog.accept()
    qtbot.waitUntil(lambda: page.import_dialog is None)
    again = open_dialog(qtbot, page, extract_file(tmp_path / "januari.xlsx"))
    assert field_of(again, "KIS") == "program:PBI_JK"
    assert "mapping_saved" in {m.code for m in again.messages_model.rows()}
    again.reject()


def test_an_as_of_date_is_required_when_the_file_has_none(qtbot: Any, desk: Any, page: DtsenPage,
                                                          tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, page, extract_file(tmp_path / "tanpa-judul.xlsx", title=False))
    assert dialog.as_of() is None and dialog.dte_as_of.date() == NO_DATE
    assert dialog.dte_as_of.text() == "— isi tanggal —"
    assert dialog.lbl_as_of_note.property("warning") is True
    qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    assert dialog.lbl_error.text() == "Isi tanggal keadaan data sebelum mengimpor."
    assert query(desk.path, "SELECT COUNT(*) FROM register_batch") == [(0,)]
    dialog.dte_as_of.setDate(QDate(2026, 11, 2))  # picked from the calendar
    assert dialog.lbl_as_of_note.text() == "Diisi petugas."
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    assert query(desk.path, "SELECT as_of FROM register_batch WHERE status = 'AKTIF'") == [("2026-11-02",)]
    dialog.accept()


def test_batal_stops_the_import_and_changes_nothing(qtbot: Any, desk: Any, page: DtsenPage, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The real import, held until Batal is pressed, then stopped at its first check."""
    real = extract_import_dialog.extract_service()
    started = threading.Event()

    def held_import(*args: Any, sink: Any, **kwargs: Any) -> Any:
        started.set()
        deadline = time.monotonic() + 20
        while not sink.cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real.import_extract(*args, sink=sink, **kwargs)

    service = SimpleNamespace(preview_extract=real.preview_extract, import_extract=held_import,
                              remember_mapping=real.remember_mapping)
    monkeypatch.setattr(extract_import_dialog, "extract_service", lambda: service)
    dialog = open_dialog(qtbot, page, extract_file(tmp_path / "dibatalkan.xlsx"))
    with qtbot.waitSignal(dialog.finished_run, timeout=30_000) as finished:
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert dialog.task.isVisible()
        qtbot.mouseClick(dialog.task.btn_cancel, Qt.MouseButton.LeftButton)
    assert isinstance(finished.args[0], Cancelled)
    assert dialog.lbl_error.text() == "Impor dibatalkan; data DTSEN/DTKS tidak berubah."
    assert query(desk.path, "SELECT COUNT(*) FROM register_record") == [(0,)]
    assert dialog.btn_import.isEnabled()
    dialog.reject()


def test_a_file_that_is_not_a_workbook_is_explained(qtbot: Any, desk: Any, page: DtsenPage, tmp_path: Path) -> None:
    path = tmp_path / "ekstrak.xlsx"
    path.write_text("NIK;NAMA\n3322011505800003;SLAMET\n", encoding="utf-8")
    page.choose_open_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(page.btn_import, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.lbl_error.isVisible(), timeout=20_000)
    assert "CSV" in dialog.lbl_error.text()
    assert not dialog.btn_import.isEnabled()
    dialog.reject()


def test_mapping_model_passes_the_model_tester(qtmodeltester: Any, desk: Any, tmp_path: Path) -> None:
    preview = extract_import_dialog.extract_service().preview_extract(
        acting_as(desk, "koordinator"), extract_file(tmp_path / "x.xlsx"))
    model = ExtractMappingTableModel()
    model.set_rows(mapping_rows(preview))
    assert model.rowCount() == len(HEADERS)
    qtmodeltester.check(model)
    index = model.index(HEADERS.index("NAMA"), ExtractMappingTableModel.COL_FIELD)
    assert model.setData(index, "nik")  # one column per field: the NIK column is now ignored
    assert model.mapping()["NAMA"] == "nik" and model.mapping()["NIK"] == ""
    assert not model.setData(index, "no_such_field")


def test_dialog_fits_a_1366_by_768_screen(qtbot: Any, desk: Any, page: DtsenPage, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, page, extract_file(tmp_path / "x.xlsx"))
    hint = dialog.size().expandedTo(dialog.minimumSizeHint())
    assert hint.width() <= 1366 and hint.height() <= 768 - 70
    assert QApplication.activeModalWidget() in (dialog, None)
    dialog.reject()
