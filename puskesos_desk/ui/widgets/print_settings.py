"""Pengaturan → "Kertas dan printer" (and step 6 of the first-run wizard): this PC's default paper and printer, and
a test print — one page with the site's letterhead — to see that the printer works and the letterhead reads well.

The choice is per PC (QSettings through ui/print_defaults.py): every user of this PC gets it as the preselected
paper and printer of the print preview. The test page holds no personal data and records nothing; it needs the
settings permission, so only accounts that manage settings see the button. Tests replace `choose_pdf_path()` and
`make_test_printer()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import letterhead, letterhead_sample_pdf
from puskesos_desk.ui.dialogs.pdf_preview_dialog import paper_name
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pdf_pages import PrintFailed, print_pdf
from puskesos_desk.ui.print_defaults import (
    PDF_PRINTER,
    PrintDefaults,
    load_defaults,
    new_printer,
    pdf_printer,
    printer_names,
    store_defaults,
)

log = logging.getLogger(__name__)

PAPERS = (Paper.F4, Paper.A4, Paper.A5)


class PrintSettings(QGroupBox):
    """`saved(PrintDefaults)` after Simpan; `test_printed(pages)` after a test page went out."""

    saved = Signal(object)
    test_printed = Signal(int)
    test_failed = Signal(str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, *, in_wizard: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.in_wizard = in_wizard
        self._printing = False
        defaults = load_defaults()

        # Widgets
        self.cmb_paper = QComboBox()
        self.cmb_paper.setObjectName("cmb_default_paper")
        for paper in PAPERS:
            self.cmb_paper.addItem(paper_name(paper), paper.value)
        self.cmb_paper.setCurrentIndex(max(0, self.cmb_paper.findData(defaults.paper.value)))
        self.cmb_printer = QComboBox()
        self.cmb_printer.setObjectName("cmb_default_printer")
        self.cmb_printer.setMinimumContentsLength(24)
        self.cmb_printer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for name in printer_names():
            self.cmb_printer.addItem(name, name)
        self.cmb_printer.addItem("", PDF_PRINTER)  # its text is set in retranslate()
        self.cmb_printer.setCurrentIndex(max(0, self.cmb_printer.findData(defaults.printer)))
        self.btn_test = QPushButton()
        self.btn_test.setObjectName("btn_test_print")
        self.btn_test.setAutoDefault(False)
        self.btn_test.setVisible(ctx.actor.can(Permission.MANAGE_SETTINGS))
        self.btn_save = QPushButton()
        self.btn_save.setAutoDefault(False)
        self.btn_save.setVisible(not in_wizard)  # the wizard stores the choice on Lanjut
        self.lbl_hint = QLabel()
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.lbl_status = QLabel()
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)

        # Signals
        self.btn_test.clicked.connect(self._on_btn_test_clicked)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.cmb_paper.currentIndexChanged.connect(self._on_choice_changed)
        self.cmb_printer.currentIndexChanged.connect(self._on_choice_changed)

        # Assemble
        self.lbl_paper = QLabel()
        self.lbl_paper.setBuddy(self.cmb_paper)
        self.lbl_printer = QLabel()
        self.lbl_printer.setBuddy(self.cmb_printer)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.cmb_paper)
        paper_row.addStretch(1)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.cmb_printer, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_test)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.lbl_status, 4)
        buttons.addStretch(1)
        below_printer = QVBoxLayout()
        below_printer.addLayout(printer_row)
        below_printer.addWidget(self.lbl_hint)
        below_printer.addLayout(buttons)
        form = QFormLayout(self)
        form.addRow(self.lbl_paper, paper_row)
        form.addRow(self.lbl_printer, below_printer)
        self.retranslate()

    def retranslate(self) -> None:
        if not self.in_wizard:
            self.setTitle(self.tr("Kertas dan printer"))
        self.lbl_paper.setText(self.tr("&Kertas"))
        self.lbl_printer.setText(self.tr("&Printer"))
        for index, paper in enumerate(PAPERS):
            self.cmb_paper.setItemText(index, paper_name(paper))
        self.cmb_printer.setItemText(self.cmb_printer.count() - 1, self.tr("PDF (tanpa printer: simpan sebagai "
                                                                           "berkas)"))
        self.btn_test.setText(self.tr("Cetak halaman &uji"))
        self.btn_test.setToolTip(self.tr("Satu halaman dengan kop surat, tanpa data warga"))
        self.btn_save.setText(self.tr("Simpan"))
        self.lbl_hint.setText(self.tr("Dipilih lebih dulu setiap kali mencetak di komputer ini; tetap dapat diganti "
                                      "saat mencetak. Disimpan untuk pengguna Windows ini."))

    # --- the choice --------------------------------------------------------------------------------------------------

    def chosen(self) -> PrintDefaults:
        return PrintDefaults(paper=Paper(self.cmb_paper.currentData()), printer=str(self.cmb_printer.currentData()))

    def save(self) -> PrintDefaults:
        defaults = self.chosen()
        store_defaults(defaults)
        self.saved.emit(defaults)
        return defaults

    def _on_choice_changed(self, _index: int) -> None:
        self.lbl_status.setText("")

    def _on_btn_save_clicked(self) -> None:
        defaults = self.save()
        self.lbl_status.setText(self.tr("Tersimpan: {paper}, {printer}.").format(
            paper=paper_name(defaults.paper), printer=self.cmb_printer.currentText()))

    # --- the test print ----------------------------------------------------------------------------------------------

    def choose_pdf_path(self) -> str | None:
        """Where the PDF test page goes (tests replace it)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / "halaman-uji.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan halaman uji"), suggested,
                                                    self.tr("Dokumen PDF (*.pdf)"))
        return path or None

    def make_test_printer(self, defaults: PrintDefaults) -> QPrinter | None:
        """The printer the test page goes to; None when the officer cancelled choosing a PDF file."""
        if defaults.printer == PDF_PRINTER:
            chosen = self.choose_pdf_path()
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
            return pdf_printer(defaults.paper, path)
        return new_printer(defaults.paper, defaults.printer)

    def _on_btn_test_clicked(self) -> None:
        if self._printing:
            return
        defaults = self.chosen()
        printer = self.make_test_printer(defaults)
        if printer is None:
            return
        ctx = self.ctx
        self._set_printing(True, self.tr("Menyiapkan halaman uji…"))

        def make_and_print() -> int:
            # Both on a worker: reportlab renders, and painting on a QPrinter is allowed off the GUI thread.
            pdf = letterhead_sample_pdf(ctx, letterhead(ctx), defaults.paper)
            return print_pdf(printer, pdf)

        run_op(self, make_and_print, lambda pages: self._on_test_printed(printer, pages), self._on_test_failed)

    def _set_printing(self, printing: bool, status: str) -> None:
        self._printing = printing
        self.btn_test.setEnabled(not printing)
        self.lbl_status.setText(status)

    def _on_test_printed(self, printer: QPrinter, pages: int) -> None:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            text = self.tr("Halaman uji disimpan: {path}").format(path=printer.outputFileName())
        else:
            text = self.tr("Halaman uji terkirim ke {printer}. Periksa: kop surat terbaca jelas dan tidak ada bagian "
                           "yang terpotong.").format(printer=printer.printerName())
        self._set_printing(False, text)
        log.info("test page printed (%d page(s))", pages)
        self.test_printed.emit(pages)

    def _on_test_failed(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            message = error.message
        elif isinstance(error, PrintFailed):
            message = self.tr("Printer tidak dapat mencetak. Periksa printer menyala, kertas terpasang dan kabelnya "
                              "tersambung, lalu coba lagi.")
        else:
            message = self.tr("Halaman uji tidak dapat dibuat karena kesalahan sistem.")
            show_error(self, error)
        self._set_printing(False, message)
        self.test_failed.emit(message)
