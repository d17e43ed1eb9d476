"""The household's members: masked NIK, age, relation, whether they still live there, their DTSEN row, and — for
viewers allowed to see it — their specific data (disability, illness, pregnancy, sensitive PPKS).

A NIK shows masked (3322••••••••0001); a revealed one (services/identity_reveal.py) shows in full until
`conceal` or the next `set_rows`. A child's row for a viewer without specific-data access arrives reduced from the
service (NIK all •, no birth date): the model only explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import MemberRow, RegisterStatus
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import MUTED, HouseholdTableModel


class MembersTableModel(HouseholdTableModel[MemberRow]):
    COL_NAME, COL_NIK, COL_AGE, COL_RELATION, COL_RESIDENCE, COL_DTSEN, COL_SPECIFIC = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.specific_ppks: frozenset[str] = frozenset()
        self._revealed: dict[str, str] = {}  # person id -> full NIK, shown for a while after an audited reveal

    def set_today(self, today: date) -> None:
        self.today = today

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        self._revealed.clear()  # a reload masks again
        super().set_rows(rows)

    def reveal(self, person_id: str, nik: str) -> None:
        self._revealed[person_id] = nik
        self._nik_changed(person_id)

    def conceal(self, person_id: str) -> None:
        if self._revealed.pop(person_id, None) is not None:
            self._nik_changed(person_id)

    def is_revealed(self, person_id: str) -> bool:
        return person_id in self._revealed

    def _nik_changed(self, person_id: str) -> None:
        for row, record in enumerate(self.rows()):
            if record.id == person_id:
                cell = self.index(row, self.COL_NIK)
                self.dataChanged.emit(cell, cell)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nama"), self.tr("NIK"), self.tr("Umur"), self.tr("Hubungan"), self.tr("Keberadaan"),
                self.tr("DTSEN"), self.tr("Data khusus"))

    def register_text(self, register: RegisterStatus | None) -> str:
        if register is None:
            return self.tr("tidak ada")
        when = format_date_short(register.as_of)
        if register.desil is None:
            return self.tr("{dataset} per {date}").format(dataset=register.dataset, date=when)
        return self.tr("Desil {desil} per {date}").format(desil=register.desil, date=when)

    def specific_text(self, record: MemberRow) -> str:
        """Disability, illness, pregnancy and sensitive PPKS: empty when there is none or the viewer may not see
        it (the service sent none)."""
        parts = [self.code_label("disabilitas_jenis", code) for code in record.disability]
        if record.chronic_illness:
            parts.append(self.tr("Sakit kronis: {illness}").format(illness=record.chronic_illness))
        if record.pregnant:
            parts.append(self.tr("Hamil"))
        parts += [self.code_label("ppks", code) for code in record.ppks if code in self.specific_ppks]
        return "; ".join(parts)

    def text(self, record: MemberRow, column: int) -> str:
        if column == self.COL_NAME:
            return record.name
        if column == self.COL_NIK:
            if record.id in self._revealed:
                return self._revealed[record.id]
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
        if column == self.COL_SPECIFIC:
            return self.specific_text(record)
        return ""

    def sort_value(self, record: MemberRow, column: int) -> Any:
        if column == self.COL_AGE:  # oldest first; a withheld birth date sorts by the age alone
            born = record.birth_date
            if born is None and record.known_age is not None:
                born = self.today - timedelta(days=round(365.25 * (record.known_age + 0.5)))
            return born.isoformat() if born else ""
        if column == self.COL_DTSEN:
            return record.register.desil or 0 if record.register else 99
        return self.text(record, column)

    def foreground(self, record: MemberRow, column: int) -> QColor | None:
        return MUTED if record.residence_status != "ADA" else None

    def tooltip(self, record: MemberRow, column: int) -> str | None:
        if record.withheld and column in (self.COL_NIK, self.COL_AGE):
            return self.tr("Data anak (di bawah 18 tahun) hanya dapat dilihat oleh Koordinator.")
        if column == self.COL_DTSEN and record.register is not None and record.register.programs:
            return self.tr("Program di data: {programs}").format(programs=", ".join(record.register.programs))
        if column == self.COL_NAME and record.ppks:
            return self.tr("PPKS: {codes}").format(codes=", ".join(record.ppks))
        return None
