"""The files of a batch check or import in tab Terima: one row per file with its sender, sequence, result and rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.exchange_batch import NOT_RUN, BatchEntry
from puskesos_desk.domain.exchange_package import ROW_CLASS_LABELS, ImportStatus, RowClass
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_BACKGROUND = {ImportStatus.REJECTED.value: QColor("#fdecea"), NOT_RUN: QColor("#fff4d6")}


class BatchPackagesModel(RecordTableModel[BatchEntry]):
    COL_FILE, COL_SENDER, COL_SEQUENCE, COL_STATUS, COL_ROWS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Berkas"), self.tr("Pengirim"), self.tr("Urutan"), self.tr("Hasil"),
                         self.tr("Baris"))
        self._status = {
            ImportStatus.WOULD_APPLY.value: self.tr("dapat diterapkan"),
            ImportStatus.APPLIED.value: self.tr("diterapkan"),
            ImportStatus.ALREADY_APPLIED.value: self.tr("sudah diimpor sebelumnya"),
            ImportStatus.REJECTED.value: self.tr("ditolak"),
            NOT_RUN: self.tr("tidak diproses (dibatalkan)"),
        }

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def status_text(self, record: BatchEntry) -> str:
        return self._status.get(record.status, record.status)

    def cell_text(self, row: int, record: BatchEntry, column: int) -> str:
        outcome = record.outcome
        if column == self.COL_FILE:
            return record.path.name
        if column == self.COL_STATUS:
            return self.status_text(record)
        if outcome is None:
            return ""
        if column == self.COL_SENDER:
            return f"{outcome.sender_name} ({outcome.sender})" if outcome.sender_name else outcome.sender
        if column == self.COL_SEQUENCE:
            return str(outcome.sequence) if outcome.sequence else ""
        if column == self.COL_ROWS:
            return " · ".join(f"{format_number(outcome.rows[c])} {ROW_CLASS_LABELS[c]}" for c in RowClass
                              if outcome.rows.get(c))
        return ""

    def cell_sort(self, row: int, record: BatchEntry, column: int) -> Any:
        if column == self.COL_SEQUENCE:
            return record.outcome.sequence if record.outcome else 0
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: BatchEntry, column: int) -> str | None:
        if column == self.COL_FILE:
            return str(record.path)
        outcome = record.outcome
        if column == self.COL_STATUS and outcome is not None and outcome.status is ImportStatus.REJECTED \
                and outcome.messages:
            return outcome.messages[0].message
        return None

    def cell_background(self, row: int, record: BatchEntry, column: int) -> Any:
        colour = _BACKGROUND.get(record.status)
        return QBrush(colour) if colour is not None else None

    def cell_alignment(self, row: int, record: BatchEntry, column: int) -> int | None:
        if column == self.COL_SEQUENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
