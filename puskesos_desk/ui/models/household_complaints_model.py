"""The household's complaints: number, kind, category, urgency, status and due date (late ones in red)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import ComplaintRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import WARNING, HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import COMPLAINT_KINDS, COMPLAINT_STATUSES, label

OPEN = ("BARU", "DITANGANI", "DIRUJUK")
URGENCY_ORDER = {"DARURAT": 0, "SEGERA": 1, "BIASA": 2}


class HouseholdComplaintsTableModel(HouseholdTableModel[ComplaintRecord]):
    COL_NUMBER, COL_PERSON, COL_KIND, COL_CATEGORY, COL_URGENCY, COL_STATUS, COL_DUE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def headers(self) -> Sequence[str]:
        return (self.tr("Nomor"), self.tr("Warga"), self.tr("Jenis"), self.tr("Kategori"), self.tr("Urgensi"),
                self.tr("Status"), self.tr("Jatuh tempo"))

    def text(self, record: ComplaintRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_PERSON:
            return record.person_name or self.tr("(keluarga)")
        if column == self.COL_KIND:
            return label(COMPLAINT_KINDS, record.kind)
        if column == self.COL_CATEGORY:
            return self.code_label("complaint_category", record.category_code)
        if column == self.COL_URGENCY:
            return self.code_label("urgensi", record.urgency)
        if column == self.COL_STATUS:
            return label(COMPLAINT_STATUSES, record.status)
        if column == self.COL_DUE:
            return format_date_short(record.due_date) if record.due_date and record.status in OPEN else ""
        return ""

    def sort_value(self, record: ComplaintRecord, column: int) -> Any:
        if column == self.COL_URGENCY:
            return URGENCY_ORDER.get(record.urgency, 9)
        if column == self.COL_DUE:
            return record.due_date.isoformat() if record.due_date else "9999"
        return self.text(record, column)

    def foreground(self, record: ComplaintRecord, column: int) -> QColor | None:
        late = record.status in OPEN and record.due_date is not None and record.due_date < self.today
        if (column == self.COL_DUE and late) or (column == self.COL_URGENCY and record.urgency == "DARURAT"):
            return WARNING
        return None

    def tooltip(self, record: ComplaintRecord, column: int) -> str | None:
        return record.description
