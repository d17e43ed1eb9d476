"""Pengaturan → "Masa simpan data": the retention period of each record type (with its documented default and
basis, domain/retention.py), a preview of how many records are due, and the anonymisation run.

Saving needs MANAGE_SETTINGS; the preview and the run need APPLY_RETENTION (the services check both; the buttons
only follow). The run asks for a reason and says plainly that it cannot be undone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.retention import AUDIT_BASIS, NOTICE_CONSENT_BASIS, RULES, RecordType
from puskesos_desk.domain.retention import RetentionSettings as Periods
from puskesos_desk.services import retention
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op


class RetentionSettings(QGroupBox):
    loaded = Signal()
    saved = Signal()
    previewed = Signal(object)  # retention.RetentionPreview
    anonymised = Signal(object)  # retention.RetentionSummary

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Masa simpan data"), parent)
        self.ctx = ctx
        self.can_save = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.can_apply = ctx.actor.can(Permission.APPLY_RETENTION)
        self.spins: dict[RecordType, QSpinBox] = {}
        self._load_started = False

        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        for rule in RULES:
            spin = QSpinBox()
            spin.setRange(rule.minimum, rule.maximum)
            spin.setValue(rule.default)
            spin.setSuffix(f" {rule.unit.value}")
            spin.setAccessibleName(rule.label)
            spin.setEnabled(False)
            self.spins[rule.record_type] = spin
            row = grid.rowCount()
            label = QLabel(rule.label)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(self._hint(self.tr("Bawaan: {value} {unit}. {basis}").format(
                value=rule.default, unit=rule.unit.value, basis=rule.basis)), row, 2)
        for text in (NOTICE_CONSENT_BASIS, AUDIT_BASIS):
            grid.addWidget(self._hint(text), grid.rowCount(), 0, 1, 3)

        self.btn_save = QPushButton(self.tr("Simpan"))
        self.btn_preview = QPushButton(self.tr("Pratinjau"))
        self.btn_preview.setToolTip(self.tr("Hitung data yang sudah lewat masa simpannya, tanpa mengubah apa pun"))
        self.btn_run = QPushButton(self.tr("Jalankan anonimisasi…"))
        self.lbl_status = self._hint()
        for button in (self.btn_save, self.btn_preview, self.btn_run):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.btn_save, self.btn_preview, self.btn_run):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid.addLayout(buttons, grid.rowCount(), 0, 1, 3)
        grid.addWidget(self.lbl_status, grid.rowCount(), 0, 1, 3)
        grid.setRowStretch(grid.rowCount(), 1)  # spare height goes below, not between the rows
        if not self.can_apply:
            for button in (self.btn_preview, self.btn_run):
                button.setToolTip(self.tr("Hanya untuk Koordinator Puskesos atau Manajer SLRT"))

        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_preview.clicked.connect(self._on_btn_preview_clicked)
        self.btn_run.clicked.connect(self._on_btn_run_clicked)

    @staticmethod
    def _hint(text: str = "") -> QLabel:
        widget = QLabel(text)
        widget.setObjectName("lbl_hint")
        widget.setWordWrap(True)
        return widget

    def _say(self, text: str) -> None:
        self.lbl_status.setText(text)

    def _on_failed(self, error: BaseException) -> None:
        self._enable()
        if isinstance(error, PuskesosError):
            self._say(error.message)
        else:
            show_error(self, error)

    def _enable(self) -> None:
        for spin in self.spins.values():
            spin.setEnabled(self.can_save)
        self.btn_save.setEnabled(self.can_save)
        self.btn_preview.setEnabled(self.can_apply)
        self.btn_run.setEnabled(self.can_apply)

    # --- loading -----------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.load)

    def load(self) -> None:
        if not (self.can_save or self.can_apply):  # the periods are a setting; without a right, the defaults show
            self._enable()
            self.loaded.emit()
            return
        ctx = self.ctx
        run_op(self, lambda: retention.retention_settings(ctx), self._on_loaded, self._on_failed)

    def _on_loaded(self, settings: Periods) -> None:
        for record_type, spin in self.spins.items():
            spin.setValue(settings.period(record_type))
        self._enable()
        self.loaded.emit()

    # --- actions -----------------------------------------------------------------------------------------------------

    def _on_btn_save_clicked(self) -> None:
        ctx, periods = self.ctx, {record_type: spin.value() for record_type, spin in self.spins.items()}
        self.btn_save.setEnabled(False)
        self._say(self.tr("Menyimpan…"))
        run_op(self, lambda: retention.save_retention_settings(ctx, periods), self._on_saved, self._on_failed,
               writes=True)

    def _on_saved(self, settings: Periods) -> None:
        self._on_loaded(settings)
        self._say(self.tr("Masa simpan tersimpan."))
        self.saved.emit()

    def _on_btn_preview_clicked(self) -> None:
        ctx = self.ctx
        self._say(self.tr("Menghitung…"))
        run_op(self, lambda: retention.preview(ctx), self._on_previewed, self._on_failed)

    def describe(self, due: retention.RetentionPreview) -> str:
        if due.is_empty:
            return self.tr("Tidak ada data yang lewat masa simpannya.")
        return self.tr("Jatuh tempo: {households} keluarga ({persons} warga), {extract} baris data DTSEN/DTKS lama, "
                       "{parked} salinan baris paket.").format(households=due.households, persons=due.persons,
                                                             extract=due.extract_rows, parked=due.parked_rows)

    def _on_previewed(self, due: retention.RetentionPreview) -> None:
        self._say(self.describe(due))
        self.previewed.emit(due)

    def ask_reason(self) -> str | None:
        """The confirmation (tests replace it): None when the user cancels."""
        text, accepted = QInputDialog.getText(
            self, self.tr("Jalankan anonimisasi"),
            self.tr("Nama, NIK, No. KK, alamat, telepon dan catatan dari data yang sudah lewat masa simpannya akan "
                    "dihapus untuk selamanya. Tindakan ini TIDAK DAPAT DIBATALKAN. Angka laporan tetap sama.\n\n"
                    "Tulis alasannya (misalnya nomor berita acara pemusnahan arsip):"),
            QLineEdit.EchoMode.Normal, "")
        return text if accepted else None

    def _on_btn_run_clicked(self) -> None:
        reason = self.ask_reason()
        if reason is None:
            return
        ctx = self.ctx
        self.btn_run.setEnabled(False)
        self._say(self.tr("Menganonimkan…"))
        run_op(self, lambda: retention.run(ctx, reason=reason), self._on_run_done, self._on_failed, writes=True)

    def _on_run_done(self, summary: retention.RetentionSummary) -> None:
        self._enable()
        if summary.preview.is_empty:
            self._say(self.tr("Tidak ada data yang lewat masa simpannya. Tidak ada yang diubah."))
        else:
            self._say(self.tr("Selesai. Dianonimkan: {households} keluarga ({persons} warga), {extract} baris data "
                              "DTSEN/DTKS lama, {parked} salinan baris paket. Tercatat di log audit.").format(
                households=summary.preview.households, persons=summary.preview.persons,
                extract=summary.preview.extract_rows, parked=summary.preview.parked_rows))
        self.anonymised.emit(summary)
