"""The household's visits, newest first: when, channel, who came, for whom, why, and the consent recorded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from puskesos_desk.domain.casework import VisitRow
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short, format_time
from puskesos_desk.ui.models.household_table_model import HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import CONSENT_PURPOSES, label


class HouseholdVisitsTableModel(HouseholdTableModel[VisitRow]):
    COL_WHEN, COL_NUMBER, COL_CHANNEL, COL_APPLICANT, COL_SUBJECTS, COL_PURPOSE, COL_CONSENT, COL_OFFICER = range(8)

    def headers(self) -> Sequence[str]:
        return (self.tr("Waktu"), self.tr("Nomor"), self.tr("Kanal"), self.tr("Yang datang"), self.tr("Untuk"),
                self.tr("Keperluan"), self.tr("Persetujuan"), self.tr("Petugas"))

    def text(self, record: VisitRow, column: int) -> str:
        if column == self.COL_WHEN:
            local = record.occurred_at.astimezone(local_zone())
            return f"{format_date_short(local.date())} {format_time(local)}"
        if column == self.COL_NUMBER:
            return record.registration_number
        if column == self.COL_CHANNEL:
            return self.code_label("kanal_kunjungan", record.channel)
        if column == self.COL_APPLICANT:
            relation = self.code_label("hubungan_pemohon", record.applicant_relation)
            return f"{record.applicant_name} ({relation})"
        if column == self.COL_SUBJECTS:
            return ", ".join(record.subject_names)
        if column == self.COL_PURPOSE:
            return record.purpose
        if column == self.COL_CONSENT:
            if not record.notice_given:
                return self.tr("belum ada pemberitahuan")
            if not record.consent_purposes:
                return self.tr("pemberitahuan")
            return self.tr("pemberitahuan + persetujuan")
        if column == self.COL_OFFICER:
            return record.officer_name
        return ""

    def sort_value(self, record: VisitRow, column: int) -> Any:
        return record.occurred_at.isoformat() if column == self.COL_WHEN else self.text(record, column)

    def tooltip(self, record: VisitRow, column: int) -> str | None:
        if column == self.COL_PURPOSE:
            return record.purpose
        if column == self.COL_CONSENT and record.consent_purposes:
            return "\n".join(label(CONSENT_PURPOSES, code) for code in record.consent_purposes)
        return None
