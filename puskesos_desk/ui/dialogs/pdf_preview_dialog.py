"""The preview of a printed document, and the one place it is printed or saved from.

The dialog is given two callables: `render(paper)` makes the PDF without recording anything (a preview is not a
disclosure) and `issue(paper, channel)` makes the PDF that goes out and records that it did. What goes to the
printer or the file is the PDF `issue` returned, not the preview, so the record and the paper always agree. Both
run through run_op; rasterising and painting on the printer run on a worker too (Qt allows QPainter on a QPrinter
there), so a 300 dpi page never freezes the window.

Tests replace the two modal steps: `exec_print_dialog(printer)` (set a PDF output file, return True) and
`choose_save_path()` (return a path).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.documents import PAPER_MM, OutputChannel, Paper
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pdf_pages import PdfPages, PrintFailed, print_pdf, rasterise
from puskesos_desk.ui.print_defaults import new_printer, preferred_paper
from puskesos_desk.ui.widgets.dialog_fit import resize_within_screen
from puskesos_desk.ui.widgets.page_desk import ZOOM_ACTUAL, ZOOM_FIT_WIDTH, PageDesk
from puskesos_desk.ui.widgets.page_image import PageImage

__all__ = ["ZOOM_ACTUAL", "ZOOM_FIT_WIDTH", "PdfPreviewDialog", "paper_name"]

log = logging.getLogger(__name__)

_CTX = "PdfPreviewDialog"

PAPER_NAMES: dict[Paper, str] = {
    Paper.F4: QT_TRANSLATE_NOOP("PdfPreviewDialog", "F4 / Folio (215 × 330 mm)"),
    Paper.A4: QT_TRANSLATE_NOOP("PdfPreviewDialog", "A4 (210 × 297 mm)"),
    Paper.A5: QT_TRANSLATE_NOOP("PdfPreviewDialog", "A5 (148 × 210 mm)"),
}

# A batch of slips is checked on its first pages; all of them print. Ten F4 slips at 150 dpi are about 100 MB.
PREVIEW_PAGE_LIMIT = 10
PREFERRED_SIZE = QSize(960, 720)  # reduced to the screen: a 1366×768 PC has 728 px above its task bar
RELAYOUT_DELAY_MS = 60

BLOCKED_STYLE = (
    "QLabel#lbl_blocked { background: #fdecea; color: #8a1c12; border: 1px solid #f5b8b1; border-radius: 4px; "
    "padding: 8px 10px; font-weight: 600; }"
)
ZOOM_STYLE = "QPushButton:checked { background: #d9e6f2; border: 1px solid #1c5d99; color: #174b7c; }"


def paper_name(paper: Paper) -> str:
    return QCoreApplication.translate(_CTX, PAPER_NAMES[paper])


ISSUED_BUT_NOT_WRITTEN = "issued-but-not-written"


def _write_issued(issue: Callable[[Paper, OutputChannel], bytes], paper: Paper, path: Path) -> Path:
    """Issue and write to `path`. The file is opened before issuing, so a folder that cannot be written stops the
    save before anything is recorded; a half-written file never replaces an existing one."""
    partial = path.with_name(path.name + ".part")
    issued = False
    try:
        with partial.open("wb") as handle:
            pdf = issue(paper, OutputChannel.SIMPAN_PDF)
            issued = True
            handle.write(pdf)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        # A literal context (not _CTX): pyside6-lupdate only collects translate() calls it can read.
        message = QCoreApplication.translate("PdfPreviewDialog", "Berkas PDF tidak dapat disimpan di {path}: {reason}")
        raise InputRejected(message.format(path=path, reason=exc.strerror or exc),
                            detail=ISSUED_BUT_NOT_WRITTEN if issued else None) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


class PdfPreviewDialog(QDialog):
    """`pages_rendered(n)` after each preview; `output_finished(channel)` after a print or save went out;
    `output_failed(message)` when it did not."""

    pages_rendered = Signal(int)
    output_finished = Signal(str)  # OutputChannel value
    output_failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        render: Callable[[Paper], bytes],
        issue: Callable[[Paper, OutputChannel], bytes] | None,
        papers: Sequence[Paper] = (Paper.F4, Paper.A4, Paper.A5),
        paper: Paper | None = None,  # None: this PC's default paper (Pengaturan → Kertas dan printer)
        blocked_reason: str | None = None,
        suggested_file_name: str = "dokumen.pdf",
        on_issued: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.render_pdf = render
        self.issue_pdf = issue
        self.blocked_reason = blocked_reason
        self.suggested_file_name = suggested_file_name
        self.on_issued = on_issued
        self.pages: PdfPages | None = None
        self._generation = 0
        self._rendering = False
        self._issue_untold = False  # a print ended; the caller is told once the preview is drawn again
        self._output_busy = False
        self._closed = threading.Event()  # read by the rendering worker: a closed preview is not rasterised
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumSize(720, 520)

        # Widgets
        self.cmb_paper = QComboBox()
        self.cmb_paper.setAccessibleName(self.tr("Ukuran kertas"))
        for choice in papers:
            self.cmb_paper.addItem(paper_name(choice), choice.value)
        initial = paper if paper is not None else preferred_paper(tuple(papers))
        self.cmb_paper.setCurrentIndex(max(0, self.cmb_paper.findData(initial.value)))
        self.btn_fit_width = QPushButton(self.tr("Selebar jendela"))
        self.btn_actual_size = QPushButton(self.tr("100%"))
        self.grp_zoom = QButtonGroup(self)
        for button, zoom in ((self.btn_fit_width, ZOOM_FIT_WIDTH), (self.btn_actual_size, ZOOM_ACTUAL)):
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setStyleSheet(ZOOM_STYLE)
            self.grp_zoom.addButton(button, zoom)
        self.btn_fit_width.setChecked(True)
        self.lbl_pages = QLabel("")
        self.lbl_pages.setObjectName("lbl_hint")
        self.lbl_blocked = QLabel(blocked_reason or "")
        self.lbl_blocked.setObjectName("lbl_blocked")
        self.lbl_blocked.setStyleSheet(BLOCKED_STYLE)
        self.lbl_blocked.setWordWrap(True)
        self.lbl_blocked.setVisible(bool(blocked_reason))
        self.scr_pages = PageDesk()
        self.scr_pages.setAccessibleName(self.tr("Pratinjau halaman"))
        self.lbl_status = QLabel(self.tr("Memuat pratinjau…"))
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.btn_print = QPushButton(self.tr("Cetak…"))
        self.btn_print.setToolTip(self.tr("Pilih printer lalu cetak (Ctrl+P)"))
        self.btn_print.setDefault(issue is not None and not blocked_reason)
        self.btn_save = QPushButton(self.tr("Simpan PDF…"))
        self.btn_save.setToolTip(self.tr("Simpan sebagai berkas PDF untuk diserahkan dengan cara lain (Ctrl+S)"))
        self.btn_save.setAutoDefault(False)
        self.btn_close = QPushButton(self.tr("Tutup"))
        self.btn_close.setAutoDefault(False)
        self.sc_print = QShortcut(QKeySequence.StandardKey.Print, self)
        self.sc_save = QShortcut(QKeySequence.StandardKey.Save, self)
        self.tmr_relayout = QTimer(self)
        self.tmr_relayout.setSingleShot(True)
        self.tmr_relayout.setInterval(RELAYOUT_DELAY_MS)
        self._update_buttons()

        # Signals
        self.cmb_paper.currentIndexChanged.connect(self._on_cmb_paper_current_index_changed)
        self.grp_zoom.idClicked.connect(self._on_grp_zoom_id_clicked)
        self.btn_print.clicked.connect(self._on_btn_print_clicked)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_close.clicked.connect(self.reject)
        self.sc_print.activated.connect(self._on_btn_print_clicked)
        self.sc_save.activated.connect(self._on_btn_save_clicked)
        self.tmr_relayout.timeout.connect(self._show_pages)
        self.scr_pages.resized.connect(self._on_scr_pages_resized)

        # Assemble
        lbl_paper = QLabel(self.tr("&Kertas"))
        lbl_paper.setBuddy(self.cmb_paper)
        top = QHBoxLayout()
        top.addWidget(lbl_paper)
        top.addWidget(self.cmb_paper)
        top.addSpacing(16)
        top.addWidget(self.lbl_pages)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Perbesaran")))
        top.addWidget(self.btn_fit_width)
        top.addWidget(self.btn_actual_size)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_status, 1)
        buttons.addWidget(self.btn_print)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lbl_blocked)
        layout.addWidget(self.scr_pages, 1)
        layout.addLayout(buttons)
        resize_within_screen(self, PREFERRED_SIZE)
        self.cmb_paper.setFocus()
        # The first rendering waits for the first show: the resolution it needs depends on the page area's width.
        self._shown_once = False

    # --- state -----------------------------------------------------------------------------------------------------

    def paper(self) -> Paper:
        return Paper(self.cmb_paper.currentData())

    def is_busy(self) -> bool:
        return self._rendering or self._output_busy

    def can_output(self) -> bool:
        return self.issue_pdf is not None and not self.blocked_reason

    def _update_buttons(self) -> None:
        ready = self.can_output() and self.pages is not None and not self.is_busy()
        self.btn_print.setEnabled(ready)
        self.btn_save.setEnabled(ready)
        self.btn_close.setEnabled(not self._output_busy)
        self.cmb_paper.setEnabled(not self._output_busy)

    def _set_status(self, text: str) -> None:
        self.lbl_status.setText(text)
        self.lbl_status.setToolTip(text)

    # --- preview ---------------------------------------------------------------------------------------------------

    def refresh(self, *, keep_status: bool = False) -> None:
        """Render the preview for the chosen paper; a result that arrives after a newer request is dropped.
        `keep_status`: the status line keeps what it says (the outcome of a print or save stays readable)."""
        self._generation += 1
        generation = self._generation
        self._rendering = True
        self._update_buttons()
        if not keep_status:
            self._set_status(self.tr("Memuat pratinjau…"))
        render, paper, closed, dpi = self.render_pdf, self.paper(), self._closed, self.preview_dpi()

        def pages() -> PdfPages | None:
            # The preview drawn again after a print is often closed at once: its pages (5-10 MB each) are then
            # neither made nor sent across from the PDF helper.
            pdf = None if closed.is_set() else render(paper)
            return None if pdf is None or closed.is_set() else rasterise(pdf, dpi, limit=PREVIEW_PAGE_LIMIT)

        run_op(self, pages, lambda pages: self._on_rendered(generation, pages, keep_status),
               lambda error: self._on_render_failed(generation, error))

    def _on_rendered(self, generation: int, pages: PdfPages | None, keep_status: bool = False) -> None:
        if generation != self._generation or pages is None:
            return
        self._tell_issue_once()
        self._rendering = False
        self.pages = pages
        self.lbl_pages.setText(self._pages_text(pages))
        if not keep_status:
            self._set_status(self._ready_text())
        self._show_pages()
        self._update_buttons()
        self.pages_rendered.emit(pages.page_count)

    def _pages_text(self, pages: PdfPages) -> str:
        total = self.tr("%n halaman", "", pages.page_count)
        if pages.shown_count == pages.page_count:
            return total
        return self.tr("{total}; pratinjau {shown} halaman pertama, semuanya dicetak").format(
            total=total, shown=pages.shown_count)

    def _ready_text(self) -> str:
        if self.issue_pdf is None or self.blocked_reason:
            return self.tr("Pratinjau saja: dokumen ini belum dapat dicetak.")
        return self.tr("Periksa isi surat sebelum mencetak. Setiap cetakan dan simpanan dicatat.")

    def _on_render_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._tell_issue_once()
        self._rendering = False
        self.pages = None
        self.scr_pages.clear()
        self.lbl_pages.setText("")
        if isinstance(error, PuskesosError):
            self._set_status(self.tr("Pratinjau tidak dapat dibuat: {reason}").format(reason=error.message))
        else:
            self._set_status(self.tr("Pratinjau tidak dapat dibuat karena kesalahan sistem."))
            show_error(self, error)
        self._update_buttons()

    @property
    def wdg_page_images(self) -> list[PageImage]:
        """The page views on the desk, first page first."""
        return self.scr_pages.views

    def zoom(self) -> int:
        return self.grp_zoom.checkedId()

    def preview_dpi(self) -> float:
        """The resolution the chosen paper needs to be sharp at fit width and at 100 % on this screen."""
        return self.scr_pages.preview_dpi(PAPER_MM[self.paper()][0])

    def page_widths(self) -> list[int]:
        """The width each page is shown at, in logical pixels, for the current zoom."""
        return self.scr_pages.page_widths(self.pages)

    def _show_pages(self) -> None:
        if self.pages is None:
            return
        if not self._rendering and self.pages.dpi < self.preview_dpi():
            self.refresh(keep_status=True)  # more room than the pages were rasterised for: sharper ones follow
        self.scr_pages.show_pages(self.pages, self.tr("Halaman {n} dari {total}"))

    def _on_scr_pages_resized(self) -> None:
        if self.zoom() == ZOOM_FIT_WIDTH:
            self.tmr_relayout.start()

    def _on_grp_zoom_id_clicked(self, zoom: int) -> None:
        self.scr_pages.zoom = zoom
        self._show_pages()

    def _on_cmb_paper_current_index_changed(self, _index: int) -> None:
        self.refresh()

    # --- the modal steps (tests replace these) ---------------------------------------------------------------------

    def make_printer(self, paper: Paper) -> QPrinter:
        """This PC's default printer (when it is still installed) is the one the print dialog opens on."""
        printer = new_printer(paper)
        printer.setDocName(self.windowTitle())
        return printer

    def exec_print_dialog(self, printer: QPrinter) -> bool:
        """The system print dialog. Printing to a file and page ranges are off: "Simpan PDF" saves (and records
        the save as such), and a slip always goes out whole, return stub included."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        dialog.setOptions(QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
                          | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def choose_save_path(self) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan sebagai PDF"), str(Path(folder) / self.suggested_file_name),
            self.tr("Dokumen PDF (*.pdf)"))
        return path or None

    # --- output ----------------------------------------------------------------------------------------------------

    def _begin_output(self, text: str) -> None:
        self._output_busy = True
        self._set_status(text)
        self._update_buttons()

    def _end_output(self) -> None:
        self._output_busy = False
        self._update_buttons()

    def _on_btn_print_clicked(self) -> None:
        issue = self.issue_pdf
        if issue is None or not self.btn_print.isEnabled():
            return
        paper = self.paper()
        printer = self.make_printer(paper)
        if not self.exec_print_dialog(printer):
            return
        self._begin_output(self.tr("Mencatat dan menyiapkan cetakan…"))
        run_op(self, lambda: issue(paper, OutputChannel.CETAK),
               lambda pdf: self._on_issued_for_print(printer, pdf), self._on_output_failed, writes=True)

    def _on_issued_for_print(self, printer: QPrinter, pdf: bytes) -> None:
        self._set_status(self.tr("Mengirim ke printer…"))
        # The caller hears of the issue once the printing has ended and the preview is drawn again: its list reload
        # would otherwise reset a thousand-row model on the GUI thread while a worker holds the GIL (the print, then
        # the preview's new rendering), and each of the model's Python calls waits for the GIL: 9-17 s frozen
        # (benchmarks/gui_stalls.py).
        run_op(self, lambda: print_pdf(printer, pdf), self._on_printed, self._on_print_failed)

    def _on_printed(self, count: int) -> None:
        self._end_output()
        self._issue_untold = True
        self._set_status(self.tr("Terkirim ke printer: %n halaman.", "", count))
        log.info("printed %d page(s): %s", count, self.windowTitle())
        self.output_finished.emit(OutputChannel.CETAK.value)
        self.refresh(keep_status=True)  # what the next print would look like ("cetak ulang")

    def _on_print_failed(self, error: BaseException) -> None:
        self._end_output()
        self._issue_untold = True  # the print is recorded all the same
        if not isinstance(error, PrintFailed | PuskesosError):
            show_error(self, error)
        message = self.tr("Cetakan sudah dicatat, tetapi printer tidak dapat mencetaknya. Periksa printer, lalu "
                          "tekan Cetak lagi (akan dicatat sebagai cetak ulang).")
        self._set_status(message)
        self.output_failed.emit(message)
        self.refresh(keep_status=True)

    def _on_btn_save_clicked(self) -> None:
        issue = self.issue_pdf
        if issue is None or not self.btn_save.isEnabled():
            return
        chosen = self.choose_save_path()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        paper = self.paper()
        self._begin_output(self.tr("Mencatat dan menyimpan…"))
        run_op(self, lambda: _write_issued(issue, paper, path), self._on_saved, self._on_output_failed, writes=True)

    def _on_saved(self, path: Path) -> None:
        self._end_output()
        self._notify_issued()
        self._set_status(self.tr("Tersimpan: {path}").format(path=path))
        log.info("saved a PDF: %s", self.windowTitle())
        self.output_finished.emit(OutputChannel.SIMPAN_PDF.value)
        self.refresh(keep_status=True)

    def _on_output_failed(self, error: BaseException) -> None:
        """Issuing was refused, or the file could not be written (then the issue may already be recorded)."""
        self._end_output()
        if isinstance(error, PuskesosError) and error.detail == ISSUED_BUT_NOT_WRITTEN:
            self._notify_issued()
        if isinstance(error, PuskesosError):
            self._set_status(error.message)
        else:
            self._set_status(self.tr("Tidak dapat dicetak atau disimpan karena kesalahan sistem."))
        show_error(self, error)
        self.output_failed.emit(self.lbl_status.text())

    def _tell_issue_once(self) -> None:
        if self._issue_untold:
            self._issue_untold = False
            self._notify_issued()

    def _notify_issued(self) -> None:
        if self.on_issued is not None:
            self.on_issued()

    # --- closing ---------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        # While a print or save is on its way the dialog stays: its result must reach on_issued and the officer.
        if self._output_busy:
            self._set_status(self.tr("Tunggu sebentar: cetakan atau berkas sedang diproses."))
            return
        super().reject()

    def done(self, result: int) -> None:
        self._closed.set()
        self._tell_issue_once()  # closed before the preview was drawn again: the caller must still hear of it
        super().done(result)
        # The page images (10 MB a page) go now, not when Qt gets round to deleting the dialog.
        self.pages = None
        self.scr_pages.clear()
        # Let go of the caller's callback: a bound method of the page would keep the page's Python side alive
        # through this dialog, and the two would then be torn down in the wrong order.
        self.on_issued = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._output_busy:
            event.ignore()
            return
        super().closeEvent(event)
