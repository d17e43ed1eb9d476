"""Reports on paper (F4 or A4): letterhead, title and cover block, then each section's tables and charts, and the
signature block for the Koordinator or the Kepala Dinas.

Wide sections (the BNBA register, the DTSEN proposal list) go on landscape pages; a report that starts with one is
landscape from its first page. The pages carry the same furniture as the other documents (`printing.pages`): the
report named in the footer with "halaman x dari y", and a continuation line at the top of later pages. Output is
deterministic (reportlab invariant mode), so the goldens compare byte for byte.
"""

from __future__ import annotations

import dataclasses
import io
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.reports import ReportDocument, ReportSection, SignatureLine
from puskesos_desk.printing.blocks import label_table, plain_table
from puskesos_desk.printing.dates import long_date, weekday_date_time
from puskesos_desk.printing.fonts import BOLD, register_fonts
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PRODUCER, PageMarks, draw_continuation, draw_footer
from puskesos_desk.printing.paper import PageGeometry, geometry
from puskesos_desk.printing.report_charts import CHART_HEIGHT, chart_drawing
from puskesos_desk.printing.report_tables import table_flowables
from puskesos_desk.printing.styles import RULE, SHADE, Styles, markup, styles_for

PORTRAIT = "portrait"
LANDSCAPE = "landscape"
REPORT_PAPERS = frozenset({Paper.F4, Paper.A4})
SIGNATURE_SPACE = 20 * mm
HEADING_ROOM = 40 * mm  # a section heading, a table title, the header row and a few rows
DOTTED_NAME = "(" + "." * 40 + ")"


def _turned(page: PageGeometry) -> PageGeometry:
    """The same sheet on its side; the margins stay where they were, so the binder edge stays wide."""
    return dataclasses.replace(page, width=page.height, height=page.width)


def _is_landscape(pagesize: tuple[float, float]) -> bool:
    return pagesize[0] > pagesize[1]


class _ReportTemplate(BaseDocTemplate):
    """Portrait and landscape page templates; `NextPageTemplate` before a page break switches between them."""

    def __init__(self, buffer: io.BytesIO, page: PageGeometry, marks: PageMarks, title: str,
                 *, landscape_first: bool) -> None:
        self.portrait, self.landscape = page, _turned(page)
        first = self.landscape if landscape_first else self.portrait
        super().__init__(buffer, pagesize=(first.width, first.height), leftMargin=page.left, rightMargin=page.right,
                         topMargin=page.top, bottomMargin=page.bottom, title=title, author=PRODUCER,
                         creator=PRODUCER, producer=PRODUCER, invariant=1, lang="id-ID")
        self.marks = marks
        templates = [self._template(PORTRAIT, self.portrait), self._template(LANDSCAPE, self.landscape)]
        self.addPageTemplates(templates[::-1] if landscape_first else templates)  # the first one starts the PDF

    def _template(self, name: str, page: PageGeometry) -> PageTemplate:
        frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, id=f"body-{name}",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(id=name, frames=[frame], pagesize=(page.width, page.height), onPage=self._page_start)

    def _page_start(self, canvas: Canvas, _doc: Any) -> None:
        if self.page > 1:
            page = self.landscape if _is_landscape(canvas._pagesize) else self.portrait
            draw_continuation(canvas, page, self.marks.continuation)


class _ReportCanvas(Canvas):
    """Keeps finished pages until save(), when the page count for "halaman x dari y" is known."""

    def __init__(self, *args: Any, portrait: PageGeometry, marks: PageMarks, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.portrait, self.marks = portrait, marks
        self.finished_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self.finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self.finished_pages)
        for number, state in enumerate(self.finished_pages, start=1):
            self.__dict__.update(state)
            page = _turned(self.portrait) if _is_landscape(self._pagesize) else self.portrait
            draw_footer(self, page, self.marks, number, total)
            super().showPage()
        super().save()


def _made_at(document: ReportDocument) -> str:
    """Local time as the builder gave it, with the zone's short name ("WIB") when it has a readable one."""
    zone = document.made_at.tzname() or ""
    text = weekday_date_time(document.made_at)
    return f"{text} {zone}" if zone.isalpha() else text


def _cover(document: ReportDocument, styles: Styles, width: float) -> list[Flowable]:
    rows = [("Periode", document.period_label), ("Cakupan", document.scope_label),
            ("Lokasi", f"{document.site_name} ({document.site_code})" if document.site_code else document.site_name),
            ("Dibuat oleh", document.made_by), ("Dibuat pada", _made_at(document)), *document.cover_facts]
    return [
        Paragraph(markup(document.title), styles.title),
        Spacer(1, 1 * mm),
        Paragraph(markup(document.period_label), styles.subtitle),
        Spacer(1, 4 * mm),
        label_table(rows, styles, width, 32 * mm),
        Spacer(1, 4 * mm),
    ]


def _empty_notice(document: ReportDocument, styles: Styles, width: float) -> Flowable:
    """A framed line that nobody can miss: this period had nothing to report."""
    style = ParagraphStyle("report_empty", parent=styles.body_bold, fontSize=styles.size + 3,
                           leading=(styles.size + 3) * 1.3, alignment=TA_CENTER)
    box = Table([[Paragraph(markup(document.empty_text), style)]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("TOPPADDING", (0, 0), (-1, -1), 6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm)]))
    return box


def _section(section: ReportSection, styles: Styles, width: float) -> list[Flowable]:
    heading = ParagraphStyle("report_section", parent=styles.heading, fontSize=styles.size + 1.5,
                             leading=(styles.size + 1.5) * 1.25, spaceBefore=styles.size * 0.8,
                             spaceAfter=styles.size * 0.4)
    # A heading at the foot of a page, its content on the next, reads as a section with nothing in it.
    room = HEADING_ROOM if section.tables or not section.charts else CHART_HEIGHT + 12 * mm
    story: list[Flowable] = [CondPageBreak(room), Paragraph(markup(section.title), heading)]
    story += [Paragraph(markup(text), ParagraphStyle("report_paragraph", parent=styles.body, spaceAfter=2))
              for text in section.paragraphs]
    for table in section.tables:
        story += table_flowables(table, styles, width)
    for chart in section.charts:
        story += [chart_drawing(chart, width), Spacer(1, 4 * mm)]
    return story


def _signatures(document: ReportDocument, styles: Styles, width: float) -> list[Flowable]:
    """"<place>, <date>" over the last column, then the signers side by side, kept on one page. One table row per
    line, so captions, roles and names line up across the columns even when one role wraps onto two lines."""
    if not document.signatures:
        return []
    dated = f"{document.place}, {long_date(document.made_at.date())}" if document.place else \
        long_date(document.made_at.date())
    lines = document.signatures
    center_bold = ParagraphStyle("report_signer", parent=styles.center, fontName=BOLD)

    def name(line: SignatureLine) -> Paragraph:
        if line.name:
            return Paragraph(f"<u>{markup(line.name)}</u>", center_bold)
        return Paragraph(DOTTED_NAME, styles.center)

    rows: list[list[object]] = [
        [Paragraph(markup(dated), styles.center) if index == len(lines) - 1 else "" for index in range(len(lines))],
        [Paragraph(markup(line.caption), styles.center) for line in lines],
        [Paragraph(markup(line.role), styles.center) for line in lines],
        [Spacer(1, SIGNATURE_SPACE) for _ in lines],
        [name(line) for line in lines],
    ]
    if any(line.id_line for line in lines):
        rows.append([Paragraph(markup(line.id_line), styles.center) for line in lines])
    grid = plain_table(rows, [width / len(lines)] * len(lines),
                       extra=[("LEFTPADDING", (0, 0), (-1, -1), 2 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm)])
    return [Spacer(1, 8 * mm), KeepTogether([grid])]


def report_story(document: ReportDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    widths = {False: page.frame_width, True: _turned(page).frame_width}
    landscape = bool(document.sections) and document.sections[0].landscape
    story: list[Flowable] = [*letterhead_flowables(document.letterhead, styles, widths[landscape]),
                             *_cover(document, styles, widths[landscape])]
    if document.is_empty:
        story += [_empty_notice(document, styles, widths[landscape]), Spacer(1, 4 * mm)]
    for section in document.sections:
        if section.landscape != landscape:
            landscape = section.landscape
            story += [NextPageTemplate(LANDSCAPE if landscape else PORTRAIT), PageBreak()]
        story += _section(section, styles, widths[landscape])
    story += _signatures(document, styles, widths[landscape])
    return story


def _use_binary_streams() -> None:
    # As printing.pages does for every document: zlib-only streams, the same bytes whichever document came first.
    rl_config.useA85 = 0


def render_report(document: ReportDocument, paper: Paper = Paper.F4) -> bytes:
    """The report as PDF bytes on F4 or A4; the same document always gives the same bytes."""
    if paper not in REPORT_PAPERS:
        raise ValueError(f"reports print on F4 or A4, not {paper.value}")
    register_fonts()
    _use_binary_streams()
    reference = f"{document.title} · {document.period_label} · {document.scope_label}"
    marks = PageMarks(reference=reference, continuation=f"{document.title} — {document.period_label} (lanjutan)")
    page = geometry(paper)
    buffer = io.BytesIO()
    landscape_first = bool(document.sections) and document.sections[0].landscape
    template = _ReportTemplate(buffer, page, marks, f"{document.title} {document.period_label}",
                               landscape_first=landscape_first)
    template.build(report_story(document, paper), canvasmaker=partial(_ReportCanvas, portrait=page, marks=marks))
    return buffer.getvalue()
