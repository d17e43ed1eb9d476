"""Laporan: choose a report (ui/pages/laporan_form.py), then preview it as a PDF or save it as Excel or PDF.

Building and writing run off the GUI thread with a progress bar and Batal. A preview builds the document once on a
read worker and the preview dialog renders it for each paper, recording the report only when it is printed or
saved. A save goes through services.reports.produce_report on the write pool (it appends the EXPORT audit event).
services.reports pulls in reportlab and the Excel writer, so it is imported on first use, not at start-up.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.errors import Cancelled, PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.domain.reports import ReportFormat, ReportKind, ReportRequest
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.laporan_choices import kind_label, month_label
from puskesos_desk.ui.pages.laporan_form import ReportForm
from puskesos_desk.ui.widgets.progress_task import ProgressTask, TaskSink

if TYPE_CHECKING:
    from puskesos_desk.domain.reports import ReportDocument
    from puskesos_desk.services.reports import ReportResult
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

log = logging.getLogger(__name__)

PDF_PAPERS = (Paper.F4, Paper.A4)
EXTENSIONS = {ReportFormat.XLSX: ".xlsx", ReportFormat.PDF: ".pdf"}


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def with_suffix(chosen: str, fmt: ReportFormat) -> Path:
    path = Path(chosen)
    suffix = EXTENSIONS[fmt]
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class LaporanPage(QWidget):
    """`report_saved(ReportResult)` after a save; `preview_opened()` when the preview dialog is shown;
    `task_ended()` when a build or save ended in any way (tests wait for it)."""

    report_saved = Signal(object)
    preview_opened = Signal()
    task_ended = Signal()

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site
        self.result: ReportResult | None = None
        self.preview: PdfPreviewDialog | None = None  # the preview open now (tests look at it)
        self._folder: Path | None = None
        self._may_report = ctx.actor.can(Permission.VIEW_REPORTS)

        # Widgets
        self.lbl_title = QLabel(self.tr("Laporan"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_subtitle = QLabel(self.tr(
            "Pilih jenis laporan dan periodenya, lalu lihat pratinjaunya atau simpan sebagai berkas Excel (untuk "
            "diolah lagi) atau PDF (untuk ditandatangani dan diarsipkan)."))
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        self.form = ReportForm(ctx, site)
        self.btn_preview = QPushButton(self.tr("Pratinjau PDF…"))
        self.btn_preview.setObjectName("btn_preview")
        self.btn_preview.setDefault(True)
        self.btn_save_xlsx = QPushButton(self.tr("Simpan Excel…"))
        self.btn_save_xlsx.setObjectName("btn_save_xlsx")
        self.btn_save_pdf = QPushButton(self.tr("Simpan PDF…"))
        self.btn_save_pdf.setObjectName("btn_save_pdf")
        self.task = ProgressTask()
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.btn_open_folder = QPushButton(self.tr("Buka folder"))
        self.btn_open_folder.setObjectName("btn_open_folder")
        self.btn_open_folder.setToolTip(self.tr("Tampilkan folder tempat laporan disimpan"))
        self.btn_open_folder.setVisible(False)

        # Signals
        self.form.changed.connect(self._update_buttons)
        self.form.villages_failed.connect(self._on_form_villages_failed)
        self.btn_preview.clicked.connect(self._on_btn_preview_clicked)
        self.btn_save_xlsx.clicked.connect(self._on_btn_save_xlsx_clicked)
        self.btn_save_pdf.clicked.connect(self._on_btn_save_pdf_clicked)
        self.btn_open_folder.clicked.connect(self._on_btn_open_folder_clicked)
        self.task.cancel_requested.connect(self._on_task_cancel_requested)

        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_preview)
        buttons.addWidget(self.btn_save_xlsx)
        buttons.addWidget(self.btn_save_pdf)
        buttons.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.lbl_status, 1)
        status.addWidget(self.btn_open_folder, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.task)
        layout.addLayout(status)
        layout.addStretch(1)
        self.form.setEnabled(self._may_report)
        if not self._may_report:
            self._set_status(self.tr("Akun ini tidak berwenang membuat laporan. Laporan dibuat oleh petugas "
                                     "Puskesos, Koordinator, atau petugas sekretariat SLRT."))
        self._update_buttons()

    def mark_stale(self) -> None:
        """A package arrived (at a district: perhaps from a village not listed yet)."""
        self.form.mark_stale()

    def _update_buttons(self) -> None:
        ready = self._may_report and self.form.allowed() and not self.task.is_running()
        for button in (self.btn_preview, self.btn_save_xlsx, self.btn_save_pdf):
            button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.form.set_busy(busy)
        self._update_buttons()

    def _set_status(self, text: str, *, warning: bool = False) -> None:
        self.lbl_status.setText(text)
        self.lbl_status.setProperty("warning", warning)
        self.lbl_status.style().unpolish(self.lbl_status)
        self.lbl_status.style().polish(self.lbl_status)

    def _period_text(self, request: ReportRequest) -> str:
        if request.kind is ReportKind.HARIAN and request.day is not None:
            return format_date_long(request.day)
        return month_label(request.month)

    def _empty_text(self, request: ReportRequest) -> str:
        return self.tr("Tidak ada data pada {period} — laporan tetap dibuat.").format(
            period=self._period_text(request))

    def _start(self, request: ReportRequest, title: str) -> TaskSink:
        self.btn_open_folder.setVisible(False)
        self._set_status("")
        sink = self.task.start(title.format(kind=kind_label(request.kind), period=self._period_text(request)))
        self._set_busy(True)
        return sink

    def _finish(self) -> None:
        self.task.finish()
        self._set_busy(False)
        self.task_ended.emit()

    # --- the modal steps (tests replace these) ---------------------------------------------------------------------

    def choose_save_path(self, suggested: Path, fmt: ReportFormat) -> str | None:
        if fmt is ReportFormat.XLSX:
            title, pattern = self.tr("Simpan laporan sebagai Excel"), self.tr("Buku kerja Excel (*.xlsx)")
        else:
            title, pattern = self.tr("Simpan laporan sebagai PDF"), self.tr("Dokumen PDF (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(self, title, str(suggested), pattern)
        return path or None

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- saving ----------------------------------------------------------------------------------------------------

    def _on_btn_save_xlsx_clicked(self) -> None:
        self.save(ReportFormat.XLSX)

    def _on_btn_save_pdf_clicked(self) -> None:
        self.save(ReportFormat.PDF)

    def save(self, fmt: ReportFormat) -> None:
        if not self.btn_save_xlsx.isEnabled():
            return
        request = self.form.request()
        name = request.file_stem(self.site.code) + EXTENSIONS[fmt]
        chosen = self.choose_save_path((self._folder or documents_folder()) / name, fmt)
        if not chosen:
            return
        path = with_suffix(chosen, fmt)
        self._folder = path.parent
        ctx, paper = self.ctx, self.form.paper()
        sink = self._start(request, self.tr("Membuat {kind} {period}"))
        log.info("report %s %s to %s started", request.kind.value, request.month.key, fmt.value)

        def work() -> ReportResult:
            from puskesos_desk.services.reports import produce_report

            return produce_report(ctx, request, path, paper=paper, sink=sink)

        run_op(self, work, lambda result: self._on_saved(request, result),
               lambda error: self._on_task_failed(error, self.tr("Laporan tidak dapat dibuat"),
                                                  self.tr("Dibatalkan; tidak ada berkas yang dibuat.")),
               writes=True)

    def _on_saved(self, request: ReportRequest, result: ReportResult) -> None:
        self.result = result
        text = self.tr("Tersimpan: {path} (%n baris)", "", result.rows).format(path=result.path)
        if result.is_empty:
            text += "\n" + self._empty_text(request)
        self._set_status(text)
        self.btn_open_folder.setVisible(True)
        self._finish()
        self.report_saved.emit(result)

    def _on_btn_open_folder_clicked(self) -> None:
        if self.result is not None:
            self.open_folder(Path(self.result.path).resolve().parent)

    # --- preview ---------------------------------------------------------------------------------------------------

    def _on_btn_preview_clicked(self) -> None:
        if not self.btn_preview.isEnabled():
            return
        request = self.form.request()
        ctx = self.ctx
        sink = self._start(request, self.tr("Menyiapkan pratinjau {kind} {period}"))

        def work() -> ReportDocument:
            from puskesos_desk.services.reports import build_report

            return build_report(ctx, request, sink)

        run_op(self, work, lambda document: self._on_built(request, document),
               lambda error: self._on_task_failed(error, self.tr("Pratinjau tidak dapat dibuat"),
                                                  self.tr("Pratinjau dibatalkan.")))

    def _on_built(self, request: ReportRequest, document: ReportDocument) -> None:
        """The document is built once; the dialog renders it for each paper and records what goes out."""
        from puskesos_desk.services.reports import record_report, render_pdf
        from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        self._finish()
        self._set_status(self._empty_text(request) if document.is_empty else "")
        ctx = self.ctx

        def render(paper: Paper) -> bytes:
            return render_pdf(document, paper)  # a preview records nothing

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            destination = "printer" if channel is OutputChannel.CETAK else "berkas PDF"
            record_report(ctx, document, request, ReportFormat.PDF, destination)
            return render_pdf(document, paper)

        dialog = PdfPreviewDialog(self, title=kind_label(request.kind), render=render, issue=issue,
                                  papers=PDF_PAPERS, paper=self.form.paper(),
                                  suggested_file_name=document.file_stem + ".pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_preview_finished)
        self.preview = dialog
        dialog.open()
        self.preview_opened.emit()

    def _on_preview_finished(self, _result: int) -> None:
        self.preview = None

    # --- failures --------------------------------------------------------------------------------------------------

    def _on_task_cancel_requested(self) -> None:
        self._set_status(self.tr("Membatalkan…"))

    def _on_task_failed(self, error: BaseException, what: str, cancelled_text: str) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self._set_status(cancelled_text)
            return
        self._fail(error, what)

    def _on_form_villages_failed(self, error: BaseException) -> None:
        self._fail(error, self.tr("Daftar desa tidak dapat dimuat"))

    def _fail(self, error: BaseException, what: str) -> None:
        if isinstance(error, PuskesosError):
            self._set_status(self.tr("{what}: {reason}").format(what=what, reason=error.message), warning=True)
            return
        self._set_status(self.tr("{what} karena kesalahan sistem.").format(what=what), warning=True)
        show_error(self, error)
