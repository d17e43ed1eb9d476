"""Server basis data: point this PC at the office's PostgreSQL server, test the connection, or go back to the
local SQLite file.

The stored connection is read when the app starts, so a change applies when the app is opened again. At start-up
(the server could not be reached) the dialog is opened with `applies_now=True`: Simpan then closes it and the app
tries again at once.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.services import database_settings
from puskesos_desk.services.database_settings import DEFAULT_NAME, DEFAULT_PORT, ServerConnection
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

log = logging.getLogger(__name__)

GUIDE = "docs/postgresql.md"


class DatabaseDialog(QDialog):
    """Host, port, database, user and password of the server; Uji koneksi, Simpan, Pakai berkas lokal."""

    def __init__(self, parent: QWidget | None = None, *, applies_now: bool = False) -> None:
        super().__init__(parent)
        self.applies_now = applies_now
        self.changed = False  # something was stored or cleared
        self.setWindowTitle(self.tr("Server basis data"))
        stored = database_settings.load()
        has_password = stored is not None and database_settings.has_password()

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "Pakai server PostgreSQL bila beberapa komputer di satu kantor (misalnya sekretariat SLRT atau "
            "kecamatan) bekerja pada data yang sama. Satu komputer di desa cukup memakai berkas lokal. "
            "Server disiapkan oleh petugas TI kabupaten; panduannya ada di {guide}.").format(guide=GUIDE))
        self.lbl_intro.setWordWrap(True)
        self.lbl_current = QLabel(self._current_text(stored))
        self.lbl_current.setObjectName("lbl_hint")
        self.lbl_current.setWordWrap(True)
        self.lbl_env = QLabel(self.tr(
            "Variabel lingkungan PUSKESOS_DB diisi: aplikasi memakai basis data itu, bukan pengaturan di sini."))
        self.lbl_env.setObjectName("lbl_error")
        self.lbl_env.setWordWrap(True)
        self.lbl_env.setVisible(bool(os.environ.get("PUSKESOS_DB")))
        self.edt_host = QLineEdit(stored.host if stored else "")
        self.edt_host.setPlaceholderText("192.168.1.10")
        self.spn_port = QSpinBox()
        self.spn_port.setRange(1, 65535)
        self.spn_port.setValue(stored.port if stored else DEFAULT_PORT)
        self.spn_port.setGroupSeparatorShown(False)
        self.spn_port.setFixedWidth(120)  # five digits; a full-width spin box looks like a text field
        self.edt_database = QLineEdit(stored.database if stored else DEFAULT_NAME)
        self.edt_user = QLineEdit(stored.user if stored else DEFAULT_NAME)
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_password.setPlaceholderText(self.tr("(tersimpan; kosongkan bila tidak diubah)") if has_password
                                             else "")
        self.lbl_status = QLabel("")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setVisible(False)
        self.btn_test = QPushButton(self.tr("Uji koneksi"))
        self.btn_local = QPushButton(self.tr("Pakai berkas lokal"))
        self.btn_local.setEnabled(stored is not None)
        self.btn_local.setToolTip(self.tr("Lupakan server ini; komputer ini kembali memakai berkas basis data "
                                          "di komputer sendiri."))
        self.btn_save = QPushButton(self.tr("Simpan"))
        self.btn_save.setDefault(True)
        self.btn_close = QPushButton(self.tr("Tutup"))
        for button in (self.btn_test, self.btn_local, self.btn_close):
            button.setAutoDefault(False)
        self._has_stored_password = has_password

        # Signals
        self.btn_test.clicked.connect(self._on_btn_test_clicked)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_local.clicked.connect(self._on_btn_local_clicked)
        self.btn_close.clicked.connect(self._on_btn_close_clicked)

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("Server (nama atau alamat IP):"), self.edt_host)
        form.addRow(self.tr("Port:"), self.spn_port)
        form.addRow(self.tr("Nama basis data:"), self.edt_database)
        form.addRow(self.tr("Pengguna:"), self.edt_user)
        form.addRow(self.tr("Kata sandi:"), self.edt_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_test)
        buttons.addWidget(self.btn_local)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.lbl_current)
        layout.addWidget(self.lbl_env)
        layout.addLayout(form)
        layout.addWidget(self.lbl_status)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        (self.edt_password if stored else self.edt_host).setFocus()

    # --- values -------------------------------------------------------------------------------------------------

    def _current_text(self, stored: ServerConnection | None) -> str:
        if stored is None:
            return self.tr("Tersimpan untuk pengguna Windows ini: berkas lokal (tanpa server).")
        return self.tr("Tersimpan untuk pengguna Windows ini: server {where}, pengguna {user}.").format(
            where=stored.describe(), user=stored.user)

    def connection(self) -> ServerConnection:
        return ServerConnection(host=self.edt_host.text().strip(), port=self.spn_port.value(),
                                database=self.edt_database.text().strip(), user=self.edt_user.text().strip())

    def password(self) -> str | None:
        """The typed password; None when the field is left empty and a password is stored (keep it)."""
        typed = self.edt_password.text()
        return None if not typed and self._has_stored_password else typed

    def _show_status(self, text: str, *, error: bool) -> None:
        self.lbl_status.setObjectName("lbl_error" if error else "lbl_hint")
        self.lbl_status.style().unpolish(self.lbl_status)
        self.lbl_status.style().polish(self.lbl_status)
        self.lbl_status.setText(text)
        self.lbl_status.setVisible(bool(text))

    def _focus_field(self, error: InputRejected) -> None:
        widget = {"host": self.edt_host, "port": self.spn_port, "database": self.edt_database,
                  "user": self.edt_user}.get(error.field or "")
        if widget is not None:
            widget.setFocus()

    # --- test -------------------------------------------------------------------------------------------------

    def _on_btn_test_clicked(self) -> None:
        connection, password = self.connection(), self.password()
        self.btn_test.setEnabled(False)
        self._show_status(self.tr("Menghubungi server {where}…").format(where=connection.describe()), error=False)
        run_op(self, lambda: database_settings.test_server(connection, password), self._on_test_succeeded,
               self._on_test_failed)

    def _on_test_succeeded(self, version: str) -> None:
        self.btn_test.setEnabled(True)
        self._show_status(self.tr("Terhubung: {version}.").format(version=version), error=False)

    def _on_test_failed(self, error: BaseException) -> None:
        self.btn_test.setEnabled(True)
        if isinstance(error, InputRejected):
            self._focus_field(error)
        if isinstance(error, PuskesosError):
            self._show_status(self.tr("Gagal terhubung: {message}").format(message=error.message), error=True)
        else:
            self._show_status("", error=True)
            show_error(self, error)

    # --- store or forget --------------------------------------------------------------------------------------

    def _on_btn_save_clicked(self) -> None:
        try:
            saved = database_settings.save(self.connection(), self.password())
        except InputRejected as exc:
            self._show_status(exc.message, error=True)
            self._focus_field(exc)
            return
        except OSError as exc:
            log.warning("database settings not written: %s", exc)
            self._show_status(self.tr("Pengaturan tidak dapat ditulis: {error}").format(error=exc), error=True)
            return
        self.changed = True
        log.info("database server chosen in the dialog: %s", saved.describe())
        if self.applies_now:
            self.accept()
            return
        QMessageBox.information(self, self.tr("Server basis data tersimpan"), self.tr(
            "Komputer ini akan memakai server {where} saat aplikasi dibuka lagi. Selesaikan dan simpan pekerjaan "
            "yang sedang terbuka, lalu keluar dan buka kembali aplikasi kapan saja.").format(where=saved.describe()))
        self.accept()

    def _on_btn_local_clicked(self) -> None:
        answer = QMessageBox.question(self, self.tr("Pakai berkas lokal?"), self.tr(
            "Komputer ini akan kembali memakai berkas basis data di komputer sendiri. Data di server tidak "
            "dihapus, tetapi tidak terlihat di komputer ini sampai server dipilih lagi. Lanjutkan?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            database_settings.clear()
        except OSError as exc:
            self._show_status(self.tr("Pengaturan tidak dapat dihapus: {error}").format(error=exc), error=True)
            return
        self.changed = True
        if not self.applies_now:
            QMessageBox.information(self, self.tr("Berkas lokal"), self.tr(
                "Berkas lokal dipakai saat aplikasi dibuka lagi."))
        self.accept()

    def _on_btn_close_clicked(self) -> None:
        self.reject()
