"""The household's members as a compact table: as tall as its rows (up to six), oldest first.

Its row actions (context menu): "Tampilkan NIK" for users who may unmask, "Koreksi data warga…" for users who may
correct records, "Data pribadi warga…" for users who handle residents' data requests. The table only asks
(`reveal_requested`, `correction_requested`, `privacy_requested`); the page decides.
The "Data khusus" column shows only to viewers allowed to see specific data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, MemberRow
from puskesos_desk.ui.models.household_table_model import sorted_proxy
from puskesos_desk.ui.models.members_model import MembersTableModel

ROWS_SHOWN = 6


class MembersTable(QTableView):
    reveal_requested = Signal(object)  # MemberRow: show this member's NIK in full (asks for a reason first)
    privacy_requested = Signal(str)  # person id: open the resident's data-request dialog
    correction_requested = Signal(str)  # person id: open the correction form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.act_reveal_nik = QAction(self.tr("Tampilkan NIK"), self)
        self.act_privacy = QAction(self.tr("Data pribadi warga…"), self)
        self.act_correct = QAction(self.tr("Koreksi data warga…"), self)
        self.act_reveal_nik.setVisible(False)
        self.act_privacy.setVisible(False)
        self.act_correct.setVisible(False)
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
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        # Signals
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.act_reveal_nik.triggered.connect(self._on_act_reveal_nik_triggered)
        self.act_privacy.triggered.connect(self._on_act_privacy_triggered)
        self.act_correct.triggered.connect(self._on_act_correct_triggered)

    def set_allowed(self, *, unmask: bool, data_requests: bool, specific_data: bool, correct: bool = False) -> None:
        """Which row actions and columns this user gets (the services enforce the same permissions)."""
        self.act_reveal_nik.setVisible(unmask)
        self.act_privacy.setVisible(data_requests)
        self.act_correct.setVisible(correct)
        self.setColumnHidden(MembersTableModel.COL_SPECIFIC, not specific_data)

    def show_members(self, members: Sequence[MemberRow], choices: CaseworkChoices, today: date) -> None:
        self.model_.set_choices(choices)
        self.model_.specific_ppks = frozenset(item.code for item in choices.ppks if item.extra.get("specific_data"))
        self.model_.set_today(today)
        self.model_.set_rows(members)
        rows = min(max(len(members), 1), ROWS_SHOWN)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height()
                            + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        self.update_actions()

    def current_member(self) -> MemberRow | None:
        value = self.currentIndex().data(MembersTableModel.RowRole)
        return value if isinstance(value, MemberRow) else None

    def can_reveal(self, member: MemberRow | None) -> bool:
        return (member is not None and bool(member.nik) and not member.withheld
                and not self.model_.is_revealed(member.id))

    def update_actions(self) -> None:
        member = self.current_member()
        self.act_reveal_nik.setEnabled(self.can_reveal(member))
        self.act_privacy.setEnabled(member is not None)
        self.act_correct.setEnabled(member is not None and not member.withheld)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        self.update_actions()

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        actions = [a for a in (self.act_reveal_nik, self.act_correct, self.act_privacy) if a.isVisible()]
        if actions:
            menu = QMenu(self)
            menu.addActions(actions)
            menu.popup(self.viewport().mapToGlobal(pos))

    def _on_act_reveal_nik_triggered(self) -> None:
        member = self.current_member()
        if self.can_reveal(member):
            self.reveal_requested.emit(member)

    def _on_act_privacy_triggered(self) -> None:
        member = self.current_member()
        if member is not None:
            self.privacy_requested.emit(member.id)

    def _on_act_correct_triggered(self) -> None:
        member = self.current_member()
        if member is not None:
            self.correction_requested.emit(member.id)
