"""The members already entered on the registration form, in KK order, with the problems found per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.ui.dialogs.registration.choices import format_typed_date
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.record_table_model import RecordTableModel

ERROR_FOREGROUND = QColor("#b42318")
ERROR_BACKGROUND = QColor("#fde8e6")


class MemberTableModel(RecordTableModel[MemberDraft]):
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

    def set_rows(self, rows: Sequence[MemberDraft]) -> None:
        self._errors = {}
        super().set_rows(rows)

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

    # --- the base's hooks -------------------------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: MemberDraft, column: int) -> str:
        return self._display(row, record, column)

    def cell_sort(self, row: int, record: MemberDraft, column: int) -> Any:
        return row if column == self.COL_NUMBER else self._display(row, record, column)

    def cell_tooltip(self, row: int, record: MemberDraft, column: int) -> str | None:
        return "\n".join(self._errors[row]) if row in self._errors else None

    def cell_foreground(self, row: int, record: MemberDraft, column: int) -> Any:
        return QBrush(ERROR_FOREGROUND) if row in self._errors else None

    def cell_background(self, row: int, record: MemberDraft, column: int) -> Any:
        return QBrush(ERROR_BACKGROUND) if row in self._errors else None

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
