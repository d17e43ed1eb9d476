"""One list of the household page: a sortable table and the buttons that act on its selected row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from puskesos_desk.ui.models.household_table_model import HouseholdTableModel, sorted_proxy
from puskesos_desk.ui.models.record_table_model import ROW_ROLE

MAX_COLUMN_WIDTH = 260


class CaseTab(QWidget):
    selection_changed = Signal()
    row_activated = Signal(object)  # the record

    def __init__(self, model: HouseholdTableModel[Any], empty_text: str, *, sort_column: int = 0,
                 descending: bool = False, stretch_column: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stretch_column = stretch_column
        model.setParent(self)
        self.proxy = sorted_proxy(model, self, sort_column)

        # Widgets
        self.tbl = QTableView()
        self.tbl.setModel(self.proxy)
        self.tbl.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tbl.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl.setAlternatingRowColors(True)
        self.tbl.verticalHeader().setVisible(False)
        self.tbl.horizontalHeader().setStretchLastSection(True)
        self.tbl.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tbl.setSortingEnabled(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.tbl.sortByColumn(sort_column, order)
        self.lbl_empty = QLabel(empty_text)
        self.lbl_empty.setObjectName("lbl_hint")
        self.buttons = QHBoxLayout()

        # Signals
        self.tbl.selectionModel().selectionChanged.connect(self._on_tbl_selection_changed)
        self.tbl.activated.connect(self._on_tbl_activated)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.tbl, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lbl_empty)
        bottom.addStretch(1)
        bottom.addLayout(self.buttons)
        layout.addLayout(bottom)

    def add_button(self, button: QWidget) -> None:
        self.buttons.addWidget(button)

    def refresh(self) -> None:
        """Columns fit their contents up to a cap; the long-text column takes the rest of the width."""
        self.lbl_empty.setVisible(self.model.rowCount() == 0)
        header = self.tbl.horizontalHeader()
        self.tbl.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if column == self.stretch_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        header.setStretchLastSection(self.stretch_column is None)

    def selected(self) -> Any | None:
        rows = self.tbl.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.tbl.selectRow(0)

    def _on_tbl_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit()

    def _on_tbl_activated(self, index: QModelIndex) -> None:
        self.row_activated.emit(index.data(ROW_ROLE))
