"""Step 3c, the letterhead: the office address, a contact line and, if the office has one, its logo. Printed at the
top of every slip and list; saved with the site (Pengaturan → Surat dan kop changes it later)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from puskesos_desk.services.first_run import LetterheadInput
from puskesos_desk.services.letterhead import MAX_LOGO_BYTES
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say, with_messages

LOGO_BOX = 88  # pixels: the thumbnail's square
ADDRESS_MAX, CONTACT_MAX = 300, 200  # as services/letterhead.py accepts


class LetterheadPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.logo: bytes | None = None
        # Widgets
        self.lbl_site = QLabel()
        self.lbl_site.setObjectName("lbl_subtitle")
        self.lbl_site.setWordWrap(True)
        self.edt_address = QLineEdit()
        self.edt_address.setObjectName("edt_address")
        self.edt_address.setMaxLength(ADDRESS_MAX)
        self.edt_contact = QLineEdit()
        self.edt_contact.setObjectName("edt_contact")
        self.edt_contact.setMaxLength(CONTACT_MAX)
        self.lbl_logo = QLabel()
        self.lbl_logo.setFixedSize(LOGO_BOX, LOGO_BOX)
        self.lbl_logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_logo.setObjectName("card")
        self.btn_choose_logo = QPushButton()
        self.btn_choose_logo.setAutoDefault(False)
        self.btn_remove_logo = QPushButton()
        self.btn_remove_logo.setAutoDefault(False)
        self.btn_remove_logo.setEnabled(False)
        self.lbl_logo_error = message_label(warning=True)
        self.lbl_logo_hint = hint_label()
        self.lbl_later = hint_label()

        # Signals
        self.btn_choose_logo.clicked.connect(self._on_btn_choose_logo_clicked)
        self.btn_remove_logo.clicked.connect(self._on_btn_remove_logo_clicked)

        # Assemble
        self.lbl_address = QLabel()
        self.lbl_address.setBuddy(self.edt_address)
        self.lbl_contact = QLabel()
        self.lbl_contact.setBuddy(self.edt_contact)
        self.lbl_logo_caption = QLabel()
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.btn_choose_logo)
        logo_buttons.addWidget(self.btn_remove_logo)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.lbl_logo)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.lbl_address, self.edt_address)
        form.addRow(self.lbl_contact, self.edt_contact)
        form.addRow(self.lbl_logo_caption, with_messages(logo_row, self.lbl_logo_error, self.lbl_logo_hint))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_site)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.lbl_later)
        self._show_logo(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Kop surat"))
        self.setSubTitle(self.tr("Tercetak di atas setiap surat rujukan, tanda terima dan daftar."))
        self.lbl_address.setText(self.tr("&Alamat kantor"))
        self.edt_address.setPlaceholderText(self.tr("Jalan, nomor, desa, kecamatan, kode pos"))
        self.lbl_contact.setText(self.tr("&Kontak"))
        self.edt_contact.setPlaceholderText(self.tr("Telepon / WhatsApp / surel kantor, bila ada"))
        self.lbl_logo_caption.setText(self.tr("Logo (boleh kosong)"))
        self.btn_choose_logo.setText(self.tr("Pilih logo…"))
        self.btn_remove_logo.setText(self.tr("Hapus logo"))
        self.lbl_logo_hint.setText(self.tr("Gambar PNG atau JPEG, paling besar 512 KB, misalnya lambang "
                                           "kabupaten/kota."))
        self.lbl_later.setText(self.tr("Semua isian ini dapat diubah nanti di Pengaturan → Surat dan kop."))
        if self.logo is None:
            self.lbl_logo.setText(self.tr("Tanpa logo"))

    def initializePage(self) -> None:
        self.lbl_site.setText(self.first_run().site_title())
        self.edt_address.setFocus()

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
                say(self.lbl_logo_error, self.tr("Berkas logo terlalu besar (paling besar 512 KB). Perkecil "
                                                 "gambarnya lalu pilih lagi."))
                return
            data = path.read_bytes()
        except OSError as exc:
            say(self.lbl_logo_error, self.tr("Berkas tidak dapat dibaca: {reason}").format(reason=exc.strerror or exc))
            return
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")) \
                or not QPixmap().loadFromData(QByteArray(data)):
            say(self.lbl_logo_error, self.tr("Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca."))
            return
        say(self.lbl_logo_error, "")
        self._show_logo(data)

    def _on_btn_remove_logo_clicked(self) -> None:
        self._show_logo(None)

    def _show_logo(self, logo: bytes | None) -> None:
        self.logo = logo
        pixmap = QPixmap()
        if logo is not None and pixmap.loadFromData(QByteArray(logo)):
            self.lbl_logo.setPixmap(pixmap.scaled(LOGO_BOX - 8, LOGO_BOX - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        else:
            self.lbl_logo.setPixmap(QPixmap())
            self.lbl_logo.setText(self.tr("Tanpa logo"))
        self.btn_remove_logo.setEnabled(logo is not None)

    def letterhead(self) -> LetterheadInput:
        return LetterheadInput(address=" ".join(self.edt_address.text().split()),
                               contact=" ".join(self.edt_contact.text().split()), logo=self.logo)

    def lock(self) -> None:
        for widget in (self.edt_address, self.edt_contact):
            widget.setReadOnly(True)
        self.btn_choose_logo.setEnabled(False)
        self.btn_remove_logo.setEnabled(False)
