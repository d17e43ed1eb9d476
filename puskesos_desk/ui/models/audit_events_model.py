"""The Audit screen's list: one audit event a row, newest first, with the translated name of its action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from puskesos_desk.domain.audit_log import AuditRow, entity_label, summary
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short, format_time
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "AuditLabels"
A = AuditAction
# The same words as domain/audit_log.ACTION_LABELS (what the CLI prints), marked here for translation.
ACTION_NAMES: dict[str, str] = {
    A.CREATE: QT_TRANSLATE_NOOP("AuditLabels", "Buat data"),
    A.UPDATE: QT_TRANSLATE_NOOP("AuditLabels", "Ubah data"),
    A.DELETE: QT_TRANSLATE_NOOP("AuditLabels", "Hapus data"),
    A.LOGIN: QT_TRANSLATE_NOOP("AuditLabels", "Masuk"),
    A.LOGIN_FAILED: QT_TRANSLATE_NOOP("AuditLabels", "Gagal masuk"),
    A.LOGOUT: QT_TRANSLATE_NOOP("AuditLabels", "Keluar"),
    A.VIEW_SENSITIVE: QT_TRANSLATE_NOOP("AuditLabels", "Lihat data spesifik"),
    A.UNMASK: QT_TRANSLATE_NOOP("AuditLabels", "Buka samaran NIK/KK"),
    A.PRINT: QT_TRANSLATE_NOOP("AuditLabels", "Cetak"),
    A.EXPORT: QT_TRANSLATE_NOOP("AuditLabels", "Ekspor"),
    A.IMPORT: QT_TRANSLATE_NOOP("AuditLabels", "Impor"),
    A.SIGN: QT_TRANSLATE_NOOP("AuditLabels", "Tanda tangan"),
    A.STATUS_CHANGE: QT_TRANSLATE_NOOP("AuditLabels", "Ubah status"),
    A.OVERRIDE_VALIDATION: QT_TRANSLATE_NOOP("AuditLabels", "Abaikan peringatan validasi"),
    A.PURGE: QT_TRANSLATE_NOOP("AuditLabels", "Hapus permanen"),
    A.SITE_INIT: QT_TRANSLATE_NOOP("AuditLabels", "Penyiapan situs"),
    A.SEED: QT_TRANSLATE_NOOP("AuditLabels", "Muat data rujukan"),
    A.MIGRATE: QT_TRANSLATE_NOOP("AuditLabels", "Pembaruan basis data"),
    A.BACKUP: QT_TRANSLATE_NOOP("AuditLabels", "Cadangan"),
    A.SESSION_LOCK: QT_TRANSLATE_NOOP("AuditLabels", "Layar terkunci"),
    A.SESSION_UNLOCK: QT_TRANSLATE_NOOP("AuditLabels", "Layar dibuka"),
    A.PASSWORD_CHANGE: QT_TRANSLATE_NOOP("AuditLabels", "Ganti kata sandi"),
    A.AUDIT_VERIFY: QT_TRANSLATE_NOOP("AuditLabels", "Periksa keutuhan log"),
    A.SUBJECT_ACCESS: QT_TRANSLATE_NOOP("AuditLabels", "Permintaan data pribadi"),
    A.BREACH_NOTICE: QT_TRANSLATE_NOOP("AuditLabels", "Pemberitahuan kebocoran"),
}


def action_name(action: str) -> str:
    source = ACTION_NAMES.get(action)
    return QCoreApplication.translate(_CTX, source) if source else action


def local_moment(row: AuditRow) -> str:
    moment = row.occurred_at.astimezone(local_zone())
    return f"{format_date_short(moment.date())} {format_time(moment)}:{moment.second:02d}"


class AuditEventsModel(RecordTableModel[AuditRow]):
    COL_SEQ, COL_TIME, COL_ACTOR, COL_ACTION, COL_RECORD, COL_SUMMARY = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("No."), self.tr("Waktu"), self.tr("Pengguna"), self.tr("Aksi"), self.tr("Data"),
                         self.tr("Ringkasan"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def append_rows(self, rows: list[AuditRow]) -> None:
        """The next page under the rows already shown ("Muat lebih banyak")."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(self.index(0, 0).parent(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def cell_text(self, row: int, record: AuditRow, column: int) -> str:
        if column == self.COL_SEQ:
            return str(record.seq)
        if column == self.COL_TIME:
            return local_moment(record)
        if column == self.COL_ACTOR:
            return record.actor_name
        if column == self.COL_ACTION:
            return action_name(record.action)
        if column == self.COL_RECORD:
            return f"{entity_label(record.entity)} {(record.entity_id or '')[:8]}".strip()
        if column == self.COL_SUMMARY:
            return summary(record)
        return ""

    def cell_sort(self, row: int, record: AuditRow, column: int) -> Any:
        if column in (self.COL_SEQ, self.COL_TIME):
            return record.seq
        return self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: AuditRow, column: int) -> str | None:
        if column == self.COL_RECORD and record.entity_id:
            return f"{record.entity} {record.entity_id}"
        if column == self.COL_ACTOR:
            return f"{record.actor_name} ({record.actor_id}) — {record.device}"
        return None
