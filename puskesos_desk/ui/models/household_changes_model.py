"""The household's change requests: number, kind, who, status, and the decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import ChangeRequestRecord
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import MUTED, WARNING, HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import CHANGE_KINDS, CHANGE_STATUSES, label


class HouseholdChangesTableModel(HouseholdTableModel[ChangeRequestRecord]):
    COL_NUMBER, COL_KIND, COL_PERSON, COL_REASON, COL_STATUS, COL_DECISION = range(6)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nomor"), self.tr("Perubahan"), self.tr("Warga"), self.tr("Alasan"), self.tr("Status"),
                self.tr("Keputusan"))

    def person(self, record: ChangeRequestRecord) -> str:
        if record.person_name:
            return record.person_name
        member = record.payload.get("member")
        if isinstance(member, dict):
            return str(member.get("name") or "")
        moving = record.payload.get("person_ids")
        return self.tr("{n} anggota").format(n=len(moving)) if isinstance(moving, list) else ""

    def text(self, record: ChangeRequestRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_KIND:
            return label(CHANGE_KINDS, record.kind)
        if column == self.COL_PERSON:
            return self.person(record)
        if column == self.COL_REASON:
            return record.reason
        if column == self.COL_STATUS:
            return label(CHANGE_STATUSES, record.status)
        if column == self.COL_DECISION:
            if record.decided_at is None:
                return ""
            where = self.tr("desa") if record.decided_where == "lokal" else self.tr("kabupaten")
            day = format_date_short(record.decided_at.astimezone(local_zone()).date())
            decided = f"{day} ({where}) {record.decision_reason}".strip()
            problem = record.payload.get("village_apply_problem")
            if problem:  # approved at the district, but the household had changed here in between
                return self.tr("{decided} — belum diterapkan: {problem}").format(decided=decided, problem=problem)
            return decided
        return ""

    def sort_value(self, record: ChangeRequestRecord, column: int) -> Any:
        return self.text(record, column)

    def foreground(self, record: ChangeRequestRecord, column: int) -> QColor | None:
        if column == self.COL_DECISION and record.payload.get("village_apply_problem"):
            return WARNING
        return MUTED if record.status != "MENUNGGU" else None
