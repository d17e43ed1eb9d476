"""The results of the search-first desk, best first; NIK masked; whether each person is registered, in the DTSEN
extract, or both."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.search import DeskHit, MatchKind
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "SearchLabels"

MATCH_NAMES: dict[str, str] = {
    MatchKind.NIK: QT_TRANSLATE_NOOP("SearchLabels", "NIK"),
    MatchKind.KK: QT_TRANSLATE_NOOP("SearchLabels", "No. KK"),
    MatchKind.NAME_PREFIX: QT_TRANSLATE_NOOP("SearchLabels", "Awal nama"),
    MatchKind.NAME_WORD: QT_TRANSLATE_NOOP("SearchLabels", "Kata dalam nama"),
    MatchKind.NAME_PART: QT_TRANSLATE_NOOP("SearchLabels", "Bagian nama"),
    MatchKind.NAME_SIMILAR: QT_TRANSLATE_NOOP("SearchLabels", "Nama mirip"),
}
SEX_NAMES: dict[str, str] = {
    "L": QT_TRANSLATE_NOOP("SearchLabels", "L"),
    "P": QT_TRANSLATE_NOOP("SearchLabels", "P"),
}

REGISTER_ONLY_FOREGROUND = QColor("#1c5d99")


def translated(names: dict[str, str], code: str) -> str:
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


def register_short(hit: DeskHit) -> str:
    """'DTSEN d3' for the status column; the as-of date is on the card and in the tooltip."""
    entry = hit.register
    if entry is None:
        return ""
    if entry.desil is None:
        return entry.dataset
    return QCoreApplication.translate(_CTX, "{dataset} d{desil}").format(dataset=entry.dataset, desil=entry.desil)


class SearchResultsTableModel(RecordTableModel[DeskHit]):
    """Seven narrow columns; the household number and why the person matched are on the card and in tooltips."""

    COL_RANK, COL_NAME, COL_BIRTH_YEAR, COL_SEX, COL_PLACE, COL_NIK, COL_STATUS = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeskHit] = []
        self._headers = (
            self.tr("#"), self.tr("Nama"), self.tr("Lahir"), self.tr("JK"), self.tr("RT/RW"), self.tr("NIK"),
            self.tr("Status"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: DeskHit, column: int) -> str:
        return self._display(row, record, column)

    def cell_sort(self, row: int, record: DeskHit, column: int) -> Any:
        return self._sort_value(row, record, column)

    def cell_tooltip(self, row: int, record: DeskHit, column: int) -> str | None:
        return self._status_tooltip(record) if column == self.COL_STATUS else self._name_tooltip(record)

    def cell_foreground(self, row: int, record: DeskHit, column: int) -> Any:
        return None if record.registered else QBrush(REGISTER_ONLY_FOREGROUND)

    def cell_alignment(self, row: int, record: DeskHit, column: int) -> int | None:
        if column in (self.COL_RANK, self.COL_BIRTH_YEAR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, hit: DeskHit, column: int) -> str:
        if column == self.COL_RANK:
            return str(row + 1)
        if column == self.COL_NAME:
            return hit.name
        if column == self.COL_BIRTH_YEAR:
            return str(hit.birth_year) if hit.birth_year else ""
        if column == self.COL_SEX:
            return translated(SEX_NAMES, hit.sex) if hit.sex else ""
        if column == self.COL_PLACE:
            return f"{hit.rt}/{hit.rw}" if hit.rt or hit.rw else ""
        if column == self.COL_NIK:
            return mask_id(hit.nik)
        if column == self.COL_STATUS:
            parts = [self.tr("Puskesos")] if hit.registered else []
            if hit.register is not None:
                parts.append(register_short(hit))
            return " + ".join(parts)
        return ""

    def _sort_value(self, row: int, hit: DeskHit, column: int) -> Any:
        if column == self.COL_RANK:
            return row
        if column == self.COL_BIRTH_YEAR:
            return hit.birth_year or 0
        return self._display(row, hit, column)

    def _name_tooltip(self, hit: DeskHit) -> str:
        found = self.tr("Ditemukan lewat: {how}").format(how=translated(MATCH_NAMES, hit.matched_by))
        if hit.household_number:
            return self.tr("Keluarga {number}").format(number=hit.household_number) + "\n" + found
        return found

    def _status_tooltip(self, hit: DeskHit) -> str:
        lines = [self.tr("Terdaftar di Puskesos") if hit.registered else self.tr("Belum terdaftar di Puskesos")]
        for entry in hit.registers:
            if entry.desil is not None:
                lines.append(self.tr("Ada di data {dataset} (desil {desil}, per tanggal {date})").format(
                    dataset=entry.dataset, desil=entry.desil, date=entry.as_of.strftime("%d/%m/%Y")))
            else:
                lines.append(self.tr("Ada di data {dataset} (per tanggal {date})").format(
                    dataset=entry.dataset, date=entry.as_of.strftime("%d/%m/%Y")))
        return "\n".join(lines)
