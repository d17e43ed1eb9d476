"""The household's members: masked NIK, age, relation, whether they still live there, and their DTSEN row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import MemberRow, RegisterStatus
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import MUTED, HouseholdTableModel


class MembersTableModel(HouseholdTableModel[MemberRow]):
    COL_NAME, COL_NIK, COL_AGE, COL_RELATION, COL_RESIDENCE, COL_DTSEN = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_today(self, today: date) -> None:
        self.today = today

    def headers(self) -> Sequence[str]:
        return (self.tr("Nama"), self.tr("NIK"), self.tr("Umur"), self.tr("Hubungan"), self.tr("Keberadaan"),
                self.tr("DTSEN"))

    def register_text(self, register: RegisterStatus | None) -> str:
        if register is None:
            return self.tr("tidak ada")
        when = format_date_short(register.as_of)
        if register.desil is None:
            return self.tr("{dataset} per {date}").format(dataset=register.dataset, date=when)
        return self.tr("Desil {desil} per {date}").format(desil=register.desil, date=when)

    def text(self, record: MemberRow, column: int) -> str:
        if column == self.COL_NAME:
            return record.name
        if column == self.COL_NIK:
            return mask_id(record.nik) if record.nik else self.tr("(tanpa NIK)")
        if column == self.COL_AGE:
            age = record.age_on(self.today)
            return self.tr("{n} th").format(n=age) if age is not None else ""
        if column == self.COL_RELATION:
            return self.code_label("hubungan_kk", record.relation)
        if column == self.COL_RESIDENCE:
            return self.code_label("status_keberadaan", record.residence_status).split(" (")[0]
        if column == self.COL_DTSEN:
            return self.register_text(record.register)
        return ""

    def sort_value(self, record: MemberRow, column: int) -> Any:
        if column == self.COL_AGE:
            return record.birth_date.isoformat() if record.birth_date else ""
        if column == self.COL_DTSEN:
            return record.register.desil or 0 if record.register else 99
        return self.text(record, column)

    def foreground(self, record: MemberRow, column: int) -> QColor | None:
        return MUTED if record.residence_status != "ADA" else None

    def tooltip(self, record: MemberRow, column: int) -> str | None:
        if column == self.COL_DTSEN and record.register is not None and record.register.programs:
            return self.tr("Program di data: {programs}").format(programs=", ".join(record.register.programs))
        if column == self.COL_NAME and record.ppks:
            return self.tr("PPKS: {codes}").format(codes=", ".join(record.ppks))
        return None
