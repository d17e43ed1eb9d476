"""The complaint list (Keluhan → Daftar keluhan), and the translated names of complaint codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.enums import ComplaintStatus, ComplaintType, Urgency
from puskesos_desk.domain.followup import ComplaintItem
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.i18n import current_language

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
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
URGENCY_ORDER = {Urgency.DARURAT: 0, Urgency.SEGERA: 1, Urgency.BIASA: 2}
STATUS_ORDER = {status: index for index, status in enumerate(ComplaintStatus)}


def label(names: dict[str, str], code: str) -> str:
    """The translated name of a code, or the code itself when it has none."""
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


class ComplaintsTableModel(QAbstractTableModel):
    COL_NUMBER, COL_RECORDED, COL_HOUSEHOLD, COL_KIND, COL_CATEGORY, COL_URGENCY, COL_STATUS, COL_DUE = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ComplaintItem] = []
        self._headers = (
            self.tr("Nomor"), self.tr("Dicatat"), self.tr("Keluarga"), self.tr("Jenis"), self.tr("Kategori"),
            self.tr("Urgensi"), self.tr("Status"), self.tr("Jatuh tempo"),
        )

    def set_rows(self, rows: list[ComplaintItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> ComplaintItem:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._sort_value(item, column)
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_CATEGORY, self.COL_HOUSEHOLD):
            return item.description
        if role == Qt.ItemDataRole.BackgroundRole and item.is_open and item.urgency is Urgency.DARURAT:
            return QBrush(URGENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DUE and item.working_days_late > 0:
            return QBrush(LATE_FOREGROUND)
        return None

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
