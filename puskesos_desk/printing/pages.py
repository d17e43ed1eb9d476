"""Page furniture shared by every document, and the one place that turns flowables into PDF bytes.

Every page carries a footer "<number> · halaman x dari y" and "Dicetak dengan Puskesos Desk"; a draft carries a
diagonal watermark behind its content; the pages after a document's first repeat its number at the top. A batch
PDF holds many documents, so all of that is per document: `NextDocument` switches the marks at the next page break.

"dari y" is known only when a document has ended, so the canvas keeps each finished page and writes the footers
when the whole PDF is saved. Output is deterministic (reportlab invariant mode): same input, same bytes.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing.fonts import BOLD, REGULAR, register_fonts
from puskesos_desk.printing.paper import PageGeometry, geometry
from puskesos_desk.printing.styles import fitted_size

PRODUCER = "Puskesos Desk"
PRINTED_WITH = "Dicetak dengan Puskesos Desk"
WATERMARK_GREY = colors.Color(0.86, 0.86, 0.86)
FOOTER_SIZE = 7.0


@dataclass(frozen=True, slots=True)
class PageMarks:
    """What each page of one document shows outside its content."""

    reference: str  # the number in the footer: "001/RJK/PUSKESOS-3322012007/XI/2026"
    continuation: str  # the small header on later pages: "Surat Rujukan Nomor: 001/RJK/…"
    watermark: str = ""  # "DRAF – BELUM DISETUJUI" on drafts
    reprint: int = 0  # n > 0 prints "Cetak ulang ke-n"
    page_label: str = "halaman {number} dari {total}"  # another wording for a document in another language
    printed_with: str = PRINTED_WITH


@dataclass(frozen=True, slots=True)
class _PageInfo:
    document: int  # position of the document in the batch
    marks: PageMarks
    number: int  # page number inside that document


class NextDocument(ActionFlowable):
    """Placed before the page break that starts the next document of a batch."""

    def __init__(self, marks: PageMarks) -> None:
        super().__init__()
        self.marks = marks

    def apply(self, doc: Any) -> None:
        doc.pending_marks = self.marks


class _Template(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, page: PageGeometry, first: PageMarks, title: str) -> None:
        super().__init__(buffer, pagesize=(page.width, page.height), leftMargin=page.left, rightMargin=page.right,
                         topMargin=page.top, bottomMargin=page.bottom, title=title, author=PRODUCER,
                         creator=PRODUCER, producer=PRODUCER, invariant=1, lang="id-ID")
        self.geometry = page
        self.pending_marks: PageMarks | None = first
        self.current = _PageInfo(-1, first, 0)
        frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._page_start)])

    def handle_pageBegin(self) -> None:
        if self.pending_marks is not None:
            self.current = _PageInfo(self.current.document + 1, self.pending_marks, 1)
            self.pending_marks = None
        else:
            self.current = _PageInfo(self.current.document, self.current.marks, self.current.number + 1)
        self.canv.page_info = self.current
        super().handle_pageBegin()

    def _page_start(self, canvas: Canvas, _doc: Any) -> None:
        # Drawn first, so the watermark stays behind the text and the header never collides with the frame.
        marks = self.current.marks
        if marks.watermark:
            draw_watermark(canvas, self.geometry, marks.watermark)
        if self.current.number > 1:
            draw_continuation(canvas, self.geometry, marks.continuation)


class _FooterCanvas(Canvas):
    """Keeps finished pages until save(), when each document's page count is known."""

    def __init__(self, *args: Any, page: PageGeometry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        self.page_info: _PageInfo | None = None
        self.finished_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self.finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self.finished_pages
        totals = Counter(state["page_info"].document for state in pages)
        for state in pages:
            self.__dict__.update(state)
            info: _PageInfo = state["page_info"]
            draw_footer(self, self.page, info.marks, info.number, totals[info.document])
            super().showPage()
        super().save()


def draw_watermark(canvas: Canvas, page: PageGeometry, text: str) -> None:
    angle = math.degrees(math.atan2(page.height, page.width))
    diagonal = math.hypot(page.width, page.height)
    size = 0.62 * diagonal / stringWidth(text, BOLD, 1)
    canvas.saveState()
    canvas.setFillColor(WATERMARK_GREY)
    canvas.setFont(BOLD, size)
    canvas.translate(page.width / 2, page.height / 2)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def draw_continuation(canvas: Canvas, page: PageGeometry, text: str) -> None:
    size = fitted_size(text, REGULAR, FOOTER_SIZE + 0.5, page.frame_width)
    canvas.saveState()
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
    baseline = page.height - page.top + 3 * mm
    canvas.drawString(page.left, baseline, text)
    canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setLineWidth(0.4)
    canvas.line(page.left, baseline - 1.5 * mm, page.width - page.right, baseline - 1.5 * mm)
    canvas.restoreState()


def draw_footer(canvas: Canvas, page: PageGeometry, marks: PageMarks, number: int, total: int) -> None:
    left_text = f"{marks.reference} · {marks.page_label.format(number=number, total=total)}"
    right_text = f"Cetak ulang ke-{marks.reprint}" if marks.reprint > 0 else ""
    right_width = stringWidth(right_text, BOLD, FOOTER_SIZE) if right_text else 0.0
    left_size = fitted_size(left_text, REGULAR, FOOTER_SIZE, page.frame_width - right_width - 4 * mm)
    rule_y = page.bottom - 4 * mm
    first_line = rule_y - 3.2 * mm
    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setLineWidth(0.4)
    canvas.line(page.left, rule_y, page.width - page.right, rule_y)
    canvas.setFillColor(colors.Color(0.2, 0.2, 0.2))
    canvas.setFont(REGULAR, left_size)
    canvas.drawString(page.left, first_line, left_text)
    if right_text:
        canvas.setFont(BOLD, FOOTER_SIZE)
        canvas.drawRightString(page.width - page.right, first_line, right_text)
    canvas.setFont(REGULAR, FOOTER_SIZE - 1.5)
    canvas.setFillColor(colors.Color(0.45, 0.45, 0.45))
    canvas.drawRightString(page.width - page.right, first_line - 2.8 * mm, marks.printed_with)
    canvas.restoreState()


@cache
def _configure_reportlab() -> None:
    # Binary (zlib only) streams instead of zlib + ASCII85: a fifth smaller and faster to write, and every PDF
    # reader takes them. The setting is process-wide: other PDFs made in the process get binary streams too.
    rl_config.useA85 = 0


def build_pdf(documents: Sequence[tuple[PageMarks, Sequence[Flowable]]], paper: Paper, *, title: str) -> bytes:
    """One PDF holding every document in order, each starting on a new page."""
    if not documents:
        raise ValueError("at least one document is needed to build a PDF")
    register_fonts()
    _configure_reportlab()
    story: list[Flowable] = []
    for index, (marks, flowables) in enumerate(documents):
        if index:
            story += [NextDocument(marks), PageBreak()]
        story.extend(flowables)
    buffer = io.BytesIO()
    page = geometry(paper)
    template = _Template(buffer, page, documents[0][0], title)
    template.build(story, canvasmaker=partial(_FooterCanvas, page=page))
    return buffer.getvalue()
