"""The base of every list in the UI: one frozen record per row, read through roles, sorted through a proxy.

A subclass names its columns (`headers()`) and says what a cell shows (`cell_text`); optionally how it sorts,
its tooltip, colours, font and alignment. `ROW_ROLE` returns the record, `SORT_ROLE` the sort key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RecordTableModel(QAbstractTableModel, Generic[R]):
    RowRole = ROW_ROLE
    SortRole = SORT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # --- what subclasses provide ---
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell_text(self, row: int, record: R, column: int) -> str:
        raise NotImplementedError

    def cell_sort(self, row: int, record: R, column: int) -> Any:
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: R, column: int) -> str | None:
        return None

    def cell_foreground(self, row: int, record: R, column: int) -> Any:
        return None

    def cell_background(self, row: int, record: R, column: int) -> Any:
        return None

    def cell_font(self, row: int, record: R, column: int) -> Any:
        return None

    def cell_alignment(self, row: int, record: R, column: int) -> int | None:
        return None

    # --- shared ---
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_item(self, row: int) -> R:
        return self._rows[row]

    def record(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(headers):
            return headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        record = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, record, column)
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            value = self.cell_sort(row, record, column)
            return value if isinstance(value, int | float | str) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(row, record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.cell_foreground(row, record, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.cell_background(row, record, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.cell_font(row, record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.cell_alignment(row, record, column)
        return None
