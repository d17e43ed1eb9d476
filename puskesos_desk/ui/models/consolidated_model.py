"""One page of the district's consolidated list: the village first, then what matters for the kind of record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from puskesos_desk.domain.consolidated import ConsolidatedRow, RecordKind
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "ConsolidatedTableModel"


def code_label(code: str) -> str:
    """'TIDAK_ADA_KABAR' → 'Tidak ada kabar': stored codes read as words in lists."""
    return code.replace("_", " ").capitalize() if code else ""


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(local_zone()).date()
    return format_date_short(value)


Column = tuple[str, Callable[[Any], str]]  # (header source for QT_TRANSLATE_NOOP, cell text)

_VILLAGE: Column = (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Desa/Kelurahan"),
                    lambda r: r.village_name or r.village_code)
_HOUSEHOLD: Column = (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Kepala keluarga"), lambda r: r.head_name)
_STATUS: Column = (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Status"), lambda r: code_label(r.status))
_NUMBER: Column = (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Nomor"), lambda r: r.number)
_CREATED: Column = (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Tanggal"), lambda r: _day(r.created_at))

COLUMNS: dict[RecordKind, tuple[Column, ...]] = {
    RecordKind.PERSONS: (
        _VILLAGE, (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Nama"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "L/P"), lambda r: r.sex),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Hubungan"), lambda r: code_label(r.relation)),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "No. keluarga"), lambda r: r.household_number), _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Keberadaan"), lambda r: code_label(r.residence_status)),
    ),
    RecordKind.HOUSEHOLDS: (
        _VILLAGE, (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "No. keluarga"), lambda r: r.household_number),
        _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Alamat"), lambda r: f"{r.address} RT {r.rt}/RW {r.rw}".strip()),
        _CREATED,
    ),
    RecordKind.VISITS: (
        _VILLAGE, _NUMBER, (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Tanggal"), lambda r: _day(r.occurred_at)),
        _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Cara datang"), lambda r: code_label(r.channel)), _STATUS,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Keperluan"), lambda r: r.purpose),
    ),
    RecordKind.COMPLAINTS: (
        _VILLAGE, _NUMBER, _CREATED, _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Kategori"), lambda r: code_label(r.category_code)),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Program"), lambda r: r.program_code),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Urgensi"), lambda r: code_label(r.urgency)), _STATUS,
    ),
    RecordKind.NEEDS: (
        _VILLAGE, _NUMBER, _CREATED, _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Bidang"), lambda r: code_label(r.domain_code)),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "PPKS"), lambda r: ", ".join(r.ppks_codes)),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Program diusulkan"), lambda r: r.proposed_program), _STATUS,
    ),
    RecordKind.PROPOSALS: (
        _VILLAGE, _NUMBER, _CREATED, _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Jenis"), lambda r: code_label(r.proposal_kind)),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Program diminta"), lambda r: ", ".join(r.requested_programs)),
        _STATUS,
    ),
    RecordKind.REFERRALS: (
        _VILLAGE, (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Nomor surat"), lambda r: r.number),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Tanggal surat"), lambda r: _day(r.letter_date)), _HOUSEHOLD,
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Layanan"), lambda r: r.service_name),
        (QT_TRANSLATE_NOOP("ConsolidatedTableModel", "Program"), lambda r: r.program_code), _STATUS,
    ),
}


class ConsolidatedTableModel(RecordTableModel[ConsolidatedRow]):
    COL_VILLAGE = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind = RecordKind.PERSONS

    @property
    def kind(self) -> RecordKind:
        return self._kind

    def set_page(self, kind: RecordKind, rows: list[ConsolidatedRow]) -> None:
        """Columns follow the kind, so both change in one reset."""
        self.beginResetModel()
        self._kind = kind
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate(_CTX, header) for header, _ in COLUMNS[self._kind])

    def cell_text(self, row: int, record: ConsolidatedRow, column: int) -> str:
        return COLUMNS[self._kind][column][1](record)

    def cell_tooltip(self, row: int, record: ConsolidatedRow, column: int) -> str | None:
        if column == self.COL_VILLAGE:
            return record.village_code or None
        return None
