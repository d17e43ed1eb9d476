"""The column mapping of an extract file, for the officer to confirm: each source header, the field it is read as
(a combo to change it; unknown columns are "diabaikan"), and a few sample values (NIK and No. KK masked).

A field is read from one column only: choosing it for a column sets the column that had it to "diabaikan".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from puskesos_desk.domain.extract_layout import FIELD_KEYS, PROGRAM_PREFIX, REQUIRED_FIELDS
from puskesos_desk.domain.extract_records import ExtractPreview
from puskesos_desk.ui.models.record_table_model import RecordTableModel

IGNORED = ""  # the field key of a column that is not read
AMBIGUOUS_BACKGROUND = QColor("#fff4d6")
REQUIRED_FOREGROUND = QColor("#1c5d99")

_CTX = "ExtractMappingTableModel"
FIELD_NAMES: dict[str, str] = {
    "nik": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "NIK"),
    "name": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Nama"),
    "kk_number": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "No. KK"),
    "birth_date": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Tanggal lahir"),
    "birth_place": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Tempat lahir"),
    "sex": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Jenis kelamin"),
    "relation": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Hubungan keluarga"),
    "address": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Alamat"),
    "rt": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "RT"),
    "rw": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "RW"),
    "village_code": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Kode desa/kelurahan"),
    "village_name": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Desa/kelurahan"),
    "district_name": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Kecamatan"),
    "desil_national": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Desil nasional"),
    "desil_province": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Desil provinsi"),
    "desil_regency": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Desil kabupaten/kota"),
    "family_id": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "ID keluarga"),
    "register_person_id": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "ID DTKS/DTSEN orang"),
    "remarks": QT_TRANSLATE_NOOP("ExtractMappingTableModel", "Keterangan"),
}
SAMPLES_SHOWN = 3


def field_label(key: str) -> str:
    """What a field key is called on screen: "Tanggal lahir", "Bansos PKH", "(diabaikan)"."""
    if key == IGNORED:
        return QCoreApplication.translate("ExtractMappingTableModel", "(diabaikan)")
    if key.startswith(PROGRAM_PREFIX):
        program = key[len(PROGRAM_PREFIX):].replace("_", " ")
        return QCoreApplication.translate("ExtractMappingTableModel", "Bansos {program}").format(program=program)
    return QCoreApplication.translate(_CTX, FIELD_NAMES[key]) if key in FIELD_NAMES else key


@dataclass(frozen=True, slots=True)
class MappingRow:
    header: str  # as it stands in the file
    field: str  # field key, IGNORED when the column is not read
    samples: tuple[str, ...] = ()
    ambiguous: bool = False  # another column could be this field too


def mapping_rows(preview: ExtractPreview) -> list[MappingRow]:
    """Every header of the file in column order (the sample rows keep it), mapped or not."""
    mapping = preview.mapping
    headers = list(preview.sample[0]) if preview.sample else [*mapping.headers, *mapping.unknown]
    for header in (*mapping.headers, *mapping.unknown):
        if header not in headers:
            headers.append(header)
    doubtful = {header for choices in mapping.ambiguous.values() for header in choices}
    rows = []
    for header in headers:
        samples = tuple(value for row in preview.sample if (value := row.get(header, "")))[:SAMPLES_SHOWN]
        rows.append(MappingRow(header=header, field=mapping.headers.get(header, IGNORED), samples=samples,
                               ambiguous=header in doubtful))
    return rows


class ExtractMappingTableModel(RecordTableModel[MappingRow]):
    COL_HEADER, COL_FIELD, COL_SAMPLE = range(3)
    mapping_changed = Signal()  # the officer chose another field for a column

    def headers(self) -> Sequence[str]:
        return self.tr("Kolom di berkas"), self.tr("Dibaca sebagai"), self.tr("Contoh isi")

    def cell_text(self, row: int, record: MappingRow, column: int) -> str:
        if column == self.COL_HEADER:
            return record.header
        if column == self.COL_FIELD:
            return field_label(record.field)
        if column == self.COL_SAMPLE:
            return " · ".join(record.samples)
        return ""

    def cell_foreground(self, row: int, record: MappingRow, column: int) -> Any:
        if column == self.COL_FIELD and record.field in REQUIRED_FIELDS:
            return REQUIRED_FOREGROUND
        if column == self.COL_FIELD and record.field == IGNORED:
            return QColor("#52606d")
        return None

    def cell_background(self, row: int, record: MappingRow, column: int) -> Any:
        return AMBIGUOUS_BACKGROUND if record.ambiguous else None

    def cell_tooltip(self, row: int, record: MappingRow, column: int) -> str | None:
        if record.ambiguous:
            return self.tr("Kolom lain juga cocok untuk isian ini; pastikan pilihannya benar.")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_FIELD:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.COL_FIELD \
                and 0 <= index.row() < self.rowCount():
            return self.row_item(index.row()).field
        return super().data(index, role)  # type: ignore[arg-type]

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.COL_FIELD:
            return False
        key = str(value or IGNORED)
        if key != IGNORED and key not in FIELD_KEYS:
            return False
        if self.row_item(index.row()).field == key:
            return True
        self.choose(index.row(), key)
        return True

    def choose(self, row: int, key: str) -> None:
        """Read column `row` as `key`; a column that had `key` before is ignored from now on."""
        rows = self._rows
        for other, record in enumerate(rows):
            if other != row and key != IGNORED and record.field == key:
                rows[other] = replace(record, field=IGNORED, ambiguous=False)
                self._changed(other)
        rows[row] = replace(rows[row], field=key, ambiguous=False)
        self._changed(row)
        self.mapping_changed.emit()

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def mapping(self) -> dict[str, str]:
        """Source header → field key for every column ("" for the ignored ones), as the import takes it."""
        return {record.header: record.field for record in self._rows}


class FieldComboDelegate(QStyledItemDelegate):
    """A combo of every field in the "Dibaca sebagai" column; a choice is written to the model at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Dibaca sebagai"))
        combo.addItem(field_label(IGNORED), IGNORED)
        for key in FIELD_KEYS:
            combo.addItem(field_label(key), key)
        combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        return combo

    def _on_combo_current_index_changed(self, _index: int) -> None:
        editor = self.sender()
        if isinstance(editor, QComboBox):
            self.commitData.emit(editor)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            if position != editor.currentIndex():
                editor.blockSignals(True)
                editor.setCurrentIndex(max(position, 0))
                editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
