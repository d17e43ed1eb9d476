"""Pengaturan: the interface language (stored per Windows user in QSettings), what this site and database are
(read-only; accounts that manage settings can point this PC at the office's PostgreSQL server through
dialogs/database_dialog.py), the sites whose packages are accepted (widgets/trusted_sites.py), and — for accounts
that manage settings — whether household changes may be approved at the desa, and the referral letter numbers and
letterhead (widgets/letter_settings.py), the idle minutes after which the desk locks itself; and for accounts that
manage users, the site's accounts (widgets/user_accounts.py). This PC's default paper and printer
(widgets/print_settings.py) are for every account: they belong to the PC, not to the site.

The language is applied at once: the translators are re-installed and the main window is rebuilt for the same
signed-in user (the session does that when `language_chosen` is emitted).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk import APP_NAME, __version__
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.services import database_settings
from puskesos_desk.services.auth import IDLE_LOCK_RANGE
from puskesos_desk.services.changes import local_change_approval, set_local_change_approval
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.session_lock import idle_lock_minutes, set_idle_lock_minutes
from puskesos_desk.ui.desk_settings import ENV_LANGUAGE, LANGUAGE_NAMES
from puskesos_desk.ui.dialogs.database_dialog import DatabaseDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.i18n import LANGUAGES, current_language
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.backup_settings import BackupSettings
from puskesos_desk.ui.widgets.encryption_settings import EncryptionSettings
from puskesos_desk.ui.widgets.letter_settings import LetterSettings
from puskesos_desk.ui.widgets.package_password_setting import PackagePasswordSetting
from puskesos_desk.ui.widgets.print_settings import PrintSettings
from puskesos_desk.ui.widgets.retention_settings import RetentionSettings
from puskesos_desk.ui.widgets.trusted_sites import TrustedSites
from puskesos_desk.ui.widgets.user_accounts import UserAccounts

log = logging.getLogger(__name__)

class SettingsPage(QWidget):
    language_chosen = Signal(str)  # "id" or "en"; the session applies it
    approval_loaded = Signal(bool)
    approval_saved = Signal(bool)
    idle_minutes_saved = Signal(int)  # the main window's idle watch follows at once

    def __init__(self, ctx: ServiceContext, site: SiteInfo, database_location: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site
        self._can_manage = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self._can_manage_users = ctx.actor.can(Permission.MANAGE_USERS)
        self._approval_loaded = False

        # Widgets
        self.lbl_title = QLabel(self.tr("Pengaturan"))
        self.lbl_title.setObjectName("lbl_title")
        self.grp_language = QGroupBox(self.tr("Bahasa tampilan"))
        self.cmb_language = QComboBox()
        for code in LANGUAGES:
            self.cmb_language.addItem(LANGUAGE_NAMES[code], code)
        self.cmb_language.setCurrentIndex(max(0, self.cmb_language.findData(current_language())))
        self.cmb_language.setAccessibleName(self.tr("Bahasa tampilan"))
        self.btn_apply_language = QPushButton(self.tr("Terapkan bahasa"))
        self.lbl_language_hint = QLabel(self.tr(
            "Layar disusun ulang dalam bahasa yang dipilih; isian yang belum disimpan di layar lain akan hilang. "
            "Pilihan ini disimpan untuk pengguna Windows ini."))
        self.lbl_language_hint.setObjectName("lbl_hint")
        self.lbl_language_hint.setWordWrap(True)
        self.lbl_env_hint = QLabel(self.tr("Variabel lingkungan PUSKESOS_LANG diisi: saat aplikasi dibuka, bahasanya "
                                           "mengikuti variabel itu."))
        self.lbl_env_hint.setObjectName("lbl_hint")
        self.lbl_env_hint.setWordWrap(True)
        self.lbl_env_hint.setVisible(bool(os.environ.get(ENV_LANGUAGE)))
        self.grp_site = QGroupBox(self.tr("Situs dan basis data"))
        self.lbl_site_name = self._value(site.name)
        self.lbl_site_code = self._value(site.code)
        self.lbl_region = self._value(site.region_path)
        self.lbl_address = self._value(site.address or "—")
        self.lbl_fingerprint = self._value(site.fingerprint)
        self.lbl_fingerprint.setToolTip(self.tr("Sidik jari kunci situs; dicocokkan oleh kabupaten saat pertukaran "
                                                "data."))
        server = database_settings.server_of(ctx.db.url)
        # A server URL carries the password file's path and options: the officer needs where, not how.
        self.lbl_database = self._value(f"{server.user}@{server.describe()}" if server else database_location)
        self.lbl_backend = self._value(self._backend_text(server))
        self.btn_database = QPushButton(self.tr("Server PostgreSQL…"))
        self.btn_database.setToolTip(self.tr("Hubungkan komputer ini ke server basis data kantor, atau kembali ke "
                                             "berkas lokal"))
        self.btn_database.setVisible(self._can_manage)
        self.lbl_version = self._value(f"{APP_NAME} {__version__}")
        self.grp_trusted = TrustedSites(ctx, site)
        self.grp_approval = QGroupBox(self.tr("Perubahan susunan keluarga"))
        self.chk_local_approval = QCheckBox(self.tr("Koordinator boleh menyetujui perubahan keluarga di desa"))
        self.chk_local_approval.setEnabled(False)
        self.lbl_approval_hint = QLabel(self.tr(
            "Biasanya perubahan anggota atau kepala keluarga disetujui kabupaten melalui pertukaran data. Aktifkan "
            "hanya bila kabupaten mengizinkan persetujuan di desa."))
        self.lbl_approval_hint.setObjectName("lbl_hint")
        self.lbl_approval_hint.setWordWrap(True)
        self.lbl_approval_status = QLabel("")
        self.lbl_approval_status.setObjectName("lbl_hint")
        self.lbl_approval_status.setWordWrap(True)
        self.lbl_approval_status.setVisible(False)
        self.grp_approval.setVisible(self._can_manage)
        self.grp_letters = LetterSettings(ctx, site)
        self.grp_letters.setVisible(self._can_manage)
        self.grp_print = PrintSettings(ctx)  # per PC, so for every account; the test print only for managers
        self.grp_users = UserAccounts(ctx, site) if self._can_manage_users else None
        retention_rights = self._can_manage or ctx.actor.can(Permission.APPLY_RETENTION)
        self.grp_retention = RetentionSettings(ctx) if retention_rights else None
        self.grp_encryption = EncryptionSettings(ctx) if self._can_manage else None
        backup_rights = self._can_manage or ctx.actor.can(Permission.RESTORE_BACKUP)
        self.grp_backup = BackupSettings(ctx) if backup_rights else None
        self.grp_package_password = PackagePasswordSetting(ctx, site.role) if self._can_manage else None
        self.grp_idle = QGroupBox(self.tr("Kunci layar otomatis"))
        self.spn_idle_minutes = QSpinBox()
        self.spn_idle_minutes.setRange(*IDLE_LOCK_RANGE)
        self.spn_idle_minutes.setSuffix(self.tr(" menit"))
        self.spn_idle_minutes.setAccessibleName(self.tr("Kunci layar setelah tidak dipakai"))
        self.spn_idle_minutes.setEnabled(False)
        self.btn_save_idle = QPushButton(self.tr("Simpan"))
        self.btn_save_idle.setEnabled(False)
        self.lbl_idle_hint = QLabel(self.tr(
            "Bila komputer tidak disentuh selama waktu ini, layar dikunci dan hanya terbuka dengan kata sandi "
            "pengguna yang sedang masuk. Berlaku untuk semua pengguna di situs ini mulai saat mereka masuk."))
        self.lbl_idle_hint.setObjectName("lbl_hint")
        self.lbl_idle_hint.setWordWrap(True)
        self.lbl_idle_status = QLabel("")
        self.lbl_idle_status.setObjectName("lbl_hint")
        self.grp_idle.setVisible(self._can_manage)
        self.lbl_more = QLabel(self.tr("Daftar lembaga layanan rujukan akan dikelola di bagian ini pada versi "
                                       "berikutnya."))
        self.lbl_more.setObjectName("lbl_hint")
        self.lbl_more.setWordWrap(True)

        # Signals
        self.btn_apply_language.clicked.connect(self._on_btn_apply_language_clicked)
        self.cmb_language.currentIndexChanged.connect(self._on_cmb_language_current_index_changed)
        self.chk_local_approval.clicked.connect(self._on_chk_local_approval_clicked)
        self.btn_database.clicked.connect(self._on_btn_database_clicked)
        self.btn_save_idle.clicked.connect(self._on_btn_save_idle_clicked)

        # Assemble
        language_row = QHBoxLayout()
        language_row.addWidget(self.cmb_language)
        language_row.addWidget(self.btn_apply_language)
        language_row.addStretch(1)
        language_box = QVBoxLayout(self.grp_language)
        language_box.addLayout(language_row)
        language_box.addWidget(self.lbl_language_hint)
        language_box.addWidget(self.lbl_env_hint)
        site_form = QFormLayout(self.grp_site)
        site_form.addRow(self.tr("Nama situs"), self.lbl_site_name)
        site_form.addRow(self.tr("Kode situs"), self.lbl_site_code)
        site_form.addRow(self.tr("Wilayah"), self.lbl_region)
        site_form.addRow(self.tr("Alamat"), self.lbl_address)
        site_form.addRow(self.tr("Sidik jari kunci"), self.lbl_fingerprint)
        site_form.addRow(self.tr("Basis data"), self.lbl_database)
        backend_row = QHBoxLayout()
        backend_row.addWidget(self.lbl_backend, 1)
        backend_row.addWidget(self.btn_database)
        site_form.addRow(self.tr("Penyimpanan"), backend_row)
        site_form.addRow(self.tr("Versi aplikasi"), self.lbl_version)
        approval_box = QVBoxLayout(self.grp_approval)
        approval_box.addWidget(self.chk_local_approval)
        approval_box.addWidget(self.lbl_approval_hint)
        approval_box.addWidget(self.lbl_approval_status)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Kunci layar setelah")))
        idle_row.addWidget(self.spn_idle_minutes)
        idle_row.addWidget(self.btn_save_idle)
        idle_row.addWidget(self.lbl_idle_status, 1)
        idle_box = QVBoxLayout(self.grp_idle)
        idle_box.addLayout(idle_row)
        idle_box.addWidget(self.lbl_idle_hint)
        column = QWidget()
        column.setMaximumWidth(920)  # long lines are hard to read on a wide screen
        layout = QVBoxLayout(column)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.lbl_title)
        if self.grp_users is not None:  # the Admin's daily work here comes first
            layout.addWidget(self.grp_users)
        layout.addWidget(self.grp_language)
        layout.addWidget(self.grp_site)
        layout.addWidget(self.grp_trusted)
        layout.addWidget(self.grp_approval)
        layout.addWidget(self.grp_letters)
        layout.addWidget(self.grp_print)
        layout.addWidget(self.grp_idle)
        if self.grp_retention is not None:
            layout.addWidget(self.grp_retention)
        if self.grp_encryption is not None:
            layout.addWidget(self.grp_encryption)
        if self.grp_backup is not None:
            layout.addWidget(self.grp_backup)
        if self.grp_package_password is not None:
            layout.addWidget(self.grp_package_password)
        layout.addWidget(self.lbl_more)
        layout.addStretch(1)
        # The sections of an Admin are taller than a 1366×768 screen at 125 %: the page scrolls as a whole. The
        # width limit sits on one column (not on each box) so wrapped texts are measured at the width they get.
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column, 1)
        row.addStretch(0)
        self.scr_body = QScrollArea()
        self.scr_body.setWidget(body)
        self.scr_body.setWidgetResizable(True)
        self.scr_body.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scr_body)
        self._update_language_button()

    @staticmethod
    def _value(text: str) -> QLabel:
        widget = QLabel(text)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        widget.setWordWrap(True)
        return widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._can_manage and not self._approval_loaded:
            self._approval_loaded = True
            QTimer.singleShot(0, self, self._load_approval)
            QTimer.singleShot(0, self, self._load_idle_minutes)

    # Language

    def chosen_language(self) -> str:
        return str(self.cmb_language.currentData())

    def _update_language_button(self) -> None:
        self.btn_apply_language.setEnabled(self.chosen_language() != current_language())

    def _on_cmb_language_current_index_changed(self, _index: int) -> None:
        self._update_language_button()

    def _on_btn_apply_language_clicked(self) -> None:
        language = self.chosen_language()
        log.info("interface language chosen: %s", language)
        self.language_chosen.emit(language)

    # Database server

    def _backend_text(self, server: database_settings.ServerConnection | None) -> str:
        if server is None:
            return self.tr("berkas lokal")
        return self.tr("server {where}").format(where=server.describe())

    def _on_btn_database_clicked(self) -> None:
        dialog = DatabaseDialog(self)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()
        if changed:
            stored = database_settings.load()
            after = self._backend_text(stored)
            if after != self.lbl_backend.text():
                self.lbl_backend.setText(self.tr("{now} (mulai saat aplikasi dibuka lagi: {next})").format(
                    now=self._backend_text(database_settings.server_of(self.ctx.db.url)), next=after))

    # Local approval of household changes

    def _set_approval_status(self, text: str) -> None:
        self.lbl_approval_status.setText(text)
        self.lbl_approval_status.setVisible(bool(text))

    def _load_approval(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: local_change_approval(ctx), self._on_approval_ready, self._on_approval_failed)

    def _on_approval_ready(self, enabled: bool) -> None:
        self.chk_local_approval.setChecked(enabled)
        self.chk_local_approval.setEnabled(True)
        self._set_approval_status("")
        self.approval_loaded.emit(enabled)

    def _on_approval_failed(self, error: BaseException) -> None:
        self.chk_local_approval.setEnabled(False)
        if isinstance(error, PuskesosError):
            self._set_approval_status(error.message)
        else:
            show_error(self, error)

    def _on_chk_local_approval_clicked(self, checked: bool) -> None:
        self.chk_local_approval.setEnabled(False)
        self._set_approval_status(self.tr("Menyimpan…"))
        ctx = self.ctx
        run_op(self, lambda: set_local_change_approval(ctx, enabled=checked), self._on_approval_saved,
               self._on_approval_save_failed, writes=True)

    def _on_approval_saved(self, enabled: bool) -> None:
        self.chk_local_approval.setEnabled(True)
        self._set_approval_status(self.tr("Tersimpan: Koordinator boleh menyetujui perubahan keluarga.")
                                         if enabled else
                                         self.tr("Tersimpan: perubahan keluarga menunggu persetujuan kabupaten."))
        self.approval_saved.emit(enabled)

    def _on_approval_save_failed(self, error: BaseException) -> None:
        self.chk_local_approval.setEnabled(True)
        self.chk_local_approval.setChecked(not self.chk_local_approval.isChecked())
        self._set_approval_status("")
        show_error(self, error)

    # Idle lock

    def _load_idle_minutes(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: idle_lock_minutes(ctx), self._on_idle_minutes_ready, self._on_idle_failed)

    def _on_idle_minutes_ready(self, minutes: int) -> None:
        self.spn_idle_minutes.setValue(minutes)
        self.spn_idle_minutes.setEnabled(True)
        self.btn_save_idle.setEnabled(True)

    def _on_btn_save_idle_clicked(self) -> None:
        minutes = self.spn_idle_minutes.value()
        self.btn_save_idle.setEnabled(False)
        self.lbl_idle_status.setText(self.tr("Menyimpan…"))
        ctx = self.ctx
        run_op(self, lambda: set_idle_lock_minutes(ctx, minutes), self._on_idle_saved, self._on_idle_failed,
               writes=True)

    def _on_idle_saved(self, minutes: int) -> None:
        self.btn_save_idle.setEnabled(True)
        self.lbl_idle_status.setText(self.tr("Tersimpan: {n} menit.").format(n=minutes))
        self.idle_minutes_saved.emit(minutes)

    def _on_idle_failed(self, error: BaseException) -> None:
        self.btn_save_idle.setEnabled(self.spn_idle_minutes.isEnabled())
        if isinstance(error, PuskesosError):
            self.lbl_idle_status.setText(error.message)
        else:
            self.lbl_idle_status.setText("")
            show_error(self, error)
