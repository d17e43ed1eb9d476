"""The household compared with the DTSEN/DTKS extract, one line per member and one per extract member missing here:
how the member was found, desil and programme flags, and what differs (highlighted)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from puskesos_desk.domain.extract_check import DiffField, FieldDifference, LinkedBy, MemberCheck
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.search import RegisterStatus
from puskesos_desk.ui.models.household_table_model import MUTED, WARNING, HouseholdTableModel

ComparisonRow = MemberCheck | RegisterStatus  # a registered member, or an extract member missing here

_CTX = "ExtractComparisonTableModel"
DIFFERENT_BACKGROUND = QColor("#fdf1d6")  # amber: the member is found, but something differs
EXTRACT_ONLY_BACKGROUND = QColor("#e8f0fa")  # blue-grey: in the extract only

FIELD_NAMES: dict[DiffField, str] = {
    DiffField.NIK: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "NIK"),
    DiffField.NAME: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Nama"),
    DiffField.NAME_SPELLING: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Ejaan nama"),
    DiffField.BIRTH_DATE: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Tgl lahir"),
    DiffField.SEX: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Jenis kelamin"),
    DiffField.RELATION: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Hubungan"),
    DiffField.KK: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "No. KK"),
    DiffField.PRESENCE: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Keberadaan"),
}
LINK_NAMES: dict[LinkedBy, str] = {
    LinkedBy.NIK: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "NIK"),
    LinkedBy.KK_NAME: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "No. KK + nama"),
    LinkedBy.NAME_BIRTH_DATE: QT_TRANSLATE_NOOP("ExtractComparisonTableModel", "Nama + tgl lahir"),
}


def field_name(field: DiffField) -> str:
    return QCoreApplication.translate(_CTX, FIELD_NAMES[field])


class ExtractComparisonTableModel(HouseholdTableModel[ComparisonRow]):
    COL_NAME, COL_EXTRACT, COL_LINK, COL_DESIL, COL_PROGRAMS, COL_RESULT, COL_DIFFERENCES = range(7)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nama di Puskesos"), self.tr("Di data DTSEN"), self.tr("Cocok lewat"), self.tr("Desil"),
                self.tr("Program di data"), self.tr("Hasil"), self.tr("Perbedaan"))

    # --- what a row says --------------------------------------------------------------------------------------

    def result_text(self, record: ComparisonRow) -> str:
        if isinstance(record, RegisterStatus):
            return self.tr("Hanya di data")
        if record.missing:
            return self.tr("Tidak ada di data")
        if record.row is None:
            return self.tr("Tidak tinggal di sini")
        if record.differences:
            return self.tr("Berbeda")
        return self.tr("Sama")

    def difference_text(self, difference: FieldDifference) -> str:
        here, there = difference.here, difference.extract
        if difference.field in (DiffField.RELATION, DiffField.PRESENCE):
            list_name = "hubungan_kk" if difference.field is DiffField.RELATION else "status_keberadaan"
            here = self.code_label(list_name, here).split(" (")[0]
            there = self.code_label(list_name, there).split(" (")[0]
        elif difference.field is DiffField.BIRTH_DATE:
            here, there = here.replace("-", "/"), there.replace("-", "/")
        return self.tr("{field}: {here} ≠ {extract}").format(field=field_name(difference.field), here=here,
                                                           extract=there)

    def _row(self, record: ComparisonRow) -> RegisterStatus | None:
        return record if isinstance(record, RegisterStatus) else record.row

    def text(self, record: ComparisonRow, column: int) -> str:
        row = self._row(record)
        if column == self.COL_NAME:
            return "—" if isinstance(record, RegisterStatus) else record.member.name
        if column == self.COL_EXTRACT:
            return row.name if row else self.tr("tidak ada")
        if column == self.COL_LINK:
            if isinstance(record, MemberCheck) and record.linked_by is not None:
                return QCoreApplication.translate(_CTX, LINK_NAMES[record.linked_by])
            return ""
        if column == self.COL_DESIL:
            return str(row.desil) if row and row.desil is not None else ""
        if column == self.COL_PROGRAMS:
            return ", ".join(row.programs) if row else ""
        if column == self.COL_RESULT:
            return self.result_text(record)
        if column == self.COL_DIFFERENCES and isinstance(record, MemberCheck):
            return "; ".join(self.difference_text(d) for d in record.differences)
        return ""

    def rank(self, record: ComparisonRow) -> int:
        """What needs attention first: missing from the extract, different, only in the extract, the same."""
        if isinstance(record, RegisterStatus):
            return 2
        if record.missing:
            return 0
        return 1 if record.differences else 3

    def sort_value(self, record: ComparisonRow, column: int) -> Any:
        if column == self.COL_RESULT:
            return self.rank(record)
        if column == self.COL_DESIL:
            row = self._row(record)
            return row.desil if row and row.desil is not None else 99
        return self.text(record, column)

    def foreground(self, record: ComparisonRow, column: int) -> QColor | None:
        if isinstance(record, MemberCheck) and record.missing and column in (self.COL_EXTRACT, self.COL_RESULT):
            return WARNING
        if isinstance(record, MemberCheck) and record.differences and column == self.COL_DIFFERENCES:
            return WARNING
        if isinstance(record, RegisterStatus) or (isinstance(record, MemberCheck) and not record.member.present):
            return MUTED
        return None

    def cell_background(self, row: int, record: ComparisonRow, column: int) -> Any:
        if isinstance(record, RegisterStatus):
            return EXTRACT_ONLY_BACKGROUND
        if record.differences:
            return DIFFERENT_BACKGROUND
        return None

    def tooltip(self, record: ComparisonRow, column: int) -> str | None:
        if column == self.COL_DIFFERENCES and isinstance(record, MemberCheck) and record.differences:
            return "\n".join(self.difference_text(d) for d in record.differences)  # the whole text when elided
        if column == self.COL_RESULT:
            if isinstance(record, RegisterStatus):
                return self.tr("Tercatat di keluarga ini di data DTSEN, tetapi tidak tercatat di Puskesos.")
            if record.missing:
                return self.tr("Tinggal di rumah ini tetapi tidak ada di data: usulkan ke DTSEN.")
        row = self._row(record)
        if row is None or column not in (self.COL_EXTRACT, self.COL_NAME):
            return None
        parts = [self.tr("NIK {nik}").format(nik=mask_id(row.nik)) if row.nik else self.tr("tanpa NIK")]
        if row.birth_date:
            parts.append(self.tr("lahir {date}").format(date=row.birth_date.strftime("%d/%m/%Y")))
        if row.relation:
            parts.append(self.code_label("hubungan_kk", row.relation))
        if row.kk_number:
            parts.append(self.tr("No. KK {kk}").format(kk=mask_id(row.kk_number)))
        return self.tr("Di data: {details}").format(details=" · ".join(parts))
