"""The household's members as a compact table: as tall as its rows (up to six), oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, MemberRow
from puskesos_desk.ui.models.household_table_model import sorted_proxy
from puskesos_desk.ui.models.members_model import MembersTableModel

ROWS_SHOWN = 6


class MembersTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = MembersTableModel(self)
        self.setModel(sorted_proxy(self.model_, self, MembersTableModel.COL_AGE))
        self.setSortingEnabled(True)
        self.sortByColumn(MembersTableModel.COL_AGE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Anggota keluarga"))
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_members(self, members: Sequence[MemberRow], choices: CaseworkChoices, today: date) -> None:
        self.model_.set_choices(choices)
        self.model_.set_today(today)
        self.model_.set_rows(members)
        rows = min(max(len(members), 1), ROWS_SHOWN)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height()
                            + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())

    def current_member(self) -> MemberRow | None:
        value = self.currentIndex().data(MembersTableModel.RowRole)
        return value if isinstance(value, MemberRow) else None
