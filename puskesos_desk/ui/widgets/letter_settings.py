"""Pengaturan → "Surat dan kop" (accounts that manage settings): the referral letter-number pattern, checked and
shown as an example while it is typed, and the letterhead every printout carries (address, contact line, logo).

"Pratinjau kop" shows the letterhead as typed, before it is saved, on an empty worklist page that holds no personal
data and is never issued (services.letterhead.letterhead_sample_pdf). The preview dialog is imported on the first
preview: reportlab and PDFium are not needed at start-up.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.documents import Letterhead, Paper
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.domain.referrals import format_letter_number, number_pattern_error
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import MAX_LOGO_BYTES, letterhead, letterhead_sample_pdf, save_letterhead
from puskesos_desk.services.referrals import number_pattern, set_number_pattern
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

if TYPE_CHECKING:
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

log = logging.getLogger(__name__)

LOGO_BOX = 88  # pixels: the thumbnail's square


def one_line(text: str) -> str:
    """As the service stores it: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


class LetterSettings(QGroupBox):
    loaded = Signal()
    pattern_saved = Signal(str)  # an example number in the saved pattern
    letterhead_saved = Signal()

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Surat dan kop"), parent)
        self.ctx = ctx
        self.site = site
        self.saved_pattern: str | None = None
        self.saved_letterhead: Letterhead | None = None
        self.logo: bytes | None = None  # the logo as shown: the saved one, a newly chosen one, or none
        self.logo_changed = False
        self.preview: PdfPreviewDialog | None = None  # the preview open now (tests look at it)
        self._load_started = False

        # Widgets
        self.edt_pattern = QLineEdit()
        self.edt_pattern.setAccessibleName(self.tr("Pola nomor surat rujukan"))
        self.lbl_example = self._hint()
        self.lbl_pattern_error = self._hint(warning=True)
        self.lbl_pattern_help = self._hint(self.tr(
            "Bagian yang dapat dipakai: {seq} nomor urut (mulai lagi dari 1 setiap tahun; {seq:03d} menulis 001), "
            "{site} kode situs, {month_roman} bulan dalam angka Romawi, {month} bulan, {year} tahun."))
        self.btn_save_pattern = QPushButton(self.tr("Simpan pola nomor"))
        self.lbl_pattern_status = self._hint()
        self.edt_address = QLineEdit()
        self.edt_address.setPlaceholderText(self.tr("Jalan, nomor, desa, kecamatan, kode pos"))
        self.edt_contact = QLineEdit()
        self.edt_contact.setPlaceholderText(self.tr("Telepon / WhatsApp / surel kantor, bila ada"))
        self.lbl_logo = QLabel()
        self.lbl_logo.setFixedSize(LOGO_BOX, LOGO_BOX)
        self.lbl_logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_logo.setObjectName("card")
        self.lbl_logo.setAccessibleName(self.tr("Logo kop surat"))
        self.btn_choose_logo = QPushButton(self.tr("Pilih logo…"))
        self.btn_choose_logo.setToolTip(self.tr("Gambar PNG atau JPEG, paling besar 512 KB"))
        self.btn_remove_logo = QPushButton(self.tr("Hapus logo"))
        self.btn_save_letterhead = QPushButton(self.tr("Simpan kop"))
        self.btn_preview = QPushButton(self.tr("Pratinjau kop…"))
        self.btn_preview.setToolTip(self.tr("Lihat kop surat seperti yang diisi sekarang, sebelum disimpan"))
        self.lbl_letterhead_status = self._hint()
        self._set_enabled(False)

        # Signals
        self.edt_pattern.textChanged.connect(self._on_edt_pattern_text_changed)
        self.btn_save_pattern.clicked.connect(self._on_btn_save_pattern_clicked)
        self.btn_choose_logo.clicked.connect(self._on_btn_choose_logo_clicked)
        self.btn_remove_logo.clicked.connect(self._on_btn_remove_logo_clicked)
        self.btn_save_letterhead.clicked.connect(self._on_btn_save_letterhead_clicked)
        self.btn_preview.clicked.connect(self._on_btn_preview_clicked)

        # Assemble: a grid rather than a form layout, so the wrapped messages get exactly the height they need and
        # a hidden one leaves no gap.
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        pattern_row = QHBoxLayout()
        pattern_row.addWidget(self.edt_pattern, 1)
        pattern_row.addWidget(self.btn_save_pattern)
        self._row(grid, self.tr("Pola &nomor surat"), pattern_row, self.edt_pattern)
        for widget in (self.lbl_example, self.lbl_pattern_error, self.lbl_pattern_status, self.lbl_pattern_help):
            grid.addWidget(widget, grid.rowCount(), 1)
        self._row(grid, self.tr("&Alamat di kop"), self.edt_address)
        self._row(grid, self.tr("&Kontak"), self.edt_contact)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.btn_choose_logo)
        logo_buttons.addWidget(self.btn_remove_logo)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.lbl_logo)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        self._row(grid, self.tr("Logo"), logo_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.btn_save_letterhead)
        save_row.addWidget(self.btn_preview)
        save_row.addWidget(self.lbl_letterhead_status, 4)
        save_row.addStretch(1)  # the buttons keep their size while the message is hidden
        grid.addLayout(save_row, grid.rowCount(), 1)

    def _row(self, grid: QGridLayout, caption: str, field: QWidget | QHBoxLayout, buddy: QWidget | None = None) -> None:
        """A caption level with the first line of its field (a line edit's height), the field beside it."""
        row = grid.rowCount()
        label = QLabel(caption)
        label.setMinimumHeight(self.edt_address.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if buddy is not None or isinstance(field, QWidget):
            label.setBuddy(buddy or field)  # type: ignore[arg-type]
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        if isinstance(field, QHBoxLayout):
            grid.addLayout(field, row, 1)
        else:
            grid.addWidget(field, row, 1)

    @staticmethod
    def _hint(text: str = "", *, warning: bool = False) -> QLabel:
        widget = QLabel(text)
        widget.setObjectName("lbl_hint")
        widget.setProperty("warning", warning)
        widget.setWordWrap(True)
        widget.setVisible(bool(text))
        return widget

    @staticmethod
    def _say(widget: QLabel, text: str) -> None:
        widget.setText(text)
        widget.setVisible(bool(text))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.edt_pattern, self.edt_address, self.edt_contact, self.btn_choose_logo,
                       self.btn_save_letterhead, self.btn_preview):
            widget.setEnabled(enabled)
        self.btn_remove_logo.setEnabled(enabled and self.logo is not None)
        self.btn_save_pattern.setEnabled(enabled and self._pattern_savable())

    # --- loading -----------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.load)

    def load(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: (number_pattern(ctx), letterhead(ctx)), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: tuple[str, Letterhead]) -> None:
        pattern, head = result
        self.saved_pattern = pattern
        self.saved_letterhead = head
        self.edt_pattern.setText(pattern)
        self.edt_address.setText(head.address)
        self.edt_contact.setText(head.contact)
        self._show_logo(head.logo_png, changed=False)
        self._set_enabled(True)
        self._on_edt_pattern_text_changed(pattern)
        self.loaded.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            self._say(self.lbl_letterhead_status, error.message)
        else:
            show_error(self, error)

    # --- the letter-number pattern -----------------------------------------------------------------------------------

    def _pattern_savable(self) -> bool:
        pattern = self.edt_pattern.text().strip()
        return bool(pattern) and pattern != self.saved_pattern and number_pattern_error(pattern) is None

    def _on_edt_pattern_text_changed(self, text: str) -> None:
        pattern = text.strip()
        problem = number_pattern_error(pattern) if pattern else self.tr("Isi pola nomor surat.")
        if problem is None:
            example = format_letter_number(pattern, seq=1, day=date.today(), site_code=self.site.code)
            self._say(self.lbl_example, self.tr("Contoh surat pertama tahun ini: {number}").format(number=example))
        else:
            self._say(self.lbl_example, "")
        self._say(self.lbl_pattern_error, problem or "")
        self._say(self.lbl_pattern_status, "")
        self.btn_save_pattern.setEnabled(self.edt_pattern.isEnabled() and self._pattern_savable())

    def _on_btn_save_pattern_clicked(self) -> None:
        if not self._pattern_savable():
            return
        ctx, pattern = self.ctx, self.edt_pattern.text().strip()
        self.btn_save_pattern.setEnabled(False)
        self._say(self.lbl_pattern_status, self.tr("Menyimpan…"))
        run_op(self, lambda: set_number_pattern(ctx, pattern), lambda example: self._on_pattern_saved(pattern, example),
               self._on_pattern_save_failed, writes=True)

    def _on_pattern_saved(self, pattern: str, example: str) -> None:
        self.saved_pattern = pattern
        self._say(self.lbl_pattern_status, self.tr("Tersimpan. Surat rujukan berikutnya bernomor seperti {number}")
                  .format(number=example))
        self.btn_save_pattern.setEnabled(self._pattern_savable())
        self.pattern_saved.emit(example)

    def _on_pattern_save_failed(self, error: BaseException) -> None:
        self._say(self.lbl_pattern_status, "")
        self.btn_save_pattern.setEnabled(self._pattern_savable())
        if isinstance(error, PuskesosError):
            self._say(self.lbl_pattern_error, error.message)
        else:
            show_error(self, error)

    # --- the letterhead ----------------------------------------------------------------------------------------------

    def _show_logo(self, logo: bytes | None, *, changed: bool) -> None:
        self.logo = logo
        self.logo_changed = changed
        pixmap = QPixmap()
        if logo is not None and pixmap.loadFromData(QByteArray(logo)):
            self.lbl_logo.setPixmap(pixmap.scaled(LOGO_BOX - 8, LOGO_BOX - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        else:
            self.lbl_logo.setPixmap(QPixmap())
            self.lbl_logo.setText(self.tr("Tanpa logo"))
        self.btn_remove_logo.setEnabled(logo is not None)

    def choose_logo_path(self) -> str | None:
        """The file dialog (tests replace it)."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih logo kop surat"), "",
                                                    self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"))
        return path or None

    def _on_btn_choose_logo_clicked(self) -> None:
        chosen = self.choose_logo_path()
        if not chosen:
            return
        path = Path(chosen)
        try:
            if path.stat().st_size > MAX_LOGO_BYTES:  # checked before reading: a phone photo can be many MB
                self._say(self.lbl_letterhead_status, self.tr("Berkas logo terlalu besar (paling besar 512 KB). "
                                                              "Perkecil gambarnya lalu pilih lagi."))
                return
            data = path.read_bytes()
        except OSError as exc:
            self._say(self.lbl_letterhead_status, self.tr("Berkas tidak dapat dibaca: {reason}").format(
                reason=exc.strerror or exc))
            return
        if not QPixmap().loadFromData(QByteArray(data)):
            self._say(self.lbl_letterhead_status, self.tr("Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca."))
            return
        self._show_logo(data, changed=True)
        self._say(self.lbl_letterhead_status, self.tr("Logo dipilih; tekan Simpan kop untuk memakainya."))

    def _on_btn_remove_logo_clicked(self) -> None:
        self._show_logo(None, changed=True)
        self._say(self.lbl_letterhead_status, self.tr("Logo akan dihapus saat kop disimpan."))

    def _on_btn_save_letterhead_clicked(self) -> None:
        ctx = self.ctx
        address, contact = self.edt_address.text(), self.edt_contact.text()
        logo = self.logo if self.logo_changed else None
        keep = not self.logo_changed

        def save() -> Letterhead:
            return save_letterhead(ctx, address=address, contact=contact, logo=logo, keep_logo=keep)

        self.btn_save_letterhead.setEnabled(False)
        self._say(self.lbl_letterhead_status, self.tr("Menyimpan…"))
        run_op(self, save, self._on_letterhead_saved, self._on_letterhead_save_failed, writes=True)

    def _on_letterhead_saved(self, head: Letterhead) -> None:
        self.saved_letterhead = head
        self.btn_save_letterhead.setEnabled(True)
        self.edt_address.setText(head.address)
        self.edt_contact.setText(head.contact)
        self._show_logo(head.logo_png, changed=False)
        self._say(self.lbl_letterhead_status, self.tr("Kop surat tersimpan; dipakai di semua cetakan berikutnya."))
        self.letterhead_saved.emit()

    def _on_letterhead_save_failed(self, error: BaseException) -> None:
        self.btn_save_letterhead.setEnabled(True)
        if isinstance(error, PuskesosError):
            self._say(self.lbl_letterhead_status, error.message)
        else:
            self._say(self.lbl_letterhead_status, "")
            show_error(self, error)

    def typed_letterhead(self) -> Letterhead | None:
        """The saved letterhead with the address, contact and logo as they are typed and chosen now."""
        if self.saved_letterhead is None:
            return None
        return replace(self.saved_letterhead, address=one_line(self.edt_address.text()),
                       contact=one_line(self.edt_contact.text()), logo_png=self.logo)

    def _on_btn_preview_clicked(self) -> None:
        head = self.typed_letterhead()
        if head is None:
            return
        from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        def render(paper: Paper) -> bytes:
            return letterhead_sample_pdf(self.ctx, head, paper)

        dialog = PdfPreviewDialog(self, title=self.tr("Pratinjau kop surat"), render=render, issue=None,
                                  papers=(Paper.F4, Paper.A4, Paper.A5), paper=Paper.F4)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_preview_finished)
        self.preview = dialog
        dialog.open()

    def _on_preview_finished(self, _result: int) -> None:
        self.preview = None
