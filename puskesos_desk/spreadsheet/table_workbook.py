"""Plain tables as an .xlsx: a cover sheet of label/value facts, then one sheet per table (a resident's data copy,
the list of persons a breach touched).

The same safety rules as the other writers: strings are never turned into formulas, numbers or links (a NIK stays
text, a complaint typed "=1+1" stays text), and rows stream through a private temporary folder that is removed
when the workbook is closed, because the files carry personal data in clear.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from puskesos_desk.domain.reports import CellKind, ReportTable

COVER_SHEET = "Sampul"
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": "dd-mm-yyyy"}


def _write_cell(sheet: Worksheet, row: int, column: int, value: object, formats: dict[str, object]) -> None:
    if value is None or value == "":
        sheet.write_blank(row, column, None, formats["text"])
    elif isinstance(value, datetime):
        moment = value.replace(tzinfo=None)  # already the local time the reader expects
        sheet.write_datetime(row, column, moment, formats["moment"])
    elif isinstance(value, date):
        sheet.write_datetime(row, column, datetime(value.year, value.month, value.day), formats["date"])
    elif isinstance(value, bool):
        sheet.write_string(row, column, "Ya" if value else "Tidak", formats["text"])
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value, formats["number"])
    else:
        sheet.write_string(row, column, str(value), formats["text"])


def write_table_workbook(path: Path, *, title: str, facts: Sequence[tuple[str, str]],
                         sheets: Sequence[tuple[str, str, ReportTable]], made_at: datetime) -> None:
    """`sheets` are (sheet name, heading, table) in order, after the cover; names must be unique Excel names."""
    with tempfile.TemporaryDirectory(prefix="puskesos-table-") as private:  # mode 0700: personal data in clear
        workbook = xlsxwriter.Workbook(str(path), {**_OPTIONS, "tmpdir": private})
        try:
            workbook.set_properties({"title": title, "author": "Puskesos Desk",
                                     "created": made_at.astimezone(UTC).replace(tzinfo=None)})
            formats: dict[str, object] = {
                "title": workbook.add_format({"bold": True, "font_size": 14}),
                "label": workbook.add_format({"bold": True, "valign": "top"}),
                "header": workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True,
                                               "valign": "top"}),
                "text": workbook.add_format({"num_format": "@", "text_wrap": True, "valign": "top"}),
                "date": workbook.add_format({"num_format": "dd-mm-yyyy", "valign": "top", "align": "left"}),
                "moment": workbook.add_format({"num_format": "dd-mm-yyyy hh:mm", "valign": "top", "align": "left"}),
                "number": workbook.add_format({"num_format": "#,##0", "valign": "top"}),
            }
            cover = workbook.add_worksheet(COVER_SHEET)
            cover.set_column(0, 0, 28)
            cover.set_column(1, 1, 70)
            cover.write_string(0, 0, title, formats["title"])
            for index, (label, value) in enumerate(facts, start=2):
                cover.write_string(index, 0, label, formats["label"])
                cover.write_string(index, 1, value, formats["text"])
            for name, heading, table in sheets:
                sheet = workbook.add_worksheet(name)
                for column, spec in enumerate(table.columns):
                    sheet.set_column(column, column, spec.width,
                                     formats["text"] if spec.kind in (CellKind.TEXT, CellKind.ID) else None)
                sheet.write_string(0, 0, heading, formats["title"])
                for column, spec in enumerate(table.columns):
                    sheet.write_string(2, column, spec.title, formats["header"])
                if not table.rows:
                    sheet.write_string(3, 0, table.empty_text, formats["text"])
                for offset, row in enumerate(table.rows, start=3):
                    for column, value in enumerate(row):
                        _write_cell(sheet, offset, column, value, formats)
                sheet.freeze_panes(3, 0)
        finally:
            workbook.close()
