"""Data DTSEN (a tab of Pertukaran Data): the district's extract the desk answers from, offline.

It shows the extract in use (dataset, as-of date, age with a warning once older than four months — DTSEN is
updated quarterly —, file, who imported it, rows) and the earlier imports; "Impor ekstrak…" opens the import
dialog, and "Cek semua keluarga…" checks every registered household against the extract and saves the workbook
of who is not in DTSEN, whose data differs, and who has desil 1–5 without recorded aid. Slow work runs through
run_op; the check has a progress bar and Batal.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import Cancelled, PuskesosError
from puskesos_desk.domain.extract_check import BulkCheckOutcome, ExtractAge
from puskesos_desk.domain.extract_records import ExtractOutcome
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.search import RegisterBatchInfo
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.desk_search import register_batches
from puskesos_desk.services.extract_check import bulk_check, extract_status
from puskesos_desk.ui.dialogs.extract_import_dialog import ExtractImportDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long, format_number
from puskesos_desk.ui.models.exchange_history_model import moment_text
from puskesos_desk.ui.models.extract_batches_model import ExtractBatchesTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.pertukaran_export_tab import documents_folder, with_xlsx_suffix
from puskesos_desk.ui.widgets.extract_age import age_text
from puskesos_desk.ui.widgets.progress_task import ProgressTask
from puskesos_desk.ui.widgets.record_table import record_table
from puskesos_desk.ui.widgets.wrapped_label import keep_lines

log = logging.getLogger(__name__)


class DtsenPage(QWidget):
    loaded = Signal(object)  # ExtractAge | None, each time the page has read the extract in use
    imported = Signal(object)  # ExtractOutcome: a new extract replaced the old one
    checked = Signal(object)  # BulkCheckOutcome, the workbook is saved
    task_finished = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.extract: ExtractAge | None = None
        self.import_dialog: ExtractImportDialog | None = None
        self._stale = True
        can = ctx.actor.can

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "Ekstrak DTSEN/DTKS dari Dinas Sosial kabupaten/kota dipakai untuk menjawab pertanyaan pertama warga — "
            "terdaftar di DTSEN? desil berapa? — tanpa internet. Impor ekstrak terbaru setiap kali Dinas Sosial "
            "mengirimnya; ekstrak lama diganti seluruhnya."))
        self.lbl_intro.setObjectName("lbl_hint")
        self.lbl_intro.setWordWrap(True)
        keep_lines(self.lbl_intro)
        self.frm_current = QFrame()
        self.frm_current.setObjectName("card")
        self.lbl_card_title = QLabel(self.tr("Ekstrak yang dipakai"))
        self.lbl_card_title.setObjectName("lbl_card_title")
        self.lbl_none = QLabel(self.tr("Belum ada ekstrak yang diimpor. Pencarian dan pemeriksaan DTSEN baru bisa "
                                       "dipakai setelah ekstrak dari Dinas Sosial diimpor."))
        self.lbl_none.setWordWrap(True)
        self.lbl_dataset = QLabel()
        self.lbl_as_of = QLabel()
        self.lbl_as_of.setStyleSheet("font-weight: 600;")
        self.lbl_age = QLabel()
        self.lbl_age.setObjectName("lbl_hint")
        self.lbl_age.setWordWrap(True)
        self.lbl_file = QLabel()
        self.lbl_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_imported = QLabel()
        self.lbl_rows = QLabel()
        self.btn_import = QPushButton(self.tr("Impor ekstrak…"))
        self.btn_import.setDefault(True)
        self.btn_check = QPushButton(self.tr("Cek semua keluarga…"))
        self.btn_check.setAutoDefault(False)
        self.btn_check.setToolTip(self.tr("Bandingkan setiap keluarga terdaftar dengan ekstrak dan simpan hasilnya "
                                          "sebagai berkas Excel"))
        self.chk_unmask = QCheckBox(self.tr("Tulis NIK dan No. KK lengkap"))
        self.chk_unmask.setToolTip(self.tr("Tanpa centang, NIK dan No. KK disamarkan di berkas hasil pemeriksaan."))
        self.chk_unmask.setVisible(can(Permission.UNMASK_ID))
        self.task = ProgressTask()
        self.lbl_notice = QLabel("")
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.lbl_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_notice.setVisible(False)
        self.lbl_history = QLabel(self.tr("Riwayat impor"))
        self.lbl_history.setStyleSheet("font-weight: 600;")
        self.history_model = ExtractBatchesTableModel(self)
        self.tbl_history, self.history_proxy = record_table(
            self.history_model, accessible_name=self.tr("Riwayat impor ekstrak"),
            stretch_column=ExtractBatchesTableModel.COL_FILE, object_name="tbl_history")
        self.tbl_history.sortByColumn(ExtractBatchesTableModel.COL_IMPORTED, Qt.SortOrder.DescendingOrder)

        # Signals
        self.btn_import.clicked.connect(self._on_btn_import_clicked)
        self.btn_check.clicked.connect(self._on_btn_check_clicked)

        # Assemble
        self.frm_facts = QWidget()
        facts = QFormLayout(self.frm_facts)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        facts.addRow(self.tr("Data:"), self.lbl_dataset)
        facts.addRow(self.tr("Keadaan per:"), self.lbl_as_of)
        facts.addRow(self.tr("Umur data:"), self.lbl_age)
        facts.addRow(self.tr("Berkas:"), self.lbl_file)
        facts.addRow(self.tr("Diimpor:"), self.lbl_imported)
        facts.addRow(self.tr("Baris:"), self.lbl_rows)
        card = QVBoxLayout(self.frm_current)
        card.setContentsMargins(16, 12, 16, 12)
        card.setSpacing(6)
        card.addWidget(self.lbl_card_title)
        card.addWidget(self.lbl_none)
        card.addWidget(self.frm_facts)
        actions = QHBoxLayout()
        actions.addWidget(self.btn_import)
        actions.addWidget(self.btn_check)
        actions.addWidget(self.chk_unmask)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.frm_current)
        layout.addLayout(actions)
        layout.addWidget(self.task)
        layout.addWidget(self.lbl_notice)
        layout.addWidget(self.lbl_history)
        layout.addWidget(self.tbl_history, 1)
        self._show_extract(None)
        self._update_buttons()

    # --- test hooks: the file dialogs ------------------------------------------------------------------------------

    def choose_open_path(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih ekstrak DTSEN/DTKS dari Dinas Sosial"),
                                                    str(documents_folder()), self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    def choose_save_path(self, suggested: Path) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan hasil pemeriksaan DTSEN"), str(suggested),
                                                    self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    # --- loading -----------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def mark_stale(self) -> None:
        """Reload now when shown, else the next time the page is shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        ctx = self.ctx

        def op() -> tuple[ExtractAge | None, list[RegisterBatchInfo]]:
            return extract_status(ctx), register_batches(ctx)

        run_op(self, op, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: tuple[ExtractAge | None, list[RegisterBatchInfo]]) -> None:
        extract, history = result
        self._show_extract(extract)
        self.history_model.set_rows(history)
        self.lbl_history.setVisible(bool(history))
        self.tbl_history.setVisible(bool(history))
        self._update_buttons()
        self.loaded.emit(extract)

    def _on_load_failed(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            self.lbl_none.setText(error.message)
        else:
            show_error(self, error)

    def _show_extract(self, extract: ExtractAge | None) -> None:
        self.extract = extract
        self.lbl_none.setVisible(extract is None)
        self.frm_facts.setVisible(extract is not None)
        if extract is None:
            return
        self.lbl_dataset.setText(extract.dataset)
        self.lbl_as_of.setText(format_date_long(extract.as_of))
        self.lbl_age.setText(age_text(extract))
        self.lbl_age.setProperty("warning", extract.is_stale)
        self.lbl_age.style().unpolish(self.lbl_age)
        self.lbl_age.style().polish(self.lbl_age)
        self.lbl_file.setText(extract.file_name)
        self.lbl_imported.setText(self.tr("{when} oleh {who}").format(when=moment_text(extract.imported_at),
                                                                      who=extract.imported_by))
        self.lbl_rows.setText(self.tr("{n} baris warga desa ini").format(n=format_number(extract.rows)))

    def is_busy(self) -> bool:
        return self.task.is_running()

    def _update_buttons(self) -> None:
        can = self.ctx.actor.can
        busy = self.is_busy()
        self.btn_import.setEnabled(can(Permission.IMPORT_DATA) and not busy)
        self.btn_check.setEnabled(can(Permission.EXPORT_DATA) and not busy and self.extract is not None)
        self.chk_unmask.setEnabled(not busy)
        for button, permission in ((self.btn_import, Permission.IMPORT_DATA), (self.btn_check, Permission.EXPORT_DATA)):
            if not can(permission):
                button.setToolTip(self.tr("Akun Anda tidak berwenang untuk tindakan ini."))

    # --- importing ---------------------------------------------------------------------------------------------------

    def _on_btn_import_clicked(self) -> None:
        if self.is_busy() or (self.import_dialog is not None and self.import_dialog.isVisible()):
            return
        chosen = self.choose_open_path()
        if chosen:
            self.open_import(Path(chosen))

    def open_import(self, path: Path) -> ExtractImportDialog:
        dialog = ExtractImportDialog(self.ctx, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_dialog_imported)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_destroyed(self) -> None:
        self.import_dialog = None

    def _on_dialog_imported(self, outcome: ExtractOutcome) -> None:
        self._notify(self.tr("Ekstrak {dataset} per {date} dari {file} sekarang dipakai untuk pencarian dan "
                             "pemeriksaan.").format(dataset=outcome.dataset, file=outcome.file_name,
                                                    date=format_date_long(outcome.as_of) if outcome.as_of else ""))
        self.reload()
        self.imported.emit(outcome)

    # --- the bulk check ----------------------------------------------------------------------------------------------

    def _on_btn_check_clicked(self) -> None:
        if self.is_busy() or self.extract is None:
            return
        suggested = documents_folder() / f"cek-dtsen-{self.ctx.today():%Y%m%d}.xlsx"
        chosen = self.choose_save_path(suggested)
        if not chosen:
            return
        out = with_xlsx_suffix(chosen)
        ctx, unmask = self.ctx, self.chk_unmask.isVisible() and self.chk_unmask.isChecked()
        sink = self.task.start(self.tr("Memeriksa semua keluarga terhadap data {dataset}").format(
            dataset=self.extract.dataset))
        self._notify("")
        self._update_buttons()
        # The write pool: the file is recorded as a disclosure in the same run.
        run_op(self, lambda: bulk_check(ctx, out, unmask=unmask, sink=sink), self._on_checked,
               self._on_check_failed, writes=True)

    def _on_checked(self, outcome: BulkCheckOutcome) -> None:
        self.task.finish()
        self._update_buttons()
        self._notify(self.tr(
            "Hasil pemeriksaan tersimpan: {path}\n{households} keluarga diperiksa · {missing} anggota tidak ada di "
            "DTSEN · {different} data berbeda · {low} keluarga desil 1–5 tanpa bansos tercatat").format(
            path=outcome.path, households=format_number(outcome.households),
            missing=format_number(outcome.not_in_extract), different=format_number(outcome.differences),
            low=format_number(outcome.low_desil_without_aid)))
        self.checked.emit(outcome)
        self.task_finished.emit()

    def _on_check_failed(self, error: BaseException) -> None:
        self.task.finish()
        self._update_buttons()
        if isinstance(error, Cancelled):
            self._notify(self.tr("Pemeriksaan dibatalkan; tidak ada berkas yang dibuat."), warning=True)
        elif isinstance(error, PuskesosError):
            self._notify(error.message, warning=True)
        else:
            self._notify(self.tr("Pemeriksaan gagal karena kesalahan sistem."), warning=True)
            show_error(self, error)
        self.task_finished.emit()

    def _notify(self, text: str, *, warning: bool = False) -> None:
        self.lbl_notice.setText(text)
        self.lbl_notice.setProperty("warning", warning)
        self.lbl_notice.style().unpolish(self.lbl_notice)
        self.lbl_notice.style().polish(self.lbl_notice)
        self.lbl_notice.setVisible(bool(text))
