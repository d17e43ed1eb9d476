"""Reading and hand-editing package workbooks the way a person with a spreadsheet program would (openpyxl)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet


def header_index(sheet: Worksheet) -> dict[str, int]:
    """Header text → 1-based column number."""
    return {str(cell.value): cell.column for cell in sheet[1] if cell.value is not None}


def rows_of(path: Path, sheet: str) -> list[dict[str, Any]]:
    """The data rows of a sheet as {header: value}, in file order."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    if not rows:
        return []
    headers = [str(h) for h in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:] if any(v is not None for v in row)]


def edit(source: Path, target: Path, change: Callable[[openpyxl.Workbook], None]) -> Path:
    """Open `source`, let `change` edit the workbook, save as `target` (a hand edit in a spreadsheet program)."""
    workbook = openpyxl.load_workbook(source)
    change(workbook)
    workbook.save(target)
    return target


def set_cells(source: Path, target: Path, sheet: str, row: int, values: Mapping[str, Any]) -> Path:
    """Set cells of one data row (2 = first data row) by header."""

    def change(workbook: openpyxl.Workbook) -> None:
        ws = workbook[sheet]
        columns = header_index(ws)
        for header, value in values.items():
            ws.cell(row=row, column=columns[header]).value = value

    return edit(source, target, change)


def find_row(path: Path, sheet: str, header: str, value: Any) -> int:
    """The row number (2 = first data row) whose `header` cell equals `value`."""
    for number, row in enumerate(rows_of(path, sheet), start=2):
        if row.get(header) == value:
            return number
    raise LookupError(f"{sheet}: no row with {header} = {value!r}")
