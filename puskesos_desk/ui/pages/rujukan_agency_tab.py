"""Rujukan → "Hasil dari instansi": the agency outcome workbook. "Lembar untuk instansi…" writes the referrals
waiting for the chosen services; "Impor hasil dari instansi…" checks an answered file first (a dry run whose messages
fill the table), and "Terapkan" records every answer at once, or none when a row is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.agency_workbook import AgencyImportOutcome, AgencyImportStatus, AgencyTemplateOutcome
from puskesos_desk.domain.reference import ServiceItem
from puskesos_desk.services.agency_workbook import import_agency_outcomes, write_agency_template
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reference import directory_services
from puskesos_desk.ui.ops import run_op


class AgencyServicesDialog(QDialog):
    """Which services the sheet is for; none ticked means every service."""

    def __init__(self, services: list[ServiceItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lembar untuk instansi"))
        self.lbl_hint = QLabel(self.tr("Centang layanan instansi yang akan menerima lembar ini. Tanpa centang: "
                                       "semua rujukan yang menunggu jawaban."))
        self.lbl_hint.setWordWrap(True)
        self.lst_services = QListWidget()
        self.lst_services.setAccessibleName(self.tr("Layanan"))
        for service in services:
            item = QListWidgetItem(f"{service.organization} — {service.name}")
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lst_services.addItem(item)
        self.btn_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.btn_box.accepted.connect(self.accept)
        self.btn_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_hint)
        layout.addWidget(self.lst_services, 1)
        layout.addWidget(self.btn_box)
        self.resize(560, 420)

    def selected_codes(self) -> list[str]:
        items = (self.lst_services.item(i) for i in range(self.lst_services.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked]


class ReferralAgencyTab(QWidget):
    changed = Signal()  # answers were recorded
    template_written = Signal(object)  # AgencyTemplateOutcome
    import_checked = Signal(object)  # AgencyImportOutcome (a dry run or the applied import)

    COL_ROW, COL_COLUMN, COL_MESSAGE = 0, 1, 2

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._checked_path: Path | None = None

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "Kirim lembar berisi rujukan yang menunggu jawaban kepada instansi tujuan, lalu impor lembar yang sudah "
            "diisinya. Hasilnya dicatat sebagai kabar dari sekretariat; bila satu baris salah, tidak ada yang "
            "dicatat sampai berkasnya diperbaiki."))
        self.lbl_intro.setWordWrap(True)
        self.btn_template = QPushButton(self.tr("Lembar untuk instansi…"))
        self.btn_import = QPushButton(self.tr("Impor hasil dari instansi…"))
        self.btn_apply = QPushButton(self.tr("Terapkan"))
        self.btn_apply.setEnabled(False)
        for button in (self.btn_template, self.btn_import, self.btn_apply):
            button.setAutoDefault(False)
        self.lbl_summary = QLabel("")
        self.lbl_summary.setObjectName("lbl_subtitle")
        self.lbl_summary.setWordWrap(True)
        self.tbl_messages = QTableWidget(0, 3)
        self.tbl_messages.setObjectName("tbl_agency_messages")
        self.tbl_messages.setAccessibleName(self.tr("Pesan pemeriksaan lembar instansi"))
        self.tbl_messages.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Kolom"), self.tr("Pesan")])
        self.tbl_messages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_messages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_messages.verticalHeader().setVisible(False)
        self.tbl_messages.horizontalHeader().setSectionResizeMode(self.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)

        # Signals
        self.btn_template.clicked.connect(self._on_btn_template_clicked)
        self.btn_import.clicked.connect(self._on_btn_import_clicked)
        self.btn_apply.clicked.connect(self._on_btn_apply_clicked)

        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_template)
        buttons.addWidget(self.btn_import)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(buttons)
        layout.addWidget(self.lbl_summary)
        layout.addWidget(self.tbl_messages, 1)

    # --- the template ----------------------------------------------------------------------------------------------

    def _on_btn_template_clicked(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: directory_services(ctx), self._on_services_read)

    def _on_services_read(self, services: list[ServiceItem]) -> None:
        dialog = AgencyServicesDialog(services, self)
        try:
            if not dialog.exec():
                return
            codes = dialog.selected_codes()
        finally:
            dialog.deleteLater()
        suggested = Path.home() / f"lembar-instansi-{self.ctx.today():%Y%m%d}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan lembar untuk instansi"), str(suggested),
                                                    self.tr("Buku kerja Excel (*.xlsx)"))
        if not path:
            return
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        ctx = self.ctx
        run_op(self, lambda: write_agency_template(ctx, out, service_codes=codes), self._on_template_written,
               writes=True)

    def _on_template_written(self, outcome: AgencyTemplateOutcome) -> None:
        self.lbl_summary.setText(self.tr("Lembar untuk instansi disimpan: {path} ({rows} rujukan). Berkas ini "
                                         "berisi data pribadi; pengirimannya tercatat di register ekspor.")
                                 .format(path=outcome.path, rows=outcome.rows))
        self.template_written.emit(outcome)

    # --- importing the answers -------------------------------------------------------------------------------------

    def _on_btn_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih lembar yang sudah diisi instansi"),
                                                    str(Path.home()), self.tr("Buku kerja Excel (*.xlsx)"))
        if not path:
            return
        self._checked_path = None
        self.btn_apply.setEnabled(False)
        ctx, chosen = self.ctx, Path(path)
        run_op(self, lambda: import_agency_outcomes(ctx, chosen, dry_run=True), self._on_import_read)

    def _on_btn_apply_clicked(self) -> None:
        if self._checked_path is None:
            return
        self.btn_apply.setEnabled(False)
        ctx, chosen = self.ctx, self._checked_path
        run_op(self, lambda: import_agency_outcomes(ctx, chosen), self._on_import_read, writes=True)

    def _on_import_read(self, outcome: AgencyImportOutcome) -> None:
        self._show_messages(outcome)
        counts = self.tr("dicatat {applied}, sudah tercatat {unchanged}, kosong {skipped}, salah {errors}").format(
            applied=outcome.applied, unchanged=outcome.unchanged, skipped=outcome.skipped, errors=outcome.errors)
        if outcome.status is AgencyImportStatus.WOULD_APPLY:
            self._checked_path = outcome.path
            self.btn_apply.setEnabled(outcome.applied > 0)
            text = self.tr("Lembar {name} dapat diterapkan ({counts}). Tekan Terapkan untuk mencatat hasilnya.")
        elif outcome.status is AgencyImportStatus.APPLIED:
            self._checked_path = None
            text = self.tr("Hasil dari {name} dicatat ({counts}).")
            self.changed.emit()
        else:
            self._checked_path = None
            text = self.tr("Lembar {name} ditolak: tidak ada yang dicatat ({counts}). Perbaiki baris yang disebut "
                           "lalu impor lagi.")
        self.lbl_summary.setText(text.format(name=outcome.path.name, counts=counts))
        self.import_checked.emit(outcome)

    def _show_messages(self, outcome: AgencyImportOutcome) -> None:
        table = self.tbl_messages
        table.setRowCount(len(outcome.messages))
        for row, message in enumerate(outcome.messages):
            values = ("" if message.row is None else str(message.row), message.column or "", message.message)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnToContents(self.COL_ROW)
        table.resizeColumnToContents(self.COL_COLUMN)
