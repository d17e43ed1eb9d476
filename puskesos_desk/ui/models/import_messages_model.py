"""The findings of a package check (tab Terima), and the row colours of their severities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.ui.models.record_table_model import RecordTableModel

# Shared with the waiting rows of tab Riwayat & Konflik, so a warning looks the same in both tables.
SEVERITY_BACKGROUND = {"error": QColor("#fdecea"), "warning": QColor("#fff4d6")}


class MessagesTableModel(RecordTableModel[ImportMessage]):
    COL_SEVERITY, COL_SHEET, COL_ROW, COL_COLUMN, COL_CODE, COL_MESSAGE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Tingkat"), self.tr("Lembar"), self.tr("Baris"), self.tr("Kolom"), self.tr("Kode"),
                         self.tr("Pesan"))
        self._severity = {"error": self.tr("Kesalahan"), "warning": self.tr("Peringatan"), "info": self.tr("Info")}

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def severity_text(self, severity: str) -> str:
        return self._severity.get(severity, severity)

    def cell_text(self, row: int, record: ImportMessage, column: int) -> str:
        if column == self.COL_SEVERITY:
            return self.severity_text(record.severity)
        if column == self.COL_SHEET:
            return record.sheet or ""
        if column == self.COL_ROW:
            return str(record.row) if record.row is not None else ""
        if column == self.COL_COLUMN:
            return record.column or ""
        if column == self.COL_CODE:
            return record.code
        if column == self.COL_MESSAGE:
            return record.message
        return ""

    def cell_sort(self, row: int, record: ImportMessage, column: int) -> Any:
        if column == self.COL_ROW:
            return record.row or 0
        if column == self.COL_SEVERITY:
            return {"error": 0, "warning": 1}.get(record.severity, 2)
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: ImportMessage, column: int) -> str | None:
        return record.message if column == self.COL_MESSAGE else None

    def cell_background(self, row: int, record: ImportMessage, column: int) -> Any:
        colour = SEVERITY_BACKGROUND.get(record.severity)
        return QBrush(colour) if colour is not None else None
