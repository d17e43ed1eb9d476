"""The pairs of tab Data Ganda (district): each side's name, masked NIK, birth date, village and household number,
and what they have in common. The left side is the suggested survivor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from puskesos_desk.domain.duplicates import Candidate, MatchKind, PersonSide
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.record_table_model import RecordTableModel


class DuplicatesTableModel(RecordTableModel[Candidate]):
    (COL_MATCH, COL_LEFT_NAME, COL_LEFT_NIK, COL_LEFT_BORN, COL_LEFT_VILLAGE, COL_LEFT_HOUSEHOLD,
     COL_RIGHT_NAME, COL_RIGHT_NIK, COL_RIGHT_BORN, COL_RIGHT_VILLAGE, COL_RIGHT_HOUSEHOLD) = range(11)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Kecocokan"),
            self.tr("Kiri: nama"), self.tr("Kiri: NIK"), self.tr("Kiri: lahir"), self.tr("Kiri: desa"),
            self.tr("Kiri: no. keluarga"),
            self.tr("Kanan: nama"), self.tr("Kanan: NIK"), self.tr("Kanan: lahir"), self.tr("Kanan: desa"),
            self.tr("Kanan: no. keluarga"),
        )
        self._match_names = {MatchKind.NIK: self.tr("NIK sama"),
                             MatchKind.NAMA_TANGGAL_LAHIR: self.tr("Nama dan tanggal lahir sama")}

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def match_name(self, match: MatchKind) -> str:
        return self._match_names[match]

    def cell_text(self, row: int, record: Candidate, column: int) -> str:
        if column == self.COL_MATCH:
            return self.match_name(record.match)
        side = record.left if column <= self.COL_LEFT_HOUSEHOLD else record.right
        offset = (column - self.COL_LEFT_NAME) % 5
        return _side_cell(side, offset)

    def cell_sort(self, row: int, record: Candidate, column: int) -> Any:
        if column in (self.COL_LEFT_BORN, self.COL_RIGHT_BORN):
            side = record.left if column == self.COL_LEFT_BORN else record.right
            return side.birth_date.isoformat() if side.birth_date else ""
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: Candidate, column: int) -> str | None:
        if column == self.COL_LEFT_NAME:
            return self.tr("Disarankan dipertahankan: data ini yang terakhir diubah.")
        return None


def _side_cell(side: PersonSide, offset: int) -> str:
    if offset == 0:
        return side.name
    if offset == 1:
        return side.nik_masked
    if offset == 2:
        return format_date_short(side.birth_date) if side.birth_date else ""
    if offset == 3:
        return side.village_name
    return side.household_number
