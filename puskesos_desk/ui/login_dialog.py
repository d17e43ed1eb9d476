"""Signing in: which site this is, username and password, and a plain inline message when it fails.

At start-up the dialog may be painted before the database is open (from the site card remembered at the last
start, see services/site_card.py): `database_ready()` hands it the database once it is open, and a sign-in asked
for earlier waits for it. Nothing heavy is imported here, so the first paint stays quick.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
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
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

if TYPE_CHECKING:
    from puskesos_desk.services.auth import SignedIn
    from puskesos_desk.services.context import Database  # the services' handle; the UI never imports data
    from puskesos_desk.services.site_card import HasSiteCard

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """`get_sign_in()` returns the SignedIn result, or None when the user chose Keluar. `db` is None while the
    database is still being opened behind the dialog."""

    first_painted = Signal()

    def __init__(self, db: Database | None, site: HasSiteCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.site = site
        self.signed_in: SignedIn | None = None
        self._checking = False
        self._waiting_for_database = False
        self._painted = False
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
        self.lbl_status = QLabel("" if db is not None else self.tr("Menyiapkan basis data…"))
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
    def get_sign_in(cls, parent: QWidget | None, db: Database, site: HasSiteCard, *,
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

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def database_ready(self, db: Database, site: HasSiteCard) -> None:
        """The database opened behind the dialog: the card as the database has it, and a waiting sign-in goes on."""
        self.db = db
        self.site = site
        self.lbl_site.setText(site.name)
        self.lbl_region.setText(site.region_path)
        self.lbl_code.setText(self.tr("Kode situs: {code}").format(code=site.code))
        if self._waiting_for_database:
            self._waiting_for_database = False
            self._start_sign_in()
        elif not self._checking:
            self.lbl_status.setText("")

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
        if self.db is None:  # still opening: the sign-in goes on in database_ready()
            self._waiting_for_database = True
            return
        self._start_sign_in()

    def _start_sign_in(self) -> None:
        from puskesos_desk.services.auth import sign_in  # loaded with the database, behind the painted dialog

        db = self.db
        username = self.edt_username.text().strip()
        password = self.edt_password.text()
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
