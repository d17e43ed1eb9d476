"""What an import needs from one row of a data sheet, before it looks at the receiver's database: the row's
cells by column key, its row hash, its field values, the findings of the row checks, and the fields a receiver
derives itself.

The reader process runs this while the importer applies the previous batch (spreadsheet/child.py `intake`), so
the two cores share an import; everything here is pure and takes plain values, so it can run on either side.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from puskesos_desk.domain.canonical import row_hash
from puskesos_desk.domain.exchange_cells import CellProblem, from_cell
from puskesos_desk.domain.exchange_sheets import (
    DISTRICT_SHEETS,
    ROW_HASH_HEADER,
    ROW_HASH_KEY,
    SYSTEM_COLUMNS,
    VILLAGE_SHEETS,
    ColumnKind,
    SheetSpec,
)
from puskesos_desk.domain.exchange_validation import RowChecker, checked_nik
from puskesos_desk.domain.names import normalize_name

K = ColumnKind
PLAIN_TEXT = frozenset({K.TEXT, K.ID_TEXT, K.REF, K.ENUM})  # from_cell keeps a text cell of these as stripped text
Finding3 = tuple[str | None, str, str]  # (column key, code, message): a Finding as it crosses the process boundary


def spec_named(name: str) -> SheetSpec:
    for spec in (*VILLAGE_SHEETS, *DISTRICT_SHEETS):
        if spec.name == name:
            return spec
    raise KeyError(name)


def header_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a program that turned a text "7" into the number 7
    return str(value).strip()


def column_positions(header: Iterable[object], by_header: Mapping[str, str]) -> tuple[tuple[int, str], ...]:
    """(column index, column key) for the headers a sheet has, matched in any case; the first of repeated
    headers wins and unknown ones are ignored (people add their own columns)."""
    found: list[tuple[int, str]] = []
    taken: set[str] = set()
    for index, value in enumerate(header):
        key = by_header.get(header_text(value).upper()) if value is not None else None
        if key is not None and key not in taken:
            found.append((index, key))
            taken.add(key)
    return tuple(found)


def is_empty(cells: Mapping[str, object]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in cells.values())


def field_values(readers: tuple[tuple[str, ColumnKind, bool], ...], number_field: str | None,
                 cells: Mapping[str, object]) -> tuple[dict[str, Any], dict[str, CellProblem]]:
    """The record's field values from a row's cells, and the problems of cells that cannot mean a value.
    `readers`: (key, kind, plain text?) per column, system columns first."""
    values: dict[str, Any] = {}
    problems: dict[str, CellProblem] = {}
    for key, kind, plain_text in readers:
        cell = cells.get(key)
        # The common cases, inlined (from_cell gives the same): text stays text, stripped; an empty cell is
        # empty; an integral number in an INT column and a date in a DATE column are themselves.
        cell_type = type(cell)
        if cell_type is str and plain_text:
            values[key] = cell.strip() or None
            continue
        if cell is None:
            values[key] = [] if kind is K.LIST else None
            continue
        if (cell_type is int and kind is K.INT) or (cell_type is date and kind is K.DATE):
            values[key] = cell
            continue
        result = from_cell(kind, cell)
        if isinstance(result, CellProblem):
            problems[key] = result
        else:
            values[key] = result
    number = values.pop("number", None)
    if number_field == "number":
        values["number"] = number
    return values, problems


def readers_of(spec: SheetSpec) -> tuple[tuple[str, ColumnKind, bool], ...]:
    return tuple((c.key, c.kind, c.kind in PLAIN_TEXT) for c in (*SYSTEM_COLUMNS, *spec.columns))


def derived_fields(table: str, values: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Fields a receiver derives itself rather than trusting a cell (LOCAL_ONLY in exchange_sheets) that come from
    the row checks: made where the checks run (the reader process), from the same NIK check."""
    if table != "person":
        return _NOTHING_DERIVED
    nik = values.get("nik")
    warnings = tuple(f.message for f in checked_nik(str(nik), today).warnings) if nik else ()
    if not warnings:
        return _CLEAN_NIK
    return {"nik_check": {"warnings": warnings}}  # stored as JSON: the tuple is a list there


# Shared by every row they fit (never changed): pickled once per batch, not once per row, so that an importer does
# not get two more containers per person row for its collector to walk (see RowIntake.take).
_NOTHING_DERIVED: dict[str, Any] = {}
_CLEAN_NIK: dict[str, Any] = {"nik_check": {"warnings": ()}}


def written_fields(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The other derived fields, made by the importer only for the rows it writes. A person's search key is a
    fifth of what the reader does for a person row, and the importer waits for the reader on that sheet
    (benchmarks/exchange_import.py), while an identical or rejected row needs no key at all."""
    if table != "person":
        return {}
    return {"name_key": normalize_name(str(values.get("name") or ""))}


class RowIntake:
    """One sheet's rows turned into what the import needs, row by row, after its header row."""

    def __init__(self, spec: SheetSpec, choices: Mapping[str, tuple[str, ...]], *, number_field: str | None,
                 today: date, now: datetime, lengths: Mapping[str, int] | None = None) -> None:
        self.spec = spec
        self.number_field = number_field
        self.today = today
        self.readers = readers_of(spec)
        self.hash_keys = spec.keys  # a property that builds the tuple: once per sheet, not per row
        self.checker = RowChecker(spec, choices, today=today, now=now, lengths=lengths)
        self.by_header = {c.header: c.key for c in (*SYSTEM_COLUMNS, *spec.columns)} | {ROW_HASH_HEADER: ROW_HASH_KEY}
        self.positions: tuple[tuple[int, str], ...] | None = None

    def take(self, row: tuple[object, ...]) -> tuple[str, dict[str, Any], tuple[Finding3, ...], dict[str, Any]] | None:
        """(row hash, values, findings, derived fields) of a data row; None for the header row and empty rows.

        Findings and NIK warnings are tuples: almost always empty, and the empty tuple is one shared object the
        cyclic collector never tracks. An importing desk collects on its GUI thread, and each tracked object a row
        brings along lengthens those pauses (benchmarks/gui_stalls.py)."""
        if self.positions is None:
            self.positions = column_positions(row, self.by_header)
            return None
        width = len(row)
        cells = {key: row[index] for index, key in self.positions if index < width}
        if is_empty(cells):
            return None
        try:
            digest = row_hash(self.spec.name, self.hash_keys, cells)
        except TypeError:  # a cell of `inf` or `NaN`: no writer of ours makes one, so the row was edited
            digest = ""
        values, problems = field_values(self.readers, self.number_field, cells)
        findings = tuple((f.key, f.code, f.message) for f in self.checker.check(values, problems))
        if not digest:
            key = next((k for k, v in cells.items() if isinstance(v, float) and not math.isfinite(v)), None)
            findings += ((key, "ANGKA_TIDAK_SAH", "Sel ini berisi angka tak hingga atau bukan angka (inf/NaN); "
                                                     "baris ini tidak dapat dibaca. Minta pengirim mengirim ulang."),)
        return digest, values, findings, derived_fields(self.spec.table, values, self.today)
