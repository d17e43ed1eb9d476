"""The Keluhan area driven as a user: the worklist across Idulfitri, the complaint list, the status dialog."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QTableView

import tests.services.casework_rows as rows
from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.followup import ComplaintItem, TaskItem
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.complaints import update_complaint_status
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.complaint_status_dialog import ComplaintStatusDialog
from puskesos_desk.ui.models.complaints_model import ComplaintsTableModel
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.tasks_model import TasksTableModel
from puskesos_desk.ui.pages.keluhan_page import KeluhanPage

AFTER_LEBARAN = date(2026, 3, 25)  # the first working day after Nyepi and Idulfitri 2026


def _ctx(desk: Any, username: str, password: str) -> ServiceContext:
    signed = sign_in(desk.db, username=username, password=password)
    return rows.clocked(ServiceContext(desk.db, signed.actor), AFTER_LEBARAN)


@pytest.fixture
def casework(desk: Any) -> dict[str, Any]:
    cli = desk.cli
    slamet = rows.household(cli)
    sutrisno = rows.household(cli, "Sutrisno")
    return {
        "slamet": slamet,
        "sutrisno": sutrisno,
        # due Friday 13 March: 3 working days late on 25 March (16, 17 and 25 March), not 12 calendar days
        "late": rows.complaint(cli, slamet.id, created=date(2026, 3, 10), urgency="SEGERA",
                               description="Kartu KIS hilang waktu banjir"),
        # recorded on 17 March as an emergency: due on the first working day after the holidays
        "emergency": rows.complaint(cli, sutrisno.id, created=date(2026, 3, 17), urgency="DARURAT",
                                    category="PERLINDUNGAN",
                                    description="Lansia tinggal sendiri tanpa makanan"),
        "not_due": rows.complaint(cli, slamet.id, created=date(2026, 3, 17)),
        "soon": rows.complaint(cli, sutrisno.id, created=AFTER_LEBARAN, urgency="SEGERA"),
    }


def _page(qtbot: Any, ctx: ServiceContext) -> KeluhanPage:
    page = KeluhanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    with qtbot.waitSignal(page.tab_tasks.tasks_loaded, timeout=10_000):
        page.show()
    qtbot.waitExposed(page)
    return page


def _rows(table: QTableView) -> list[Any]:
    model = table.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def _click_row(qtbot: Any, table: QTableView, row: int, *, double: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, 2))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _show_complaints_tab(qtbot: Any, page: KeluhanPage) -> None:
    bar = page.tab_sections.tabBar()
    with qtbot.waitSignal(page.tab_complaints.complaints_loaded, timeout=10_000):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(KeluhanPage.TAB_COMPLAINTS).center())


def _db(desk: Any, complaint_id: str) -> tuple[Any, ...]:
    con = sqlite3.connect(desk.path)
    try:
        return con.execute("SELECT status, answer, closed_by FROM complaint WHERE id = ?", (complaint_id,)).fetchone()
    finally:
        con.close()


def _open_status_dialog(qtbot: Any, page: KeluhanPage, table: QTableView, row: int) -> ComplaintStatusDialog:
    _click_row(qtbot, table, row)
    button = page.tab_complaints.btn_change_status if table is page.tab_complaints.tbl_complaints \
        else page.tab_tasks.btn_change_status
    assert button.isEnabled()
    with qtbot.waitSignal(page.status_dialog_opened, timeout=10_000) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, ComplaintStatusDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_tasks_across_idulfitri_in_working_days(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    page = _page(qtbot, _ctx(desk, "koordinator", KOORDINATOR_PASSWORD))
    table = page.tab_tasks.tbl_tasks
    tasks: list[TaskItem] = _rows(table)
    assert [t.id for t in tasks] == [casework["emergency"], casework["late"]]
    model = table.model()
    assert model.index(0, TasksTableModel.COL_URGENCY).data() == "Darurat"
    assert model.index(0, TasksTableModel.COL_STATE).data() == "Jatuh tempo hari ini"
    assert model.index(0, TasksTableModel.COL_HOUSEHOLD).data() == "SUTRISNO"
    assert model.index(1, TasksTableModel.COL_STATE).data() == "Terlambat 3 hari kerja"
    assert model.index(1, TasksTableModel.COL_DUE).data() == "13/03/2026"
    assert page.tab_sections.tabText(KeluhanPage.TAB_TASKS) == "Tugas hari ini (2)"
    assert page.tab_tasks.lbl_summary.text() == "2 tugas: 1 darurat, 1 terlambat, 1 jatuh tempo hari ini"
    assert not page.tab_tasks.lbl_note.isVisible()
    with qtbot.waitSignal(page.tab_tasks.tasks_loaded, timeout=10_000):
        qtbot.mouseClick(page.tab_tasks.chk_ahead, Qt.MouseButton.LeftButton,
                         pos=page.tab_tasks.chk_ahead.rect().center())
    ahead = {t.id: t for t in _rows(table)}
    assert set(ahead) == {casework["emergency"], casework["late"], casework["soon"]}
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).id == casework["soon"])
    assert model.index(row, TasksTableModel.COL_STATE).data() == "3 hari kerja lagi"


def test_enter_and_double_click_open_the_household(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    page = _page(qtbot, _ctx(desk, "koordinator", KOORDINATOR_PASSWORD))
    table = page.tab_tasks.tbl_tasks
    _click_row(qtbot, table, 1)
    with qtbot.waitSignal(page.household_opened, timeout=2_000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [casework["slamet"].id]
    with qtbot.waitSignal(page.household_opened, timeout=2_000) as opened:
        _click_row(qtbot, table, 0, double=True)
    assert opened.args == [casework["sutrisno"].id]


def test_close_a_complaint_through_the_dialog(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    ctx = _ctx(desk, "koordinator", KOORDINATOR_PASSWORD)
    page = _page(qtbot, ctx)
    _show_complaints_tab(qtbot, page)
    table = page.tab_complaints.tbl_complaints
    assert [c.id for c in _rows(table)] == [casework[k] for k in ("soon", "not_due", "emergency", "late")]
    row = next(i for i, c in enumerate(_rows(table)) if c.id == casework["late"])
    dialog = _open_status_dialog(qtbot, page, table, row)
    assert dialog.lbl_current.text() == "Baru"
    assert [dialog.cmb_status.itemText(i) for i in range(dialog.cmb_status.count())] == [
        "Ditangani", "Dirujuk", "Selesai", "Tidak dapat ditangani"]
    qtbot.keyClicks(dialog.cmb_status, "Selesai")
    assert dialog.cmb_status.currentText() == "Selesai"
    assert dialog.lbl_answer.text().startswith("&Jawaban")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)  # no answer yet: stopped in the dialog
    assert dialog.lbl_answer_error.isVisible()
    assert _db(desk, casework["late"]) == ("BARU", "", None)
    qtbot.keyClicks(dialog.edt_answer, "Kartu KIS pengganti sudah dicetak BPJS")
    assert not dialog.lbl_answer_error.isVisible()
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.keyClick(dialog.edt_answer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dlg_status is None, timeout=5_000)
    assert _db(desk, casework["late"]) == ("SELESAI", "Kartu KIS pengganti sudah dicetak BPJS", ctx.actor.id)
    # The open-complaints list reloads without it, and the worklist forgets it too.
    qtbot.waitUntil(lambda: casework["late"] not in [c.id for c in _rows(table)], timeout=10_000)
    with qtbot.waitSignal(page.tab_tasks.tasks_loaded, timeout=10_000):
        page.show_tasks()
    assert [t.id for t in _rows(page.tab_tasks.tbl_tasks)] == [casework["emergency"]]


def test_stale_copy_shows_conflict_and_saves_nothing(qtbot: Any, desk: Any, casework: dict[str, Any],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = _ctx(desk, "koordinator", KOORDINATOR_PASSWORD)
    page = _page(qtbot, ctx)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    dialog = _open_status_dialog(qtbot, page, page.tab_tasks.tbl_tasks, 0)  # the emergency
    # Meanwhile another officer takes the complaint up on another PC.
    update_complaint_status(ctx, casework["emergency"], status=ComplaintStatus.DITANGANI, expected_version=1)
    qtbot.keyClicks(dialog.cmb_status, "Dirujuk")
    qtbot.keyClicks(dialog.edt_answer, "Dirujuk ke Dinsos")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
    assert rows.number_of(ctx, casework["emergency"]) in warnings[0]
    assert "diubah oleh petugas lain" in warnings[0]
    qtbot.waitUntil(lambda: page.dlg_status is None, timeout=5_000)
    assert _db(desk, casework["emergency"]) == ("DITANGANI", "", None)


def test_front_office_reads_but_cannot_change_status(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    page = _page(qtbot, _ctx(desk, "petugas.fo", FO_PASSWORD))
    _click_row(qtbot, page.tab_tasks.tbl_tasks, 0)
    assert page.tab_tasks.btn_open_household.isEnabled()
    assert not page.tab_tasks.btn_change_status.isEnabled()
    _show_complaints_tab(qtbot, page)
    _click_row(qtbot, page.tab_complaints.tbl_complaints, 0)
    assert not page.tab_complaints.btn_change_status.isEnabled()
    assert rows.number_of(desk.cli, casework["soon"]) in page.tab_complaints.lbl_detail.text()


def test_admin_is_told_why_the_list_is_empty(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    page = KeluhanPage(_ctx(desk, "admin", ADMIN_PASSWORD))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "tidak berwenang" in page.tab_tasks.lbl_summary.text(), timeout=10_000)
    assert page.tab_tasks.model.rowCount() == 0


def test_search_and_status_filter(qtbot: Any, desk: Any, casework: dict[str, Any]) -> None:
    page = _page(qtbot, _ctx(desk, "koordinator", KOORDINATOR_PASSWORD))
    _show_complaints_tab(qtbot, page)
    tab = page.tab_complaints
    with qtbot.waitSignal(tab.complaints_loaded, timeout=10_000):
        qtbot.keyClicks(tab.edt_search, "sutris")
    assert [c.id for c in _rows(tab.tbl_complaints)] == [casework["soon"], casework["emergency"]]
    assert tab.lbl_count.text() == "2 keluhan"
    with qtbot.waitSignal(tab.complaints_loaded, timeout=10_000):
        qtbot.keyClicks(tab.cmb_status, "Selesai")
    assert _rows(tab.tbl_complaints) == []
    assert tab.lbl_count.text() == "0 keluhan"


def test_models(qtmodeltester: Any, desk: Any, casework: dict[str, Any]) -> None:
    from puskesos_desk.services.complaints import list_complaints
    from puskesos_desk.services.followup import tasks_today

    ctx = _ctx(desk, "koordinator", KOORDINATOR_PASSWORD)
    tasks = TasksTableModel()
    tasks.set_rows(tasks_today(ctx, ahead_days=3))
    qtmodeltester.check(tasks)
    complaints = ComplaintsTableModel()
    items: list[ComplaintItem] = list_complaints(ctx)
    complaints.set_rows(items)
    qtmodeltester.check(complaints)
    assert complaints.index(0, 0, QModelIndex()).data(ROW_ROLE) == items[0]


def test_a_year_without_holiday_data_is_named(qtbot: Any, desk: Any) -> None:
    home = rows.household(desk.cli)
    rows.complaint(desk.cli, home.id, created=date(2025, 11, 3), due_date=date(2025, 11, 17))
    page = _page(qtbot, _ctx(desk, "koordinator", KOORDINATOR_PASSWORD))
    assert page.tab_tasks.lbl_note.isVisible()
    assert "tahun 2025 belum ada" in page.tab_tasks.lbl_note.text()
