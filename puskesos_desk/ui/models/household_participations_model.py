"""Programme participation as known to the Puskesos: programme, card, active or not, since, source, as of."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor

from puskesos_desk.domain.casework import ParticipationRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import WARNING, HouseholdTableModel


class HouseholdParticipationsTableModel(HouseholdTableModel[ParticipationRecord]):
    COL_PROGRAM, COL_PERSON, COL_CARD, COL_ACTIVE, COL_SINCE, COL_SOURCE, COL_AS_OF = range(7)

    def headers(self) -> Sequence[str]:
        return (self.tr("Program"), self.tr("Peserta"), self.tr("No. kartu"), self.tr("Status"), self.tr("Sejak"),
                self.tr("Sumber"), self.tr("Per tanggal"))

    def text(self, record: ParticipationRecord, column: int) -> str:
        if column == self.COL_PROGRAM:
            return self.code_label("program", record.program_code)
        if column == self.COL_PERSON:
            return record.person_name or self.tr("(seluruh keluarga)")
        if column == self.COL_CARD:
            return record.card_number or ""
        if column == self.COL_ACTIVE:
            return self.tr("Aktif") if record.active else self.tr("Nonaktif")
        if column == self.COL_SINCE:
            return format_date_short(record.since) if record.since else ""
        if column == self.COL_SOURCE:
            return self.code_label("sumber_kepesertaan", record.source)
        if column == self.COL_AS_OF:
            return format_date_short(record.as_of)
        return ""

    def sort_value(self, record: ParticipationRecord, column: int) -> Any:
        if column == self.COL_SINCE:
            return record.since.isoformat() if record.since else ""
        if column == self.COL_AS_OF:
            return record.as_of.isoformat()
        return self.text(record, column)

    def foreground(self, record: ParticipationRecord, column: int) -> QColor | None:
        return WARNING if column == self.COL_ACTIVE and not record.active else None

    def tooltip(self, record: ParticipationRecord, column: int) -> str | None:
        return record.notes or None
