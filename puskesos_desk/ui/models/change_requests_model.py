"""Household change requests from the villages, as the district secretariat's table shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from puskesos_desk.domain.district_changes import DistrictChangeItem
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import MUTED
from puskesos_desk.ui.models.record_table_model import RecordTableModel
from puskesos_desk.ui.widgets.household.status_labels import CHANGE_KINDS, CHANGE_STATUSES, label


class ChangeRequestsTableModel(RecordTableModel[DistrictChangeItem]):
    COL_VILLAGE, COL_NUMBER, COL_HOUSEHOLD, COL_KIND, COL_PERSON, COL_REASON, COL_REQUESTED, COL_STATUS = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Desa"), self.tr("Nomor"), self.tr("Keluarga"), self.tr("Perubahan"),
                         self.tr("Warga"), self.tr("Alasan"), self.tr("Diajukan"), self.tr("Status"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def person(self, item: DistrictChangeItem) -> str:
        if item.person_name:
            return item.person_name
        member = item.payload.get("member")
        if isinstance(member, dict):
            return str(member.get("name") or "")
        moving = item.payload.get("person_ids")
        return self.tr("{n} anggota").format(n=len(moving)) if isinstance(moving, list) else ""

    def cell_text(self, row: int, record: DistrictChangeItem, column: int) -> str:
        if column == self.COL_VILLAGE:
            return record.village_name
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_HOUSEHOLD:
            return f"{record.household_number} · {record.head_name}" if record.head_name else record.household_number
        if column == self.COL_KIND:
            return label(CHANGE_KINDS, record.kind)
        if column == self.COL_PERSON:
            return self.person(record)
        if column == self.COL_REASON:
            return record.reason
        if column == self.COL_REQUESTED:
            return format_date_short(record.requested_at.astimezone(local_zone()).date()) \
                if record.requested_at else ""
        if column == self.COL_STATUS:
            return label(CHANGE_STATUSES, record.status)
        return ""

    def cell_sort(self, row: int, record: DistrictChangeItem, column: int) -> Any:
        if column == self.COL_REQUESTED:
            return record.requested_at.isoformat() if record.requested_at else ""
        return self.cell_text(row, record, column)

    def cell_foreground(self, row: int, record: DistrictChangeItem, column: int) -> Any:
        return MUTED if record.status != "MENUNGGU" else None
