"""The rows of the service directory tab: one entry per row, entries that need a check flagged in text and colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.service_directory import ORGANIZATION_KINDS, ServiceEntry
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.record_table_model import RecordTableModel

STALE_BACKGROUND = QColor("#fff4d6")
STALE_FOREGROUND = QColor("#8a4b00")
INACTIVE_FOREGROUND = QColor("#6b6b6b")


class ServiceDirectoryModel(RecordTableModel[ServiceEntry]):
    (COL_CODE, COL_NAME, COL_ORGANIZATION, COL_KIND, COL_PROGRAM, COL_PHONE, COL_DAYS, COL_CHECKED,
     COL_FLAG) = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Kode"), self.tr("Nama layanan"), self.tr("Lembaga"), self.tr("Jenis lembaga"),
                         self.tr("Program"), self.tr("Telepon"), self.tr("Waktu jawab (hari kerja)"),
                         self.tr("Terakhir dicek"), self.tr("Keterangan"))
        self._kinds = {"pemerintah_pusat": self.tr("Pemerintah pusat"), "pemda": self.tr("Pemerintah daerah"),
                       "desa": self.tr("Pemerintah desa"), "non_pemerintah": self.tr("Lembaga non-pemerintah")}

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def flag_text(self, record: ServiceEntry) -> str:
        parts = []
        if record.stale:
            parts.append(self.tr("Perlu dicek"))
        if not record.active:
            parts.append(self.tr("Nonaktif"))
        if record.is_example:
            parts.append(self.tr("Contoh bawaan"))
        return " · ".join(parts)

    def cell_text(self, row: int, record: ServiceEntry, column: int) -> str:
        draft = record.draft
        if column == self.COL_CODE:
            return draft.code
        if column == self.COL_NAME:
            return draft.service_name
        if column == self.COL_ORGANIZATION:
            return draft.organization
        if column == self.COL_KIND:
            return self._kinds.get(draft.organization_kind) or ORGANIZATION_KINDS.get(draft.organization_kind,
                                                                                        draft.organization_kind)
        if column == self.COL_PROGRAM:
            return draft.program_code or ""
        if column == self.COL_PHONE:
            return draft.phone or ""
        if column == self.COL_DAYS:
            return str(draft.response_days)
        if column == self.COL_CHECKED:
            return format_date_short(record.last_checked_on) if record.last_checked_on else self.tr("belum pernah")
        if column == self.COL_FLAG:
            return self.flag_text(record)
        return ""

    def cell_sort(self, row: int, record: ServiceEntry, column: int) -> Any:
        if column == self.COL_DAYS:
            return record.draft.response_days
        if column == self.COL_CHECKED:
            return record.last_checked_on.isoformat() if record.last_checked_on else ""
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: ServiceEntry, column: int) -> str | None:
        if column == self.COL_FLAG and record.stale:
            return self.tr("Belum dipastikan dengan lembaganya selama enam bulan terakhir: telepon, alamat dan "
                           "syaratnya mungkin sudah berubah.")
        return None

    def cell_background(self, row: int, record: ServiceEntry, column: int) -> Any:
        return QBrush(STALE_BACKGROUND) if record.stale and record.active else None

    def cell_foreground(self, row: int, record: ServiceEntry, column: int) -> Any:
        if not record.active:
            return QBrush(INACTIVE_FOREGROUND)
        if column == self.COL_FLAG and record.stale:
            return QBrush(STALE_FOREGROUND)
        return None

    def cell_alignment(self, row: int, record: ServiceEntry, column: int) -> int | None:
        if column == self.COL_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
