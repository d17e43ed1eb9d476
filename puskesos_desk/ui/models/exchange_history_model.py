"""The exchange history (tab Riwayat & Konflik): packages made and applied here, and incoming rows waiting for a
decision, with the translated names of directions, kinds, statuses and waiting reasons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush

from puskesos_desk.domain.exchange_records import LedgerEntry, ParkedRow
from puskesos_desk.domain.exchange_sheets import HUMAN_NUMBER_FIELD
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short, format_number, format_time
from puskesos_desk.ui.models.import_messages_model import SEVERITY_BACKGROUND
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "ExchangeLabels"

DIRECTION_NAMES: dict[str, str] = {
    "KELUAR": QT_TRANSLATE_NOOP("ExchangeLabels", "Keluar"),
    "MASUK": QT_TRANSLATE_NOOP("ExchangeLabels", "Masuk"),
}
KIND_NAMES: dict[str, str] = {
    "DESA_KE_KABUPATEN": QT_TRANSLATE_NOOP("ExchangeLabels", "Desa → kabupaten"),
    "KABUPATEN_KE_DESA": QT_TRANSLATE_NOOP("ExchangeLabels", "Kabupaten → desa"),
}
STATUS_NAMES: dict[str, str] = {
    "DIBUAT": QT_TRANSLATE_NOOP("ExchangeLabels", "Dibuat"),
    "DIAKUI": QT_TRANSLATE_NOOP("ExchangeLabels", "Diterima penerima"),
    "DITERAPKAN": QT_TRANSLATE_NOOP("ExchangeLabels", "Diterapkan"),
}
REASON_NAMES: dict[str, str] = {
    "KONFLIK": QT_TRANSLATE_NOOP("ExchangeLabels", "Konflik"),
    "DIUBAH": QT_TRANSLATE_NOOP("ExchangeLabels", "Diubah di luar aplikasi"),
}


def label(names: dict[str, str], code: str) -> str:
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


def moment_text(value: datetime) -> str:
    local = value.astimezone(local_zone())
    return f"{format_date_short(local.date())} {format_time(local)}"


class PackagesTableModel(RecordTableModel[LedgerEntry]):
    COL_DIRECTION, COL_KIND, COL_ROUTE, COL_SEQUENCE, COL_STATUS, COL_TIME, COL_BY, COL_FILE, COL_ROWS = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self._headers = (self.tr("Arah"), self.tr("Jenis"), self.tr("Pengirim → penerima"), self.tr("Urutan"),
                         self.tr("Status"), self.tr("Waktu"), self.tr("Oleh"), self.tr("Berkas"), self.tr("Baris"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    @staticmethod
    def moment(record: LedgerEntry) -> datetime:
        return record.processed_at or record.created_at

    def cell_text(self, row: int, record: LedgerEntry, column: int) -> str:
        if column == self.COL_DIRECTION:
            return label(DIRECTION_NAMES, record.direction)
        if column == self.COL_KIND:
            return label(KIND_NAMES, record.kind)
        if column == self.COL_ROUTE:
            return f"{record.sender} → {record.receiver}"
        if column == self.COL_SEQUENCE:
            return str(record.sequence)
        if column == self.COL_STATUS:
            return label(STATUS_NAMES, record.status)
        if column == self.COL_TIME:
            return moment_text(self.moment(record))
        if column == self.COL_BY:
            return record.processed_by
        if column == self.COL_FILE:
            return record.file_name
        if column == self.COL_ROWS:
            return format_number(sum(record.row_counts.values()))
        return ""

    def cell_sort(self, row: int, record: LedgerEntry, column: int) -> Any:
        if column == self.COL_SEQUENCE:
            return record.sequence
        if column == self.COL_TIME:
            return self.moment(record).isoformat()
        if column == self.COL_ROWS:
            return sum(record.row_counts.values())
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: LedgerEntry, column: int) -> str | None:
        if column == self.COL_ROUTE:
            sender = self.names.get(record.sender, record.sender)
            receiver = self.names.get(record.receiver, record.receiver)
            return self.tr("Dari {sender}\nuntuk {receiver}").format(sender=sender, receiver=receiver)
        if column == self.COL_ROWS:
            return "\n".join(f"{sheet}: {format_number(n)}" for sheet, n in sorted(record.row_counts.items()) if n)
        if column == self.COL_FILE:
            return f"{record.file_name}\nSHA-256: {record.sha256}\n{record.package_id}"
        return None

    def cell_alignment(self, row: int, record: LedgerEntry, column: int) -> int | None:
        if column in (self.COL_SEQUENCE, self.COL_ROWS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WaitingTableModel(RecordTableModel[ParkedRow]):
    COL_REASON, COL_SHEET, COL_NUMBER, COL_NAME, COL_PACKAGE, COL_PARKED, COL_ID = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.packages: dict[str, LedgerEntry] = {}
        self._headers = (self.tr("Alasan"), self.tr("Lembar"), self.tr("Nomor"), self.tr("Nama"), self.tr("Paket"),
                         self.tr("Menunggu sejak"), self.tr("ID"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    @staticmethod
    def number(record: ParkedRow) -> str:
        value = record.values.get("number") or record.values.get(HUMAN_NUMBER_FIELD.get(record.table, ""))
        return str(value) if value else ""

    @staticmethod
    def name(record: ParkedRow) -> str:
        """Who the row is about, so the officer recognises it: a person's name or the head of a household."""
        value = record.values.get("name") or record.values.get("head_name")
        return str(value) if value else ""

    def package_text(self, record: ParkedRow) -> str:
        entry = self.packages.get(record.package_id)
        if entry is None:
            return record.package_id[:8]
        return self.tr("ke-{sequence} dari {sender}").format(sequence=entry.sequence, sender=entry.sender)

    def cell_text(self, row: int, record: ParkedRow, column: int) -> str:
        if column == self.COL_REASON:
            return label(REASON_NAMES, record.reason)
        if column == self.COL_SHEET:
            return record.sheet
        if column == self.COL_NUMBER:
            return self.number(record)
        if column == self.COL_NAME:
            return self.name(record)
        if column == self.COL_ID:
            return record.record_id
        if column == self.COL_PACKAGE:
            return self.package_text(record)
        if column == self.COL_PARKED:
            return moment_text(record.parked_at)
        return ""

    def cell_sort(self, row: int, record: ParkedRow, column: int) -> Any:
        if column == self.COL_PARKED:
            return record.parked_at.isoformat()
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: ParkedRow, column: int) -> str | None:
        return record.record_id if column == self.COL_ID else None

    def cell_background(self, row: int, record: ParkedRow, column: int) -> Any:
        return QBrush(SEVERITY_BACKGROUND["warning"]) if column == self.COL_REASON else None
