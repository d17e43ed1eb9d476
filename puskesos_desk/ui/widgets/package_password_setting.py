"""Pengaturan → "Kata sandi paket pertukaran": the district's requirement that every exchange package be
password-protected (services/exchange_protection.py).

At a district the Admin (MANAGE_SETTINGS) turns it on or off; it then travels to the villages in the next return
package. At a village the same box shows, read-only, what the district decided.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import exchange_protection
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op


class PackagePasswordSetting(QGroupBox):
    loaded = Signal(bool)
    saved = Signal(bool)

    def __init__(self, ctx: ServiceContext, role: SiteRole, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kata sandi paket pertukaran"), parent)
        self.ctx = ctx
        self.at_district = role is SiteRole.KABUPATEN
        self.can_change = self.at_district and ctx.actor.can(Permission.MANAGE_SETTINGS)
        self._load_started = False

        self.chk_required = QCheckBox(self.tr("Setiap paket pertukaran wajib dilindungi kata sandi"))
        self.chk_required.setEnabled(False)
        if self.at_district:
            hint = self.tr(
                "Bila aktif, paket desa yang tidak dilindungi kata sandi ditolak saat diterima, dan setiap paket yang "
                "dikirim kabupaten/kota harus diberi kata sandi. Desa mengikuti aturan ini setelah menerima paket "
                "balasan berikutnya. Sampaikan kata sandi lewat telepon atau langsung, jangan bersama berkasnya.")
        else:
            hint = self.tr(
                "Diatur oleh Sekretariat SLRT kabupaten/kota dan sampai ke desa lewat paket balasan. Bila aktif, "
                "paket yang dikirim desa harus diberi kata sandi.")
        self.lbl_hint = QLabel(hint)
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setVisible(False)

        box = QVBoxLayout(self)
        box.addWidget(self.chk_required)
        box.addWidget(self.lbl_hint)
        box.addWidget(self.lbl_status)
        self.chk_required.clicked.connect(self._on_chk_required_clicked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.load)

    def load(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: exchange_protection.password_required(ctx), self._on_loaded, self._on_failed)

    def _set_status(self, text: str) -> None:
        self.lbl_status.setText(text)
        self.lbl_status.setVisible(bool(text))

    def _on_loaded(self, required: bool) -> None:
        self.chk_required.setChecked(required)
        self.chk_required.setEnabled(self.can_change)
        self.loaded.emit(required)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            self._set_status(error.message)
        else:
            show_error(self, error)

    def _on_chk_required_clicked(self, checked: bool) -> None:
        self.chk_required.setEnabled(False)
        self._set_status(self.tr("Menyimpan…"))
        ctx = self.ctx
        run_op(self, lambda: exchange_protection.set_password_required(ctx, required=checked), self._on_saved,
               self._on_save_failed, writes=True)

    def _on_saved(self, required: bool) -> None:
        self.chk_required.setEnabled(True)
        self._set_status(self.tr("Tersimpan: paket tanpa kata sandi akan ditolak.") if required
                         else self.tr("Tersimpan: paket boleh dikirim tanpa kata sandi."))
        self.saved.emit(required)

    def _on_save_failed(self, error: BaseException) -> None:
        self.chk_required.setEnabled(True)
        self.chk_required.setChecked(not self.chk_required.isChecked())
        self._set_status("")
        show_error(self, error)
