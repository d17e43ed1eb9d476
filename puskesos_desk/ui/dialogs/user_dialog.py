"""A new account (username, full name, role, extra roles, a generated or typed password), or the roles of an
existing one (`account` given: only the roles can change).

A generated password is shown once, after saving, in a read-only field the Admin can copy; it is never stored in
plain text. Either way the owner chooses their own password at the first sign-in.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import ROLE_LABELS, SITE_ROLES, Role
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import SiteInfo, UserInfo
from puskesos_desk.services import accounts
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

log = logging.getLogger(__name__)


def role_text(role: Role) -> str:
    """The role's name as the main window shows it (same source strings, so the same translation)."""
    return QCoreApplication.translate("MainWindow", ROLE_LABELS.get(role, role.value))


class UserDialog(QDialog):
    def __init__(self, ctx: ServiceContext, site: SiteInfo, account: UserInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.saved: UserInfo | None = None
        self.generated_password: str | None = None
        self._saving = False
        self._roles = SITE_ROLES[site.role]
        self.setWindowTitle(self.tr("Akun baru") if account is None else self.tr("Ubah peran"))

        # Widgets
        self.edt_username = QLineEdit(account.username if account else "")
        self.edt_username.setMaxLength(40)
        self.edt_username.setPlaceholderText(self.tr("misalnya: sri.wahyuni"))
        self.edt_full_name = QLineEdit(account.full_name if account else "")
        self.edt_full_name.setMaxLength(200)
        for edit in (self.edt_username, self.edt_full_name):
            edit.setReadOnly(account is not None)
        self.cmb_role = QComboBox()
        for role in self._roles:
            self.cmb_role.addItem(role_text(role), role.value)
        if account is not None:
            self.cmb_role.setCurrentIndex(max(0, self.cmb_role.findData(account.role.value)))
        self.grp_extra = QGroupBox(self.tr("Peran tambahan (merangkap)"))
        self.chk_extra: dict[Role, QCheckBox] = {}
        for role in self._roles:
            box = QCheckBox(role_text(role))
            box.setChecked(account is not None and role in account.extra_roles)
            self.chk_extra[role] = box
        self.grp_password = QGroupBox(self.tr("Kata sandi awal"))
        self.rad_generated = QRadioButton(self.tr("Buat otomatis (ditampilkan sekali setelah disimpan)"))
        self.rad_generated.setChecked(True)
        self.rad_typed = QRadioButton(self.tr("Ketik sendiri"))
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_password.setMaxLength(200)
        self.edt_password.setEnabled(False)
        self.lbl_password_hint = QLabel(self.tr("Pemilik akun wajib menggantinya saat pertama kali masuk."))
        self.lbl_password_hint.setObjectName("lbl_hint")
        self.lbl_password_hint.setWordWrap(True)
        self.grp_password.setVisible(account is None)
        self.grp_result = QGroupBox(self.tr("Kata sandi awal akun ini"))
        self.edt_generated = QLineEdit()
        self.edt_generated.setReadOnly(True)
        self.edt_generated.setAccessibleName(self.tr("Kata sandi awal"))
        self.btn_copy = QPushButton(self.tr("Salin"))
        self.lbl_result_hint = QLabel(self.tr(
            "Catat atau salin sekarang dan serahkan langsung kepada pemilik akun. Kata sandi ini tidak akan "
            "ditampilkan lagi."))
        self.lbl_result_hint.setObjectName("lbl_hint")
        self.lbl_result_hint.setWordWrap(True)
        self.grp_result.setVisible(False)
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.btn_save = self.buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_cancel = self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_close = self.buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.btn_close.setVisible(False)
        self.btn_save.setDefault(True)

        # Signals
        self.rad_typed.toggled.connect(self._on_rad_typed_toggled)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_cancel.clicked.connect(self.reject)
        self.btn_close.clicked.connect(self.accept)
        self.btn_copy.clicked.connect(self._on_btn_copy_clicked)
        self.cmb_role.currentIndexChanged.connect(self._on_cmb_role_current_index_changed)

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna"), self.edt_username)
        form.addRow(self.tr("Nama &lengkap"), self.edt_full_name)
        form.addRow(self.tr("&Peran"), self.cmb_role)
        extra_box = QVBoxLayout(self.grp_extra)
        for box in self.chk_extra.values():
            extra_box.addWidget(box)
        password_box = QVBoxLayout(self.grp_password)
        password_box.addWidget(self.rad_generated)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.rad_typed)
        typed_row.addWidget(self.edt_password, 1)
        password_box.addLayout(typed_row)
        password_box.addWidget(self.lbl_password_hint)
        result_row = QHBoxLayout()
        result_row.addWidget(self.edt_generated, 1)
        result_row.addWidget(self.btn_copy)
        result_box = QVBoxLayout(self.grp_result)
        result_box.addLayout(result_row)
        result_box.addWidget(self.lbl_result_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grp_extra)
        layout.addWidget(self.grp_password)
        layout.addWidget(self.grp_result)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self._on_cmb_role_current_index_changed(self.cmb_role.currentIndex())

    def chosen_role(self) -> Role:
        return Role(self.cmb_role.currentData())

    def chosen_extra_roles(self) -> list[Role]:
        main = self.chosen_role()
        return [role for role, box in self.chk_extra.items() if box.isChecked() and role is not main]

    def show_error_text(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(bool(text))

    def _on_cmb_role_current_index_changed(self, _index: int) -> None:
        main = self.chosen_role()
        for role, box in self.chk_extra.items():  # the main role is not also an extra one
            box.setEnabled(role is not main)
            if role is main:
                box.setChecked(False)

    def _on_rad_typed_toggled(self, checked: bool) -> None:
        self.edt_password.setEnabled(checked)
        if checked:
            self.edt_password.setFocus()

    def _on_btn_copy_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.edt_generated.text())

    def _on_btn_save_clicked(self) -> None:
        if self._saving:
            return
        ctx, role, extras = self.ctx, self.chosen_role(), self.chosen_extra_roles()
        if self.account is not None:
            user_id = self.account.id
            work = lambda: (accounts.set_roles(ctx, user_id, role=role, extra_roles=extras), None)  # noqa: E731
        else:
            username, full_name = self.edt_username.text(), self.edt_full_name.text()
            password = self.edt_password.text() if self.rad_typed.isChecked() else None
            if password == "":
                self.show_error_text(self.tr("Ketik kata sandi awal, atau pilih \"Buat otomatis\"."))
                return
            work = lambda: accounts.create_user(ctx, username=username, full_name=full_name,  # noqa: E731
                                                role=role, extra_roles=extras, password=password)
        self._saving = True
        self.btn_save.setEnabled(False)
        self.show_error_text("")
        run_op(self, work, self._on_saved, self._on_failed, writes=True)

    def _on_saved(self, result: tuple[UserInfo, str | None]) -> None:
        self._saving = False
        self.saved, self.generated_password = result
        log.info("account saved: %s", self.saved.username)
        if self.generated_password is None:
            self.accept()
            return
        # Shown once: the form is locked and the dialog turns into the note to hand over.
        for widget in (self.edt_username, self.edt_full_name, self.cmb_role, self.grp_extra, self.grp_password):
            widget.setEnabled(False)
        self.edt_generated.setText(self.generated_password)
        self.grp_result.setVisible(True)
        self.btn_save.setVisible(False)
        self.btn_cancel.setVisible(False)
        self.btn_close.setVisible(True)
        self.btn_close.setDefault(True)
        self.edt_generated.selectAll()
        self.edt_generated.setFocus()

    def _on_failed(self, error: BaseException) -> None:
        self._saving = False
        self.btn_save.setEnabled(True)
        if isinstance(error, PuskesosError):
            self.show_error_text(error.message)
            return
        show_error(self, error)


class PasswordNoteDialog(QDialog):
    """A password just set by the Admin (reset), shown once in a field that can be copied."""

    def __init__(self, username: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi baru"))
        self.lbl_intro = QLabel(self.tr("Kata sandi baru untuk akun {name}. Serahkan langsung kepada pemiliknya; "
                                        "ia wajib menggantinya saat masuk. Kata sandi ini tidak akan ditampilkan "
                                        "lagi.").format(name=username))
        self.lbl_intro.setWordWrap(True)
        self.edt_password = QLineEdit(password)
        self.edt_password.setReadOnly(True)
        self.edt_password.setAccessibleName(self.tr("Kata sandi baru"))
        self.btn_copy = QPushButton(self.tr("Salin"))
        self.btn_copy.clicked.connect(self._on_btn_copy_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        row = QHBoxLayout()
        row.addWidget(self.edt_password, 1)
        row.addWidget(self.btn_copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.edt_password.selectAll()

    def _on_btn_copy_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.edt_password.text())
