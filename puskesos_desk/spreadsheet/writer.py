"""Writes exchange workbooks that people open in Excel or LibreOffice: styled, validated, and safe to open.

Built on xlsxwriter in constant_memory mode, chosen by measurement (benchmarks/xlsx_write.py): it streams each
row to a temporary file as soon as the next row starts, so a 100,000-person package is written in a few MiB, and it
was about twice as fast as openpyxl's write-only mode for the same cells.

Safety rules that hold for every cell this module writes:
- Text is always a plain string cell. The workbook is opened with strings_to_formulas, strings_to_numbers and
  strings_to_urls off, so "=1+1", "+62 812…", "@SUM(A1)" or a leading tab reach the file as text, never as a
  formula, number or link. Whole text columns are also formatted "@", so what people type there later stays text.
- Temporary files hold personal data (NIK, names) in clear: they live in a private folder (mode 0700) that is
  removed on close and on failure. The workbook appears at its path only when complete (written aside, then
  renamed), so a failed export never leaves a half-written package behind.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Self

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_range_abs
from xlsxwriter.worksheet import Worksheet

from puskesos_desk.spreadsheet.columns import (
    CONVERTERS,
    KIND_LABELS,
    MAX_INLINE_LIST_LENGTH,
    MAX_ROWS,
    MAX_TEXT_LENGTH,
    CellTypeError,
    Column,
    ColumnKind,
    check_columns,
)

INSTRUCTIONS_SHEET = "Petunjuk"
LISTS_SHEET = "_daftar"  # hidden: long dropdown lists that do not fit inside a data validation
MAX_PROPERTY_LENGTH = 255  # Excel truncates longer custom property values, which would break a signature
DATE_FORMAT = "dd-mm-yyyy"

_WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "default_date_format": DATE_FORMAT,
}
_HEADER_FILL = "#DDEBF7"
_COMMENT_OPTIONS = {"author": "Puskesos Desk", "x_scale": 2.5, "y_scale": 2}  # a box wide enough for a sentence
_ROW_HEIGHT = 15.0  # points, Excel's default for an 11 pt font
_INSTRUCTION_WIDTHS = (22.0, 28.0, 30.0, 10.0, 60.0, 40.0)  # Lembar, Kolom, Jenis, Wajib, Keterangan, Pilihan


class _State(Enum):
    OPEN = "open"
    CLOSED = "closed"
    ABANDONED = "abandoned"


class WorkbookValueError(ValueError):
    """A row cannot be written as it is. Names the sheet, row and column, never the value (it may be a NIK)."""


@dataclass(frozen=True)
class _SheetSummary:
    name: str
    columns: tuple[Column, ...]
    note: str
    rows: int


@dataclass(frozen=True)
class _Instructions:
    title: str
    paragraphs: tuple[str, ...]
    column_docs: tuple[tuple[str, Column], ...] | None


class _Formats:
    """Every cell format of a workbook, made once: xlsxwriter formats are shared objects, not per-cell styles."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.header = workbook.add_format(
            {"bold": True, "bg_color": _HEADER_FILL, "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.heading = workbook.add_format({"bold": True, "font_size": 12})
        self.paragraph = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.wrapped_text = workbook.add_format({"text_wrap": True, "valign": "top", "num_format": "@"})
        self.text = workbook.add_format({"num_format": "@"})
        self.date = workbook.add_format({"num_format": DATE_FORMAT})
        self.integer = workbook.add_format({"num_format": "0"})

    def column(self, kind: ColumnKind) -> Format | None:
        """The format of a whole data column: what people type there later is read the same way."""
        if kind.is_text:
            return self.text
        if kind is ColumnKind.DATE:
            return self.date
        if kind is ColumnKind.INT:
            return self.integer
        return None  # DECIMAL keeps General so no digit is hidden by a fixed number of decimals


class ExchangeWorkbookWriter:
    """One exchange workbook: a Petunjuk sheet first, then data sheets, hidden sheets and custom properties.

    Use as a context manager. Leaving the block normally writes the file; leaving it with an exception writes
    nothing and removes the temporary files. Data sheets are written in one call each, streaming their rows.
    A sheet that fails half-way abandons the whole workbook: closing it afterwards raises instead of writing a
    package with a sheet cut short.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)
        if not self._path.parent.is_dir():
            raise FileNotFoundError(f"folder does not exist: {self._path.parent}")
        self._partial = self._path.with_name(f".{self._path.name}.{uuid.uuid4().hex}.part")
        self._tmpdir = Path(tempfile.mkdtemp(prefix="puskesos-xlsx-"))  # mode 0700: personal data in clear
        try:
            options = {**_WORKBOOK_OPTIONS, "tmpdir": str(self._tmpdir)}
            self._workbook = xlsxwriter.Workbook(str(self._partial), options)
            self._formats = _Formats(self._workbook)
            self._instructions_sheet = self._workbook.add_worksheet(INSTRUCTIONS_SHEET)  # first, filled on close
        except BaseException:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            raise
        self._instructions: _Instructions | None = None
        self._sheets: list[_SheetSummary] = []
        self._lists: dict[tuple[str, ...], str] = {}  # dropdown values → their range on the lists sheet
        self._properties: dict[str, str] = {}
        self._names = {INSTRUCTIONS_SHEET.casefold(), LISTS_SHEET.casefold()}
        self._state = _State.OPEN

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    # --- public API -----------------------------------------------------------------------------------------------

    def add_sheet(
        self, name: str, columns: Sequence[Column], rows: Iterable[Mapping[str, object]], *, note: str = ""
    ) -> int:
        """Write a data sheet and return the number of rows written. Rows are consumed one at a time."""
        columns = tuple(columns)
        check_columns(name, columns)
        worksheet = self._new_sheet(name)
        try:
            self._lay_out_data_sheet(worksheet, columns)
            written = self._write_rows(worksheet, name, columns, rows)
            worksheet.autofilter(0, 0, written, len(columns) - 1)
        except BaseException:
            self.abort()
            raise
        self._sheets.append(_SheetSummary(name, columns, note, written))
        return written

    def add_instructions(
        self, title: str, paragraphs: Sequence[str], column_docs: Sequence[tuple[str, Column]] | None = None
    ) -> None:
        """Fill the Petunjuk sheet (always the first sheet): a title, paragraphs, the sheets with their row counts,
        and one line per column with its kind, whether it is required, its help and its choices.

        `column_docs` lists (sheet name, column) pairs; None documents every column of every data sheet, including
        sheets added after this call. The sheet is written on close, when the row counts are known.
        """
        self._check_open()
        if self._instructions is not None:
            raise RuntimeError("the instructions are already set")
        docs = None if column_docs is None else tuple(column_docs)
        self._instructions = _Instructions(title, tuple(paragraphs), docs)

    def add_hidden_sheet(self, name: str, rows: Iterable[Sequence[str | None]]) -> int:
        """Write a hidden sheet (the `_meta` manifest). Every cell is a plain string; None leaves a cell empty."""
        worksheet = self._new_sheet(name)
        worksheet.hide()
        try:
            return self._write_strings(worksheet, name, rows)
        except BaseException:
            self.abort()
            raise

    def set_custom_properties(self, properties: Mapping[str, str]) -> None:
        """Custom document properties, as text only (a LibreOffice re-save turns integer properties into floats).
        A later call with the same name replaces the value."""
        self._check_open()
        for name, value in properties.items():
            if not isinstance(name, str) or not isinstance(value, str):
                raise TypeError(f"custom property {name!r}: names and values must be str")
            if not name or _utf16_length(name) > MAX_PROPERTY_LENGTH or _utf16_length(value) > MAX_PROPERTY_LENGTH:
                raise ValueError(f"custom property {name!r}: name and value must be 1–255 characters")
            self._properties[name] = value

    def close(self) -> None:
        """Finish the Petunjuk and lists sheets and write the file. Closing twice does nothing."""
        if self._state is _State.CLOSED:
            return
        if self._state is _State.ABANDONED:
            raise RuntimeError("the workbook was abandoned after an error; nothing was written")
        try:
            self._write_instructions()
            self._write_lists()
            for name, value in self._properties.items():
                self._workbook.set_custom_property(name, value, "text")
            self._workbook.close()
            os.replace(self._partial, self._path)
        except BaseException:
            self.abort()
            raise
        self._state = _State.CLOSED
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def abort(self) -> None:
        """Give up: no file at the path, no temporary file left behind."""
        if self._state is not _State.OPEN:
            return
        self._state = _State.ABANDONED
        for worksheet in self._workbook.worksheets():
            # xlsxwriter keeps each sheet's rows in an open temporary file until close(); Windows cannot delete
            # an open file, so close them before removing the folder.
            worksheet._opt_close()
        self._partial.unlink(missing_ok=True)
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    # --- data sheets ----------------------------------------------------------------------------------------------

    def _new_sheet(self, name: str) -> Worksheet:
        self._check_open()
        if name.casefold() in self._names:
            raise ValueError(f"sheet name {name!r} is already used or reserved")
        worksheet = self._workbook.add_worksheet(name)
        if worksheet.strings_to_formulas or worksheet.strings_to_numbers or worksheet.strings_to_urls:
            raise RuntimeError("xlsxwriter would turn text into formulas, numbers or links")  # the safety rule
        self._names.add(name.casefold())
        return worksheet

    def _lay_out_data_sheet(self, worksheet: Worksheet, columns: tuple[Column, ...]) -> None:
        header_lines = 1
        for index, column in enumerate(columns):
            width = column.display_width
            worksheet.set_column(index, index, width, self._formats.column(column.kind))
            header_lines = max(header_lines, _line_count(column.header, width))
            worksheet.write_comment(0, index, _column_comment(column), _COMMENT_OPTIONS)
            if column.dropdown and worksheet.data_validation(1, index, MAX_ROWS - 1, index, self._validation(column)):
                raise RuntimeError(f"xlsxwriter refused the dropdown of column {column.key!r}")
        worksheet.set_row(0, _ROW_HEIGHT * header_lines)
        worksheet.write_row(0, 0, [column.header for column in columns], self._formats.header)
        worksheet.freeze_panes(1, 0)

    def _validation(self, column: Column) -> dict[str, object]:
        values = column.dropdown
        fits_inline = (
            _utf16_length(",".join(values)) <= MAX_INLINE_LIST_LENGTH
            and not any("," in value or '"' in value for value in values)
        )
        if fits_inline:
            source: object = list(values)
        else:
            source = "=" + self._lists.setdefault(values, self._list_range(len(self._lists), len(values)))
        return {
            "validate": "list",
            "source": source,
            "error_type": "stop",
            "error_title": "Nilai tidak ada di daftar",
            "error_message": f"Pilih salah satu nilai dari daftar kolom ini ({len(values)} pilihan).",
        }

    @staticmethod
    def _list_range(index: int, length: int) -> str:
        return f"{quote_sheetname(LISTS_SHEET)}!{xl_range_abs(0, index, length - 1, index)}"

    def _write_rows(
        self, worksheet: Worksheet, name: str, columns: tuple[Column, ...], rows: Iterable[Mapping[str, object]]
    ) -> int:
        # The hot loop: one list of converted values per row and one write_row call, which dispatches each value by
        # type (str → string cell, number, date). Cell formats come from the column formats set above.
        plan = [(column.key, CONVERTERS[column.kind]) for column in columns]
        write_row = worksheet.write_row
        number = 0
        for number, row in enumerate(rows, start=1):
            if number == MAX_ROWS:  # the header takes one of the rows
                self._check_row_number(name, number + 1)
            get = row.get
            try:
                values = [None if (value := get(key)) is None else convert(value) for key, convert in plan]
            except CellTypeError:
                _raise_for_cell(name, number, columns, row)
                raise
            if write_row(number, 0, values):
                raise WorkbookValueError(
                    f"sheet {name!r}, row {number + 1}: a text is longer than {MAX_TEXT_LENGTH:,} characters"
                )
        return number

    def _write_strings(self, worksheet: Worksheet, name: str, rows: Iterable[Sequence[str | None]]) -> int:
        write_string = worksheet.write_string
        widest = 0
        count = 0
        for count, row in enumerate(rows, start=1):
            self._check_row_number(name, count)
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                where = f"sheet {name!r}, row {count}, column {column + 1}"
                if not isinstance(value, str):
                    raise WorkbookValueError(f"{where}: expected str, got {type(value).__name__}")
                if write_string(count - 1, column, value):
                    raise WorkbookValueError(f"{where}: a text is longer than {MAX_TEXT_LENGTH:,} characters")
            widest = max(widest, len(row))
        if widest:
            worksheet.set_column(0, widest - 1, 30, self._formats.text)
        return count

    @staticmethod
    def _check_row_number(name: str, row_number: int) -> None:
        if row_number > MAX_ROWS:
            raise WorkbookValueError(f"sheet {name!r} has more rows than a spreadsheet can hold ({MAX_ROWS:,})")

    # --- written on close -----------------------------------------------------------------------------------------

    def _write_lists(self) -> None:
        if not self._lists:
            return
        worksheet = self._workbook.add_worksheet(LISTS_SHEET)
        worksheet.hide()
        lists = list(self._lists)  # insertion order = column order given by _list_range
        worksheet.set_column(0, len(lists) - 1, 30, self._formats.text)
        for row in range(max(len(values) for values in lists)):  # row by row: constant_memory writes rows in order
            for column, values in enumerate(lists):
                if row < len(values):
                    worksheet.write_string(row, column, values[row])

    def _write_instructions(self) -> None:
        instructions = self._instructions or _Instructions("Petunjuk pengisian", (), None)
        docs = instructions.column_docs
        if docs is None:
            docs = tuple((sheet.name, column) for sheet in self._sheets for column in sheet.columns)
        _InstructionsLayout(self._instructions_sheet, self._formats, set(self._lists)).write(
            instructions.title, instructions.paragraphs, self._sheets, docs
        )

    def _check_open(self) -> None:
        if self._state is not _State.OPEN:
            raise RuntimeError(f"the workbook is already {self._state.value}")


class _InstructionsLayout:
    """The Petunjuk sheet, written top to bottom (constant_memory accepts rows in order only)."""

    def __init__(self, worksheet: Worksheet, formats: _Formats, listed: set[tuple[str, ...]]) -> None:
        self._sheet = worksheet
        self._formats = formats
        self._listed = listed
        self._row = 0

    def write(
        self,
        title: str,
        paragraphs: tuple[str, ...],
        sheets: list[_SheetSummary],
        docs: tuple[tuple[str, Column], ...],
    ) -> None:
        sheet, formats = self._sheet, self._formats
        for index, width in enumerate(_INSTRUCTION_WIDTHS):
            sheet.set_column(index, index, width)
        sheet.write_string(self._next(), 0, title, formats.title)
        self._row += 1
        for paragraph in paragraphs:
            self._merged_text(paragraph, formats.paragraph)
        if sheets:
            self._row += 1
            sheet.write_string(self._next(), 0, "Lembar dalam berkas ini", formats.heading)
            sheet.write_row(self._next(), 0, ["Lembar", "Jumlah baris", "Catatan"], formats.header)
            for summary in sheets:
                row = self._next()
                sheet.write_string(row, 0, summary.name)
                sheet.write_number(row, 1, summary.rows)
                if summary.note:
                    sheet.merge_range(row, 2, row, 5, summary.note, formats.paragraph)
                    sheet.set_row(row, _ROW_HEIGHT * _line_count(summary.note, sum(_INSTRUCTION_WIDTHS[2:])))
        if docs:
            self._row += 1
            sheet.write_string(self._next(), 0, "Penjelasan kolom", formats.heading)
            headers = ["Lembar", "Kolom", "Jenis isian", "Wajib diisi", "Keterangan", "Pilihan"]
            sheet.write_row(self._next(), 0, headers, formats.header)
            for sheet_name, column in docs:
                self._column_line(sheet_name, column)

    def _column_line(self, sheet_name: str, column: Column) -> None:
        choices = column.dropdown
        if choices and choices in self._listed:
            shown = f"Pilih dari daftar pada sel ({len(choices)} pilihan)"
        else:
            shown = ", ".join(choices)
        values = [sheet_name, column.header, KIND_LABELS[column.kind], "Ya" if column.required else "", column.help,
                  shown]
        row = self._next()
        self._sheet.write_row(row, 0, values, self._formats.wrapped_text)
        lines = max(_line_count(value, width) for value, width in zip(values, _INSTRUCTION_WIDTHS, strict=True))
        if lines > 1:
            self._sheet.set_row(row, _ROW_HEIGHT * lines)

    def _merged_text(self, text: str, cell_format: Format) -> None:
        row = self._next()
        self._sheet.merge_range(row, 0, row, len(_INSTRUCTION_WIDTHS) - 1, text, cell_format)
        # Spreadsheets do not grow a merged row to fit wrapped text: give it the height the text needs.
        self._sheet.set_row(row, _ROW_HEIGHT * _line_count(text, sum(_INSTRUCTION_WIDTHS)))

    def _next(self) -> int:
        row = self._row
        self._row += 1
        return row


def _column_comment(column: Column) -> str:
    parts = [column.help] if column.help else []
    parts.append(f"Jenis isian: {KIND_LABELS[column.kind]}.")
    if column.required:
        parts.append("Wajib diisi.")
    return "\n".join(parts)


def _utf16_length(text: str) -> int:
    """Length as Excel counts it: characters outside the Basic Multilingual Plane (emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


def _line_count(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column `width` characters wide (an estimate: characters vary in width)."""
    per_line = max(int(width * 1.1), 1)
    return sum(max(math.ceil(len(line) / per_line), 1) for line in text.split("\n"))


def _raise_for_cell(name: str, number: int, columns: tuple[Column, ...], row: Mapping[str, object]) -> None:
    """Find the cell a CellTypeError came from and raise it again with its sheet, row and column."""
    for column in columns:
        value = row.get(column.key)
        if value is None:
            continue
        try:
            CONVERTERS[column.kind](value)
        except CellTypeError as error:
            raise WorkbookValueError(
                f"sheet {name!r}, row {number + 1}, column {column.key!r} ({column.kind.name}): {error}"
            ) from error

