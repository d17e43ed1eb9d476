"""Per-service referral statistics (Rujukan → Statistik layanan): how each receiving office answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from puskesos_desk.domain.referrals import ServiceStats
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.record_table_model import RecordTableModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_days(value: float | None) -> str:
    """'2,5' (Bahasa Indonesia) or '2.5' (English); whole numbers without decimals; '—' when nothing was answered."""
    if value is None:
        return "—"
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", ",") if current_language() == "id" else text


class ServiceStatsTableModel(RecordTableModel[ServiceStats]):
    COL_ORGANIZATION, COL_SERVICE, COL_SENT, COL_ANSWERED, COL_SERVED, COL_WAITING, COL_MEDIAN = range(7)
    COLUMN_COUNT = 7
    NUMBER_COLUMNS = (COL_SENT, COL_ANSWERED, COL_SERVED, COL_WAITING, COL_MEDIAN)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ServiceStats] = []
        self._headers = (
            self.tr("Lembaga"), self.tr("Layanan"), self.tr("Dikirim"), self.tr("Dijawab"), self.tr("Terlayani"),
            self.tr("Menunggu"), self.tr("Median hari kerja sampai dijawab"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def _number(self, record: ServiceStats, column: int) -> int | float | None:
        return {
            self.COL_SENT: record.sent, self.COL_ANSWERED: record.answered, self.COL_SERVED: record.served,
            self.COL_WAITING: record.waiting, self.COL_MEDIAN: record.median_working_days_to_answer,
        }.get(column)

    def cell_text(self, row: int, record: ServiceStats, column: int) -> str:
        if column == self.COL_ORGANIZATION:
            return record.organization
        if column == self.COL_SERVICE:
            return record.service_name
        if column == self.COL_MEDIAN:
            return format_days(record.median_working_days_to_answer)
        value = self._number(record, column)
        return format_number(int(value)) if value is not None else ""

    def cell_sort(self, row: int, record: ServiceStats, column: int) -> Any:
        if column in self.NUMBER_COLUMNS:
            value = self._number(record, column)
            return -1.0 if value is None else float(value)
        return self.cell_text(row, record, column)

    def cell_alignment(self, row: int, record: ServiceStats, column: int) -> int | None:
        return RIGHT if column in self.NUMBER_COLUMNS else None

    def cell_tooltip(self, row: int, record: ServiceStats, column: int) -> str | None:
        return f"{record.organization}\n{record.service_name} ({record.service_code})"
