"""Terima: check a package (always a dry run first), show what it would do, then apply it on request.

Every run goes through services.exchange_import.import_package on the write pool (a refused file is audited, an
applied one is one transaction), with a progress bar and Batal. A password-protected file asks for its password
and is checked again; the password is kept only while this file stays chosen.

Several files (multi-select) or a folder (a USB stick) go through services.exchange_batch.import_packages instead:
one check over all of them, one row per file, the combined messages, then Terapkan semua. Each package is still
applied on its own; Batal stops between packages and those already applied stay applied.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import Cancelled, PuskesosError
from puskesos_desk.domain.exchange_batch import BatchImportOutcome
from puskesos_desk.domain.exchange_package import ROW_CLASS_LABELS, ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ImportMessage, ImportOutcome, ParkedRow
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.exchange_queries import waiting_rows
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_short, format_number, format_time
from puskesos_desk.ui.models.batch_import_model import BatchPackagesModel
from puskesos_desk.ui.models.import_messages_model import MessagesTableModel
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.pertukaran_export_tab import documents_folder, exchange_service, with_xlsx_suffix
from puskesos_desk.ui.widgets.progress_task import ProgressTask, TaskSink
from puskesos_desk.ui.widgets.record_table import record_table

log = logging.getLogger(__name__)

PASSWORD_CODES = frozenset({"ENCRYPTED", "BAD_PASSWORD"})
REJECTED_COLOUR = "#b42318"
APPLIED_COLOUR = "#1d6b35"


def run_import(ctx: ServiceContext, path: Path, **options: Any) -> ImportOutcome:
    """services.exchange_import.import_package, loaded on first use (on the worker)."""
    outcome: ImportOutcome = exchange_service("import").import_package(ctx, path, **options)
    return outcome


def run_batch(ctx: ServiceContext, paths: list[Path], **options: Any) -> BatchImportOutcome:
    """services.exchange_batch.import_packages, loaded on first use (on the worker)."""
    outcome: BatchImportOutcome = exchange_service("batch").import_packages(ctx, paths, **options)
    return outcome


def class_counts_text(rows: dict[RowClass, int]) -> str:
    """'631 baru · 25 sama' (classes with rows only, in the order of RowClass)."""
    return " · ".join(f"{format_number(rows[c])} {ROW_CLASS_LABELS[c]}" for c in RowClass if rows.get(c))


class ImportTab(QWidget):
    imported = Signal(object)  # ImportOutcome: rows were applied (or parked) in this database
    outcome_shown = Signal(object)  # ImportOutcome of a dry run or an import (tests wait on it)
    task_finished = Signal()  # a run ended, whatever its result

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.outcome: ImportOutcome | None = None
        self.paths: list[Path] = []  # several files or a folder: the batch mode
        self.batch: BatchImportOutcome | None = None
        self._password: str | None = None
        self._parked_edits = 0
        self._may_import = ctx.actor.can(Permission.IMPORT_DATA)

        # Widgets
        self.btn_choose = QPushButton(self.tr("Pilih paket…"))
        self.btn_choose.setDefault(True)
        self.btn_choose.setToolTip(self.tr("Pilih satu paket, atau beberapa sekaligus (Ctrl atau Shift)."))
        self.btn_folder = QPushButton(self.tr("Pilih folder…"))
        self.btn_folder.setAutoDefault(False)
        self.btn_folder.setToolTip(self.tr("Semua paket .xlsx dalam satu folder, misalnya dari flashdisk."))
        self.lbl_file = QLabel(self.tr("Belum ada berkas dipilih."))
        self.lbl_file.setWordWrap(True)
        self.lbl_intro = QLabel(self.tr(
            "Setiap berkas diperiksa dulu tanpa mengubah data: tanda tangan, pengirim, dan setiap baris. Data baru "
            "diterapkan setelah Anda menekan Terapkan. Lembar keputusan konflik yang sudah dijawab juga diimpor di "
            "sini."))
        self.lbl_intro.setObjectName("lbl_hint")
        self.lbl_intro.setWordWrap(True)
        self.task = ProgressTask()
        self.frm_result = QFrame()
        self.frm_result.setObjectName("card")
        self.frm_result.setVisible(False)
        self.lbl_status = QLabel("")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_counts = QLabel("")
        self.lbl_counts.setWordWrap(True)
        self.batch_model = BatchPackagesModel(self)
        self.tbl_packages, self.packages_proxy = record_table(
            self.batch_model, accessible_name=self.tr("Paket yang dipilih"), stretch_column=BatchPackagesModel.COL_ROWS,
            max_column_width=260, object_name="tbl_packages")
        self.tbl_packages.setMinimumHeight(120)
        self.tbl_packages.setVisible(False)
        self.lbl_messages = QLabel("")
        self.lbl_messages.setObjectName("lbl_hint")
        self.model = MessagesTableModel(self)
        self.tbl_messages, self.proxy = record_table(self.model, accessible_name=self.tr("Pesan pemeriksaan"),
                                                     stretch_column=MessagesTableModel.COL_MESSAGE,
                                                     max_column_width=220, object_name="tbl_messages")
        self.tbl_messages.setMinimumHeight(140)
        self.lbl_message_detail = QLabel("")
        self.lbl_message_detail.setWordWrap(True)
        self.lbl_message_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_message_detail.setVisible(False)
        self.chk_accept_edits = QCheckBox(self.tr("Terapkan juga baris yang diubah di luar aplikasi"))
        self.chk_accept_edits.setEnabled(False)
        self.btn_report = QPushButton(self.tr("Simpan laporan…"))
        self.btn_report.setAutoDefault(False)
        self.btn_apply = QPushButton(self.tr("Terapkan"))
        self.btn_apply.setAutoDefault(False)
        self.lbl_notice = QLabel("")
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.lbl_notice.setVisible(False)

        # Signals
        self.btn_choose.clicked.connect(self._on_btn_choose_clicked)
        self.btn_folder.clicked.connect(self._on_btn_folder_clicked)
        self.btn_report.clicked.connect(self._on_btn_report_clicked)
        self.btn_apply.clicked.connect(self._on_btn_apply_clicked)
        self.tbl_messages.selectionModel().selectionChanged.connect(self._on_tbl_messages_selection_changed)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.btn_choose)
        top.addWidget(self.btn_folder)
        top.addWidget(self.lbl_file, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.chk_accept_edits)
        actions.addStretch(1)
        actions.addWidget(self.btn_report)
        actions.addWidget(self.btn_apply)
        result = QVBoxLayout(self.frm_result)
        result.setContentsMargins(16, 12, 16, 12)
        result.setSpacing(6)
        result.addWidget(self.lbl_status)
        result.addWidget(self.lbl_counts)
        result.addWidget(self.tbl_packages, 1)
        result.addWidget(self.lbl_messages)
        result.addWidget(self.tbl_messages, 1)
        result.addWidget(self.lbl_message_detail)
        result.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.task)
        layout.addWidget(self.lbl_notice)
        layout.addWidget(self.frm_result, 1)
        layout.addStretch(1)  # keeps the controls at the top until a result takes the room
        self._layout = layout
        if not self._may_import:
            self._notify(self.tr("Akun ini tidak berwenang mengimpor paket data."), warning=True)
        self._update_buttons()

    # --- test hooks: the dialogs -----------------------------------------------------------------------------------

    def choose_open_path(self) -> str | Sequence[str] | None:
        """The chosen package file(s); several may be chosen at once. (Tests replace this, some with one path.)"""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Pilih paket pertukaran data"),
                                                      str(self._start_folder()), self.tr("Buku kerja Excel (*.xlsx)"))
        return paths

    def choose_folder(self) -> str | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder berisi paket"),
                                                  str(self._start_folder()))
        return folder or None

    def _start_folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        return self.paths[0] if self.paths and self.paths[0].is_dir() else \
            (self.paths[0].parent if self.paths else documents_folder())

    def choose_save_path(self, suggested: Path) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan pemeriksaan"), str(suggested),
                                                    self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    def ask_password(self, retry: bool) -> str | None:
        label = (self.tr("Kata sandi salah. Masukkan lagi kata sandi berkas {name}:") if retry else
                 self.tr("Berkas {name} dilindungi kata sandi. Masukkan kata sandinya:")).format(
            name=self.path.name if self.path else "")
        text, ok = QInputDialog.getText(self, self.tr("Kata sandi berkas"), label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    # --- running ---------------------------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.task.is_running()

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        self.btn_folder.setEnabled(self._may_import and not busy)
        if self.paths:
            batch = self.batch
            self.btn_choose.setEnabled(self._may_import and not busy)
            self.btn_apply.setEnabled(self._may_import and not busy and batch is not None and batch.dry_run
                                      and batch.count(ImportStatus.WOULD_APPLY) > 0)
            self.btn_report.setEnabled(not busy and batch is not None and batch.dry_run)
            self.btn_report.setToolTip("")
            self.chk_accept_edits.setEnabled(False)
            return
        outcome = self.outcome
        status = outcome.status if outcome else None
        may_apply = status is ImportStatus.WOULD_APPLY or (status is ImportStatus.ALREADY_APPLIED
                                                          and self._parked_edits > 0)
        self.btn_choose.setEnabled(self._may_import and not busy)
        self.btn_apply.setEnabled(self._may_import and not busy and may_apply)
        self.btn_report.setEnabled(not busy and status in (ImportStatus.WOULD_APPLY, ImportStatus.REJECTED))
        self.btn_report.setToolTip("" if status is not ImportStatus.APPLIED else self.tr(
            "Laporan disimpan dari hasil pemeriksaan, sebelum paket diterapkan."))
        self.chk_accept_edits.setEnabled(not busy and self._edited_count() > 0)

    def _edited_count(self) -> int:
        outcome = self.outcome
        if outcome is None:
            return 0
        if outcome.status is ImportStatus.WOULD_APPLY:
            return outcome.rows.get(RowClass.EDITED, 0)
        return self._parked_edits if outcome.status is ImportStatus.ALREADY_APPLIED else 0

    def _start(self, title: str, job: Callable[[TaskSink], ImportOutcome],
               on_success: Callable[[ImportOutcome], None]) -> None:
        sink = self.task.start(title)
        self._notify("")
        self._update_buttons()
        # The write pool: a refusal is audited, and applying is one transaction that must not race another write.
        run_op(self, lambda: job(sink), on_success, self._on_run_failed, writes=True)

    def check(self, path: Path) -> None:
        """A dry run of `path`: nothing in the database changes (a refusal is audited)."""
        if self.path != path:
            self._password = None
        self.path = path
        self._leave_batch_mode()
        self.outcome = None
        self.frm_result.setVisible(False)  # the result of another file, or of an earlier check, is not this one
        self._give_room_to_table(False)
        self.lbl_file.setText(self.tr("Berkas: {path}").format(path=path))
        ctx, password = self.ctx, self._password
        self._start(self.tr("Memeriksa {name}").format(name=path.name),
                    lambda sink: run_import(ctx, path, dry_run=True, password=password, sink=sink),
                    self._on_checked)

    def _on_btn_choose_clicked(self) -> None:
        if self.is_busy():
            return
        chosen = self.choose_open_path()
        paths = [Path(chosen)] if isinstance(chosen, str) else [Path(p) for p in chosen or ()]
        if len(paths) == 1:
            self.check(paths[0])
        elif paths:
            self.check_many(paths)

    def _on_btn_folder_clicked(self) -> None:
        if self.is_busy():
            return
        chosen = self.choose_folder()
        if chosen:
            self.check_many([Path(chosen)])

    def _on_checked(self, outcome: ImportOutcome) -> None:
        self.task.finish()
        code = outcome.messages[0].code if outcome.status is ImportStatus.REJECTED and outcome.messages else ""
        if code in PASSWORD_CODES:
            password = self.ask_password(retry=code == "BAD_PASSWORD")
            if password:
                self._password = password
                assert self.path is not None
                self.check(self.path)
                return
        self._parked_edits = 0
        self._show_outcome(outcome)
        if outcome.status is ImportStatus.ALREADY_APPLIED and self._may_import:
            ctx, package_id = self.ctx, outcome.package_id
            run_op(self, lambda: waiting_rows(ctx, reason="DIUBAH"),
                   lambda rows: self._on_parked_edits_loaded(package_id, rows), self._on_parked_edits_failed)
        self.task_finished.emit()

    def _on_parked_edits_failed(self, error: BaseException) -> None:
        # Only the offer to accept waiting edits depends on this; the outcome itself is already shown.
        log.warning("waiting edits could not be read: %s", error)

    def _on_parked_edits_loaded(self, package_id: str, rows: list[ParkedRow]) -> None:
        if self.outcome is None or self.outcome.package_id != package_id:
            return
        self._parked_edits = sum(1 for row in rows if row.package_id == package_id)
        if self._parked_edits:
            self.chk_accept_edits.setText(self.tr("Terapkan baris yang diubah di luar aplikasi yang masih menunggu "
                                                  "({n})").format(n=self._parked_edits))
        self._update_buttons()

    def _on_btn_apply_clicked(self) -> None:
        if self.paths and not self.is_busy() and self.btn_apply.isEnabled():
            self._apply_many()
            return
        if self.path is None or self.is_busy() or not self.btn_apply.isEnabled():
            return
        ctx, path, password = self.ctx, self.path, self._password
        accept = self.chk_accept_edits.isChecked() and self.chk_accept_edits.isEnabled()
        self._start(self.tr("Menerapkan {name}").format(name=path.name),
                    lambda sink: run_import(ctx, path, accept_edits=accept, password=password, sink=sink),
                    self._on_applied)

    def _on_applied(self, outcome: ImportOutcome) -> None:
        self.task.finish()
        self._parked_edits = 0
        self._show_outcome(outcome)
        if outcome.status is ImportStatus.APPLIED:
            log.info("package %s applied", outcome.package_id)
            self.imported.emit(outcome)
        self.task_finished.emit()

    def _on_btn_report_clicked(self) -> None:
        if self.paths and not self.is_busy():
            self._save_batch_report()
            return
        if self.path is None or self.is_busy():
            return
        suggested = self.path.with_name(f"laporan-{self.path.stem}.xlsx")
        chosen = self.choose_save_path(suggested)
        if not chosen:
            return
        report = with_xlsx_suffix(chosen)
        ctx, path, password = self.ctx, self.path, self._password
        self._start(self.tr("Menyimpan laporan {name}").format(name=report.name),
                    lambda sink: run_import(ctx, path, dry_run=True, report_path=report, password=password,
                                                sink=sink),
                    self._on_report_saved)

    def _on_report_saved(self, outcome: ImportOutcome | BatchImportOutcome) -> None:
        self.task.finish()
        self._update_buttons()
        self._notify(self.tr("Laporan tersimpan: {path}").format(path=outcome.report))
        self.task_finished.emit()

    # --- several files or a folder ---------------------------------------------------------------------------------

    def check_many(self, paths: list[Path]) -> None:
        """One dry run over several files or a folder: nothing in the database changes (refusals are audited)."""
        self.path, self._password, self.outcome = None, None, None
        self.paths, self.batch = list(paths), None
        self.frm_result.setVisible(False)
        self._give_room_to_table(False)
        self.lbl_file.setText(self.tr("Dipilih: {names}").format(names=", ".join(str(p) for p in self.paths)))
        ctx, chosen = self.ctx, list(self.paths)
        self._start_batch(self.tr("Memeriksa paket yang dipilih"),
                          lambda sink: run_batch(ctx, chosen, dry_run=True, sink=sink), self._on_batch_checked)

    def _start_batch(self, title: str, job: Callable[[TaskSink], BatchImportOutcome],
                     on_success: Callable[[BatchImportOutcome], None]) -> None:
        sink = self.task.start(title)
        self._notify("")
        self._update_buttons()
        run_op(self, lambda: job(sink), on_success, self._on_run_failed, writes=True)

    def _leave_batch_mode(self) -> None:
        self.paths, self.batch = [], None
        self.tbl_packages.setVisible(False)
        self.btn_apply.setText(self.tr("Terapkan"))

    def _on_batch_checked(self, batch: BatchImportOutcome) -> None:
        self.task.finish()
        self._show_batch(batch)
        if batch.cancelled:
            self._notify(self.tr("Pemeriksaan dibatalkan; tidak ada data yang berubah."), warning=True)
        self.task_finished.emit()

    def _apply_many(self) -> None:
        ctx, chosen = self.ctx, list(self.paths)
        self._start_batch(self.tr("Menerapkan paket yang dipilih"), lambda sink: run_batch(ctx, chosen, sink=sink),
                          self._on_batch_applied)

    def _on_batch_applied(self, batch: BatchImportOutcome) -> None:
        self.task.finish()
        self._show_batch(batch)
        if batch.count(ImportStatus.APPLIED):
            log.info("%d packages applied in one batch", batch.count(ImportStatus.APPLIED))
            self.imported.emit(batch)
        if batch.cancelled:
            self._notify(self.tr("Impor dibatalkan. Paket yang sudah diterapkan sebelum Batal tetap diterapkan; "
                                 "paket sesudahnya tidak diubah."), warning=True)
        self.task_finished.emit()

    def _save_batch_report(self) -> None:
        chosen = self.choose_save_path(self._start_folder() / "laporan-impor.xlsx")
        if not chosen:
            return
        report = with_xlsx_suffix(chosen)
        ctx, paths = self.ctx, list(self.paths)
        self._start_batch(self.tr("Menyimpan laporan {name}").format(name=report.name),
                          lambda sink: run_batch(ctx, paths, dry_run=True, report_path=report, sink=sink),
                          self._on_report_saved)

    def batch_status_text(self, batch: BatchImportOutcome) -> str:
        totals = batch.totals()
        if batch.dry_run:
            text = self.tr("Pemeriksaan selesai: {files} berkas — {would} dapat diterapkan, {already} sudah diimpor "
                           "sebelumnya, {rejected} ditolak. Belum ada data yang berubah.")
        else:
            text = self.tr("{applied} dari {files} berkas diterapkan; {already} sudah diimpor sebelumnya, {rejected} "
                           "ditolak.")
        text = text.format(files=totals["files"], would=totals["would_apply"], applied=totals["applied"],
                           already=totals["already_applied"], rejected=totals["rejected"])
        if totals["not_run"]:
            text += " " + self.tr("{n} berkas tidak diproses.").format(n=totals["not_run"])
        if not batch.entries:
            text = self.tr("Tidak ada berkas .xlsx di pilihan ini.")
        return text

    def _show_batch(self, batch: BatchImportOutcome) -> None:
        self.batch, self.outcome = batch, None
        rejected = batch.count(ImportStatus.REJECTED)
        colour = REJECTED_COLOUR if rejected else (APPLIED_COLOUR if batch.count(ImportStatus.APPLIED) else "")
        self.lbl_status.setStyleSheet(f"font-weight: 600; color: {colour};" if colour else "font-weight: 600;")
        self.lbl_status.setText(self.batch_status_text(batch))
        counts = class_counts_text(batch.rows())
        self.lbl_counts.setText(self.tr("Baris: {counts}").format(counts=counts) if counts else "")
        self.lbl_counts.setVisible(bool(counts))
        self.lbl_counts.setToolTip("")
        self.batch_model.set_rows(batch.entries)
        self.tbl_packages.setVisible(True)
        # One table for every file's findings: the file is named where the sheet is.
        self._show_messages([replace(m, sheet=" · ".join(p for p in (name, m.sheet or "") if p) or None)
                             for name, m in batch.all_messages()])
        self.lbl_messages.setVisible(True)
        self.chk_accept_edits.setChecked(False)
        self.btn_apply.setText(self.tr("Terapkan semua"))
        self.frm_result.setVisible(True)
        self._give_room_to_table(True)
        self._update_buttons()
        self.outcome_shown.emit(batch)

    def _on_run_failed(self, error: BaseException) -> None:
        self.task.finish()
        self._update_buttons()
        if isinstance(error, Cancelled):
            self._notify(self.tr("Impor dibatalkan; tidak ada data yang berubah."), warning=True)
        elif isinstance(error, PuskesosError):
            self._notify(error.message, warning=True)
        else:
            self._notify(self.tr("Berkas tidak dapat diproses karena kesalahan sistem."), warning=True)
            show_error(self, error)
        self.task_finished.emit()

    # --- showing an outcome ----------------------------------------------------------------------------------------

    def status_text(self, outcome: ImportOutcome) -> str:
        sender = f"{outcome.sender_name} ({outcome.sender})" if outcome.sender_name else outcome.sender
        rejected = outcome.rows.get(RowClass.REJECTED, 0)
        if outcome.status is ImportStatus.WOULD_APPLY:
            text = self.tr("Pemeriksaan selesai: paket ke-{sequence} dari {sender} dapat diterapkan. Belum ada data "
                           "yang berubah.").format(sequence=outcome.sequence, sender=sender)
            if rejected:
                text += " " + self.tr("%n baris ditolak dan tidak akan diterapkan; lihat pesannya di bawah.", "",
                                      rejected)
            return text
        if outcome.status is ImportStatus.APPLIED:
            moment = outcome.applied_at.astimezone(local_zone()) if outcome.applied_at else None
            when = f"{format_date_short(moment.date())} {format_time(moment)}" if moment else ""
            text = self.tr("Paket ke-{sequence} dari {sender} sudah diterapkan ({when}).").format(
                sequence=outcome.sequence, sender=sender, when=when)
            waiting = outcome.rows.get(RowClass.CONFLICT, 0) + outcome.rows.get(RowClass.EDITED, 0)
            if waiting:
                text += " " + self.tr("%n baris menunggu keputusan di tab Riwayat & Konflik.", "", waiting)
            return text
        if outcome.status is ImportStatus.ALREADY_APPLIED:
            return outcome.messages[0].message if outcome.messages else self.tr("Paket ini sudah diimpor.")
        reason = outcome.messages[0].message if outcome.messages else ""
        return self.tr("Berkas ditolak; tidak ada data yang berubah.") + ("\n" + reason if reason else "")

    def _show_outcome(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        status = outcome.status
        colour = {ImportStatus.REJECTED: REJECTED_COLOUR, ImportStatus.APPLIED: APPLIED_COLOUR}.get(status, "")
        self.lbl_status.setStyleSheet(f"font-weight: 600; color: {colour};" if colour else "font-weight: 600;")
        self.lbl_status.setText(self.status_text(outcome))
        counts = class_counts_text(outcome.rows)
        self.lbl_counts.setText(self.tr("Baris: {counts}").format(counts=counts) if counts else "")
        self.lbl_counts.setVisible(bool(counts))
        self.lbl_counts.setToolTip("\n".join(f"{sheet}: {class_counts_text(rows)}"
                                             for sheet, rows in outcome.sheets.items() if any(rows.values())))
        # A refusal's one message is the status line itself; the table is for findings in rows.
        messages = [] if status is ImportStatus.REJECTED or status is ImportStatus.ALREADY_APPLIED else \
            outcome.messages
        self._show_messages(messages)
        self.lbl_messages.setVisible(status not in (ImportStatus.REJECTED, ImportStatus.ALREADY_APPLIED))
        edited = outcome.rows.get(RowClass.EDITED, 0) if status is ImportStatus.WOULD_APPLY else 0
        self.chk_accept_edits.setText(self.tr("Terapkan juga baris yang diubah di luar aplikasi ({n})").format(
            n=format_number(edited)) if edited else self.tr("Terapkan juga baris yang diubah di luar aplikasi"))
        self.chk_accept_edits.setChecked(False)
        self.frm_result.setVisible(True)
        self._give_room_to_table(bool(messages))
        self._update_buttons()
        self.outcome_shown.emit(outcome)

    def _show_messages(self, messages: list[ImportMessage]) -> None:
        self.model.set_rows(messages)
        # Errors first, then warnings, then information; the sort is stable, so each keeps the workbook's order.
        self.tbl_messages.sortByColumn(MessagesTableModel.COL_SEVERITY, Qt.SortOrder.AscendingOrder)
        severities = Counter(m.severity for m in messages)
        self.lbl_messages.setText(self.tr("Pesan: {errors} kesalahan, {warnings} peringatan, {infos} info").format(
            errors=severities["error"], warnings=severities["warning"], infos=severities["info"]) if messages else
            self.tr("Tidak ada pesan untuk baris-baris paket ini."))
        self.tbl_messages.setVisible(bool(messages))
        self.lbl_message_detail.setVisible(False)

    def _give_room_to_table(self, table_shown: bool) -> None:
        """The result card grows with its table; without one it keeps its height and the space stays below it."""
        self._layout.setStretchFactor(self.frm_result, 1 if table_shown else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if table_shown else 1)

    def _on_tbl_messages_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.tbl_messages.currentIndex()
        message = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(message, ImportMessage):
            self.lbl_message_detail.setVisible(False)
            return
        place = " · ".join(part for part in (message.sheet or "", self.tr("baris {n}").format(n=message.row)
                                             if message.row else "", message.column or "") if part)
        self.lbl_message_detail.setText(f"{place}: {message.message}" if place else message.message)
        self.lbl_message_detail.setVisible(True)

    def _notify(self, text: str, *, warning: bool = False) -> None:
        self.lbl_notice.setText(text)
        self.lbl_notice.setProperty("warning", warning)
        self.lbl_notice.style().unpolish(self.lbl_notice)
        self.lbl_notice.style().polish(self.lbl_notice)
        self.lbl_notice.setVisible(bool(text))
