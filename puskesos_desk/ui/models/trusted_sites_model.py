"""The trusted sites as a table (code, name, role, key fingerprint, since), and the role names they show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

from puskesos_desk.domain.records import TrustedSiteInfo
from puskesos_desk.services.context import local_zone
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.record_table_model import RecordTableModel

_CTX = "TrustedSites"  # the translation context these names have always had

ROLE_NAMES: dict[str, str] = {
    "desa": QT_TRANSLATE_NOOP("TrustedSites", "Desa/kelurahan"),
    "kabupaten": QT_TRANSLATE_NOOP("TrustedSites", "Kabupaten/kota"),
}


def role_label(role: str) -> str:
    source = ROLE_NAMES.get(str(role))
    return QCoreApplication.translate(_CTX, source) if source else str(role)


def fixed_font() -> QFont:
    """Fingerprints are compared character by character: a fixed-width font keeps 0/O and 1/I apart."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class TrustedSitesTableModel(RecordTableModel[TrustedSiteInfo]):
    COL_CODE, COL_NAME, COL_ROLE, COL_FINGERPRINT, COL_SINCE = range(5)

    def headers(self) -> Sequence[str]:
        return (self.tr("Kode"), self.tr("Nama"), self.tr("Peran"), self.tr("Sidik jari"), self.tr("Sejak"))

    def cell_text(self, row: int, record: TrustedSiteInfo, column: int) -> str:
        if column == self.COL_CODE:
            return record.code
        if column == self.COL_NAME:
            return record.name
        if column == self.COL_ROLE:
            return role_label(record.role)
        if column == self.COL_FINGERPRINT:
            return record.fingerprint
        return format_date_short(record.trusted_at.astimezone(local_zone()).date())

    def cell_sort(self, row: int, record: TrustedSiteInfo, column: int) -> object:
        return record.trusted_at.isoformat() if column == self.COL_SINCE else self.cell_text(row, record, column)

    def cell_tooltip(self, row: int, record: TrustedSiteInfo, column: int) -> str | None:
        return record.name if column == self.COL_NAME else None

    def cell_font(self, row: int, record: TrustedSiteInfo, column: int) -> object:
        return fixed_font() if column == self.COL_FINGERPRINT else None
