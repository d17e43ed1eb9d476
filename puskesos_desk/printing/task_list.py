"""The day's worklist (Tugas hari ini), printed for the officer who goes out on home visits."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.documents import Paper, TaskLine, TaskListDocument
from puskesos_desk.printing.dates import long_date, short_date, weekday_date
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import RULE, SHADE, URGENT_SHADE, Styles, markup, number_paragraph, styles_for

HEADERS = ("!", "Status", "Jenis", "Nomor", "Keluarga", "Ringkasan", "Batas waktu")
EMPTY = "Tidak ada tugas untuk hari ini."
URGENT_MARK = "!"
PADDING = 2.0  # points, each side of a cell


def _natural(text: str, style: ParagraphStyle) -> float:
    return stringWidth(text, style.fontName, style.fontSize) + 2 * PADDING


def _widths(doc: TaskListDocument, styles: Styles, width: float) -> list[float]:
    """Column widths from the content: kinds and numbers are not broken when the page allows, the summary takes
    what is left."""
    bold = styles.cell_bold
    longest_kind = max((_natural(word, bold) for line in doc.lines for word in line.kind.split()), default=0.0)
    longest_number = max((_natural(line.number, bold) for line in doc.lines), default=0.0)
    widths = [
        _natural("!", bold) + 1,
        width * 0.12,
        max(longest_kind, _natural("Jenis", styles.cell_header)),
        min(max(longest_number, 18 * mm), width * 0.2),
        width * 0.16,
        0.0,
        _natural("30-12-2026", bold) + 1,
    ]
    widths[5] = width - sum(widths)
    return widths


def _row(line: TaskLine, styles: Styles, number_width: float) -> list[object]:
    style = styles.cell_bold if line.urgent else styles.cell
    cells: list[object] = [Paragraph(markup(value), style) for value in (
        URGENT_MARK if line.urgent else "", line.state, line.kind, line.number, line.household, line.summary,
        short_date(line.due) if line.due else "-")]
    cells[3] = number_paragraph(line.number, style, number_width - 2 * PADDING)
    return cells


def _table(doc: TaskListDocument, styles: Styles, width: float) -> Table:
    widths = _widths(doc, styles, width)
    rows: list[list[object]] = [[Paragraph(label, styles.cell_header) for label in HEADERS]]
    rows += [_row(line, styles, widths[3]) for line in doc.lines]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
    ]
    commands += [("BACKGROUND", (0, index), (-1, index), URGENT_SHADE)
                 for index, line in enumerate(doc.lines, start=1) if line.urgent]
    # repeatRows: the header row is printed again at the top of every page the table continues on.
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def task_list_flowables(doc: TaskListDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    width = page.frame_width
    urgent = sum(1 for line in doc.lines if line.urgent)
    summary = f"Petugas: {doc.officer_name} · {len(doc.lines)} tugas"
    if urgent:
        summary += f", {urgent} mendesak (ditandai !)"
    story: list[Flowable] = [
        *letterhead_flowables(doc.letterhead, styles, width, compact=True),
        Paragraph(markup(f"TUGAS HARI INI — {weekday_date(doc.day)}"), styles.title),
        Spacer(1, 1.5 * mm),
        Paragraph(markup(summary), styles.center),
        Spacer(1, 3 * mm),
    ]
    story.append(_table(doc, styles, width) if doc.lines else Paragraph(EMPTY, styles.body))
    return story


def render_task_list(doc: TaskListDocument, paper: Paper = Paper.A4) -> bytes:
    reference = f"Tugas hari ini {long_date(doc.day)} · {doc.officer_name}"
    marks = PageMarks(reference=reference, continuation=f"{reference} (lanjutan)")
    return build_pdf([(marks, task_list_flowables(doc, paper))], paper, title=f"Tugas hari ini {long_date(doc.day)}")
