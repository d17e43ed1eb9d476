"""Report tables on paper: Indonesian number and date formats, right-aligned numbers, a header row that repeats on
every page, a bold totals row, shaded warning rows and a note underneath.

Reports such as the BNBA register run to thousands of rows, so a cell that fits its column is a plain string drawn
by the table itself; only text that must wrap becomes a Paragraph (ten times the cost).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.reports import CellKind, ReportColumn, ReportTable
from puskesos_desk.printing.dates import short_date
from puskesos_desk.printing.styles import RULE, SHADE, URGENT_SHADE, Styles, fitted_size, markup

PADDING = 2.0  # points, left and right of every cell
TITLE_ROOM = 25 * mm  # a table title, the header row and a few rows
WRITE_IN_ROW = 9 * mm  # a row of a form filled in by hand: room for a name or a signature
NUMERIC_KINDS = frozenset({CellKind.INTEGER, CellKind.DECIMAL, CellKind.PERCENT})
#: Columns whose values must stay on one line when the page allows: a number broken in two is misread.
UNBROKEN_KINDS = NUMERIC_KINDS | {CellKind.DATE, CellKind.ID}


def _grouped(number: float, decimals: int) -> str:
    """1234.5 → '1.234,5': Indonesian writes a dot between thousands and a comma before decimals. Halves round
    up, as people round by hand (12,25 → 12,3), not to the even neighbour of the binary float."""
    exact = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_cell(value: object, kind: CellKind) -> str:
    """A cell value as printed; an empty cell (None) prints as nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):  # a bool is an int in Python; no report means it as a number
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float):
        if kind is CellKind.PERCENT:
            return f"{_grouped(value * 100, 1)}%"
        if kind is CellKind.DECIMAL or isinstance(value, float):
            return _grouped(value, 1)
        return _grouped(value, 0)
    if isinstance(value, datetime):
        return f"{short_date(value.date())} {value.hour:02d}.{value.minute:02d}"
    if isinstance(value, date):
        return short_date(value)
    return str(value)


#: Font scales tried, largest first, until every column's longest word fits: a 20-column list for the SIKS-NG
#: operator prints smaller rather than breaking "Diajukan" into "Diajuka|n".
FONT_SCALES = (1.0, 0.9, 0.8, 0.72)


def _longest(texts: Sequence[Sequence[str]], index: int, font: str, size: float, *, whole: bool) -> float:
    """The widest value (whole=True) or the widest single word of column `index`."""
    widest = 0.0
    for row in texts:
        parts = (row[index],) if whole else row[index].split()
        for part in parts:
            widest = max(widest, stringWidth(part, font, size))
    return widest


def _minimum_widths(columns: Sequence[ReportColumn], texts: Sequence[Sequence[str]], cell: ParagraphStyle,
                    header: ParagraphStyle) -> list[float]:
    titles = [[column.title for column in columns]]
    return [
        max(_longest(texts, index, cell.fontName, cell.fontSize, whole=column.kind in UNBROKEN_KINDS),
            _longest(titles, index, header.fontName, header.fontSize, whole=False)) + 2 * PADDING + 0.5
        for index, column in enumerate(columns)
    ]


def column_widths(columns: Sequence[ReportColumn], texts: Sequence[Sequence[str]], styles: Styles,
                  width: float) -> list[float]:
    """The ReportColumn widths as shares of `width`, each at least its longest word (numbers, dates and NIKs whole);
    columns wider than that give up room, in proportion to what they have to spare, when the minimums need it."""
    total = sum(column.width for column in columns) or 1.0
    minimum = _minimum_widths(columns, texts, styles.cell, styles.cell_header)
    widths = [max(width * column.width / total, least) for column, least in zip(columns, minimum, strict=True)]
    excess = sum(widths) - width
    spare = [current - least for current, least in zip(widths, minimum, strict=True)]
    if excess <= 0 or sum(spare) <= 0:
        return widths
    take = min(1.0, excess / sum(spare))
    return [current - room * take for current, room in zip(widths, spare, strict=True)]


def scaled_cell_styles(styles: Styles, columns: Sequence[ReportColumn], texts: Sequence[Sequence[str]],
                       width: float) -> Styles:
    """`styles` with the table fonts made smaller, step by step, until the columns' longest words fit `width`."""
    for scale in FONT_SCALES:
        candidate = styles if scale == 1.0 else replace(
            styles, cell=_scaled(styles.cell, scale), cell_bold=_scaled(styles.cell_bold, scale),
            cell_header=_scaled(styles.cell_header, scale))
        if sum(_minimum_widths(columns, texts, candidate.cell, candidate.cell_header)) <= width:
            return candidate
    return candidate


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_{scale}", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale)


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    inner = width - 2 * PADDING
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= inner:
        return text
    return Paragraph(markup(text), style)


def _id_cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A NIK or KK number on one line, a little smaller if need be, rather than broken after any digit."""
    inner = width - 2 * PADDING
    size = fitted_size(text, style.fontName, style.fontSize, inner)
    if size == style.fontSize:
        return text
    return Paragraph(markup(text), ParagraphStyle(f"{style.name}_id", parent=style, fontSize=size, leading=size * 1.2))


def _row(texts: Sequence[str], columns: Sequence[ReportColumn], style: ParagraphStyle, right: ParagraphStyle,
         widths: Sequence[float]) -> list[object]:
    cells: list[object] = []
    for text, column, width in zip(texts, columns, widths, strict=True):
        if column.kind is CellKind.ID:
            cells.append(_id_cell(text, style, width))
        else:
            cells.append(_cell(text, right if column.kind in NUMERIC_KINDS else style, width))
    return cells


def _commands(table: ReportTable, rows: int, styles: Styles) -> list[tuple]:
    cell, bold = styles.cell, styles.cell_bold
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
        ("FONT", (0, 0), (-1, 0), bold.fontName, bold.fontSize, bold.leading),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, RULE),
    ]
    for index, column in enumerate(table.columns):
        if column.kind in NUMERIC_KINDS:
            commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    commands += [("BACKGROUND", (0, index + 1), (-1, index + 1), URGENT_SHADE)
                 for index in sorted(table.highlight_rows) if index < len(table.rows)]
    if table.total is not None:
        commands += [("FONT", (0, rows), (-1, rows), bold.fontName, bold.fontSize, bold.leading),
                     ("BACKGROUND", (0, rows), (-1, rows), SHADE),
                     ("LINEABOVE", (0, rows), (-1, rows), 0.9, RULE)]
    return commands


def table_flowables(table: ReportTable, styles: Styles, width: float) -> list[Flowable]:
    """Title, table (or its empty wording) and note."""
    title_style = ParagraphStyle("report_table_title", parent=styles.body_bold, spaceBefore=styles.size * 0.6,
                                 spaceAfter=styles.size * 0.3)
    # Not keepWithNext: that keeps the title with the whole table, and a register of 40 pages would then leave the
    # rest of the first page blank. A title with no room for a few rows under it starts the next page instead.
    story: list[Flowable] = [CondPageBreak(TITLE_ROOM)]
    if table.title:
        story.append(Paragraph(markup(table.title), title_style))
    if not table.rows:
        story.append(Paragraph(markup(table.empty_text), styles.body))
    else:
        body = [[format_cell(value, column.kind) for value, column in zip(row, table.columns, strict=True)]
                for row in table.rows]
        total = ([format_cell(value, column.kind) for value, column in zip(table.total, table.columns, strict=True)]
                 if table.total is not None else None)
        texts = [*body, *([total] if total else [])]
        styles = scaled_cell_styles(styles, table.columns, texts, width)
        widths = column_widths(table.columns, texts, styles, width)
        right = ParagraphStyle("report_cell_right", parent=styles.cell, alignment=TA_RIGHT)
        right_bold = ParagraphStyle("report_cell_right_bold", parent=styles.cell_bold, alignment=TA_RIGHT)
        header_right = ParagraphStyle("report_header_right", parent=styles.cell_header, alignment=TA_RIGHT)
        header = [Paragraph(markup(column.title), header_right if column.kind in NUMERIC_KINDS else styles.cell_header)
                  for column in table.columns]
        rows = [header, *(_row(texts, table.columns, styles.cell, right, widths) for texts in body)]
        if total is not None:
            rows.append(_row(total, table.columns, styles.cell_bold, right_bold, widths))
        # repeatRows: the header row is printed again at the top of every page the table continues on.
        heights = ([None, *([WRITE_IN_ROW] * len(table.rows)), *([None] if total is not None else [])]
                   if table.write_in else None)
        grid = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle(_commands(table, len(rows) - 1, styles)))
        story.append(grid)
    if table.note:
        story += [Spacer(1, 1 * mm), Paragraph(markup(table.note), styles.tiny)]
    story.append(Spacer(1, 2.5 * mm))
    return story
