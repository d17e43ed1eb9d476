"""Keluhan → "Tugas hari ini": what is due or overdue, emergencies first, loaded when the tab is shown; printed
on paper ("Cetak daftar tugas") for the officer who goes out on home visits."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import Urgency
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.followup import TaskItem, TaskKind, TaskState
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.followup import tasks_today
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.tasks_model import TasksTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

if TYPE_CHECKING:
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

log = logging.getLogger(__name__)

MAX_COLUMN_WIDTH = 240

AHEAD_WORKING_DAYS = 3


class TasksTab(QWidget):
    household_opened = Signal(str)
    status_change_requested = Signal(str)  # complaint id
    tasks_loaded = Signal(int)  # number of tasks on the list

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks: list[TaskItem] | None = None
        self._loading = False
        self._stale = True
        self._can_handle = ctx.actor.can(Permission.HANDLE_CASE)

        # Widgets
        self.lbl_summary = QLabel(self.tr("Memuat…"))
        self.lbl_summary.setObjectName("lbl_subtitle")
        self.lbl_summary.setWordWrap(True)  # wraps beside the buttons instead of widening the page (125 % scaling)
        self.chk_ahead = QCheckBox(self.tr("Tampilkan juga yang jatuh tempo 3 hari kerja ke depan"))
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setToolTip(self.tr("Baca ulang daftar tugas dari basis data"))
        self.btn_print = QPushButton(self.tr("Cetak daftar tugas…"))
        self.btn_print.setToolTip(self.tr("Pratinjau dan cetak daftar ini untuk kunjungan rumah"))
        self.preview: PdfPreviewDialog | None = None  # the preview open now (tests look at it)
        self.model = TasksTableModel(self)
        self.tbl_tasks, self.proxy = record_table(
            self.model, accessible_name=self.tr("Tugas hari ini"), stretch_column=TasksTableModel.COL_TOPIC,
            max_column_width=MAX_COLUMN_WIDTH, object_name="tbl_tasks")
        self.tbl_tasks.sortByColumn(TasksTableModel.COL_URGENCY, Qt.SortOrder.AscendingOrder)
        self.lbl_note = QLabel("")
        self.lbl_note.setObjectName("lbl_hint")
        self.lbl_note.setProperty("warning", True)
        self.lbl_note.setWordWrap(True)
        self.lbl_note.setVisible(False)
        self.lbl_hint = QLabel(self.tr("Enter atau klik dua kali: buka keluarga di Layanan."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.btn_open_household = QPushButton(self.tr("Buka keluarga"))
        self.btn_change_status = QPushButton(self.tr("Ubah status keluhan…"))
        if not self._can_handle:
            self.btn_change_status.setToolTip(self.tr("Hanya Koordinator dan Petugas BO yang dapat mengubah status "
                                                      "keluhan."))
        self._update_buttons()

        # Signals
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.btn_print.clicked.connect(self._on_btn_print_clicked)
        self.chk_ahead.toggled.connect(self._on_chk_ahead_toggled)
        self.tbl_tasks.activated.connect(self._on_tbl_tasks_activated)
        self.tbl_tasks.selectionModel().selectionChanged.connect(self._on_tbl_tasks_selection_changed)
        self.btn_open_household.clicked.connect(self._on_btn_open_household_clicked)
        self.btn_change_status.clicked.connect(self._on_btn_change_status_clicked)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_summary, 1)
        top.addWidget(self.chk_ahead)
        top.addWidget(self.btn_refresh)
        top.addWidget(self.btn_print)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lbl_hint, 1)
        bottom.addWidget(self.btn_open_household)
        bottom.addWidget(self.btn_change_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tbl_tasks, 1)
        layout.addWidget(self.lbl_note)
        layout.addLayout(bottom)

    def focus_list(self) -> None:
        self.tbl_tasks.setFocus()

    # Loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._loading:
            QTimer.singleShot(0, self, self.refresh)

    def mark_stale(self) -> None:
        """Something changed: reload now when visible, else the next time the tab is shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._stale = False
        self.btn_refresh.setEnabled(False)
        self.lbl_summary.setText(self.tr("Memuat…"))
        ctx = self.ctx
        ahead = AHEAD_WORKING_DAYS if self.chk_ahead.isChecked() else 0
        run_op(self, lambda: tasks_today(ctx, ahead_days=ahead), self._on_tasks_ready, self._on_tasks_failed)

    def _on_tasks_ready(self, tasks: list[TaskItem]) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        current = self.selected_task()
        self.tasks = tasks
        self.model.set_rows(tasks)
        self.lbl_summary.setText(self._summary_text(tasks))
        years = sorted({year for task in tasks for year in task.uncovered_years})
        self.lbl_note.setText(self.tr("Data hari libur tahun {years} belum ada: untuk tahun itu hanya akhir pekan "
                                      "yang tidak dihitung. Minta operator kabupaten menambahkan hari libur.")
                              .format(years=", ".join(str(y) for y in years)))
        self.lbl_note.setVisible(bool(years))
        self._select(current.id if current else None)
        self._update_buttons()
        self.tasks_loaded.emit(len(tasks))
        if self._stale:  # something changed while loading
            self.refresh()

    def _on_tasks_failed(self, error: BaseException) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        self.model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Daftar tugas tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Daftar tugas tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self._update_buttons()

    def _summary_text(self, tasks: list[TaskItem]) -> str:
        if not tasks:
            return self.tr("Tidak ada tugas yang jatuh tempo. Semua keluhan, kebutuhan, dan usulan masih dalam "
                           "batas waktu.")
        emergencies = sum(1 for t in tasks if t.urgency is Urgency.DARURAT)
        late = sum(1 for t in tasks if t.state is TaskState.TERLAMBAT)
        today = sum(1 for t in tasks if t.state is TaskState.HARI_INI)
        return self.tr("{total} tugas: {emergencies} darurat, {late} terlambat, {today} jatuh tempo hari ini").format(
            total=len(tasks), emergencies=emergencies, late=late, today=today)

    def _select(self, task_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            task = index.data(ROW_ROLE)
            if task_id is None or task.id == task_id:
                self.tbl_tasks.setCurrentIndex(index)
                return

    # Actions

    def selected_task(self) -> TaskItem | None:
        index = self.tbl_tasks.currentIndex()
        if not index.isValid() or not self.tbl_tasks.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        task = index.data(ROW_ROLE)
        return task if isinstance(task, TaskItem) else None

    def _update_buttons(self) -> None:
        task = self.selected_task()
        self.btn_open_household.setEnabled(task is not None)
        self.btn_change_status.setEnabled(task is not None and task.kind is TaskKind.KELUHAN and self._can_handle)

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_btn_print_clicked(self) -> None:
        """The list as it is now (with the days ahead when they are shown), on A4 unless the officer changes it.
        The printouts service and the preview are imported here: reportlab and PDFium are not needed at start-up."""
        from puskesos_desk.services.printouts import task_list_pdf
        from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        ctx = self.ctx
        ahead = AHEAD_WORKING_DAYS if self.chk_ahead.isChecked() else 0

        def render(paper: Paper) -> bytes:
            return task_list_pdf(ctx, paper=paper, ahead_days=ahead, channel=None)  # a preview records nothing

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return task_list_pdf(ctx, paper=paper, ahead_days=ahead, channel=channel)

        dialog = PdfPreviewDialog(self, title=self.tr("Daftar tugas hari ini"), render=render, issue=issue,
                                  papers=(Paper.A4, Paper.F4, Paper.A5), paper=Paper.A4,
                                  suggested_file_name=f"tugas-{ctx.today().isoformat()}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_preview_finished)
        self.preview = dialog
        dialog.open()

    def _on_preview_finished(self, _result: int) -> None:
        self.preview = None

    def _on_chk_ahead_toggled(self, _checked: bool) -> None:
        self.mark_stale()

    def _on_tbl_tasks_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _on_tbl_tasks_activated(self, index: QModelIndex) -> None:
        task = index.data(ROW_ROLE)
        if isinstance(task, TaskItem):
            self.household_opened.emit(task.household_id)

    def _on_btn_open_household_clicked(self) -> None:
        task = self.selected_task()
        if task is not None:
            self.household_opened.emit(task.household_id)

    def _on_btn_change_status_clicked(self) -> None:
        task = self.selected_task()
        if task is not None and task.kind is TaskKind.KELUHAN:
            self.status_change_requested.emit(task.id)
