"""The household's DTSEN proposals: number, kind, status, musdes, programmes asked for, due date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from puskesos_desk.domain.casework import ProposalRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import (
    PROPOSAL_KINDS,
    PROPOSAL_STATUSES,
    REQUESTED_PROGRAMS,
    label,
)


class HouseholdProposalsTableModel(HouseholdTableModel[ProposalRecord]):
    COL_NUMBER, COL_KIND, COL_STATUS, COL_CRITERIA, COL_PROGRAMS, COL_MUSDES, COL_DUE = range(7)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nomor"), self.tr("Jenis"), self.tr("Status"), self.tr("Kriteria 262"),
                self.tr("Usulan bansos"), self.tr("Musdes/muskel"), self.tr("Tindak lanjut"))

    def text(self, record: ProposalRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_KIND:
            return label(PROPOSAL_KINDS, record.kind)
        if column == self.COL_STATUS:
            return label(PROPOSAL_STATUSES, record.status)
        if column == self.COL_CRITERIA:
            return self.tr("{met} dari {total}").format(met=record.criteria_met, total=len(record.criteria)) \
                if record.criteria else ""
        if column == self.COL_PROGRAMS:
            return ", ".join(label(REQUESTED_PROGRAMS, code) for code in record.requested_programs)
        if column == self.COL_MUSDES:
            if record.musdes_date is None:
                return ""
            return f"{format_date_short(record.musdes_date)} · {record.musdes_minutes_number or ''}".strip(" ·")
        if column == self.COL_DUE:
            return format_date_short(record.due_date) if record.due_date else ""
        return ""

    def sort_value(self, record: ProposalRecord, column: int) -> Any:
        if column == self.COL_DUE:
            return record.due_date.isoformat() if record.due_date else "9999"
        return self.text(record, column)

    def tooltip(self, record: ProposalRecord, column: int) -> str | None:
        return record.verification_notes or None
