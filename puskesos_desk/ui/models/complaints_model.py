"""The complaint list (Keluhan → Daftar keluhan), and the translated names of complaint codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.enums import ComplaintStatus, ComplaintType, Urgency
from puskesos_desk.domain.followup import ComplaintItem
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "CaseLabels"

URGENCY_NAMES: dict[str, str] = {
    Urgency.DARURAT: QT_TRANSLATE_NOOP("CaseLabels", "Darurat"),
    Urgency.SEGERA: QT_TRANSLATE_NOOP("CaseLabels", "Segera"),
    Urgency.BIASA: QT_TRANSLATE_NOOP("CaseLabels", "Biasa"),
}
STATUS_NAMES: dict[str, str] = {
    ComplaintStatus.BARU: QT_TRANSLATE_NOOP("CaseLabels", "Baru"),
    ComplaintStatus.DITANGANI: QT_TRANSLATE_NOOP("CaseLabels", "Ditangani"),
    ComplaintStatus.DIRUJUK: QT_TRANSLATE_NOOP("CaseLabels", "Dirujuk"),
    ComplaintStatus.SELESAI: QT_TRANSLATE_NOOP("CaseLabels", "Selesai"),
    ComplaintStatus.TIDAK_DAPAT_DITANGANI: QT_TRANSLATE_NOOP("CaseLabels", "Tidak dapat ditangani"),
}
KIND_NAMES: dict[str, str] = {
    ComplaintType.PERTANYAAN: QT_TRANSLATE_NOOP("CaseLabels", "Pertanyaan"),
    ComplaintType.SARAN: QT_TRANSLATE_NOOP("CaseLabels", "Saran"),
    ComplaintType.PENGADUAN: QT_TRANSLATE_NOOP("CaseLabels", "Pengaduan"),
}

URGENT_BACKGROUND = QColor("#fde8e6")
LATE_FOREGROUND = QColor("#b42318")
URGENCY_ORDER = {Urgency.DARURAT: 0, Urgency.SEGERA: 1, Urgency.BIASA: 2}
STATUS_ORDER = {status: index for index, status in enumerate(ComplaintStatus)}


def label(names: dict[str, str], code: str) -> str:
    """The translated name of a code, or the code itself when it has none."""
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


class ComplaintsTableModel(RecordTableModel[ComplaintItem]):
    COL_NUMBER, COL_RECORDED, COL_HOUSEHOLD, COL_KIND, COL_CATEGORY, COL_URGENCY, COL_STATUS, COL_DUE = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ComplaintItem] = []
        self._headers = (
            self.tr("Nomor"), self.tr("Dicatat"), self.tr("Keluarga"), self.tr("Jenis"), self.tr("Kategori"),
            self.tr("Urgensi"), self.tr("Status"), self.tr("Jatuh tempo"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: ComplaintItem, column: int) -> str:
        return self._display(record, column)

    def cell_sort(self, row: int, record: ComplaintItem, column: int) -> Any:
        return self._sort_value(record, column)

    def cell_tooltip(self, row: int, record: ComplaintItem, column: int) -> str | None:
        return record.description if column in (self.COL_CATEGORY, self.COL_HOUSEHOLD) else None

    def cell_background(self, row: int, record: ComplaintItem, column: int) -> Any:
        return QBrush(URGENT_BACKGROUND) if record.is_open and record.urgency is Urgency.DARURAT else None

    def cell_foreground(self, row: int, record: ComplaintItem, column: int) -> Any:
        return QBrush(LATE_FOREGROUND) if column == self.COL_DUE and record.working_days_late > 0 else None

    def _display(self, item: ComplaintItem, column: int) -> str:
        if column == self.COL_NUMBER:
            return item.number
        if column == self.COL_RECORDED:
            return format_date_short(item.created_at.astimezone().date())
        if column == self.COL_HOUSEHOLD:
            return item.household_name
        if column == self.COL_KIND:
            return label(KIND_NAMES, item.kind)
        if column == self.COL_CATEGORY:
            return item.category_label(current_language())
        if column == self.COL_URGENCY:
            return label(URGENCY_NAMES, item.urgency)
        if column == self.COL_STATUS:
            return label(STATUS_NAMES, item.status)
        if column == self.COL_DUE:
            if item.due_date is None or not item.is_open:
                return "" if item.due_date is None else format_date_short(item.due_date)
            if item.working_days_late > 0:
                return self.tr("{date} (terlambat {n} hari kerja)").format(
                    date=format_date_short(item.due_date), n=item.working_days_late)
            return format_date_short(item.due_date)
        return ""

    def _sort_value(self, item: ComplaintItem, column: int) -> Any:
        if column == self.COL_RECORDED:
            return item.created_at.isoformat()
        if column == self.COL_URGENCY:
            return URGENCY_ORDER[item.urgency]
        if column == self.COL_STATUS:
            return STATUS_ORDER[item.status]
        if column == self.COL_DUE:
            return item.due_date.isoformat() if item.due_date else "9999"
        return self._display(item, column)
