"""Step 5, Akun petugas (optional): one personal account per officer — Koordinator, Petugas FO, Petugas BO… — each
created at once with a generated password. The passwords are listed once, to be printed or copied and handed to
each officer, who must choose their own at the first sign-in. The Admin cannot serve residents, so the page says
that someone needs an officer's account before the desk can serve."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from puskesos_desk.domain.enums import SITE_ROLES, Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.domain.records import UserInfo
from puskesos_desk.services import accounts
from puskesos_desk.ui.dialogs.user_dialog import role_text
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.print_defaults import new_printer, preferred_paper
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say

log = logging.getLogger(__name__)

# The roles that serve residents, offered first: the desk is not ready until one of them has an account.
DESK_ROLES = (Role.PETUGAS_FO, Role.KOORDINATOR, Role.PETUGAS_BO, Role.MANAJER_SLRT, Role.PETUGAS_SEKRETARIAT)


@dataclass(frozen=True)
class NewAccount:
    user: UserInfo
    password: str


class OfficersPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.created: list[NewAccount] = []
        self._busy = False
        self._site_role: SiteRole | None = None
        # Widgets
        self.lbl_intro = hint_label()
        self.cmb_role = QComboBox()
        self.cmb_role.setObjectName("cmb_officer_role")
        self.edt_username = QLineEdit()
        self.edt_username.setObjectName("edt_officer_username")
        self.edt_username.setMaxLength(40)
        self.edt_full_name = QLineEdit()
        self.edt_full_name.setObjectName("edt_officer_full_name")
        self.edt_full_name.setMaxLength(120)
        self.btn_create = QPushButton()
        self.btn_create.setObjectName("btn_create_account")
        self.lbl_error = message_label(warning=True)
        self.tbl_accounts = QTableWidget(0, 4)
        self.tbl_accounts.setObjectName("tbl_new_accounts")
        self.tbl_accounts.verticalHeader().setVisible(False)
        self.tbl_accounts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_accounts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_accounts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tbl_accounts.setMinimumHeight(120)
        self.lbl_once = message_label(warning=True)
        self.btn_copy = QPushButton()
        self.btn_print = QPushButton()
        self.lbl_status = message_label()

        # Signals
        self.btn_create.clicked.connect(self._on_btn_create_clicked)
        self.btn_copy.clicked.connect(self._on_btn_copy_clicked)
        self.btn_print.clicked.connect(self._on_btn_print_clicked)
        self.edt_username.textEdited.connect(self._on_edt_username_text_edited)
        self.edt_username.returnPressed.connect(self._on_btn_create_clicked)
        self.edt_full_name.returnPressed.connect(self._on_btn_create_clicked)

        # Assemble
        self.lbl_captions = [QLabel() for _ in range(3)]
        grid = QGridLayout()
        for column, (caption, widget) in enumerate(zip(self.lbl_captions,
                                                       (self.cmb_role, self.edt_username, self.edt_full_name),
                                                       strict=True)):
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.btn_create, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_copy)
        buttons.addWidget(self.btn_print)
        buttons.addWidget(self.lbl_status, 4)
        buttons.addStretch(1)  # the buttons keep their size while the message is hidden
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(grid)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.tbl_accounts, 1)
        layout.addWidget(self.lbl_once)
        layout.addLayout(buttons)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Akun petugas (boleh dilewati)"))
        self.setSubTitle(self.tr("Satu akun untuk setiap orang yang melayani warga. Dapat ditambah kapan saja di "
                                 "Pengaturan → Akun pengguna."))
        self.lbl_intro.setText(self.tr(
            "Pilih peran, isi nama pengguna dan nama lengkap, lalu tekan Buat akun. Kata sandi sementara dibuat "
            "otomatis; pemilik akun wajib menggantinya saat pertama kali masuk."))
        for caption, text in zip(self.lbl_captions, (self.tr("&Peran"), self.tr("Nama pen&gguna"),
                                                     self.tr("Nama &lengkap")), strict=True):
            caption.setText(text)
        self.edt_username.setPlaceholderText(self.tr("misalnya: budi.s"))
        self.btn_create.setText(self.tr("Buat &akun"))
        self.tbl_accounts.setHorizontalHeaderLabels([self.tr("Nama pengguna"), self.tr("Nama lengkap"),
                                                     self.tr("Peran"), self.tr("Kata sandi sementara")])
        self.lbl_once.setText(self.tr("Kata sandi ini hanya ditampilkan sekali. Cetak atau salin daftar ini sekarang "
                                      "dan serahkan kepada masing-masing petugas."))
        self.btn_copy.setText(self.tr("Salin daftar"))
        self.btn_print.setText(self.tr("Cetak daftar…"))
        if self._site_role is not None:
            for index in range(self.cmb_role.count()):
                self.cmb_role.setItemText(index, role_text(Role(self.cmb_role.itemData(index))))
            for row, account in enumerate(self.created):
                self.tbl_accounts.item(row, 2).setText(role_text(account.user.role))

    def initializePage(self) -> None:
        site = self.first_run().site()
        if site is not None and site.role is not self._site_role:
            self._site_role = site.role
            self.cmb_role.clear()
            offered = [role for role in DESK_ROLES if role in SITE_ROLES[site.role]]
            offered += [role for role in SITE_ROLES[site.role] if role not in offered and role is not Role.ADMIN]
            for role in offered:
                self.cmb_role.addItem(role_text(role), role.value)
        self.edt_username.setFocus()

    def isComplete(self) -> bool:
        return not self._busy

    def validatePage(self) -> bool:
        if self._busy:
            return False
        if self.edt_username.text().strip():  # typed but not created: it would be lost without a word
            say(self.lbl_error, self.tr("Tekan Buat akun untuk membuat akun ini, atau kosongkan nama pengguna untuk "
                                        "melanjutkan tanpa akun itu."))
            return False
        return True

    def _update_buttons(self) -> None:
        self.btn_create.setEnabled(not self._busy)
        self.btn_copy.setEnabled(bool(self.created))
        self.btn_print.setEnabled(bool(self.created))
        self.lbl_once.setVisible(bool(self.created))

    def _on_edt_username_text_edited(self, _text: str) -> None:
        say(self.lbl_error, "")

    def _on_btn_create_clicked(self) -> None:
        if self._busy or self.cmb_role.currentIndex() < 0:
            return
        if not self.edt_username.text().strip():
            say(self.lbl_error, self.tr("Isi nama pengguna untuk akun ini."))
            self.edt_username.setFocus()
            return
        ctx, role = self.first_run().ctx, Role(self.cmb_role.currentData())
        username, full_name = self.edt_username.text().strip(), " ".join(self.edt_full_name.text().split())
        self._busy = True
        self._update_buttons()
        self.completeChanged.emit()
        say(self.lbl_error, "")
        say(self.lbl_status, self.tr("Membuat akun…"))
        run_op(self, lambda: accounts.create_user(ctx, username=username, full_name=full_name, role=role),
               self._on_account_created, self._on_create_failed, writes=True)

    def _on_account_created(self, result: tuple[UserInfo, str | None]) -> None:
        user, password = result
        account = NewAccount(user=user, password=password or "")
        self.created.append(account)
        row = self.tbl_accounts.rowCount()
        self.tbl_accounts.insertRow(row)
        for column, text in enumerate((user.username, user.full_name, role_text(user.role), account.password)):
            self.tbl_accounts.setItem(row, column, QTableWidgetItem(text))
        self._busy = False
        say(self.lbl_error, "")
        self.edt_username.clear()
        self.edt_full_name.clear()
        say(self.lbl_status, self.tr("Akun {name} dibuat.").format(name=user.username))
        self._update_buttons()
        self.completeChanged.emit()
        self.edt_username.setFocus()

    def _on_create_failed(self, error: BaseException) -> None:
        self._busy = False
        say(self.lbl_status, "")
        self._update_buttons()
        self.completeChanged.emit()
        if isinstance(error, PuskesosError):
            say(self.lbl_error, error.message)
            if isinstance(error, InputRejected) and error.field == "username":
                self.edt_username.setFocus()
                self.edt_username.selectAll()
        else:
            show_error(self, error)

    # --- handing the passwords out -----------------------------------------------------------------------------------

    def list_text(self) -> str:
        lines = [self.tr("Akun {site}").format(site=self.first_run().site_title())]
        for account in self.created:
            lines.append(f"{account.user.username}\t{account.user.full_name}\t{role_text(account.user.role)}\t"
                         f"{account.password}")
        lines.append(self.tr("Wajib mengganti kata sandi saat pertama kali masuk."))
        return "\n".join(lines)

    def list_html(self) -> str:
        title = self.tr("Akun {site}").format(site=self.first_run().site_title())
        note = self.tr("Serahkan setiap baris kepada pemiliknya saja. Kata sandi sementara wajib diganti saat pertama "
                       "kali masuk. Musnahkan kertas ini setelah semua akun dipakai.")
        head = "".join(f"<th align='left'>{html.escape(self.tbl_accounts.horizontalHeaderItem(c).text())}</th>"
                       for c in range(4))
        rows = "".join(
            f"<tr><td>{html.escape(a.user.username)}</td><td>{html.escape(a.user.full_name)}</td>"
            f"<td>{html.escape(role_text(a.user.role))}</td><td><tt>{html.escape(a.password)}</tt></td></tr>"
            for a in self.created)
        return (f"<h3>{html.escape(title)}</h3><table border='1' cellpadding='6' cellspacing='0' width='100%'>"
                f"<tr>{head}</tr>{rows}</table><p>{html.escape(note)}</p>")

    def _on_btn_copy_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.list_text())
            say(self.lbl_status, self.tr("Daftar disalin."))

    def exec_print_dialog(self, printer: QPrinter) -> bool:
        """The system print dialog (tests replace it)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak daftar akun"))
        dialog.setOptions(QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def _on_btn_print_clicked(self) -> None:
        printer = new_printer(preferred_paper(()))
        if not self.exec_print_dialog(printer):
            return
        document = QTextDocument()
        document.setHtml(self.list_html())
        document.print_(printer)  # a few lines: quick enough on the GUI thread
        say(self.lbl_status, self.tr("Daftar dikirim ke printer."))
