"""The locked desk: shown in place of the main window's content after the idle minutes or Ctrl+Shift+L. Nothing of the
case data is on it: only the site, who is signed in, and a password field.

The same user unlocks with their own password (services.session_lock.unlock_session, on a worker: argon2 is slow on
purpose). Wrong passwords count toward the account lockout; when the account locks, `session_ended(message)` is
emitted and the main window signs out. "Ganti pengguna…" lets a colleague sign in on the same PC.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.session_lock import SessionEnded, unlock_session
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

if TYPE_CHECKING:
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.context import Database

log = logging.getLogger(__name__)

PANEL_WIDTH = 460
PANEL_MARGIN = 24


class LockScreen(QWidget):
    unlocked = Signal()
    switch_user_requested = Signal()
    session_ended = Signal(str)  # the message for the sign-in dialog

    def __init__(self, db: Database, actor: Actor, display_name: str, site: SiteInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._checking = False
        self.setObjectName("lock_screen")

        # Widgets
        self.lbl_site = QLabel(site.name)
        self.lbl_site.setObjectName("lbl_subtitle")
        self.lbl_title = QLabel(self.tr("Layar terkunci"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_who = QLabel(self.tr("Sedang dipakai oleh {name}. Masukkan kata sandi Anda untuk melanjutkan.")
                              .format(name=display_name))
        self.lbl_who.setWordWrap(True)
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_password.setMaxLength(200)
        self.edt_password.setAccessibleName(self.tr("Kata sandi"))
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("lbl_hint")
        self.btn_unlock = QPushButton(self.tr("Buka kunci"))
        self.btn_unlock.setDefault(True)
        self.btn_switch_user = QPushButton(self.tr("Ganti pengguna…"))
        self.btn_switch_user.setToolTip(self.tr("Keluar dari akun ini dan masuk sebagai pengguna lain"))
        self.lbl_hint = QLabel(self.tr("Layar dikunci otomatis bila komputer tidak dipakai beberapa menit, supaya "
                                       "data warga tidak terlihat oleh orang lain."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)

        # Signals
        self.btn_unlock.clicked.connect(self._on_btn_unlock_clicked)
        self.edt_password.returnPressed.connect(self._on_btn_unlock_clicked)
        self.edt_password.textEdited.connect(self._on_edt_password_text_edited)
        self.btn_switch_user.clicked.connect(self.switch_user_requested)

        # Assemble
        panel = QFrame()
        panel.setObjectName("frm_lock_panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(PANEL_WIDTH)
        for label in (self.lbl_who, self.lbl_error, self.lbl_hint):  # wrapped text is measured at its real width
            label.setFixedWidth(PANEL_WIDTH - 2 * PANEL_MARGIN)
        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi"), self.edt_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_status, 1)
        buttons.addWidget(self.btn_switch_user)
        buttons.addWidget(self.btn_unlock)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(PANEL_MARGIN, 20, PANEL_MARGIN, 20)
        inner.setSpacing(10)
        inner.addWidget(self.lbl_site)
        inner.addWidget(self.lbl_title)
        inner.addWidget(self.lbl_who)
        inner.addLayout(form)
        inner.addWidget(self.lbl_error)
        inner.addLayout(buttons)
        inner.addWidget(self.lbl_hint)
        # Centred by stretches rather than an alignment flag: an aligned widget gets its plain size hint, which
        # measures the wrapped texts too short; in a row it gets the height its width needs.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def reset(self) -> None:
        """Ready for the next lock: empty password, no old message, focus in the field."""
        self.edt_password.clear()
        self.lbl_error.setVisible(False)
        self._set_checking(False)
        self.edt_password.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error_text(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(True)

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        for widget in (self.edt_password, self.btn_unlock, self.btn_switch_user):
            widget.setEnabled(not checking)
        self.lbl_status.setText(self.tr("Memeriksa…") if checking else "")

    def _on_edt_password_text_edited(self, _text: str) -> None:
        self.lbl_error.setVisible(False)

    def _on_btn_unlock_clicked(self) -> None:
        if self._checking:
            return
        password = self.edt_password.text()
        if not password:
            self.show_error_text(self.tr("Isi kata sandi."))
            return
        self._set_checking(True)
        db, actor = self.db, self.actor
        run_op(self, lambda: unlock_session(db, actor, password), self._on_unlock_succeeded,
               self._on_unlock_failed, writes=True)

    def _on_unlock_succeeded(self, _result: object) -> None:
        self._set_checking(False)
        self.edt_password.clear()
        log.info("screen unlocked")
        self.unlocked.emit()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._set_checking(False)
        self.edt_password.clear()
        if isinstance(error, SessionEnded):
            log.info("screen unlock refused; the session ends")
            self.session_ended.emit(error.message)
            return
        if isinstance(error, PuskesosError):
            self.show_error_text(error.message)
            self.edt_password.setFocus()
            return
        self.show_error_text(self.tr("Tidak dapat membuka kunci karena kesalahan sistem."))
        show_error(self, error)
