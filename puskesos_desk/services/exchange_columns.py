"""The exchange sheets as the writer lays them out and the importer reads them back.

domain.exchange_sheets says what each sheet carries and in which order rows are hashed; this module adds what only
a running site knows (the codes behind each dropdown) and converts between database rows and cells:
- `SheetPlan.cells(record)` → the cells of one row, its system columns and row hash included;
- `SheetPlan.values(cells)` → field values and the problems of cells that cannot mean a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, tzinfo
from functools import cache, cached_property
from typing import Any

from puskesos_desk.data.repositories import exchange_rows
from puskesos_desk.domain import enums
from puskesos_desk.domain.canonical import canonical_value, row_hash
from puskesos_desk.domain.exchange_cells import CellProblem, to_cell
from puskesos_desk.domain.exchange_intake import field_values, readers_of
from puskesos_desk.domain.exchange_sheets import (
    HUMAN_NUMBER_FIELD,
    LEADING_SYSTEM_KEYS,
    ROW_HASH_HEADER,
    ROW_HASH_KEY,
    SYSTEM_COLUMNS,
    Column,
    ColumnKind,
    SheetSpec,
)
from puskesos_desk.spreadsheet import columns as xl

K = ColumnKind

_WRITER_KIND = {
    K.TEXT: xl.ColumnKind.TEXT, K.ID_TEXT: xl.ColumnKind.ID_TEXT, K.REF: xl.ColumnKind.TEXT,
    K.INT: xl.ColumnKind.INT, K.DECIMAL: xl.ColumnKind.DECIMAL, K.DATE: xl.ColumnKind.DATE,
    K.DATETIME: xl.ColumnKind.TEXT,  # written as ISO text by to_cell, so the writer sees text
    K.BOOL: xl.ColumnKind.BOOL, K.ENUM: xl.ColumnKind.ENUM, K.LIST: xl.ColumnKind.TEXT, K.JSON: xl.ColumnKind.TEXT,
}
_WIDTHS = {K.REF: 38.0, K.JSON: 40.0, K.DATETIME: 27.0}


def choice_names(specs: tuple[SheetSpec, ...]) -> set[str]:
    """The value lists the sheets name that are not enums of the code (those are read from the database)."""
    return {c.choices for spec in specs for c in spec.columns if c.choices and not hasattr(enums, c.choices)}


def resolve_choices(name: str, code_sets: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    enum = getattr(enums, name, None)
    if enum is not None:
        return tuple(member.value for member in enum)
    return tuple(code_sets.get(name, ()))


@dataclass(frozen=True)
class SheetPlan:
    spec: SheetSpec
    choices: dict[str, tuple[str, ...]]  # column key → allowed codes (ENUM and LIST columns with a known list)
    zone: tzinfo  # moments are written in the sender's local time, with their offset

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return SYSTEM_COLUMNS + self.spec.columns

    @cached_property
    def lengths(self) -> dict[str, int]:
        """column key → the longest text the receiving table takes (its system and own text columns)."""
        limits = exchange_rows.text_limits(self.spec.table)
        return {c.key: limits[c.key] for c in self.all_columns
                if c.kind in (K.TEXT, K.ID_TEXT) and c.key in limits}

    @property
    def number_field(self) -> str | None:
        table = self.spec.table
        if table in HUMAN_NUMBER_FIELD:
            return HUMAN_NUMBER_FIELD[table]
        return "number" if _has_number_column(table) else None

    def writer_columns(self) -> tuple[xl.Column, ...]:
        """The columns in sheet order: ID and NOMOR, the sheet's own, then the technical ones and the row hash."""
        by_key = {c.key: c for c in self.all_columns}
        leading = [by_key[key] for key in LEADING_SYSTEM_KEYS]
        trailing = [c for c in SYSTEM_COLUMNS if c.key not in LEADING_SYSTEM_KEYS]
        ordered = [*leading, *self.spec.columns, *trailing]
        written = [self._writer_column(column) for column in ordered]
        written.append(xl.Column(ROW_HASH_KEY, ROW_HASH_HEADER, xl.ColumnKind.TEXT, width=20.0,
                                 help="Sidik isi baris saat paket dibuat; jangan diubah."))
        return tuple(written)

    def _writer_column(self, column: Column) -> xl.Column:
        kind = _WRITER_KIND[column.kind]
        choices = self.choices.get(column.key, ()) if column.kind is K.ENUM else ()
        if kind is xl.ColumnKind.ENUM and not choices:
            kind = xl.ColumnKind.TEXT  # a free code with no list: no dropdown
        help_text = column.help
        if column.kind is K.LIST and self.choices.get(column.key):
            help_text = (help_text + " " if help_text else "") + "Beberapa kode dipisah titik koma (;)."
        return xl.Column(column.key, column.header, kind, width=_WIDTHS.get(column.kind), choices=choices,
                         help=help_text, required=column.required)

    # --- database row → cells ---------------------------------------------------------------------------------

    def cells(self, record: Mapping[str, Any], base_version: int) -> dict[str, object]:
        """The cells of one record's row (keys as in writer_columns), with its row hash."""
        cells: dict[str, object] = {}
        for column in self.spec.columns:
            cells[column.key] = to_cell(column.kind, record.get(column.key), self.zone)
        number_field = self.number_field
        cells["id"] = record["id"]
        cells["number"] = to_cell(K.TEXT, record.get(number_field)) if number_field else None
        cells["row_version"] = record["row_version"]
        cells["base_version"] = base_version
        cells["deleted_at"] = to_cell(K.DATETIME, record.get("deleted_at"), self.zone)
        cells["created_at"] = to_cell(K.DATETIME, record.get("created_at"), self.zone)
        cells["origin_site"] = record.get("origin_site") or None
        cells[ROW_HASH_KEY] = row_hash(self.spec.name, self.hash_keys, cells)
        return cells

    def content_key(self, record: Mapping[str, Any]) -> tuple[str, ...]:
        """What a record says, field by field, in canonical form: two records with equal keys say the same. Covers
        the sheet's own fields, the human number and the deletion; not versions or bookkeeping."""
        parts = [_canonical(column.kind, record.get(column.key)) for column in self.spec.columns]
        if self.number_field == "number":
            parts.append(_canonical(K.TEXT, record.get("number")))
        parts.append("" if record.get("deleted_at") is None else "deleted")
        return tuple(parts)

    # --- cells → field values ---------------------------------------------------------------------------------

    @cached_property
    def _readers(self) -> tuple[tuple[str, ColumnKind, bool], ...]:
        return readers_of(self.spec)

    def values(self, cells: Mapping[str, object]) -> tuple[dict[str, Any], dict[str, CellProblem]]:
        """The record's field values from a row's cells, and the problems of cells that cannot mean a value."""
        return field_values(self._readers, self.number_field, cells)

    @cached_property
    def headers(self) -> dict[str, str]:
        """column key → the header people see."""
        return {c.key: c.header for c in self.all_columns}

    @cached_property
    def hash_keys(self) -> tuple[str, ...]:
        return self.spec.keys



def _canonical(kind: ColumnKind, value: object) -> str:
    return canonical_value(to_cell(kind, value, UTC))


@cache
def _has_number_column(table: str) -> bool:
    return "number" in exchange_rows.columns_of(table)
