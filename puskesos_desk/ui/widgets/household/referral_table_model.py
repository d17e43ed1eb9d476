"""The household's referrals: letter number, date, resident, service, status and the date an answer is due.

A referral still waiting past its response date is shown in the warning colour, with the working days late.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor

from puskesos_desk.domain.referrals import ReferralRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_table_model import WARNING, HouseholdTableModel
from puskesos_desk.ui.widgets.household.status_labels import REFERRAL_STATUSES, label


class HouseholdReferralsTableModel(HouseholdTableModel[ReferralRecord]):
    COL_NUMBER, COL_DATE, COL_PERSON, COL_SERVICE, COL_STATUS, COL_DUE = range(6)

    def headers(self) -> Sequence[str]:
        return (self.tr("Nomor surat"), self.tr("Tanggal"), self.tr("Warga"), self.tr("Layanan tujuan"),
                self.tr("Status"), self.tr("Batas jawaban"))

    def text(self, record: ReferralRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_DATE:
            return format_date_short(record.letter_date)
        if column == self.COL_PERSON:
            return record.person_name
        if column == self.COL_SERVICE:
            return f"{record.service_name} — {record.organization}"
        if column == self.COL_STATUS:
            status = label(REFERRAL_STATUSES, record.status.value)
            if self._late(record):
                return self.tr("{status}, terlambat {days} hari kerja").format(status=status,
                                                                             days=record.working_days_late)
            return status
        if column == self.COL_DUE:
            return format_date_short(record.response_due) if record.response_due else ""
        return ""

    def sort_value(self, record: ReferralRecord, column: int) -> Any:
        if column == self.COL_NUMBER:
            # Numbers restart each year and the pattern may put the year last: sort by year, then sequence.
            return f"{record.letter_date.year:04d}{record.created_at.isoformat()}"
        if column == self.COL_DATE:
            return record.letter_date.isoformat()
        if column == self.COL_DUE:
            return record.response_due.isoformat() if record.response_due else "9999"
        return self.text(record, column)

    def foreground(self, record: ReferralRecord, column: int) -> QColor | None:
        return WARNING if self._late(record) and column in (self.COL_STATUS, self.COL_DUE) else None

    def tooltip(self, record: ReferralRecord, column: int) -> str | None:
        if column == self.COL_SERVICE:
            return self.tr("Dimohon: {service}").format(service=record.requested_service)
        return record.problem_summary

    @staticmethod
    def _late(record: ReferralRecord) -> bool:
        return (record.working_days_late or 0) > 0
