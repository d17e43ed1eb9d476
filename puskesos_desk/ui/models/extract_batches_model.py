"""The extracts imported so far, newest first: the active one per dataset, and the ones it replaced (whose rows were
purged; only the record of the import stays)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from puskesos_desk.domain.search import RegisterBatchInfo
from puskesos_desk.ui.formatting import format_date_short, format_number
from puskesos_desk.ui.models.exchange_history_model import moment_text
from puskesos_desk.ui.models.household_table_model import MUTED
from puskesos_desk.ui.models.record_table_model import RecordTableModel

ACTIVE = "AKTIF"


class ExtractBatchesTableModel(RecordTableModel[RegisterBatchInfo]):
    COL_DATASET, COL_AS_OF, COL_STATUS, COL_ROWS, COL_IMPORTED, COL_FILE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Data"), self.tr("Keadaan per"), self.tr("Status"), self.tr("Baris"),
                         self.tr("Diimpor"), self.tr("Berkas"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: RegisterBatchInfo, column: int) -> str:
        if column == self.COL_DATASET:
            return record.dataset
        if column == self.COL_AS_OF:
            return format_date_short(record.as_of)
        if column == self.COL_STATUS:
            return self.tr("Dipakai") if record.status == ACTIVE else self.tr("Diganti")
        if column == self.COL_ROWS:
            return format_number(record.rows_imported)
        if column == self.COL_IMPORTED:
            return moment_text(record.imported_at)
        if column == self.COL_FILE:
            return record.file_name
        return ""

    def cell_sort(self, row: int, record: RegisterBatchInfo, column: int) -> Any:
        if column == self.COL_AS_OF:
            return record.as_of.isoformat()
        if column == self.COL_ROWS:
            return record.rows_imported
        if column == self.COL_IMPORTED:
            return record.imported_at.isoformat()
        return self.cell_text(row, record, column)

    def cell_foreground(self, row: int, record: RegisterBatchInfo, column: int) -> Any:
        return None if record.status == ACTIVE else MUTED

    def cell_tooltip(self, row: int, record: RegisterBatchInfo, column: int) -> str | None:
        if record.status != ACTIVE:
            return self.tr("Diganti oleh ekstrak yang lebih baru; baris-barisnya sudah dihapus.")
        return None
