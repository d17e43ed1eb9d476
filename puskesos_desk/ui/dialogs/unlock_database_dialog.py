"""At start-up, before the sign-in: the passphrase of an encrypted site's database, or its recovery key.

"Buka" checks the passphrase (Argon2id, about a third of a second) and keeps the dialog open with a clear message
when it is wrong. "Pakai kunci pemulihan…" switches to the recovery page: the 56-character key from the sheet the
district keeps, and a new passphrase twice; the site opens and the new passphrase replaces the forgotten one.
`data_key` holds the unlocked key once accepted; the app opens the database with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services import encryption

log = logging.getLogger(__name__)


class UnlockDatabaseDialog(QDialog):
    def __init__(self, target: str | None, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.data_key: bytes | None = None
        self.setWindowTitle(self.tr("Buka basis data terenkripsi"))

        # Widgets: the passphrase page
        self.lbl_intro = QLabel(self.tr("Basis data {location} terenkripsi. Masukkan frasa sandi basis data kantor "
                                        "untuk membukanya.").format(location=location))
        self.lbl_intro.setWordWrap(True)
        self.edt_passphrase = QLineEdit()
        self.edt_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_passphrase.setMaxLength(200)
        self.btn_open = QPushButton(self.tr("&Buka"))
        self.btn_open.setDefault(True)
        self.btn_recovery = QPushButton(self.tr("Pakai &kunci pemulihan…"))
        self.btn_quit = QPushButton(self.tr("Keluar"))
        # Widgets: the recovery page
        self.lbl_recovery = QLabel(self.tr(
            "Ketik kunci pemulihan dari lembar \"Kunci Pemulihan Basis Data\" yang disimpan Sekretariat SLRT "
            "kabupaten/kota (56 huruf dan angka; tanda hubung boleh diabaikan), lalu buat frasa sandi baru."))
        self.lbl_recovery.setWordWrap(True)
        self.edt_recovery_key = QLineEdit()
        self.edt_recovery_key.setPlaceholderText("ABCD-EFGH-…")
        self.edt_recovery_key.setMaxLength(120)
        self.edt_new = QLineEdit()
        self.edt_repeat = QLineEdit()
        for edit in (self.edt_new, self.edt_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
        self.btn_recover = QPushButton(self.tr("Buka dan simpan frasa sandi &baru"))
        self.btn_back = QPushButton(self.tr("Kembali"))
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)

        # Signals
        self.btn_open.clicked.connect(self._on_btn_open_clicked)
        self.btn_recovery.clicked.connect(self._on_btn_recovery_clicked)
        self.btn_quit.clicked.connect(self.reject)
        self.btn_recover.clicked.connect(self._on_btn_recover_clicked)
        self.btn_back.clicked.connect(self._on_btn_back_clicked)
        for edit in (self.edt_passphrase, self.edt_recovery_key, self.edt_new, self.edt_repeat):
            edit.textEdited.connect(self._on_edit_text_edited)

        # Assemble
        self.pages = QStackedWidget()
        unlock_page = QWidget()
        unlock_form = QFormLayout()
        unlock_form.addRow(self.tr("&Frasa sandi"), self.edt_passphrase)
        unlock_buttons = QHBoxLayout()
        unlock_buttons.addWidget(self.btn_recovery)
        unlock_buttons.addStretch(1)
        unlock_buttons.addWidget(self.btn_quit)
        unlock_buttons.addWidget(self.btn_open)
        unlock_layout = QVBoxLayout(unlock_page)
        unlock_layout.addWidget(self.lbl_intro)
        unlock_layout.addLayout(unlock_form)
        unlock_layout.addLayout(unlock_buttons)
        recovery_page = QWidget()
        recovery_form = QFormLayout()
        recovery_form.addRow(self.tr("&Kunci pemulihan"), self.edt_recovery_key)
        recovery_form.addRow(self.tr("Frasa sandi &baru"), self.edt_new)
        recovery_form.addRow(self.tr("&Ulangi frasa sandi baru"), self.edt_repeat)
        recovery_buttons = QHBoxLayout()
        recovery_buttons.addWidget(self.btn_back)
        recovery_buttons.addStretch(1)
        recovery_buttons.addWidget(self.btn_recover)
        recovery_layout = QVBoxLayout(recovery_page)
        recovery_layout.addWidget(self.lbl_recovery)
        recovery_layout.addLayout(recovery_form)
        recovery_layout.addStretch(1)
        recovery_layout.addLayout(recovery_buttons)
        self.pages.addWidget(unlock_page)
        self.pages.addWidget(recovery_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.pages)
        self.setMinimumWidth(560)
        self.edt_passphrase.setFocus()

    @classmethod
    def get_data_key(cls, parent: QWidget | None, target: str | None, location: str) -> bytes | None:
        dialog = cls(target, location, parent)
        try:
            return dialog.data_key if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_error_text(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(True)

    def _on_edit_text_edited(self, _text: str) -> None:
        self.lbl_error.setVisible(False)

    def _on_btn_recovery_clicked(self) -> None:
        self.lbl_error.setVisible(False)
        self.pages.setCurrentIndex(1)
        self.btn_recover.setDefault(True)
        self.edt_recovery_key.setFocus()

    def _on_btn_back_clicked(self) -> None:
        self.lbl_error.setVisible(False)
        self.pages.setCurrentIndex(0)
        self.btn_open.setDefault(True)
        self.edt_passphrase.setFocus()

    def _on_btn_open_clicked(self) -> None:
        passphrase = self.edt_passphrase.text()
        if not passphrase:
            self.show_error_text(self.tr("Isi frasa sandi basis data."))
            return
        # Synchronous on purpose: no window exists yet, and the key derivation takes well under a second.
        if self._unlocked(lambda: encryption.unlock(self.target, passphrase)):
            return
        self.edt_passphrase.selectAll()
        self.edt_passphrase.setFocus()

    def _on_btn_recover_clicked(self) -> None:
        key_text, new = self.edt_recovery_key.text(), self.edt_new.text()
        if not key_text.strip() or not new:
            self.show_error_text(self.tr("Isi kunci pemulihan dan frasa sandi baru."))
            return
        if new != self.edt_repeat.text():
            self.show_error_text(self.tr("Kedua isian frasa sandi baru tidak sama."))
            self.edt_repeat.clear()
            self.edt_repeat.setFocus()
            return
        if not self._unlocked(lambda: encryption.recover_with_key(self.target, key_text, new)):
            self.edt_recovery_key.setFocus()

    def _unlocked(self, attempt: Callable[[], bytes]) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.data_key = attempt()
        except PuskesosError as exc:
            log.info("database not unlocked: %s", exc.message)
            self.show_error_text(exc.message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        log.info("encrypted database unlocked")
        self.accept()
        return True
