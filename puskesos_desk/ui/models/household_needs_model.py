"""The household's needs: number, person, domain, PPKS categories, proposed programme, status, due date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from puskesos_desk.domain.casework import NeedRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import NEED_STATUSES, label


class HouseholdNeedsTableModel(HouseholdTableModel[NeedRecord]):
    COL_NUMBER, COL_PERSON, COL_DOMAIN, COL_PPKS, COL_PROGRAM, COL_STATUS, COL_DUE = range(7)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nomor"), self.tr("Warga"), self.tr("Bidang"), self.tr("PPKS"), self.tr("Program diusulkan"),
                self.tr("Status"), self.tr("Jatuh tempo"))

    def text(self, record: NeedRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_PERSON:
            return record.person_name or self.tr("(keluarga)")
        if column == self.COL_DOMAIN:
            return self.code_label("need_domain", record.domain_code)
        if column == self.COL_PPKS:
            return ", ".join(record.ppks_codes)
        if column == self.COL_PROGRAM:
            return self.code_label("program", record.proposed_program)
        if column == self.COL_STATUS:
            return label(NEED_STATUSES, record.status)
        if column == self.COL_DUE:
            return format_date_short(record.due_date) if record.due_date else ""
        return ""

    def sort_value(self, record: NeedRecord, column: int) -> Any:
        if column == self.COL_DUE:
            return record.due_date.isoformat() if record.due_date else "9999"
        return self.text(record, column)

    def tooltip(self, record: NeedRecord, column: int) -> str | None:
        if column == self.COL_PPKS and record.ppks_codes:
            return "\n".join(self.code_label("ppks", code) for code in record.ppks_codes)
        return record.description
