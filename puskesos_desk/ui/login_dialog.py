"""Signing in: which site this is, username and password, and a plain inline message when it fails."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk import APP_NAME
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.auth import SignedIn, sign_in
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

if TYPE_CHECKING:
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.context import Database  # the services' handle; the UI never imports data

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """`get_sign_in()` returns the SignedIn result, or None when the user chose Keluar."""

    def __init__(self, db: Database, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.site = site
        self.signed_in: SignedIn | None = None
        self._checking = False
        self.setWindowTitle(self.tr("Masuk — {app}").format(app=APP_NAME))

        # Widgets
        self.lbl_app = QLabel(APP_NAME)
        self.lbl_app.setObjectName("lbl_subtitle")
        self.lbl_site = QLabel(site.name)
        self.lbl_site.setObjectName("lbl_title")
        self.lbl_site.setWordWrap(True)
        self.lbl_region = QLabel(site.region_path)
        self.lbl_region.setObjectName("lbl_subtitle")
        self.lbl_region.setWordWrap(True)
        self.lbl_code = QLabel(self.tr("Kode situs: {code}").format(code=site.code))
        self.lbl_code.setObjectName("lbl_subtitle")
        self.edt_username = QLineEdit()
        self.edt_username.setMaxLength(40)
        self.edt_username.setPlaceholderText(self.tr("misalnya: sri.wahyuni"))
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_password.setMaxLength(200)
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("lbl_hint")
        self.btn_sign_in = QPushButton(self.tr("Masuk"))
        self.btn_sign_in.setDefault(True)
        self.btn_sign_in.setAutoDefault(True)
        self.btn_quit = QPushButton(self.tr("Keluar"))
        self.btn_quit.setAutoDefault(False)

        # Buttons
        self.btn_sign_in.clicked.connect(self._on_btn_sign_in_clicked)
        self.btn_quit.clicked.connect(self.reject)
        self.edt_username.textEdited.connect(self._on_edt_username_text_edited)
        self.edt_password.textEdited.connect(self._on_edt_password_text_edited)

        # Assemble
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Nama pengguna"), self.edt_username)
        form.addRow(self.tr("&Kata sandi"), self.edt_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_status, 1)
        buttons.addWidget(self.btn_quit)
        buttons.addWidget(self.btn_sign_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_app)
        layout.addWidget(self.lbl_site)
        layout.addWidget(self.lbl_region)
        layout.addWidget(self.lbl_code)
        layout.addWidget(rule)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.edt_username.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def get_sign_in(cls, parent: QWidget | None, db: Database, site: SiteInfo, *,
                    notice: str | None = None) -> SignedIn | None:
        """`notice`: why the previous session ended (the account locked at the lock screen), shown at once."""
        dialog = cls(db, site, parent)
        if notice:
            dialog.show_error_text(notice)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.signed_in if accepted else None
        finally:
            dialog.deleteLater()

    def show_error_text(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(True)

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        for widget in (self.edt_username, self.edt_password, self.btn_sign_in):
            widget.setEnabled(not checking)
        self.lbl_status.setText(self.tr("Memeriksa…") if checking else "")

    def _on_edt_username_text_edited(self, _text: str) -> None:
        self.lbl_error.setVisible(False)

    def _on_edt_password_text_edited(self, _text: str) -> None:
        self.lbl_error.setVisible(False)

    def _on_btn_sign_in_clicked(self) -> None:
        if self._checking:
            return
        username = self.edt_username.text().strip()
        password = self.edt_password.text()
        if not username:
            self.show_error_text(self.tr("Isi nama pengguna."))
            self.edt_username.setFocus()
            return
        if not password:
            self.show_error_text(self.tr("Isi kata sandi."))
            self.edt_password.setFocus()
            return
        self.lbl_error.setVisible(False)
        self._set_checking(True)
        db = self.db
        run_op(self, lambda: sign_in(db, username=username, password=password),
               self._on_sign_in_succeeded, self._on_sign_in_failed)

    def _on_sign_in_succeeded(self, result: SignedIn) -> None:
        self._set_checking(False)
        self.signed_in = result
        log.info("signed in as %s (%s)", result.user.username, result.user.role.value)
        self.accept()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self._set_checking(False)
        self.edt_password.clear()
        if isinstance(error, PuskesosError):
            self.show_error_text(error.message)
            self.edt_password.setFocus()
            return
        self.show_error_text(self.tr("Tidak dapat masuk karena kesalahan sistem."))
        show_error(self, error)
