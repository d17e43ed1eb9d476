"""The read-only, sortable, one-row-selection table every list in the app uses, over a RecordTableModel."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from puskesos_desk.ui.models.record_table_model import SORT_ROLE, RecordTableModel


def record_table(model: RecordTableModel, *, accessible_name: str, stretch_column: int,
                 max_column_width: int | None = None, object_name: str = "",
                 word_wrap: bool = False) -> tuple[QTableView, QSortFilterProxyModel]:
    """(table, sorting proxy). Columns fit their contents up to `max_column_width` — a long name is elided, not a
    reason to scroll sideways — and `stretch_column` takes the rest. Sorting is on; callers pick the initial order
    with `sortByColumn` (Qt otherwise sorts column 0 descending at once)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    if object_name:
        table.setObjectName(object_name)
    table.setModel(proxy)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.verticalHeader().setVisible(False)
    table.setWordWrap(word_wrap)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if max_column_width is not None:
        header.setMaximumSectionSize(max_column_width)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    return table, proxy
