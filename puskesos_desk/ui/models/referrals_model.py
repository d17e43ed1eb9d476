"""The referral list (Rujukan), and the translated names of referral statuses, outcomes and feedback sources."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.referrals import ReferralRecord
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.complaints_model import LATE_FOREGROUND
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "ReferralLabels"

STATUS_NAMES: dict[str, str] = {
    ReferralStatus.DRAFT: QT_TRANSLATE_NOOP("ReferralLabels", "Draf"),
    ReferralStatus.DISETUJUI: QT_TRANSLATE_NOOP("ReferralLabels", "Disetujui"),
    ReferralStatus.DIKIRIM: QT_TRANSLATE_NOOP("ReferralLabels", "Dikirim"),
    ReferralStatus.DITERIMA: QT_TRANSLATE_NOOP("ReferralLabels", "Diterima"),
    ReferralStatus.DIPROSES: QT_TRANSLATE_NOOP("ReferralLabels", "Diproses"),
    ReferralStatus.SELESAI: QT_TRANSLATE_NOOP("ReferralLabels", "Selesai"),
    ReferralStatus.DITOLAK: QT_TRANSLATE_NOOP("ReferralLabels", "Ditolak"),
    ReferralStatus.DIBATALKAN: QT_TRANSLATE_NOOP("ReferralLabels", "Dibatalkan"),
    ReferralStatus.TIDAK_ADA_KABAR: QT_TRANSLATE_NOOP("ReferralLabels", "Tidak ada kabar"),
}
OUTCOME_NAMES: dict[str, str] = {
    ReferralOutcome.TERLAYANI_PENUH: QT_TRANSLATE_NOOP("ReferralLabels", "Terlayani penuh"),
    ReferralOutcome.TERLAYANI_SEBAGIAN: QT_TRANSLATE_NOOP("ReferralLabels", "Terlayani sebagian"),
    ReferralOutcome.TIDAK_TERLAYANI: QT_TRANSLATE_NOOP("ReferralLabels", "Tidak terlayani"),
}
SOURCE_NAMES: dict[str, str] = {
    FeedbackSource.LEMBAR_BALASAN: QT_TRANSLATE_NOOP("ReferralLabels", "Lembar balasan"),
    FeedbackSource.TELEPON: QT_TRANSLATE_NOOP("ReferralLabels", "Telepon / WhatsApp"),
    FeedbackSource.LAPORAN_WARGA: QT_TRANSLATE_NOOP("ReferralLabels", "Laporan warga"),
    FeedbackSource.SEKRETARIAT: QT_TRANSLATE_NOOP("ReferralLabels", "Sekretariat SLRT"),
}

#: Status pill colours (background, text): grey while in the Puskesos, blue while out, green/red when closed.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    ReferralStatus.DRAFT: ("#eef0f2", "#3e4c59"),
    ReferralStatus.DISETUJUI: ("#fff4d6", "#7a4d00"),
    ReferralStatus.DIKIRIM: ("#e6eff8", "#174b7c"),
    ReferralStatus.DITERIMA: ("#e6eff8", "#174b7c"),
    ReferralStatus.DIPROSES: ("#e6eff8", "#174b7c"),
    ReferralStatus.SELESAI: ("#e3f4e8", "#1d6b35"),
    ReferralStatus.DITOLAK: ("#fdecea", "#8a1c12"),
    ReferralStatus.DIBATALKAN: ("#eef0f2", "#52606d"),
    ReferralStatus.TIDAK_ADA_KABAR: ("#fdecea", "#8a1c12"),
}

LATE_BACKGROUND = QColor("#fdf0ef")
STATUS_ORDER = {status: index for index, status in enumerate(ReferralStatus)}


def label(names: dict[str, str], code: str | None) -> str:
    """The translated name of a code, or the code itself when it has none."""
    if not code:
        return ""
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


def is_late(record: ReferralRecord) -> bool:
    return (record.working_days_late or 0) > 0


class ReferralsTableModel(RecordTableModel[ReferralRecord]):
    COL_NUMBER, COL_DATE, COL_PERSON, COL_SERVICE, COL_STATUS, COL_DUE, COL_LATE = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReferralRecord] = []
        self._headers = (
            self.tr("Nomor surat"), self.tr("Tanggal"), self.tr("Warga"), self.tr("Lembaga tujuan / layanan"),
            self.tr("Status"), self.tr("Batas jawaban"), self.tr("Keterlambatan"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: ReferralRecord, column: int) -> str:
        if column == self.COL_NUMBER:
            return record.number
        if column == self.COL_DATE:
            return format_date_short(record.letter_date)
        if column == self.COL_PERSON:
            return record.person_name
        if column == self.COL_SERVICE:
            return f"{record.organization} — {record.service_name}"
        if column == self.COL_STATUS:
            return label(STATUS_NAMES, record.status)
        if column == self.COL_DUE:
            return format_date_short(record.response_due) if record.response_due else ""
        if column == self.COL_LATE:
            return self.lateness_text(record)
        return ""

    def lateness_text(self, record: ReferralRecord) -> str:
        late = record.working_days_late
        if late is None:
            return ""
        if late > 0:
            return self.tr("%n hari kerja", "", late)
        if late == 0:
            return self.tr("Batas hari ini")
        return self.tr("%n hari kerja lagi", "", -late)

    def cell_sort(self, row: int, record: ReferralRecord, column: int) -> Any:
        if column == self.COL_NUMBER:
            return f"{record.letter_date.isoformat()} {record.number}"
        if column == self.COL_DATE:
            return f"{record.letter_date.isoformat()} {record.created_at.isoformat()}"
        if column == self.COL_STATUS:
            return STATUS_ORDER[record.status]
        if column == self.COL_DUE:
            return record.response_due.isoformat() if record.response_due else "9999"
        if column == self.COL_LATE:
            return -1_000_000 if record.working_days_late is None else record.working_days_late
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: ReferralRecord, column: int) -> str | None:
        if column in (self.COL_SERVICE, self.COL_PERSON):
            return f"{record.organization}\n{record.service_name}\n{record.requested_service}"
        if column in (self.COL_DUE, self.COL_LATE) and is_late(record):
            return self.tr("Lewat batas jawaban {n} hari kerja; hubungi lembaga tujuan.").format(
                n=record.working_days_late)
        return None

    def cell_background(self, row: int, record: ReferralRecord, column: int) -> Any:
        return QBrush(LATE_BACKGROUND) if is_late(record) else None

    def cell_foreground(self, row: int, record: ReferralRecord, column: int) -> Any:
        if is_late(record) and column in (self.COL_STATUS, self.COL_DUE, self.COL_LATE):
            return QBrush(LATE_FOREGROUND)
        return None
