"""The "Tugas hari ini" worklist: open complaints, needs, proposals and change requests that are due."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QFont

from puskesos_desk.domain.enums import ChangeKind, NeedStatus, ProposalKind, ProposalStatus, Urgency
from puskesos_desk.domain.followup import TaskItem, TaskKind, TaskState
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.complaints_model import (
    LATE_FOREGROUND,
    ROW_ROLE,
    SORT_ROLE,
    STATUS_NAMES,
    URGENCY_NAMES,
    URGENT_BACKGROUND,
    label,
)

TASK_KIND_NAMES: dict[str, str] = {
    TaskKind.KELUHAN: QT_TRANSLATE_NOOP("CaseLabels", "Keluhan"),
    TaskKind.KEBUTUHAN: QT_TRANSLATE_NOOP("CaseLabels", "Kebutuhan"),
    TaskKind.USULAN: QT_TRANSLATE_NOOP("CaseLabels", "Usulan DTSEN"),
    TaskKind.PERUBAHAN: QT_TRANSLATE_NOOP("CaseLabels", "Perubahan keluarga"),
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
}


class TasksTableModel(QAbstractTableModel):
    COL_URGENCY, COL_KIND, COL_NUMBER, COL_HOUSEHOLD, COL_TOPIC, COL_DUE, COL_STATE, COL_STATUS = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskItem] = []
        self._headers = (
            self.tr("Urgensi"), self.tr("Jenis"), self.tr("Nomor"), self.tr("Keluarga"), self.tr("Perihal"),
            self.tr("Jatuh tempo"), self.tr("Keadaan"), self.tr("Status"),
        )

    def set_rows(self, rows: list[TaskItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> TaskItem:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == SORT_ROLE:
            return self._sort_value(task, column)
        if role == ROW_ROLE:
            return task
        if role == Qt.ItemDataRole.ToolTipRole:
            return task.summary or None
        if role == Qt.ItemDataRole.BackgroundRole and task.urgency is Urgency.DARURAT:
            return QBrush(URGENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and task.state is TaskState.TERLAMBAT \
                and column in (self.COL_DUE, self.COL_STATE):
            return QBrush(LATE_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_URGENCY and task.urgency is Urgency.DARURAT:
            font = QFont()
            font.setBold(True)
            return font
        return None

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
