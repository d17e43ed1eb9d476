"""The "Tugas hari ini" worklist: open complaints, needs, proposals and change requests that are due."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QBrush, QFont

from puskesos_desk.domain.enums import ChangeKind, NeedStatus, ProposalKind, ProposalStatus, ReferralStatus, Urgency
from puskesos_desk.domain.followup import TaskItem, TaskKind, TaskState
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.complaints_model import (
    LATE_FOREGROUND,
    STATUS_NAMES,
    URGENCY_NAMES,
    URGENT_BACKGROUND,
    label,
)
from puskesos_desk.ui.models.record_table_model import RecordTableModel

TASK_KIND_NAMES: dict[str, str] = {
    TaskKind.KELUHAN: QT_TRANSLATE_NOOP("CaseLabels", "Keluhan"),
    TaskKind.KEBUTUHAN: QT_TRANSLATE_NOOP("CaseLabels", "Kebutuhan"),
    TaskKind.USULAN: QT_TRANSLATE_NOOP("CaseLabels", "Usulan DTSEN"),
    TaskKind.PERUBAHAN: QT_TRANSLATE_NOOP("CaseLabels", "Perubahan keluarga"),
    TaskKind.RUJUKAN: QT_TRANSLATE_NOOP("CaseLabels", "Rujukan"),
}
TOPIC_NAMES: dict[str, str] = {
    ProposalKind.BARU: QT_TRANSLATE_NOOP("CaseLabels", "Usulan baru"),
    ProposalKind.PERBAIKAN_DATA: QT_TRANSLATE_NOOP("CaseLabels", "Perbaikan data"),
    ProposalKind.SANGGAH: QT_TRANSLATE_NOOP("CaseLabels", "Sanggahan"),
    ChangeKind.TAMBAH_ANGGOTA: QT_TRANSLATE_NOOP("CaseLabels", "Tambah anggota"),
    ChangeKind.KELUARKAN_ANGGOTA: QT_TRANSLATE_NOOP("CaseLabels", "Keluarkan anggota"),
    ChangeKind.GANTI_KEPALA: QT_TRANSLATE_NOOP("CaseLabels", "Ganti kepala keluarga"),
    ChangeKind.PISAH_KK: QT_TRANSLATE_NOOP("CaseLabels", "Pisah KK"),
    ChangeKind.PINDAH: QT_TRANSLATE_NOOP("CaseLabels", "Pindah"),
    ChangeKind.MENINGGAL: QT_TRANSLATE_NOOP("CaseLabels", "Meninggal"),
}
OTHER_STATUS_NAMES: dict[str, str] = {
    NeedStatus.TERIDENTIFIKASI: QT_TRANSLATE_NOOP("CaseLabels", "Teridentifikasi"),
    NeedStatus.DIRUJUK: QT_TRANSLATE_NOOP("CaseLabels", "Dirujuk"),
    ProposalStatus.DRAFT: QT_TRANSLATE_NOOP("CaseLabels", "Draf"),
    ProposalStatus.SIAP_MUSDES: QT_TRANSLATE_NOOP("CaseLabels", "Siap musdes"),
    ProposalStatus.DIAJUKAN: QT_TRANSLATE_NOOP("CaseLabels", "Diajukan ke operator SIKS-NG"),
    "MENUNGGU": QT_TRANSLATE_NOOP("CaseLabels", "Menunggu persetujuan"),
    # A referral is on the worklist while the receiving office owes an answer.
    ReferralStatus.DIKIRIM: QT_TRANSLATE_NOOP("CaseLabels", "Dikirim, menunggu jawaban"),
    ReferralStatus.TIDAK_ADA_KABAR: QT_TRANSLATE_NOOP("CaseLabels", "Tidak ada kabar"),
}


class TasksTableModel(RecordTableModel[TaskItem]):
    COL_URGENCY, COL_KIND, COL_NUMBER, COL_HOUSEHOLD, COL_TOPIC, COL_DUE, COL_STATE, COL_STATUS = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskItem] = []
        self._headers = (
            self.tr("Urgensi"), self.tr("Jenis"), self.tr("Nomor"), self.tr("Keluarga"), self.tr("Perihal"),
            self.tr("Jatuh tempo"), self.tr("Keadaan"), self.tr("Status"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, row: int, record: TaskItem, column: int) -> str:
        return self._display(record, column)

    def cell_sort(self, row: int, record: TaskItem, column: int) -> Any:
        return self._sort_value(record, column)

    def cell_tooltip(self, row: int, record: TaskItem, column: int) -> str | None:
        return record.summary or None

    def cell_background(self, row: int, record: TaskItem, column: int) -> Any:
        return QBrush(URGENT_BACKGROUND) if record.urgency is Urgency.DARURAT else None

    def cell_foreground(self, row: int, record: TaskItem, column: int) -> Any:
        late = record.state is TaskState.TERLAMBAT and column in (self.COL_DUE, self.COL_STATE)
        return QBrush(LATE_FOREGROUND) if late else None

    def cell_font(self, row: int, record: TaskItem, column: int) -> Any:
        if column != self.COL_URGENCY or record.urgency is not Urgency.DARURAT:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def state_text(self, task: TaskItem) -> str:
        if task.state is TaskState.TERLAMBAT:
            return self.tr("Terlambat %n hari kerja", "", task.working_days_late)
        if task.state is TaskState.HARI_INI:
            return self.tr("Jatuh tempo hari ini")
        return self.tr("%n hari kerja lagi", "", -task.working_days_late)

    def _display(self, task: TaskItem, column: int) -> str:
        if column == self.COL_URGENCY:
            return label(URGENCY_NAMES, task.urgency)
        if column == self.COL_KIND:
            return label(TASK_KIND_NAMES, task.kind)
        if column == self.COL_NUMBER:
            return task.number
        if column == self.COL_HOUSEHOLD:
            return task.household_name
        if column == self.COL_TOPIC:
            return task.topic_label(current_language()) or label(TOPIC_NAMES, task.topic_code)
        if column == self.COL_DUE:
            return format_date_short(task.due_date) if task.due_date else ""
        if column == self.COL_STATE:
            return self.state_text(task)
        if column == self.COL_STATUS:
            names = STATUS_NAMES if task.kind is TaskKind.KELUHAN else OTHER_STATUS_NAMES
            return label(names, task.status)
        return ""

    def _sort_value(self, task: TaskItem, column: int) -> Any:
        if column in (self.COL_URGENCY, self.COL_STATE):
            group, minus_late, rank, _number = task.sort_key
            return (group * 100_000 + 50_000 + minus_late) * 10 + rank
        if column == self.COL_DUE:
            return task.due_date.isoformat() if task.due_date else "9999"
        return self._display(task, column)
