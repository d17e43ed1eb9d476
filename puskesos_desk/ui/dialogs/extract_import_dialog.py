"""Importing the district's DTSEN/DTKS extract: the file is previewed first (sheet, header row, dataset, as-of date,
the column mapping with sample rows, what the import will say), the officer confirms or corrects the mapping and
the date, then Impor reads the whole file off the GUI thread with a progress bar and Batal.

Nothing changes before Impor; a refused file changes nothing either (the previous extract stays). The confirmed
mapping is remembered for the layout, so next quarter's file from the same district is mapped the same way.
A password-protected file asks for its password; the password is kept only while the dialog is open.
"""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import Cancelled, PuskesosError
from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.domain.extract_records import ExtractMessage, ExtractOutcome, ExtractPreview
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.models.extract_mapping_model import ExtractMappingTableModel, FieldComboDelegate, mapping_rows
from puskesos_desk.ui.models.import_messages_model import MessagesTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.dialog_fit import resize_within_screen
from puskesos_desk.ui.widgets.progress_task import ProgressTask
from puskesos_desk.ui.widgets.record_table import record_table

log = logging.getLogger(__name__)

PASSWORD_CODES = frozenset({"ENCRYPTED", "BAD_PASSWORD"})
DATASETS = ("DTSEN", "DTKS")
NO_DATE = QDate(2000, 1, 1)  # the date edit's "empty" value, shown as its special text
REJECTED_COLOUR = "#b42318"
IMPORTED_COLOUR = "#1d6b35"


def extract_service() -> ModuleType:
    """services.extract_import, imported on first use (on a worker): it loads the spreadsheet reader, which
    starting the application does not need."""
    return importlib.import_module("puskesos_desk.services.extract_import")


def as_messages(messages: list[ExtractMessage]) -> list[ImportMessage]:
    """The extract's findings in the shape the messages table shows (no sheet column: one sheet is read)."""
    return [ImportMessage(sheet=None, row=m.row, column=m.column, code=m.code, message=m.message,
                          severity=m.severity) for m in messages]


class ExtractImportDialog(QDialog):
    previewed = Signal(object)  # ExtractPreview on screen (tests wait on it)
    imported = Signal(object)  # ExtractOutcome with status "imported"
    finished_run = Signal(object)  # ExtractOutcome of any import run, or the exception

    def __init__(self, ctx: ServiceContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.preview: ExtractPreview | None = None
        self.outcome: ExtractOutcome | None = None
        self._password: str | None = None
        self._previewing = False
        self.setWindowTitle(self.tr("Impor ekstrak DTSEN/DTKS"))

        # Widgets
        self.lbl_file = QLabel()
        self.lbl_file.setWordWrap(True)
        self.lbl_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_sheet = QLabel("—")
        self.lbl_rows = QLabel("—")
        self.cmb_dataset = QComboBox()
        for code in DATASETS:
            self.cmb_dataset.addItem(code, code)
        self.cmb_dataset.setMinimumWidth(110)
        self.cmb_dataset.setToolTip(self.tr("Dikenali dari kolom desil: ada desil berarti DTSEN"))
        self.dte_as_of = QDateEdit()
        self.dte_as_of.setCalendarPopup(True)
        self.dte_as_of.setDisplayFormat("dd/MM/yyyy")
        self.dte_as_of.setMinimumDate(NO_DATE)
        self.dte_as_of.setMaximumDate(QDate(ctx.today().year + 1, 12, 31))
        self.dte_as_of.setSpecialValueText(self.tr("— isi tanggal —"))
        self.dte_as_of.setDate(NO_DATE)
        self.dte_as_of.setAccessibleName(self.tr("Keadaan data per tanggal"))
        self.lbl_as_of_note = QLabel("")
        self.lbl_as_of_note.setObjectName("lbl_hint")
        self.lbl_as_of_note.setWordWrap(True)
        self.lbl_mapping = QLabel(self.tr("Periksa kolom-kolom berkas: pilih isian yang benar bila keliru. Kolom yang "
                                          "tidak dikenal diabaikan."))
        self.lbl_mapping.setObjectName("lbl_hint")
        self.lbl_mapping.setWordWrap(True)
        self.mapping_model = ExtractMappingTableModel(self)
        self.tbl_mapping = QTableView()
        self.tbl_mapping.setObjectName("tbl_mapping")
        self.tbl_mapping.setModel(self.mapping_model)
        self.tbl_mapping.setAccessibleName(self.tr("Pemetaan kolom"))
        self.tbl_mapping.setItemDelegateForColumn(ExtractMappingTableModel.COL_FIELD, FieldComboDelegate(self))
        self.tbl_mapping.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_mapping.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tbl_mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_mapping.verticalHeader().setVisible(False)
        self.tbl_mapping.verticalHeader().setDefaultSectionSize(30)  # room for the combos
        header = self.tbl_mapping.horizontalHeader()
        header.setSectionResizeMode(ExtractMappingTableModel.COL_HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ExtractMappingTableModel.COL_FIELD, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ExtractMappingTableModel.COL_SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ExtractMappingTableModel.COL_HEADER, 240)
        header.resizeSection(ExtractMappingTableModel.COL_FIELD, 220)
        self.lbl_messages = QLabel("")
        self.lbl_messages.setObjectName("lbl_hint")
        self.messages_model = MessagesTableModel(self)
        self.tbl_messages, self.messages_proxy = record_table(
            self.messages_model, accessible_name=self.tr("Pesan pemeriksaan berkas"),
            stretch_column=MessagesTableModel.COL_MESSAGE, max_column_width=180, object_name="tbl_messages")
        self.tbl_messages.hideColumn(MessagesTableModel.COL_SHEET)
        self.tbl_messages.setMaximumHeight(150)
        self.task = ProgressTask()
        self.frm_result = QFrame()
        self.frm_result.setObjectName("card")
        self.frm_result.setVisible(False)
        self.lbl_status = QLabel("")
        self.lbl_status.setWordWrap(True)
        self.lbl_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_counts = QLabel("")
        self.lbl_counts.setWordWrap(True)
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setVisible(False)
        self.btn_import = QPushButton(self.tr("Impor"))
        self.btn_import.setDefault(True)
        self.btn_close = QPushButton(self.tr("Tutup"))
        self.btn_close.setAutoDefault(False)

        # Signals
        self.mapping_model.mapping_changed.connect(self._on_mapping_model_mapping_changed)
        self.dte_as_of.dateChanged.connect(self._on_dte_as_of_date_changed)
        self.btn_import.clicked.connect(self._on_btn_import_clicked)
        self.btn_close.clicked.connect(self.reject)

        # Assemble
        facts = QFormLayout()
        facts.setHorizontalSpacing(12)
        facts.addRow(self.tr("Lembar:"), self.lbl_sheet)
        facts.addRow(self.tr("Baris data:"), self.lbl_rows)
        choices = QFormLayout()
        choices.setHorizontalSpacing(12)
        dataset = QHBoxLayout()
        dataset.addWidget(self.cmb_dataset)
        dataset.addStretch(1)
        choices.addRow(self.tr("Jenis data:"), dataset)
        as_of = QHBoxLayout()
        as_of.setSpacing(10)
        as_of.addWidget(self.dte_as_of)
        as_of.addWidget(self.lbl_as_of_note, 1)
        choices.addRow(self.tr("Keadaan data per:"), as_of)
        top = QHBoxLayout()
        top.addLayout(facts, 1)
        top.addSpacing(24)
        top.addLayout(choices, 2)
        result = QVBoxLayout(self.frm_result)
        result.setContentsMargins(14, 10, 14, 10)
        result.setSpacing(4)
        result.addWidget(self.lbl_status)
        result.addWidget(self.lbl_counts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_error, 1)
        buttons.addStretch(0)  # keeps the buttons their size while there is no message
        buttons.addWidget(self.btn_import)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_file)
        layout.addLayout(top)
        layout.addWidget(self.lbl_mapping)
        layout.addWidget(self.tbl_mapping, 1)
        layout.addWidget(self.lbl_messages)
        layout.addWidget(self.tbl_messages)
        layout.addWidget(self.task)
        layout.addWidget(self.frm_result)
        layout.addLayout(buttons)
        resize_within_screen(self, QSize(1040, 640))
        self.lbl_file.setText(self.tr("Berkas: {path}").format(path=path))
        self._update_buttons()
        self.refresh_preview()

    # --- test hooks -------------------------------------------------------------------------------------------------

    def ask_password(self, retry: bool) -> str | None:
        label = (self.tr("Kata sandi salah. Masukkan lagi kata sandi berkas {name}:") if retry else
                 self.tr("Berkas {name} dilindungi kata sandi. Masukkan kata sandinya:")).format(name=self.path.name)
        text, ok = QInputDialog.getText(self, self.tr("Kata sandi berkas"), label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def field_combo(self, header: str) -> QComboBox:
        """The "Dibaca sebagai" combo of the column headed `header`."""
        for row in range(self.mapping_model.rowCount()):
            if self.mapping_model.row_item(row).header == header:
                widget = self.tbl_mapping.indexWidget(
                    self.mapping_model.index(row, ExtractMappingTableModel.COL_FIELD))
                assert isinstance(widget, QComboBox)
                return widget
        raise KeyError(header)

    # --- the preview ------------------------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._previewing or self.task.is_running()

    def refresh_preview(self, mapping: dict[str, str] | None = None) -> None:
        """Read the first rows again (with the officer's mapping, once there is one); nothing is written."""
        ctx, path, password = self.ctx, self.path, self._password
        self._previewing = True
        self._update_buttons()
        run_op(self, lambda: extract_service().preview_extract(ctx, path, password=password, mapping=mapping),
               self._on_previewed, self._on_preview_failed)

    def _on_previewed(self, preview: ExtractPreview) -> None:
        self._previewing = False
        first = self.preview is None
        self.preview = preview
        self.lbl_sheet.setText(self.tr("{sheet} (judul kolom di baris {row})").format(
            sheet=preview.sheet, row=preview.mapping.header_row) if preview.mapping.header_row else preview.sheet)
        self.lbl_rows.setText(self.tr("± {n} baris").format(n=format_number(preview.rows_estimate)))
        if first:
            self.cmb_dataset.setCurrentIndex(max(self.cmb_dataset.findData(preview.dataset), 0))
            if preview.as_of is not None:
                self.dte_as_of.setDate(QDate(preview.as_of.year, preview.as_of.month, preview.as_of.day))
        self._show_as_of_note()
        self.mapping_model.set_rows(mapping_rows(preview))
        for row in range(self.mapping_model.rowCount()):
            self.tbl_mapping.openPersistentEditor(self.mapping_model.index(row, ExtractMappingTableModel.COL_FIELD))
        self._show_messages([m for m in preview.messages if m.code != "no_as_of"])
        self._update_buttons()
        self.previewed.emit(preview)

    def _on_preview_failed(self, error: BaseException) -> None:
        self._previewing = False
        code = str(getattr(error, "code", "")).upper()
        if code in PASSWORD_CODES:
            password = self.ask_password(retry=code == "BAD_PASSWORD")
            if password:
                self._password = password
                self.refresh_preview()
                return
        if isinstance(error, PuskesosError):
            self._show_error(error.message)
        else:
            self._show_error(self.tr("Berkas tidak dapat dibaca karena kesalahan sistem."))
            show_error(self, error)
        self._update_buttons()
        self.finished_run.emit(error)

    def _show_as_of_note(self) -> None:
        detected = self.preview.as_of if self.preview else None
        chosen = self.as_of()
        if chosen is None:
            text = self.tr("Tanggal keadaan data tidak tertulis di berkas: isi tanggalnya (lihat surat pengantar "
                           "Dinas Sosial).")
        elif detected is not None and chosen == detected:
            text = self.tr("Terbaca dari judul berkas.")
        else:
            text = self.tr("Diisi petugas.")
        self.lbl_as_of_note.setText(text)
        self.lbl_as_of_note.setProperty("warning", chosen is None)
        self.lbl_as_of_note.style().unpolish(self.lbl_as_of_note)
        self.lbl_as_of_note.style().polish(self.lbl_as_of_note)

    def _show_messages(self, messages: list[ExtractMessage]) -> None:
        shown = as_messages(messages)
        self.messages_model.set_rows(shown)
        self.tbl_messages.sortByColumn(MessagesTableModel.COL_SEVERITY, Qt.SortOrder.AscendingOrder)
        severities = Counter(m.severity for m in shown)
        self.lbl_messages.setText(self.tr("Pesan: {errors} kesalahan, {warnings} peringatan, {infos} info").format(
            errors=severities["error"], warnings=severities["warning"], infos=severities["info"]))
        self.lbl_messages.setVisible(bool(shown))
        self.tbl_messages.setVisible(bool(shown))

    def as_of(self) -> date | None:
        chosen = self.dte_as_of.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def _on_dte_as_of_date_changed(self, _value: QDate) -> None:
        self._show_as_of_note()
        self.lbl_error.setVisible(False)
        self._update_buttons()

    def _on_mapping_model_mapping_changed(self) -> None:
        self.refresh_preview(self.mapping_model.mapping())

    # --- the import -------------------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        done = self.outcome is not None and self.outcome.imported
        ready = self.preview is not None and self.preview.ok
        self.btn_import.setEnabled(not busy and ready and not done)
        self.tbl_mapping.setEnabled(not self.task.is_running() and not done)
        self.cmb_dataset.setEnabled(not busy and not done)
        self.dte_as_of.setEnabled(not busy and not done)
        self.btn_close.setText(self.tr("Selesai") if done else self.tr("Tutup"))

    def _on_btn_import_clicked(self) -> None:
        if self.preview is None or self.is_busy() or not self.btn_import.isEnabled():
            return
        as_of = self.as_of()
        if as_of is None:
            self._show_error(self.tr("Isi tanggal keadaan data sebelum mengimpor."))
            self.dte_as_of.setFocus()
            return
        ctx, path, password = self.ctx, self.path, self._password
        mapping, key = self.mapping_model.mapping(), self.preview.source_key
        dataset = str(self.cmb_dataset.currentData())
        self.lbl_error.setVisible(False)
        self.frm_result.setVisible(False)
        sink = self.task.start(self.tr("Mengimpor {name}").format(name=path.name))
        self._update_buttons()

        def job() -> ExtractOutcome:
            service = extract_service()
            outcome: ExtractOutcome = service.import_extract(ctx, path, as_of=as_of, mapping=mapping,
                                                             password=password, dataset=dataset, sink=sink)
            if outcome.imported and key:
                service.remember_mapping(ctx, key, mapping)
            return outcome

        run_op(self, job, self._on_imported, self._on_import_failed, writes=True)

    def _on_imported(self, outcome: ExtractOutcome) -> None:
        self.task.finish()
        self.outcome = outcome
        imported = outcome.imported
        colour = IMPORTED_COLOUR if imported else REJECTED_COLOUR
        self.lbl_status.setStyleSheet(f"font-weight: 600; color: {colour};")
        if imported:
            self.lbl_status.setText(self.tr("Ekstrak {dataset} per {date} diimpor dan menggantikan ekstrak "
                                            "sebelumnya.").format(dataset=outcome.dataset,
                                                                  date=self._day(outcome.as_of)))
            messages = outcome.messages
        else:
            reason = outcome.messages[0].message if outcome.messages else ""
            self.lbl_status.setText(self.tr("Berkas ditolak; data DTSEN/DTKS tidak berubah.")
                                    + ("\n" + reason if reason else ""))
            messages = outcome.messages[1:]
        rows = outcome.rows
        self.lbl_counts.setText(self.tr("Diimpor {imported} · desa lain {other} · NIK rusak {damaged} · ditolak "
                                        "{rejected} (dari {total} baris)").format(
            imported=format_number(rows.get("imported", 0)), other=format_number(rows.get("other_desa", 0)),
            damaged=format_number(rows.get("nik_damaged", 0)), rejected=format_number(rows.get("rejected", 0)),
            total=format_number(rows.get("total", 0))))
        self.frm_result.setVisible(True)
        self._show_messages(messages)
        self._update_buttons()
        if imported:
            log.info("extract %s imported", outcome.batch_id)
            self.imported.emit(outcome)
            self.btn_close.setFocus()
        self.finished_run.emit(outcome)

    def _on_import_failed(self, error: BaseException) -> None:
        self.task.finish()
        if isinstance(error, Cancelled):
            self._show_error(self.tr("Impor dibatalkan; data DTSEN/DTKS tidak berubah."))
        elif isinstance(error, PuskesosError):
            self._show_error(error.message)
        else:
            self._show_error(self.tr("Berkas tidak dapat diimpor karena kesalahan sistem."))
            show_error(self, error)
        self._update_buttons()
        self.finished_run.emit(error)

    def _show_error(self, text: str) -> None:
        self.lbl_error.setText(text)
        self.lbl_error.setVisible(bool(text))

    @staticmethod
    def _day(value: date | None) -> str:
        return value.strftime("%d/%m/%Y") if value else ""

    # --- closing ------------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Tutup while importing asks the import to stop; the dialog closes once it has."""
        if self.task.is_running():
            self.task.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task.is_running():
            self.task.cancel()
            event.ignore()
            return
        super().closeEvent(event)
