"""The "Catat tanggapan" bar: a USB barcode scanner types the return stub's QR token and presses Enter (an officer
may type the letter number instead). A refused code is explained right under the field, not in a message box, and
the field is selected so the next scan replaces it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

#: A signed token is a few hundred characters; anything longer is not ours (or two scans run together).
MAX_SCAN_LENGTH = 600


class ScanBar(QWidget):
    scanned = Signal(str)  # the text to look up, stripped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        # Widgets
        self.lbl_caption = QLabel(self.tr("Catat &tanggapan"))
        self.lbl_caption.setObjectName("lbl_card_title")
        self.edt_scan = QLineEdit()
        self.edt_scan.setObjectName("edt_scan")
        self.edt_scan.setPlaceholderText(self.tr("Pindai kode QR lembar balasan atau ketik nomor surat…"))
        self.edt_scan.setAccessibleName(self.tr("Kode QR lembar balasan atau nomor surat"))
        self.edt_scan.setMaxLength(MAX_SCAN_LENGTH)
        self.edt_scan.setClearButtonEnabled(True)
        self.lbl_caption.setBuddy(self.edt_scan)
        self.btn_find = QPushButton(self.tr("Cari"))
        self.btn_find.setAutoDefault(False)
        self.lbl_message = QLabel("")
        self.lbl_message.setObjectName("lbl_hint")
        self.lbl_message.setProperty("warning", True)
        self.lbl_message.setWordWrap(True)
        self.lbl_message.setVisible(False)

        # Signals
        self.edt_scan.returnPressed.connect(self._on_edt_scan_return_pressed)
        self.edt_scan.textEdited.connect(self._on_edt_scan_text_edited)
        self.btn_find.clicked.connect(self._on_edt_scan_return_pressed)

        # Assemble
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.lbl_caption)
        row.addWidget(self.edt_scan, 1)
        row.addWidget(self.btn_find)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.lbl_message)

    def text(self) -> str:
        return self.edt_scan.text().strip()

    def set_busy(self, busy: bool) -> None:
        self.edt_scan.setReadOnly(busy)
        self.btn_find.setEnabled(not busy)

    def refuse(self, message: str) -> None:
        """Say why the code was refused, and get ready for the next scan."""
        self.set_busy(False)
        self.lbl_message.setText(message)
        self.lbl_message.setVisible(True)
        self.ready_for_next()

    def accept_scan(self) -> None:
        self.set_busy(False)
        self.lbl_message.setVisible(False)

    def ready_for_next(self) -> None:
        self.edt_scan.setFocus()
        self.edt_scan.selectAll()

    def _on_edt_scan_return_pressed(self) -> None:
        text = self.text()
        if text and not self.edt_scan.isReadOnly():
            self.set_busy(True)
            self.scanned.emit(text)

    def _on_edt_scan_text_edited(self, _text: str) -> None:
        self.lbl_message.setVisible(False)  # the officer is correcting it: the old message no longer applies
