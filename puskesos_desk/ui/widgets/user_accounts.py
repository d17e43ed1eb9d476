"""Pengaturan → "Akun pengguna" (MANAGE_USERS): the site's personal accounts, and adding one, changing its roles,
resetting its password (shown once), lifting a lockout, deactivating or reactivating it.

The services refuse what the Admin may not do (deactivating or demoting themself, removing the last Admin) with a
message that is shown here as it is. Tests replace the modal steps: `open_user_dialog(account)`,
`confirm(text)` and `show_password_note(username, password)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import SiteInfo, UserInfo
from puskesos_desk.services import accounts
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.ui.dialogs.user_dialog import PasswordNoteDialog, UserDialog, role_text
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_short, format_time
from puskesos_desk.ui.models.record_table_model import ROW_ROLE, RecordTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

log = logging.getLogger(__name__)

VISIBLE_ROWS = 8


def _is_locked(user: UserInfo) -> bool:
    return user.locked_until is not None and user.locked_until > datetime.now(UTC)


class UserAccountsModel(RecordTableModel[UserInfo]):
    COL_USERNAME, COL_NAME, COL_ROLE, COL_STATUS, COL_LAST = range(5)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nama pengguna"), self.tr("Nama lengkap"), self.tr("Peran"), self.tr("Status"),
                self.tr("Terakhir masuk"))

    def cell_text(self, row: int, record: UserInfo, column: int) -> str:
        if column == self.COL_USERNAME:
            return record.username
        if column == self.COL_NAME:
            return record.full_name
        if column == self.COL_ROLE:
            return ", ".join(role_text(role) for role in record.roles)
        if column == self.COL_STATUS:
            return self.status_text(record)
        if record.last_login_at is None:
            return self.tr("belum pernah")
        local = record.last_login_at.astimezone(local_zone())
        return f"{format_date_short(local.date())} {format_time(local)}"

    def cell_sort(self, row: int, record: UserInfo, column: int) -> Any:
        if column == self.COL_LAST:
            return record.last_login_at.isoformat() if record.last_login_at else ""
        return self.cell_text(row, record, column)

    def status_text(self, record: UserInfo) -> str:
        parts = [self.tr("aktif") if record.active else self.tr("nonaktif")]
        if _is_locked(record):
            local = record.locked_until.astimezone(local_zone())  # type: ignore[union-attr]
            parts.append(self.tr("terkunci s.d. {time}").format(time=format_time(local)))
        if record.must_change_password:
            parts.append(self.tr("wajib ganti kata sandi"))
        return ", ".join(parts)


class UserAccounts(QGroupBox):
    list_loaded = Signal()
    account_changed = Signal(str)  # the username whose account was just changed

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Akun pengguna"), parent)
        self.ctx = ctx
        self.site = site
        self._busy = False
        self._load_started = False

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "Setiap petugas memakai akunnya sendiri; jangan berbagi akun. Admin hanya mengelola akun dan pengaturan; "
            "untuk melihat data warga, beri juga peran kerja (misalnya Koordinator)."))
        self.lbl_intro.setObjectName("lbl_hint")
        self.lbl_intro.setWordWrap(True)
        self.model = UserAccountsModel(self)
        self.tbl_users, self.proxy = record_table(
            self.model, accessible_name=self.tr("Akun pengguna"), stretch_column=UserAccountsModel.COL_NAME,
            max_column_width=320, object_name="tbl_users")
        self.tbl_users.sortByColumn(UserAccountsModel.COL_USERNAME, Qt.SortOrder.AscendingOrder)
        self.btn_add = QPushButton(self.tr("Tambah…"))
        self.btn_roles = QPushButton(self.tr("Ubah peran…"))
        self.btn_reset = QPushButton(self.tr("Atur ulang kata sandi…"))
        self.btn_unlock = QPushButton(self.tr("Buka kunci"))
        self.btn_unlock.setToolTip(self.tr("Buka akun yang terkunci karena kata sandi salah berulang kali"))
        self.btn_active = QPushButton(self.tr("Nonaktifkan…"))
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)

        # Signals
        self.btn_add.clicked.connect(self._on_btn_add_clicked)
        self.btn_roles.clicked.connect(self._on_btn_roles_clicked)
        self.btn_reset.clicked.connect(self._on_btn_reset_clicked)
        self.btn_unlock.clicked.connect(self._on_btn_unlock_clicked)
        self.btn_active.clicked.connect(self._on_btn_active_clicked)
        self.tbl_users.selectionModel().currentRowChanged.connect(self._on_tbl_users_current_row_changed)

        # Assemble
        buttons = QHBoxLayout()
        for button in (self.btn_add, self.btn_roles, self.btn_reset, self.btn_unlock, self.btn_active):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.tbl_users)
        layout.addLayout(buttons)
        layout.addWidget(self.lbl_status)
        self._update_buttons()

    # Loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.reload)

    def reload(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: accounts.list_accounts(ctx), self._on_list_ready, self._on_list_failed)

    def _on_list_ready(self, rows: list[UserInfo]) -> None:
        selected = self.selected_account()
        self.model.set_rows(rows)
        row_height = self.tbl_users.verticalHeader().defaultSectionSize()
        header = self.tbl_users.horizontalHeader().sizeHint().height()
        self.tbl_users.setFixedHeight(header + row_height * max(3, min(len(rows), VISIBLE_ROWS)) + 4)
        if selected is not None:
            self.select_username(selected.username)
        self._update_buttons()
        self.list_loaded.emit()

    def _on_list_failed(self, error: BaseException) -> None:
        self._set_status(error.message if isinstance(error, PuskesosError) else "")
        if not isinstance(error, PuskesosError):
            show_error(self, error)
        self.list_loaded.emit()

    # Selection

    def selected_account(self) -> UserInfo | None:
        index = self.tbl_users.currentIndex()
        if not index.isValid():
            return None
        record = self.proxy.data(index, ROW_ROLE)
        return record if isinstance(record, UserInfo) else None

    def select_username(self, username: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            record = self.proxy.data(index, ROW_ROLE)
            if isinstance(record, UserInfo) and record.username == username:
                self.tbl_users.setCurrentIndex(index)
                self.tbl_users.selectRow(row)
                return True
        return False

    def _on_tbl_users_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        account = self.selected_account()
        for button in (self.btn_roles, self.btn_reset, self.btn_active):
            button.setEnabled(account is not None and not self._busy)
        self.btn_unlock.setEnabled(account is not None and _is_locked(account) and not self._busy)
        self.btn_add.setEnabled(not self._busy)
        self.btn_active.setText(self.tr("Aktifkan") if account is not None and not account.active
                                else self.tr("Nonaktifkan…"))

    def _set_status(self, text: str) -> None:
        self.lbl_status.setText(text)

    # Modal steps (replaced in tests)

    def open_user_dialog(self, account: UserInfo | None) -> UserInfo | None:
        dialog = UserDialog(self.ctx, self.site, account, self)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Akun pengguna"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_password_note(self, username: str, password: str) -> None:
        dialog = PasswordNoteDialog(username, password, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    # Actions

    def _on_btn_add_clicked(self) -> None:
        saved = self.open_user_dialog(None)
        if saved is not None:
            self._after_change(saved, self.tr("Akun {name} dibuat.").format(name=saved.username))

    def _on_btn_roles_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        saved = self.open_user_dialog(account)
        if saved is not None:
            self._after_change(saved, self.tr("Peran akun {name} diubah.").format(name=saved.username))

    def _on_btn_reset_clicked(self) -> None:
        account = self.selected_account()
        if account is None or not self.confirm(self.tr(
                "Buat kata sandi baru untuk {name}? Kata sandi lama tidak berlaku lagi, dan pemilik akun wajib "
                "menggantinya saat masuk.").format(name=account.username)):
            return
        ctx, user_id = self.ctx, account.id

        def done(result: tuple[UserInfo, str]) -> None:
            info, secret = result
            self.show_password_note(info.username, secret)
            self._after_change(info, self.tr("Kata sandi akun {name} diatur ulang.").format(name=info.username))

        self._run(lambda: accounts.reset_password(ctx, user_id), done)

    def _on_btn_unlock_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        ctx, user_id = self.ctx, account.id
        self._run(lambda: accounts.unlock_account(ctx, user_id),
                  lambda info: self._after_change(info, self.tr("Akun {name} dibuka kembali.")
                                                  .format(name=info.username)))

    def _on_btn_active_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        activate = not account.active
        if not activate and not self.confirm(self.tr(
                "Nonaktifkan akun {name}? Akun ini tidak dapat dipakai masuk lagi sampai diaktifkan kembali; "
                "riwayat kerjanya tetap tersimpan.").format(name=account.username)):
            return
        ctx, user_id = self.ctx, account.id
        message = self.tr("Akun {name} diaktifkan.") if activate else self.tr("Akun {name} dinonaktifkan.")
        self._run(lambda: accounts.set_active(ctx, user_id, active=activate),
                  lambda info: self._after_change(info, message.format(name=info.username)))

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._busy = True
        self._update_buttons()
        self._set_status(self.tr("Menyimpan…"))

        def succeeded(result: Any) -> None:
            self._busy = False
            on_done(result)

        run_op(self, work, succeeded, self._on_action_failed, writes=True)

    def _on_action_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(error, PuskesosError):
            self._set_status(error.message)
            return
        self._set_status("")
        show_error(self, error)

    def _after_change(self, info: UserInfo, message: str) -> None:
        log.info("account changed: %s", info.username)
        self._set_status(message)
        self.account_changed.emit(info.username)
        ctx = self.ctx

        def reloaded(rows: list[UserInfo]) -> None:
            self._on_list_ready(rows)
            self.select_username(info.username)
            self._update_buttons()

        run_op(self, lambda: accounts.list_accounts(ctx), reloaded, self._on_list_failed)
