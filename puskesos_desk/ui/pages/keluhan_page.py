"""The Keluhan area: "Tugas hari ini" (what is due) and "Daftar keluhan" (every complaint), and the status
change of a complaint from either list. Opening an item's household is left to the main window (Layanan)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import Conflict, FieldErrors, PuskesosError
from puskesos_desk.domain.followup import ComplaintItem
from puskesos_desk.services.complaints import get_complaint, update_complaint_status
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.complaint_status_dialog import ComplaintStatusChange, ComplaintStatusDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.keluhan_complaints_tab import ComplaintsTab
from puskesos_desk.ui.pages.keluhan_tasks_tab import TasksTab

log = logging.getLogger(__name__)


class KeluhanPage(QWidget):
    household_opened = Signal(str)  # the user wants this household in Layanan
    changed = Signal()  # a complaint's status was saved
    status_dialog_opened = Signal(object)  # ComplaintStatusDialog (tests and screenshots use it)

    TAB_TASKS = 0
    TAB_COMPLAINTS = 1

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dlg_status: ComplaintStatusDialog | None = None

        # Widgets
        self.lbl_title = QLabel(self.tr("Keluhan"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_subtitle = QLabel(self.tr("Tindak lanjut keluhan, kebutuhan, dan usulan DTSEN. Batas waktu dihitung "
                                           "dalam hari kerja; hari libur nasional dan cuti bersama tidak dihitung."))
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        self.tab_tasks = TasksTab(ctx)
        self.tab_complaints = ComplaintsTab(ctx)
        self.tab_sections = QTabWidget()
        self.tab_sections.setDocumentMode(True)
        self.tab_sections.addTab(self.tab_tasks, self.tr("Tugas hari ini"))
        self.tab_sections.addTab(self.tab_complaints, self.tr("Daftar keluhan"))

        # Signals
        for tab in (self.tab_tasks, self.tab_complaints):
            tab.household_opened.connect(self.household_opened)
            tab.status_change_requested.connect(self._on_tab_status_change_requested)
        self.tab_tasks.tasks_loaded.connect(self._on_tab_tasks_tasks_loaded)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addWidget(self.tab_sections, 1)

    def show_tasks(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_TASKS)

    def show_complaints(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_COMPLAINTS)

    def mark_stale(self) -> None:
        """Data changed elsewhere (a save in Layanan): both lists reload when they are next shown."""
        self.tab_tasks.mark_stale()
        self.tab_complaints.mark_stale()

    def _on_tab_tasks_tasks_loaded(self, count: int) -> None:
        self.tab_sections.setTabText(self.TAB_TASKS, self.tr("Tugas hari ini ({n})").format(n=count))

    # Status change: read the complaint fresh, ask, save, reload.

    def _on_tab_status_change_requested(self, complaint_id: str) -> None:
        if self.dlg_status is not None:
            self.dlg_status.raise_()
            return
        ctx = self.ctx
        run_op(self, lambda: get_complaint(ctx, complaint_id), self._on_complaint_read)

    def _on_complaint_read(self, item: ComplaintItem) -> None:
        if self.dlg_status is not None:
            return
        dialog = ComplaintStatusDialog(item, self)
        dialog.change_submitted.connect(self._on_dlg_status_change_submitted)
        dialog.finished.connect(self._on_dlg_status_finished)
        self.dlg_status = dialog
        dialog.open()
        self.status_dialog_opened.emit(dialog)

    def _on_dlg_status_change_submitted(self, change: ComplaintStatusChange) -> None:
        ctx = self.ctx
        run_op(
            self,
            lambda: update_complaint_status(ctx, change.complaint_id, status=change.status, answer=change.answer,
                                            expected_version=change.expected_version, method=change.method),
            self._on_status_saved, self._on_status_failed, writes=True,
        )

    def _on_status_saved(self, item: ComplaintItem) -> None:
        log.info("complaint %s is now %s", item.number, item.status.value)
        if self.dlg_status is not None:
            self.dlg_status.accept()
        self.mark_stale()
        self.changed.emit()

    def _on_status_failed(self, error: BaseException) -> None:
        dialog = self.dlg_status
        if isinstance(error, FieldErrors) and dialog is not None:
            dialog.show_errors(error.errors)
            return
        if isinstance(error, Conflict):
            if dialog is not None:
                dialog.reject()
            QMessageBox.warning(self, self.tr("Keluhan sudah diubah petugas lain"), error.message)
            self.mark_stale()
            return
        if isinstance(error, PuskesosError) and dialog is not None:
            dialog.show_errors({"": error.message})
            return
        if dialog is not None:
            dialog.set_busy(False)
        show_error(self, error)

    def _on_dlg_status_finished(self, _result: int) -> None:
        dialog = self.dlg_status
        self.dlg_status = None
        if dialog is not None:
            dialog.deleteLater()
        self.window().activateWindow()  # the dialog is gone: keys go to the list again
        current = self.tab_sections.currentWidget()
        if isinstance(current, TasksTab | ComplaintsTab):
            current.focus_list()
