"""Kirim: make one signed package for the other side (services.exchange_export) without blocking the window.

A village always sends to its own kabupaten/kota; a district picks one of the villages it trusts. The package is
written on the write pool (export reads the data and then records the package in the ledger), with a progress bar
and Batal; a cancelled export leaves no file behind.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import Cancelled, InputRejected, PermissionDenied, PuskesosError
from puskesos_desk.domain.exchange_records import ExportOutcome
from puskesos_desk.domain.file_names import safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo, TrustedSiteInfo
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.trust import trusted_sites
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.pertukaran_export_all import ExportAllPanel
from puskesos_desk.ui.pages.pertukaran_password import PackagePasswordBox, protection_service
from puskesos_desk.ui.widgets.progress_task import ProgressTask
from puskesos_desk.ui.widgets.wrapped_label import keep_lines

log = logging.getLogger(__name__)


def exchange_service(name: str) -> ModuleType:
    """services.exchange_<name>, imported on first use (on a worker): they load the spreadsheet reader and writer,
    which starting the application does not need."""
    return importlib.import_module(f"puskesos_desk.services.exchange_{name}")


def package_file_name(site_code: str, receiver: str, day: str) -> str:
    """'paket-33.22.01.2007-ke-33.22-20261122.xlsx' (`day` is yyyymmdd)."""
    return f"paket-{safe_file_stem(site_code)}-ke-{safe_file_stem(receiver)}-{day}.xlsx"


def with_xlsx_suffix(chosen: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def run_export(ctx: ServiceContext, out: Path, **options: Any) -> ExportOutcome:
    """services.exchange_export.export_package, loaded on first use (on the worker)."""
    outcome: ExportOutcome = exchange_service("export").export_package(ctx, out, **options)
    return outcome


def load_receivers(ctx: ServiceContext, site: SiteInfo) -> tuple[list[TrustedSiteInfo] | None, str | None]:
    """(the trusted sites, or None when the account may not see them; the receiver a package goes to by default:
    a village's kabupaten/kota, or None for a district)."""
    default = exchange_service("export").default_receiver(site.code, site.role)
    try:
        return trusted_sites(ctx), default
    except PermissionDenied:
        if default is None:
            raise  # a district cannot choose a village without the list
        return None, default  # a village's officer may send without seeing the trust list: the code is enough


class ExportTab(QWidget):
    exported = Signal(object)  # ExportOutcome, or AllVillagesOutcome from "Kirim ke semua desa…"
    receivers_loaded = Signal()

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site
        self.outcome: ExportOutcome | None = None
        self._folder: Path | None = None
        self._stale = True
        self._is_village = site.role is SiteRole.DESA
        self._village_receiver: str | None = None  # known once the receivers have loaded
        self._may_export = ctx.actor.can(Permission.EXPORT_DATA)

        # Widgets
        self.lbl_site = QLabel(self.tr("{name} ({code})").format(name=site.name, code=site.code))
        self.lbl_receiver = QLabel("")
        self.lbl_receiver.setVisible(self._is_village)
        self.cmb_receiver = QComboBox()
        self.cmb_receiver.setAccessibleName(self.tr("Desa/kelurahan tujuan"))
        self.cmb_receiver.setVisible(not self._is_village)
        self.cmb_receiver.setMinimumContentsLength(40)
        self.cmb_receiver.setMaximumWidth(640)
        self.lbl_receiver_hint = QLabel("")
        self.lbl_receiver_hint.setObjectName("lbl_hint")
        self.lbl_receiver_hint.setWordWrap(True)
        self.lbl_receiver_hint.setVisible(False)
        self.chk_full = QCheckBox(self.tr("Semua data (lengkap)"))
        self.lbl_full_hint = QLabel(self.tr(
            "Tanpa centang, paket hanya berisi data yang dicatat, diubah atau dihapus sejak paket terakhir yang "
            "sudah diterima penerima. Centang bila penerima kehilangan data atau baru mulai memakai aplikasi."))
        self.lbl_full_hint.setObjectName("lbl_hint")
        self.lbl_full_hint.setWordWrap(True)
        self.lbl_full_hint.setMaximumWidth(760)
        self.edt_purpose = QLineEdit()
        self.edt_purpose.setPlaceholderText(self.tr("Boleh kosong, misalnya: laporan bulanan November"))
        self.edt_purpose.setAccessibleName(self.tr("Keperluan pengiriman"))
        self.edt_purpose.setMaxLength(200)
        self.edt_purpose.setMaximumWidth(640)
        self.box_password = PackagePasswordBox()
        self.btn_export = QPushButton(self.tr("Buat paket…"))
        self.btn_export.setDefault(True)
        self.lbl_privacy = QLabel(self.tr(
            "Paket berisi data pribadi warga. Kirim hanya kepada penerima yang berhak, dan hapus salinan di "
            "flashdisk atau ponsel setelah diimpor."))
        self.lbl_privacy.setObjectName("lbl_hint")
        self.lbl_privacy.setWordWrap(True)
        self.task = ProgressTask()
        self.lbl_notice = QLabel("")
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.lbl_notice.setVisible(False)
        self.frm_result = QFrame()
        self.frm_result.setObjectName("card")
        self.frm_result.setVisible(False)
        self.lbl_result_title = QLabel("")
        self.lbl_result_title.setWordWrap(True)
        self.lbl_result_title.setStyleSheet("font-weight: 600;")
        self.lbl_result_rows = QLabel("")
        self.lbl_result_rows.setWordWrap(True)
        self.lbl_result_path = QLabel("")
        self.lbl_result_path.setWordWrap(True)
        self.lbl_result_hash = QLabel("")
        self.lbl_result_hash.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lbl_result_hash.setWordWrap(True)
        for label in (self.lbl_result_path, self.lbl_result_hash):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_hash_hint = QLabel(self.tr(
            "Bila penerima ingin memastikan berkasnya utuh, cocokkan sidik SHA-256 ini lewat telepon."))
        self.lbl_hash_hint.setObjectName("lbl_hint")
        self.lbl_hash_hint.setWordWrap(True)
        self.lbl_result_password = QLabel(self.tr(
            "Berkas ini dilindungi kata sandi. Beritahukan kata sandinya kepada penerima lewat jalur lain (telepon "
            "atau langsung), jangan di flashdisk atau surel yang sama dengan berkasnya."))
        self.lbl_result_password.setObjectName("lbl_hint")
        self.lbl_result_password.setProperty("warning", True)
        self.lbl_result_password.setWordWrap(True)
        self.btn_open_folder = QPushButton(self.tr("Buka folder"))
        self.btn_open_folder.setAutoDefault(False)
        # Their lines counted in the page's minimum height (125 % scaling), so nothing around them is squeezed.
        keep_lines(self.lbl_receiver_hint, self.lbl_full_hint, self.box_password.lbl_hint, self.lbl_privacy,
                   self.lbl_hash_hint, self.lbl_result_password)
        # A district can also send every trusted village its package at once.
        self.pnl_all = None if self._is_village else ExportAllPanel(ctx, self.chk_full.isChecked,
                                                                    self.box_password.password)

        # Signals
        self.btn_export.clicked.connect(self._on_btn_export_clicked)
        self.btn_open_folder.clicked.connect(self._on_btn_open_folder_clicked)
        if self.pnl_all is not None:
            self.pnl_all.exported_all.connect(self.exported)

        # Assemble
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        receiver = QVBoxLayout()
        receiver.setSpacing(4)
        receiver.addWidget(self.lbl_receiver)
        receiver.addWidget(self.cmb_receiver)
        receiver.addWidget(self.lbl_receiver_hint)
        scope = QVBoxLayout()
        scope.setSpacing(4)
        scope.addWidget(self.chk_full)
        scope.addWidget(self.lbl_full_hint)
        form.addRow(self.tr("Situs ini:"), self.lbl_site)
        form.addRow(self.tr("Penerima:"), receiver)
        form.addRow(self.tr("Isi paket:"), scope)
        form.addRow(self.tr("Keperluan:"), self.edt_purpose)
        form.addRow(self.tr("Perlindungan:"), self.box_password)
        form.addRow("", self.box_password.lbl_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_export)
        buttons.addStretch(1)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.btn_open_folder)
        result_buttons.addStretch(1)
        result = QVBoxLayout(self.frm_result)
        result.setContentsMargins(16, 12, 16, 12)
        result.setSpacing(6)
        result.addWidget(self.lbl_result_title)
        result.addWidget(self.lbl_result_rows)
        result.addWidget(self.lbl_result_path)
        result.addWidget(self.lbl_result_hash)
        result.addWidget(self.lbl_hash_hint)
        result.addWidget(self.lbl_result_password)
        result.addLayout(result_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.lbl_privacy)
        layout.addWidget(self.task)
        layout.addWidget(self.lbl_notice)
        layout.addWidget(self.frm_result)
        if self.pnl_all is not None:
            layout.addWidget(self.pnl_all)
        layout.addStretch(1)
        self._show_default_receiver()
        self._update_buttons()

    # --- receivers -------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:  # the page may have reloaded it in the meantime
            self.refresh()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload the trusted sites: the district's list of villages, or the name of the village's kabupaten."""
        self._stale = False
        ctx, site = self.ctx, self.site
        run_op(self, lambda: load_receivers(ctx, site), self._on_trusted_loaded, self._on_trusted_failed)
        run_op(self, lambda: protection_service().password_required(ctx), self.box_password.set_required,
               self._on_requirement_failed)

    def _on_requirement_failed(self, error: BaseException) -> None:
        # The export itself still refuses a missing password when the district requires one.
        log.warning("package password requirement not read: %s", error)

    def _show_default_receiver(self, code: str = "") -> None:
        if self._is_village:
            self.lbl_receiver.setText(self.tr("Sekretariat SLRT kabupaten/kota {code}").format(code=code).strip())

    def _on_trusted_loaded(self, loaded: tuple[list[TrustedSiteInfo] | None, str | None]) -> None:
        found, default = loaded
        sites = found or []
        if self._is_village:
            code = self._village_receiver = default or ""
            self._show_default_receiver(code)
            district = next((s for s in sites if s.code == code), None)
            if district is not None:
                self.lbl_receiver.setText(self.tr("{name} ({code})").format(name=district.name, code=code))
                self._set_receiver_hint("")
            elif found is None:
                self._set_receiver_hint("")
            else:
                self._set_receiver_hint(self.tr(
                    "Kartu situs kabupaten/kota ini belum dipercaya. Paket tetap dapat dibuat, tetapi paket "
                    "balasannya baru dapat diimpor setelah kartu situsnya dipercaya (Pengaturan)."))
        else:
            chosen = self.cmb_receiver.currentData()
            self.cmb_receiver.clear()
            for village in sorted((s for s in sites if s.role == SiteRole.DESA.value), key=lambda s: s.name):
                self.cmb_receiver.addItem(self.tr("{name} ({code})").format(name=village.name, code=village.code),
                                          village.code)
            if chosen is not None:
                self.cmb_receiver.setCurrentIndex(max(0, self.cmb_receiver.findData(chosen)))
            self._set_receiver_hint("" if self.cmb_receiver.count() else self.tr(
                "Belum ada desa/kelurahan tepercaya. Percayai kartu situs desa terlebih dahulu (Pengaturan → Situs "
                "tepercaya)."))
        self._update_buttons()
        self.receivers_loaded.emit()

    def _on_trusted_failed(self, error: BaseException) -> None:
        if not isinstance(error, PuskesosError):
            show_error(self, error)
        self._set_receiver_hint(self.tr("Penerima paket tidak dapat dimuat: {reason}").format(
            reason=error.message if isinstance(error, PuskesosError) else self.tr("kesalahan sistem")))
        self._update_buttons()
        self.receivers_loaded.emit()

    def _set_receiver_hint(self, text: str) -> None:
        self.lbl_receiver_hint.setText(text)
        self.lbl_receiver_hint.setVisible(bool(text))

    def receiver_code(self) -> str | None:
        if self._is_village:
            return self._village_receiver
        data = self.cmb_receiver.currentData()
        return str(data) if data else None

    def _update_buttons(self) -> None:
        running = self.task.is_running()
        self.btn_export.setEnabled(self._may_export and not running and self.receiver_code() is not None)
        if self.pnl_all is not None:
            self.pnl_all.set_allowed(self._may_export and self.cmb_receiver.count() > 0)
        for widget in (self.cmb_receiver, self.chk_full, self.edt_purpose):
            widget.setEnabled(not running)
        self.box_password.set_busy(running)
        if not self._may_export:
            self._notify(self.tr("Akun ini tidak berwenang membuat paket data. Minta Koordinator atau operator "
                                 "yang berwenang membuatnya."))

    # --- making the package ----------------------------------------------------------------------------------------

    def suggested_path(self, receiver: str) -> Path:
        name = package_file_name(self.site.code, receiver, self.ctx.today().strftime("%Y%m%d"))
        return (self._folder or documents_folder()) / name

    def choose_save_path(self, suggested: Path) -> str | None:
        """The save dialog (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan paket pertukaran data"), str(suggested),
                                                    self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    def open_folder(self, folder: Path) -> None:
        """Show the folder in the file manager (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_btn_export_clicked(self) -> None:
        receiver = self.receiver_code()
        if receiver is None or self.task.is_running():
            return
        try:
            password = self.box_password.password()  # checked before the save dialog, so nothing is chosen twice
        except InputRejected as exc:
            self._notify(exc.message, warning=True)
            return
        chosen = self.choose_save_path(self.suggested_path(receiver))
        if not chosen:
            return
        path = with_xlsx_suffix(chosen)
        self._folder = path.parent
        full = self.chk_full.isChecked()
        purpose = self.edt_purpose.text().strip()
        ctx = self.ctx
        explicit = None if self._is_village else receiver
        self.frm_result.setVisible(False)
        self._notify("")
        sink = self.task.start(self.tr("Membuat paket {name}").format(name=path.name))
        self._update_buttons()
        log.info("export started: receiver %s, full=%s, encrypted=%s", receiver, full, password is not None)
        # The write pool: export reads a snapshot and then records the package, its rows' marks and the audit event.
        run_op(self, lambda: run_export(ctx, path, full=full, receiver=explicit, purpose=purpose, sink=sink,
                                        password=password),
               self._on_exported, self._on_export_failed, writes=True)

    def _on_exported(self, outcome: ExportOutcome) -> None:
        self.task.finish()
        self.outcome = outcome
        protected = self.box_password.is_protected()
        self.box_password.clear()  # held no longer than needed
        self._update_buttons()
        self._show_result(outcome)
        self.lbl_result_password.setVisible(protected)
        self.exported.emit(outcome)

    def _on_export_failed(self, error: BaseException) -> None:
        self.task.finish()
        self._update_buttons()
        if isinstance(error, Cancelled):
            self._notify(self.tr("Ekspor dibatalkan; tidak ada berkas yang dibuat."))
            return
        if isinstance(error, PuskesosError):
            self._notify(error.message, warning=True)
            return
        self._notify(self.tr("Paket tidak dapat dibuat karena kesalahan sistem."), warning=True)
        show_error(self, error)

    def _show_result(self, outcome: ExportOutcome) -> None:
        receiver = self.cmb_receiver.currentText() if not self._is_village else self.lbl_receiver.text()
        scope = self.tr("semua data") if outcome.scope == "FULL" else self.tr("perubahan sejak paket terakhir")
        self.lbl_result_title.setText(self.tr("Paket ke-{sequence} untuk {receiver} sudah dibuat ({scope}).").format(
            sequence=outcome.sequence, receiver=receiver, scope=scope))
        filled = [f"{sheet} {format_number(n)}" for sheet, n in outcome.rows.items() if n]
        empty = [sheet for sheet, n in outcome.rows.items() if not n]
        total = sum(outcome.rows.values())
        text = self.tr("%n baris", "", total)
        if filled:
            text += ": " + " · ".join(filled)
        if empty:
            text += "\n" + self.tr("Lembar tanpa baris: {sheets}").format(sheets=", ".join(empty))
        self.lbl_result_rows.setText(text)
        self.lbl_result_path.setText(self.tr("Berkas: {path}").format(path=outcome.path))
        self.lbl_result_hash.setText(f"SHA-256: {outcome.sha256}")
        self.frm_result.setVisible(True)

    def _on_btn_open_folder_clicked(self) -> None:
        if self.outcome is not None:
            self.open_folder(self.outcome.path.parent)

    def _notify(self, text: str, *, warning: bool = False) -> None:
        self.lbl_notice.setText(text)
        self.lbl_notice.setProperty("warning", warning)
        self.lbl_notice.style().unpolish(self.lbl_notice)
        self.lbl_notice.style().polish(self.lbl_notice)
        self.lbl_notice.setVisible(bool(text))
