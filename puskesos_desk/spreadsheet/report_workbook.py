"""Reports as Excel workbooks, for those who keep working on the numbers: a cover sheet ("Sampul") and one styled
sheet per section, numbers as numbers, dates as dates, NIK and free text always as text.

The same rules as the exchange writer (`spreadsheet.writer`) hold for every cell: strings_to_formulas, _numbers
and _urls are off, so a complaint typed as "=1+1" or a 16-digit NIK reach the file as text, and text columns are
formatted "@". Sheets are written top to bottom in constant_memory mode, so a district BNBA register of 100,000
rows takes a few MiB; the rows stream through a private temporary folder (names and NIK in clear) that is removed
when the workbook is closed. The workbook's creation time is the report's, so the same report gives the same file.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname
from xlsxwriter.worksheet import Worksheet

from puskesos_desk.domain.reports import (
    MONTH_NAMES,
    CellKind,
    ReportChart,
    ReportColumn,
    ReportDocument,
    ReportSection,
    ReportTable,
)

COVER_SHEET = "Sampul"
DATE_FORMAT = "dd-mm-yyyy"
NUMBER_FORMATS: dict[CellKind, str] = {
    CellKind.TEXT: "@", CellKind.ID: "@", CellKind.INTEGER: "#,##0", CellKind.DECIMAL: "0.0",
    CellKind.PERCENT: "0.0%", CellKind.DATE: DATE_FORMAT,
}
PAPER_A4 = 9  # Excel's paper codes: 9 = A4, 14 = Folio (F4)
AUTOFILTER_MIN_ROWS = 20
ROW_POINTS = 15.0
WRITE_IN_ROW_POINTS = 26.0  # about 9 mm: room for a name or a signature by hand
CHART_ROWS = 17  # a 288 px chart covers 15 default rows; two more keep it off what follows
CHART_FILLS = ("#2E2E2E", "#D1D1D1", "#858585", "#FAFAFA", "#595959", "#ADADAD")  # as on paper: greys, outlined
_COVER_WIDTHS = (24.0, 44.0, 40.0)
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": DATE_FORMAT}


class _Formats:
    """Every cell format of the workbook, made once; cell formats per column kind and row variant on demand."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self._workbook = workbook
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.heading = workbook.add_format({"bold": True, "font_size": 11})
        self.label = workbook.add_format({"bold": True, "valign": "top"})
        self.text = workbook.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
        self.moment = workbook.add_format({"num_format": "dd-mm-yyyy hh:mm", "align": "left"})
        self.paragraph = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.empty = workbook.add_format({"bold": True, "font_size": 13, "font_color": "#9C0006",
                                          "bg_color": "#FFEB9C", "border": 1})
        self.link = workbook.add_format({"font_color": "blue", "underline": 1})
        self.header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                           "valign": "top"})
        self.center = workbook.add_format({"align": "center", "text_wrap": True, "valign": "top"})
        self.signer = workbook.add_format({"align": "center", "bold": True, "underline": 1})
        self._cells: dict[tuple[CellKind, str], Format] = {}

    def cell(self, kind: CellKind, variant: str = "") -> Format:
        """`variant`: "" for a body row, "highlight" for a warning row, "total" for the totals row."""
        key = (kind, variant)
        if key not in self._cells:
            options: dict[str, object] = {"num_format": NUMBER_FORMATS[kind], "valign": "top"}
            if kind is CellKind.TEXT:
                options["text_wrap"] = True
            if variant == "highlight":
                options["bg_color"] = "#FCE4D6"
            elif variant == "total":
                options.update({"bold": True, "top": 1})
            elif variant == "write_in":
                options["border"] = 1
            self._cells[key] = self._workbook.add_format(options)
        return self._cells[key]


def _excel_moment(moment: datetime) -> datetime:
    """Excel has no time zones: the wall-clock time the report was made, as on the PDF cover."""
    return moment.replace(tzinfo=None)


def _long_date(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _write_value(sheet: Worksheet, row: int, column: int, value: object, cell_format: Format) -> None:
    if value is None:
        sheet.write_blank(row, column, None, cell_format)
    elif isinstance(value, bool):
        sheet.write_string(row, column, "Ya" if value else "Tidak", cell_format)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value, cell_format)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, column, _excel_moment(value), cell_format)
    elif isinstance(value, date):
        sheet.write_datetime(row, column, value, cell_format)
    else:
        sheet.write_string(row, column, str(value), cell_format)


class _SectionSheet:
    """One section on its sheet, written top to bottom (constant_memory allows no going back)."""

    def __init__(self, workbook: xlsxwriter.Workbook, formats: _Formats, section: ReportSection) -> None:
        self.workbook, self.formats, self.section = workbook, formats, section
        self.sheet: Worksheet = workbook.add_worksheet(section.sheet_name)
        self.tables = [*section.tables, *(_chart_table(chart) for chart in section.charts)]
        self.span = max((len(table.columns) for table in self.tables), default=1)
        self.row = 0
        self.first_header: int | None = None
        self.filtered = False

    def write(self) -> None:
        sheet, section = self.sheet, self.section
        widths: dict[int, float] = {}
        for table in self.tables:
            for index, column in enumerate(table.columns):
                widths[index] = max(widths.get(index, 0.0), column.width)
        for index, width in sorted(widths.items()):
            sheet.set_column(index, index, width)
        sheet.set_row(0, 21)
        sheet.write_string(0, 0, section.title, self.formats.title)
        self.row = 2
        for text in section.paragraphs:
            self._paragraph(text, sum(widths.values()) or 12.0)
        for table in section.tables:
            self._table(table)
        for chart, table in zip(section.charts, self.tables[len(section.tables):], strict=True):
            first, last = self._table(table)
            self._chart(chart, first, last)
        self._print_setup()

    def _paragraph(self, text: str, characters: float) -> None:
        lines = sum(max(1, math.ceil(len(part) * 1.1 / characters)) for part in text.split("\n"))
        self.sheet.set_row(self.row, ROW_POINTS * lines)
        if self.span > 1:
            self.sheet.merge_range(self.row, 0, self.row, self.span - 1, text, self.formats.paragraph)
        else:
            self.sheet.write_string(self.row, 0, text, self.formats.paragraph)
        self.row += 1

    def _table(self, table: ReportTable) -> tuple[int, int]:
        """Writes the table from the current row; returns the first and last data row."""
        sheet, formats = self.sheet, self.formats
        self.row += 1
        sheet.write_string(self.row, 0, table.title, formats.heading)
        header = self.row + 1
        # Excel does not grow a row for wrapped text it did not type itself: room for the longest header title.
        lines = max((math.ceil(len(column.title) / max(column.width - 1, 1)) for column in table.columns), default=1)
        sheet.set_row(header, ROW_POINTS * max(1, lines))
        for index, column in enumerate(table.columns):
            sheet.write_string(header, index, column.title, formats.header)
        if self.first_header is None:
            self.first_header = header
            self.sheet.freeze_panes(header + 1, 0)
            self.sheet.repeat_rows(header)
        self.row = header + 1
        first = self.row
        if not table.rows:
            sheet.write_string(self.row, 0, table.empty_text, formats.note)
            self.row += 1
        for index, values in enumerate(table.rows):
            variant = "highlight" if index in table.highlight_rows else "write_in" if table.write_in else ""
            if table.write_in:
                sheet.set_row(self.row, WRITE_IN_ROW_POINTS)
            self._row(table.columns, values, variant)
        last = self.row - 1
        if len(table.rows) > AUTOFILTER_MIN_ROWS and not self.filtered:
            sheet.autofilter(header, 0, last, len(table.columns) - 1)  # Excel allows one filter per sheet
            self.filtered = True
        if table.total is not None:
            self._row(table.columns, table.total, "total")
        if table.note:
            sheet.write_string(self.row, 0, table.note, formats.note)
            self.row += 1
        return first, last

    def _row(self, columns: Sequence[ReportColumn], values: Sequence[object], variant: str) -> None:
        # Wrapped text needs a taller row, which neither Excel nor LibreOffice works out for a file they did not
        # lay out themselves: estimated from the text length and the column width.
        lines = max((math.ceil(len(value) / max(column.width - 1, 1)) for column, value in zip(columns, values,
                     strict=True) if column.kind is CellKind.TEXT and isinstance(value, str)), default=1)
        if lines > 1:
            self.sheet.set_row(self.row, ROW_POINTS * lines)
        for index, (column, value) in enumerate(zip(columns, values, strict=True)):
            _write_value(self.sheet, self.row, index, value, self.formats.cell(column.kind, variant))
        self.row += 1

    def _chart(self, chart: ReportChart, first: int, last: int) -> None:
        """A native column chart over the data just written, under it."""
        workbook_chart = self.workbook.add_chart(
            {"type": "column", **({"subtype": "stacked"} if chart.stacked else {})})
        name = self.sheet.name
        for index in range(len(chart.series)):
            column = index + 1
            workbook_chart.add_series({
                "name": [name, first - 1, column],
                "categories": [name, first, 0, last, 0],
                "values": [name, first, column, last, column],
                "fill": {"color": CHART_FILLS[index % len(CHART_FILLS)]},
                "border": {"color": "#000000"},
                **({"overlap": 100} if chart.stacked else {}),
            })
        workbook_chart.set_title({"name": chart.title, "name_font": {"size": 11}})
        workbook_chart.set_legend({"position": "top"})
        workbook_chart.set_y_axis({"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        self.sheet.insert_chart(self.row + 1, 0, workbook_chart, {"x_scale": 1.6})
        self.row += CHART_ROWS

    def _print_setup(self) -> None:
        sheet = self.sheet
        if self.section.landscape:
            sheet.set_landscape()
        sheet.set_paper(PAPER_A4)
        sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as the rows need
        sheet.set_margins(left=0.6, right=0.4, top=0.5, bottom=0.6)
        sheet.set_footer("&L&8" + _header_text(self.section.title) + "&R&8Halaman &P dari &N")


def _header_text(text: str) -> str:
    return text.replace("&", "&&")  # "&" starts a code in Excel's header and footer strings


def _chart_table(chart: ReportChart) -> ReportTable:
    """The numbers behind a chart, as a table the chart refers to."""
    columns = (ReportColumn("Bulan", CellKind.TEXT, 12),
               *(ReportColumn(series.name, CellKind.INTEGER, 12) for series in chart.series))
    rows = tuple((category, *(series.values[index] for series in chart.series))
                 for index, category in enumerate(chart.categories))
    return ReportTable(title=chart.title, columns=columns, rows=rows)


def _write_cover(sheet: Worksheet, formats: _Formats, document: ReportDocument) -> None:
    for index, width in enumerate(_COVER_WIDTHS):
        sheet.set_column(index, index, width)
    sheet.set_row(0, 21)
    sheet.write_string(0, 0, document.title, formats.title)
    facts: list[tuple[str, object]] = [
        ("Periode", document.period_label), ("Cakupan", document.scope_label), ("Lokasi", document.site_name),
        ("Kode lokasi", document.site_code), ("Dibuat oleh", document.made_by),
        ("Dibuat pada", _excel_moment(document.made_at)), *document.cover_facts,
    ]
    row = 2
    for label, value in facts:
        sheet.write_string(row, 0, label, formats.label)
        if isinstance(value, datetime):
            sheet.write_datetime(row, 1, value, formats.moment)
        else:
            sheet.write_string(row, 1, str(value), formats.text)
        row += 1
    row += 1
    if document.is_empty:
        sheet.set_row(row, 24)
        sheet.merge_range(row, 0, row, len(_COVER_WIDTHS) - 1, document.empty_text, formats.empty)
        row += 2
    sheet.write_string(row, 0, "Isi laporan", formats.heading)
    row += 1
    for section in document.sections:
        sheet.write_url(row, 0, f"internal:{quote_sheetname(section.sheet_name)}!A1", formats.link,
                        string=section.sheet_name)
        sheet.write_string(row, 1, section.title, formats.text)
        row += 1
    _write_signatures(sheet, formats, document, row + 2)
    sheet.set_paper(PAPER_A4)
    sheet.fit_to_pages(1, 0)


def _write_signatures(sheet: Worksheet, formats: _Formats, document: ReportDocument, row: int) -> None:
    lines = document.signatures
    if not lines:
        return
    offset = max(0, len(_COVER_WIDTHS) - len(lines))  # two signers sit under the wider right-hand columns
    columns = [offset + index for index in range(len(lines))]
    dated = ", ".join(part for part in (document.place, _long_date(document.made_at.date())) if part)
    sheet.write_string(row, columns[-1], dated, formats.center)
    for line, column in zip(lines, columns, strict=True):
        sheet.write_string(row + 1, column, line.caption, formats.center)
    sheet.set_row(row + 2, ROW_POINTS * 2)  # roles such as "Koordinator Puskesos Desa …" wrap onto two lines
    for line, column in zip(lines, columns, strict=True):
        sheet.write_string(row + 2, column, line.role, formats.center)
    for line, column in zip(lines, columns, strict=True):
        sheet.write_string(row + 6, column, line.name or "(" + "." * 30 + ")",
                           formats.signer if line.name else formats.center)
    for line, column in zip(lines, columns, strict=True):
        if line.id_line:
            sheet.write_string(row + 7, column, line.id_line, formats.center)


def write_report_workbook(document: ReportDocument, path: Path) -> None:
    """The report as an .xlsx at `path`: "Sampul" first, then one sheet per section in order."""
    if any(section.sheet_name.casefold() == COVER_SHEET.casefold() for section in document.sections):
        raise ValueError(f"the sheet name {COVER_SHEET!r} is reserved for the cover")
    with tempfile.TemporaryDirectory(prefix="puskesos-report-") as private:  # mode 0700: personal data in clear
        workbook = xlsxwriter.Workbook(str(path), {**_OPTIONS, "tmpdir": private})
        try:
            workbook.set_properties({
                "title": f"{document.title} {document.period_label}",
                "subject": document.scope_label,
                "author": "Puskesos Desk",
                "company": document.site_name,
                "created": document.made_at.astimezone(UTC).replace(tzinfo=None),
            })
            formats = _Formats(workbook)
            _write_cover(workbook.add_worksheet(COVER_SHEET), formats, document)
            for section in document.sections:
                _SectionSheet(workbook, formats, section).write()
        finally:
            workbook.close()
