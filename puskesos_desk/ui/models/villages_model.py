"""The villages of tab Desa (or, at a village, its district): last package, packages still missing, silence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.record_table_model import RecordTableModel

GAP_BACKGROUND = QColor("#fff4d6")
AUDIT_BROKEN_BACKGROUND = QColor("#f8d7da")  # with the word "TERPUTUS" and bold text: never colour alone


class VillagesTableModel(RecordTableModel[VillageStatus]):
    COL_NAME, COL_CODE, COL_LAST, COL_SENT, COL_DAYS, COL_COUNT, COL_GAPS, COL_AUDIT, COL_FINGERPRINT = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Nama"), self.tr("Kode"), self.tr("Paket terakhir"), self.tr("Dikirim"),
                         self.tr("Hari sejak paket terakhir"), self.tr("Paket diterima"),
                         self.tr("Paket yang belum diterima"), self.tr("Riwayat audit"), self.tr("Sidik jari kunci"))
        self._audit_words = {"UTUH": self.tr("utuh"), "TERPUTUS": self.tr("TERPUTUS — periksa situs ini"),
                             "BELUM_DIKETAHUI": self.tr("belum diketahui")}

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def gap_text(self, record: VillageStatus) -> str:
        if not record.missing:
            return ""
        numbers = ", ".join(str(n) for n in record.missing[:20]) + (" …" if len(record.missing) > 20 else "")
        return self.tr("paket ke-{numbers} belum diterima").format(numbers=numbers)

    def cell_text(self, row: int, record: VillageStatus, column: int) -> str:
        if column == self.COL_NAME:
            return record.name
        if column == self.COL_CODE:
            return record.code
        if column == self.COL_LAST:
            return self.tr("ke-{n}").format(n=record.last_sequence) if record.last_sequence else \
                self.tr("belum ada")
        if column == self.COL_SENT:
            return format_date_short(record.last_sent_at.astimezone(local_zone()).date()) \
                if record.last_sent_at else ""
        if column == self.COL_DAYS:
            return str(record.days_since_last) if record.days_since_last is not None else ""
        if column == self.COL_COUNT:
            return str(record.packages_received)
        if column == self.COL_GAPS:
            return self.gap_text(record)
        if column == self.COL_FINGERPRINT:
            return record.fingerprint
        if column == self.COL_AUDIT:
            return self._audit_words.get(record.audit_chain, self._audit_words["BELUM_DIKETAHUI"])
        return ""

    def cell_sort(self, row: int, record: VillageStatus, column: int) -> Any:
        if column == self.COL_LAST:
            return record.last_sequence or 0
        if column == self.COL_SENT:
            return record.last_sent_at.isoformat() if record.last_sent_at else ""
        if column == self.COL_DAYS:
            return record.days_since_last if record.days_since_last is not None else 1_000_000
        if column == self.COL_COUNT:
            return record.packages_received
        if column == self.COL_GAPS:
            return len(record.missing)
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: VillageStatus, column: int) -> str | None:
        if column == self.COL_LAST and record.last_file:
            return self.tr("Berkas: {file}").format(file=record.last_file)
        if column == self.COL_AUDIT and record.audit_broken:
            return self.tr("Riwayat audit yang dikirim desa ini tidak melanjutkan riwayat di paket sebelumnya "
                           "({n} kali): catatan audit lama mungkin diubah atau dihapus.").format(n=record.audit_breaks)
        return None

    def cell_background(self, row: int, record: VillageStatus, column: int) -> Any:
        if column == self.COL_AUDIT and record.audit_broken:
            return QBrush(AUDIT_BROKEN_BACKGROUND)
        return QBrush(GAP_BACKGROUND) if record.missing else None

    def cell_font(self, row: int, record: VillageStatus, column: int) -> Any:
        if column == self.COL_AUDIT and record.audit_broken:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def cell_alignment(self, row: int, record: VillageStatus, column: int) -> int | None:
        if column in (self.COL_LAST, self.COL_DAYS, self.COL_COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
