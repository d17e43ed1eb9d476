"""The Data DTSEN tab of Pertukaran Data: the extract in use with its age (a warning once older than four months),
the earlier imports, and the bulk check saved as a workbook off the GUI thread; the desk shows the extract's age;
an import from the main window marks the open household for reloading."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.extract_check import BulkCheckOutcome
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.desk_search import register_batches
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.main_window import AREA_LAYANAN, AREA_PERTUKARAN, MainWindow
from puskesos_desk.ui.models.extract_batches_model import ExtractBatchesTableModel
from puskesos_desk.ui.pages.dtsen_page import DtsenPage
from puskesos_desk.ui.pages.search_page import SearchPage
from tests.services.factories import HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.ui.test_extract_import_dialog import extract_file, open_dialog
from tests.ui.test_household_page import acting_as


def load(ctx: ServiceContext, as_of: date, file_name: str = "DTSEN_332201.xlsx") -> None:
    rows = [
        {"nik": HEAD_NIK, "name": "SLAMET RIYADI", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1980, 5, 15), "sex": "L", "relation": "1"},
        {"nik": WIFE_NIK, "name": "SITI AMINAH", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1985, 7, 20), "sex": "P", "relation": "2"},
    ]
    with ctx.db.transaction(ctx.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=as_of, file_name=file_name, rows=rows)


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    return register_household(desk.cli, family()).household


def show_page(qtbot: Any, ctx: ServiceContext) -> DtsenPage:
    page = DtsenPage(ctx)
    qtbot.addWidget(page)
    page.resize(1146, 640)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    return page


def test_the_extract_in_use_with_its_age_and_history(qtbot: Any, desk: Any) -> None:
    today = acting_as(desk, "koordinator").today()
    load(desk.cli, today - timedelta(days=230), "DTSEN_lama.xlsx")
    load(desk.cli, today - timedelta(days=40), "DTSEN_baru.xlsx")
    page = show_page(qtbot, acting_as(desk, "koordinator"))
    assert page.lbl_dataset.text() == "DTSEN"
    assert page.lbl_file.text() == "DTSEN_baru.xlsx"
    assert page.lbl_age.text() == "1 bulan" and not page.lbl_age.property("warning")
    assert page.lbl_rows.text() == "2 baris warga desa ini"
    assert not page.lbl_none.isVisible()
    history = page.history_proxy
    assert [history.index(r, ExtractBatchesTableModel.COL_STATUS).data() for r in range(history.rowCount())] == [
        "Dipakai", "Diganti"]
    assert page.btn_import.isEnabled() and page.btn_check.isEnabled()
    assert page.chk_unmask.isVisible()  # the Koordinator may see full numbers


def test_a_stale_extract_is_flagged_on_the_page_and_at_the_desk(qtbot: Any, desk: Any) -> None:
    ctx = acting_as(desk, "petugas.fo")
    load(desk.cli, ctx.today() - timedelta(days=160))
    page = show_page(qtbot, ctx)
    assert page.lbl_age.property("warning") is True
    assert page.lbl_age.text().startswith("5 bulan — lebih dari 4 bulan")
    assert not page.btn_import.isEnabled() and not page.btn_check.isEnabled()  # the front office may do neither
    assert not page.chk_unmask.isVisible()

    desk_page = SearchPage(ctx)
    qtbot.addWidget(desk_page)
    with qtbot.waitSignal(desk_page.lbl_extract.refreshed, timeout=10_000):
        desk_page.show()
    assert desk_page.lbl_extract.text().startswith("Data DTSEN per ")
    assert desk_page.lbl_extract.text().endswith(" · 5 bulan · perlu diperbarui")
    assert "lebih dari 4 bulan" in desk_page.lbl_extract.toolTip()
    assert desk_page.lbl_extract.property("warning") is True


def test_without_an_extract(qtbot: Any, desk: Any) -> None:
    page = show_page(qtbot, acting_as(desk, "koordinator"))
    assert page.lbl_none.isVisible() and not page.frm_facts.isVisible()
    assert not page.btn_check.isEnabled()  # nothing to check against
    assert not page.tbl_history.isVisible()
    desk_page = SearchPage(acting_as(desk, "petugas.fo"))
    qtbot.addWidget(desk_page)
    with qtbot.waitSignal(desk_page.lbl_extract.refreshed, timeout=10_000):
        desk_page.show()
    assert desk_page.lbl_extract.text() == "Belum ada data DTSEN/DTKS: pencarian hanya di data Puskesos"


def test_check_every_household_and_save_the_workbook(qtbot: Any, desk: Any, household: HouseholdRecord,
                                                     tmp_path: Path) -> None:
    load(desk.cli, date(2026, 10, 1))
    page = show_page(qtbot, acting_as(desk, "koordinator"))
    out = tmp_path / "cek-dtsen"
    suggested: list[Path] = []

    def choose(path: Path) -> str:
        suggested.append(path)
        return str(out)

    page.choose_save_path = choose  # type: ignore[method-assign]
    with qtbot.waitSignal(page.checked, timeout=30_000) as checked:
        qtbot.mouseClick(page.btn_check, Qt.MouseButton.LeftButton)
    outcome: BulkCheckOutcome = checked.args[0]
    assert suggested[0].name.startswith("cek-dtsen-") and suggested[0].suffix == ".xlsx"
    assert outcome.path == tmp_path / "cek-dtsen.xlsx" and outcome.masked
    assert "1 anggota tidak ada di DTSEN" in page.lbl_notice.text()
    workbook = openpyxl.load_workbook(outcome.path, read_only=True)
    rows = list(workbook["Tidak di DTSEN"].iter_rows(min_row=2, values_only=True))
    workbook.close()
    assert [(row[2], row[3]) for row in rows] == [("DWI LESTARI", "3322••••••••0001")]
    assert page.btn_check.isEnabled() and not page.task.isVisible()


def test_the_check_can_be_stopped(qtbot: Any, desk: Any, household: HouseholdRecord, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    load(desk.cli, date(2026, 10, 1))
    page = show_page(qtbot, acting_as(desk, "koordinator"))
    page.choose_save_path = lambda _path: str(tmp_path / "batal.xlsx")  # type: ignore[method-assign]
    # Batal pressed before the worker's first check: the task's flag is raised as soon as the bar appears.
    monkeypatch.setattr(page.task, "start", _cancelled_start(page.task.start))
    with qtbot.waitSignal(page.task_finished, timeout=30_000):
        qtbot.mouseClick(page.btn_check, Qt.MouseButton.LeftButton)
    assert page.lbl_notice.text() == "Pemeriksaan dibatalkan; tidak ada berkas yang dibuat."
    assert not (tmp_path / "batal.xlsx").exists()


def _cancelled_start(start: Any) -> Any:
    def started(title: str) -> Any:
        sink = start(title)
        sink.cancel()
        return sink
    return started


def test_history_model_passes_the_model_tester(qtmodeltester: Any, desk: Any) -> None:
    load(desk.cli, date(2026, 4, 1))
    load(desk.cli, date(2026, 10, 1))
    model = ExtractBatchesTableModel()
    model.set_rows(register_batches(desk.cli))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_an_import_from_the_main_window_reaches_the_household_page(qtbot: Any, desk: Any, site_info: Any,
                                                                   household: HouseholdRecord,
                                                                   tmp_path: Path) -> None:
    window = MainWindow(desk.db, sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD), site_info)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.page_beranda.figures_loaded, timeout=10_000):
        window.show()
    window.open_household(household.id)
    qtbot.waitUntil(lambda: window.page_household.tab_extract.check is not None, timeout=10_000)
    assert window.page_household.tab_extract.check.extract is None
    window.show_area(AREA_PERTUKARAN)
    pertukaran = window.page_pertukaran
    pertukaran.show_dtsen()
    assert pertukaran.tab_sections.tabText(pertukaran.TAB_DTSEN) == "Data DTSEN"
    dtsen = pertukaran.tab_dtsen
    dialog = open_dialog(qtbot, dtsen, extract_file(tmp_path / "DTSEN.xlsx"))
    with qtbot.waitSignal(pertukaran.changed, timeout=30_000):
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    dialog.accept()
    window.show_area(AREA_LAYANAN)  # the household open in Layanan reads its DTSEN standing again
    qtbot.waitUntil(lambda: (check := window.page_household.tab_extract.check) is not None
                    and check.extract is not None, timeout=10_000)
    assert window.page_household.tab_extract.check.extract.as_of == date(2026, 10, 1)
