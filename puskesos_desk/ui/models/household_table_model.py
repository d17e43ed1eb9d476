"""The base of the household page's lists: rows are frozen records, one per line, sortable through a proxy.

A subclass names its columns (COL_* constants and `headers()`), and says what a cell shows (`text`) and how it
sorts (`sort_value`); optionally a colour (`foreground`) and a tooltip. `RowRole` returns the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import CaseworkChoices
from puskesos_desk.ui.i18n import current_language

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MUTED = QColor("#52606d")
WARNING = QColor("#b42318")


class HouseholdTableModel(QAbstractTableModel, Generic[R]):
    RowRole = ROW_ROLE
    SortRole = SORT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self.choices = CaseworkChoices(code_lists={})

    # --- what subclasses provide ---
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def text(self, record: R, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, record: R, column: int) -> Any:
        return self.text(record, column)

    def foreground(self, record: R, column: int) -> QColor | None:
        return None

    def tooltip(self, record: R, column: int) -> str | None:
        return None

    # --- shared ---
    def code_label(self, list_name: str, code: str | None) -> str:
        return self.choices.label(list_name, code, current_language())

    def set_choices(self, choices: CaseworkChoices) -> None:
        self.beginResetModel()
        self.choices = choices
        self.endResetModel()

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

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
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, column)
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            value = self.sort_value(record, column)
            return value if isinstance(value, int | float | str) else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        return None


def sorted_proxy(model: QAbstractTableModel, parent: QObject, column: int = 0,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, order)
    return proxy
