"""Pengaturan → "Enkripsi basis data" (Admin, MANAGE_SETTINGS): whether the site file is encrypted, enabling it
(after a plain warning about what a lost passphrase and recovery key mean, with the recovery sheet saved as part
of enabling), changing the passphrase, and saving the recovery sheet again.

Enabling replaces the database file under the running app, so the app closes afterwards and asks for the new
passphrase when it is opened again: the simplest honest way to be sure nothing still uses the plain file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import encryption
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op

log = logging.getLogger(__name__)


class EncryptionSettings(QGroupBox):
    enabled_now = Signal(str)  # key id; the app then closes
    passphrase_changed = Signal(str)
    sheet_saved = Signal(str)  # path

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enkripsi basis data"), parent)
        self.ctx = ctx
        self.status: encryption.EncryptionStatus | None = None
        self.quit_after_enabling = True  # tests keep the app running

        # Widgets
        self.lbl_status = QLabel("")
        self.lbl_status.setWordWrap(True)
        self.lbl_hint = QLabel(self.tr(
            "Bila diaktifkan, seluruh berkas basis data dan cadangannya dienkripsi; komputer atau flashdisk yang "
            "hilang tidak membuka data warga. Setiap kali aplikasi dibuka, frasa sandi basis data diminta. Lembar "
            "kunci pemulihan disimpan Sekretariat SLRT kabupaten/kota."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.btn_enable = QPushButton(self.tr("Aktifkan enkripsi…"))
        self.btn_change = QPushButton(self.tr("Ganti frasa sandi…"))
        self.btn_sheet = QPushButton(self.tr("Simpan lembar kunci pemulihan…"))

        # Signals
        self.btn_enable.clicked.connect(self._on_btn_enable_clicked)
        self.btn_change.clicked.connect(self._on_btn_change_clicked)
        self.btn_sheet.clicked.connect(self._on_btn_sheet_clicked)

        # Assemble
        buttons = QHBoxLayout()
        for button in (self.btn_enable, self.btn_change, self.btn_sheet):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_status)
        layout.addWidget(self.lbl_hint)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        if not self.ctx.actor.can(Permission.MANAGE_SETTINGS):
            self.setVisible(False)
            return
        try:
            self.status = encryption.encryption_status(self.ctx)
        except PuskesosError as exc:
            self.lbl_status.setText(exc.message)
            return
        status = self.status
        if not status.supported:
            text = self.tr("Basis data di server PostgreSQL: perlindungannya diatur di server (enkripsi disk dan "
                           "hak akses), bukan di sini.")
        elif status.encrypted:
            text = self.tr("Terenkripsi. ID kunci: {key_id}. Berkas kunci: {key_file}").format(
                key_id=status.key_id, key_file=status.key_file)
        else:
            text = self.tr("Tidak terenkripsi: berkas basis data dapat dibaca siapa pun yang menyalinnya dengan "
                           "alat SQLite biasa.")
        self.lbl_status.setText(text)
        self.btn_enable.setVisible(status.supported and not status.encrypted)
        self.btn_change.setVisible(status.encrypted)
        self.btn_sheet.setVisible(status.encrypted)

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def _ask_new_passphrase(self, title: str) -> str | None:
        first = self._ask(title, self.tr("Frasa sandi baru (minimal 10 karakter; beberapa kata lebih mudah "
                                         "diingat):"))
        if not first:
            return None
        if self._ask(title, self.tr("Ulangi frasa sandi baru:")) != first:
            QMessageBox.warning(self, title, self.tr("Kedua isian frasa sandi tidak sama; tidak ada yang diubah."))
            return None
        return first

    def _ask_sheet_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan lembar kunci pemulihan"),
                                              "kunci-pemulihan.pdf", self.tr("PDF (*.pdf)"))
        return Path(name) if name else None

    def _on_btn_enable_clicked(self) -> None:
        title = self.tr("Aktifkan enkripsi basis data")
        answer = QMessageBox.warning(self, title, self.tr(
            "Setelah diaktifkan, basis data hanya terbuka dengan frasa sandi basis data, atau dengan lembar kunci "
            "pemulihan yang akan Anda simpan sekarang.\n\nBILA FRASA SANDI DAN LEMBAR KUNCI PEMULIHAN SAMA-SAMA "
            "HILANG, DATA TIDAK DAPAT DIBUKA LAGI OLEH SIAPA PUN.\n\nCadangan lama yang belum terenkripsi dan sisa "
            "berkas lama di disk tidak ikut terhapus. Aplikasi akan ditutup setelah selesai. Lanjutkan?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase = self._ask_new_passphrase(title)
        sheet = self._ask_sheet_path() if passphrase else None
        if not passphrase or sheet is None:
            return
        self.setEnabled(False)
        ctx = self.ctx
        run_op(self, lambda: encryption.enable_with_recovery_sheet(ctx, passphrase, sheet),
               lambda new_key: self._on_enabled(new_key, sheet), self._on_failed, writes=True)

    def _on_enabled(self, new_key: encryption.NewSiteKey, sheet: Path) -> None:
        log.info("database encryption enabled from Pengaturan (key id %s)", new_key.key_id)
        QMessageBox.information(self, self.tr("Enkripsi basis data aktif"), self.tr(
            "Basis data kini terenkripsi (ID kunci {key_id}). Lembar kunci pemulihan tersimpan di {sheet}: cetak, "
            "masukkan ke amplop bersegel, serahkan ke Sekretariat SLRT kabupaten/kota, lalu hapus berkasnya dari "
            "komputer ini.\n\nAplikasi sekarang ditutup. Buka lagi dan masukkan frasa sandi basis data.").format(
            key_id=new_key.key_id, sheet=sheet))
        self.enabled_now.emit(new_key.key_id)
        if self.quit_after_enabling:
            QCoreApplication.quit()

    def _on_btn_change_clicked(self) -> None:
        title = self.tr("Ganti frasa sandi basis data")
        current = self._ask(title, self.tr("Frasa sandi basis data saat ini:"))
        new = self._ask_new_passphrase(title) if current else None
        if not current or not new:
            return
        self.setEnabled(False)
        ctx = self.ctx
        run_op(self, lambda: encryption.change_passphrase(ctx, current, new), self._on_changed, self._on_failed,
               writes=True)

    def _on_changed(self, key_id: str) -> None:
        self.setEnabled(True)
        QMessageBox.information(self, self.tr("Frasa sandi diganti"), self.tr(
            "Frasa sandi basis data diganti. Lembar kunci pemulihan yang lama tetap berlaku (ID kunci {key_id})."
        ).format(key_id=key_id))
        self.passphrase_changed.emit(key_id)

    def _on_btn_sheet_clicked(self) -> None:
        sheet = self._ask_sheet_path()
        if sheet is None:
            return
        ctx = self.ctx
        run_op(self, lambda: encryption.write_recovery_sheet(ctx, sheet),
               lambda _ident: self.sheet_saved.emit(str(sheet)), self._on_failed, writes=True)

    def _on_failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.refresh()
        show_error(self, error)
