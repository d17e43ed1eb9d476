"""The members already entered on the registration form, in KK order, with the problems found per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.ui.dialogs.registration.choices import format_typed_date
from puskesos_desk.ui.i18n import current_language

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ERROR_FOREGROUND = QColor("#b42318")
ERROR_BACKGROUND = QColor("#fde8e6")


class MemberTableModel(QAbstractTableModel):
    COL_NUMBER, COL_NIK, COL_NAME, COL_BIRTH, COL_SEX, COL_RELATION, COL_MARITAL, COL_WORK, COL_NOTES = range(9)
    COLUMN_COUNT = 9

    def __init__(self, labels: dict[str, list[CodeItem]] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberDraft] = []
        self._errors: dict[int, list[str]] = {}
        self._labels = {name: {i.code: i.label(current_language()) for i in items}
                        for name, items in (labels or {}).items()}
        self._headers = (
            self.tr("#"), self.tr("NIK"), self.tr("Nama"), self.tr("Tgl lahir"), self.tr("JK"), self.tr("Hubungan"),
            self.tr("Status kawin"), self.tr("Pekerjaan"), self.tr("Catatan"),
        )

    # --- rows -----------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[MemberDraft]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._errors = {}
        self.endResetModel()

    def rows(self) -> list[MemberDraft]:
        return list(self._rows)

    def row_item(self, row: int) -> MemberDraft:
        return self._rows[row]

    def append(self, member: MemberDraft) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(member)
        self.endInsertRows()
        return position

    def replace(self, row: int, member: MemberDraft) -> None:
        self._rows[row] = member
        self._errors.pop(row, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        # Errors were numbered for the old order; the next save tells again.
        self.set_errors({})

    def set_errors(self, errors: dict[int, list[str]]) -> None:
        self._errors = {row: list(messages) for row, messages in errors.items() if 0 <= row < len(self._rows)}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1))

    def errors_of(self, row: int) -> list[str]:
        return list(self._errors.get(row, []))

    # --- Qt -------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        member = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, member, column)
        if role == SORT_ROLE:
            return row if column == self.COL_NUMBER else self._display(row, member, column)
        if role == ROW_ROLE:
            return member
        if row in self._errors:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(self._errors[row])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ERROR_FOREGROUND)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ERROR_BACKGROUND)
        return None

    def _label(self, list_name: str, code: str) -> str:
        return self._labels.get(list_name, {}).get(code, code)

    def _display(self, row: int, member: MemberDraft, column: int) -> str:
        if column == self.COL_NUMBER:
            return str(row + 1)
        if column == self.COL_NIK:
            return mask_id(member.nik) if member.nik else self._label("alasan_tanpa_nik", member.no_nik_reason)
        if column == self.COL_NAME:
            return member.name.upper()
        if column == self.COL_BIRTH:
            return format_typed_date(member.birth_date)
        if column == self.COL_SEX:
            return member.sex
        if column == self.COL_RELATION:
            return self._label("hubungan_kk", member.relation)
        if column == self.COL_MARITAL:
            return self._label("status_kawin", member.marital_status)
        if column == self.COL_WORK:
            return self._label("pekerjaan", member.occupation)
        if column == self.COL_NOTES:
            return " ".join(self._errors.get(row, []))
        return ""
