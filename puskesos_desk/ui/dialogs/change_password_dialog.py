"""Changing one's own password: the current one, the new one twice. Also shown right after signing in with a
password an Admin set (`required=True`): then nothing else opens until it is done, and "Batal" signs out.

`changed` holds the session's new state (services.auth.change_own_password) once the change is saved.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.auth import SignedIn, change_own_password
from puskesos_desk.services.passwords import MIN_LENGTH
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

if TYPE_CHECKING:
    from puskesos_desk.services.context import Database

log = logging.getLogger(__name__)


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, signed_in: SignedIn, *, required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.signed_in = signed_in
        self.changed: SignedIn | None = None
        self._saving = False
        self.setWindowTitle(self.tr("Ganti kata sandi"))

        # Widgets
        intro = (self.tr("Akun {name} memakai kata sandi yang dibuat Admin. Ganti dengan kata sandi Anda sendiri "
                         "sebelum mulai bekerja.") if required else
                 self.tr("Ganti kata sandi akun {name}."))
        self.lbl_intro = QLabel(intro.format(name=signed_in.user.username))
        self.lbl_intro.setWordWrap(True)
        self.edt_old = QLineEdit()
        self.edt_new = QLineEdit()
        self.edt_repeat = QLineEdit()
        for edit in (self.edt_old, self.edt_new, self.edt_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
            edit.textEdited.connect(self._on_edit_text_edited)
        self.lbl_rules = QLabel(self.tr(
            "Minimal {n} karakter, bukan nama pengguna, bukan kata sandi umum seperti \"password\" atau \"12345678\". "
            "Gabungan beberapa kata lebih mudah diingat dan sulit ditebak.").format(n=MIN_LENGTH))
        self.lbl_rules.setObjectName("lbl_hint")
        self.lbl_rules.setWordWrap(True)
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.btn_save: QPushButton = self.buttons.addButton(self.tr("Simpan kata sandi"),
                                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.btn_cancel: QPushButton = self.buttons.addButton(
            self.tr("Keluar") if required else self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_save.setDefault(True)

        # Signals
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_cancel.clicked.connect(self.reject)

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("Kata sandi &sekarang"), self.edt_old)
        form.addRow(self.tr("Kata sandi &baru"), self.edt_new)
        form.addRow(self.tr("&Ulangi kata sandi baru"), self.edt_repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(form)
        layout.addWidget(self.lbl_rules)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.edt_old.setFocus()

    def show_error_text(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(True)

    def _on_edit_text_edited(self, _text: str) -> None:
        self.lbl_error.setVisible(False)

    def _on_btn_save_clicked(self) -> None:
        if self._saving:
            return
        old, new = self.edt_old.text(), self.edt_new.text()
        if not old or not new:
            self.show_error_text(self.tr("Isi kata sandi sekarang dan kata sandi baru."))
            return
        if new != self.edt_repeat.text():
            self.show_error_text(self.tr("Kedua isian kata sandi baru tidak sama."))
            self.edt_repeat.clear()
            self.edt_repeat.setFocus()
            return
        self._set_saving(True)
        db, signed_in = self.db, self.signed_in
        run_op(self, lambda: change_own_password(db, signed_in, old_password=old, new_password=new),
               self._on_saved, self._on_failed, writes=True)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for widget in (self.edt_old, self.edt_new, self.edt_repeat, self.btn_save):
            widget.setEnabled(not saving)

    def _on_saved(self, result: SignedIn) -> None:
        self._set_saving(False)
        self.changed = result
        log.info("password changed by its owner")
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, PuskesosError):
            self.show_error_text(error.message)
            field = getattr(error, "field", None)
            (self.edt_old if field == "old_password" else self.edt_new).setFocus()
            return
        show_error(self, error)
