"""The base of the household page's lists: rows are frozen records, one per line, sortable through a proxy.

A subclass names its columns (COL_* constants and `headers()`), and says what a cell shows (`text`) and how it
sorts (`sort_value`); optionally a colour (`foreground`) and a tooltip. The plumbing is `RecordTableModel`'s.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import CaseworkChoices
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.record_table_model import SORT_ROLE, RecordTableModel

R = TypeVar("R")

MUTED = QColor("#52606d")
WARNING = QColor("#b42318")


class HouseholdTableModel(RecordTableModel[R]):
    """The household page's flavour of the base: cells are described per record (`text`, `sort_value`,
    `foreground`, `tooltip`), and code labels come from the page's choice lists."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = CaseworkChoices(code_lists={})

    # --- what subclasses provide ---
    def text(self, record: R, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, record: R, column: int) -> Any:
        return self.text(record, column)

    def foreground(self, record: R, column: int) -> QColor | None:
        return None

    def tooltip(self, record: R, column: int) -> str | None:
        return None

    # --- the base's hooks ---
    def cell_text(self, row: int, record: R, column: int) -> str:
        return self.text(record, column)

    def cell_sort(self, row: int, record: R, column: int) -> Any:
        return self.sort_value(record, column)

    def cell_foreground(self, row: int, record: R, column: int) -> Any:
        return self.foreground(record, column)

    def cell_tooltip(self, row: int, record: R, column: int) -> str | None:
        return self.tooltip(record, column)

    # --- shared ---
    def code_label(self, list_name: str, code: str | None) -> str:
        return self.choices.label(list_name, code, current_language())

    def set_choices(self, choices: CaseworkChoices) -> None:
        self.beginResetModel()
        self.choices = choices
        self.endResetModel()


def sorted_proxy(model: QAbstractTableModel, parent: QObject, column: int = 0,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, order)
    return proxy
