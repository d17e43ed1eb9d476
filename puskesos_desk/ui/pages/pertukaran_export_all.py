"""Kirim → "Kirim ke semua desa…" at a district: one return package per trusted village into a chosen folder.

The packages are made on the write pool by services.exchange_return (one village after another), with progress
counted in villages and Batal honoured between villages; the result is a table of what was written and which
villages failed, so the secretariat can fix those and send again.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.exchange_return import AllVillagesOutcome
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.progress_task import ProgressTask, TaskSink
from puskesos_desk.ui.widgets.wrapped_label import keep_lines

log = logging.getLogger(__name__)


def run_export_all(ctx: ServiceContext, folder: Path, full: bool, sink: TaskSink,
                   password: str | None = None) -> AllVillagesOutcome:
    """services.exchange_return.export_all_villages, loaded on first use (on the worker): it loads the spreadsheet
    writer, which starting the application does not need. (The Kirim tab imports this module, hence no import back.)"""
    service = importlib.import_module("puskesos_desk.services.exchange_return")
    outcome: AllVillagesOutcome = service.export_all_villages(ctx, folder, full=full, sink=sink, password=password)
    return outcome


class ExportAllPanel(QFrame):
    """Shown on the Kirim tab of a district only. `is_full` reads the tab's "Semua data" box when the run starts;
    `password` its password fields (None: not protected; InputRejected: the password does not meet the rules)."""

    exported_all = Signal(object)  # AllVillagesOutcome
    COL_VILLAGE, COL_FILE, COL_ROWS, COL_NOTE = range(4)

    def __init__(self, ctx: ServiceContext, is_full: Callable[[], bool],
                 password: Callable[[], str | None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.ctx = ctx
        self.outcome: AllVillagesOutcome | None = None
        self._is_full = is_full
        self._password = password
        self._folder: Path | None = None
        self._allowed = False
        self._protected = False

        # Widgets
        self.lbl_heading = QLabel(self.tr("Paket balasan untuk semua desa/kelurahan"))
        self.lbl_heading.setStyleSheet("font-weight: 600;")
        self.lbl_hint = QLabel(self.tr(
            "Satu paket bertanda tangan untuk setiap desa/kelurahan tepercaya, ditulis ke satu folder dengan nama "
            "KODE-paket-NOMOR.xlsx. Desa yang paketnya gagal dibuat disebutkan; paket desa lain tetap dibuat."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        keep_lines(self.lbl_hint)  # counted whole in the tab's minimum height (125 % scaling)
        self.btn_export_all = QPushButton(self.tr("Kirim ke semua desa…"))
        self.btn_export_all.setAutoDefault(False)
        self.task = ProgressTask()
        self.lbl_summary = QLabel("")
        self.lbl_summary.setWordWrap(True)
        self.lbl_summary.setVisible(False)
        self.tbl_packages = QTableWidget(0, 4)
        self.tbl_packages.setObjectName("tbl_all_villages")
        self.tbl_packages.setAccessibleName(self.tr("Paket untuk semua desa"))
        self.tbl_packages.setHorizontalHeaderLabels(
            [self.tr("Desa/kelurahan"), self.tr("Berkas"), self.tr("Baris"), self.tr("Keterangan")])
        self.tbl_packages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_packages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_packages.verticalHeader().setVisible(False)
        self.tbl_packages.horizontalHeader().setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.tbl_packages.setVisible(False)
        self.btn_open_folder = QPushButton(self.tr("Buka folder"))
        self.btn_open_folder.setAutoDefault(False)
        self.btn_open_folder.setVisible(False)

        # Signals
        self.btn_export_all.clicked.connect(self._on_btn_export_all_clicked)
        self.btn_open_folder.clicked.connect(self._on_btn_open_folder_clicked)
        # Connected after the bar's own update, so this runs next: the bar counts villages, not rows.
        self.task.tmr_poll.timeout.connect(self._on_task_tmr_poll_timeout)

        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_export_all)
        buttons.addWidget(self.btn_open_folder)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.lbl_heading)
        layout.addWidget(self.lbl_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.task)
        layout.addWidget(self.lbl_summary)
        layout.addWidget(self.tbl_packages)
        self._update_buttons()

    def set_allowed(self, allowed: bool) -> None:
        """The tab's say: the account may export and there is at least one trusted village."""
        self._allowed = allowed
        self._update_buttons()

    def is_running(self) -> bool:
        return self.task.is_running()

    def _update_buttons(self) -> None:
        self.btn_export_all.setEnabled(self._allowed and not self.task.is_running())

    def choose_folder(self, suggested: Path) -> str | None:
        """The folder dialog (tests replace this)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Folder untuk paket semua desa"), str(suggested)) or None

    def open_folder(self, folder: Path) -> None:
        """Show the folder in the file manager (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_btn_export_all_clicked(self) -> None:
        if self.task.is_running():
            return
        try:
            password = self._password()
        except PuskesosError as exc:
            self._summarise(exc.message, warning=True)
            return
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = self.choose_folder(self._folder or Path(documents))
        if not chosen:
            return
        folder = self._folder = Path(chosen)
        self._protected = password is not None
        full = self._is_full()
        ctx = self.ctx
        self.lbl_summary.setVisible(False)
        self.tbl_packages.setVisible(False)
        self.btn_open_folder.setVisible(False)
        sink = self.task.start(self.tr("Membuat paket untuk semua desa"))
        self._update_buttons()
        log.info("export to all villages started: full=%s, encrypted=%s", full, password is not None)
        run_op(self, lambda: run_export_all(ctx, folder, full, sink, password), self._on_exported, self._on_failed,
               writes=True)

    def _on_exported(self, outcome: AllVillagesOutcome) -> None:
        self.task.finish()
        self.outcome = outcome
        self._update_buttons()
        self._show_result(outcome)
        self.exported_all.emit(outcome)

    def _on_failed(self, error: BaseException) -> None:
        self.task.finish()
        self._update_buttons()
        if isinstance(error, PuskesosError):
            self._summarise(error.message, warning=True)
            return
        self._summarise(self.tr("Paket tidak dapat dibuat karena kesalahan sistem."), warning=True)
        show_error(self, error)

    def _show_result(self, outcome: AllVillagesOutcome) -> None:
        text = self.tr("%n paket dibuat di {folder}.", "", len(outcome.packages)).format(folder=self._folder)
        if outcome.failed:
            text += " " + self.tr("%n desa gagal; lihat keterangannya di tabel.", "", len(outcome.failed))
        if outcome.cancelled:
            text += " " + self.tr("Dibatalkan: %n desa belum dibuatkan paket.", "", len(outcome.not_run))
        if self._protected and outcome.packages:
            text += " " + self.tr("Paket dilindungi kata sandi: beritahukan kata sandinya kepada setiap desa lewat "
                                  "telepon atau langsung, jangan bersama berkasnya.")
        self._summarise(text, warning=bool(outcome.failed or outcome.cancelled))
        table = self.tbl_packages
        table.setRowCount(len(outcome.packages) + len(outcome.failed))
        rows = [(f"{p.name} ({p.village})", p.outcome.path.name, format_number(sum(p.outcome.rows.values())),
                 self.tr("Paket ke-{sequence}").format(sequence=p.outcome.sequence)) for p in outcome.packages]
        rows += [(f"{f.name} ({f.village})", "", "", self.tr("Gagal: {reason}").format(reason=f.message))
                 for f in outcome.failed]
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        for column in (self.COL_VILLAGE, self.COL_FILE, self.COL_ROWS):
            table.resizeColumnToContents(column)
        table.setVisible(bool(rows))
        self.btn_open_folder.setVisible(bool(outcome.packages))

    def _summarise(self, text: str, *, warning: bool) -> None:
        self.lbl_summary.setText(text)
        self.lbl_summary.setProperty("warning", warning)
        self.lbl_summary.style().unpolish(self.lbl_summary)
        self.lbl_summary.style().polish(self.lbl_summary)
        self.lbl_summary.setVisible(True)

    def _on_task_tmr_poll_timeout(self) -> None:
        if self.task.bar.maximum() > 0:
            self.task.bar.setFormat(self.tr("%v dari %m desa"))

    def _on_btn_open_folder_clicked(self) -> None:
        if self._folder is not None:
            self.open_folder(self._folder)
