"""The one-page "Panduan singkat meja layanan" for the office wall: numbered steps in large type, in black on white.

The guide must stay one sheet, on F4 and on A4, whatever the letterhead holds. So the layout is measured before it
is built: the body type is the largest size, in quarter points from 9 to 13, at which everything fits the page
(readable from a step away on F4, a little smaller on A4); when even the smallest readable size does not fit,
rendering fails with GuideDoesNotFit instead of printing a second page nobody pins up.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.quick_guide import BOLD_MARK, GUIDE_PAPERS, GuideSection, QuickGuideDocument
from puskesos_desk.printing.fonts import BOLD, REGULAR
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import INK, RULE, SHADE, styles_for

LARGEST_SIZE = 13.0  # points, body type when the page allows it
SMALLEST_SIZE = 9.0  # below this the sheet is no longer readable on a wall
SIZE_STEP = 0.25
COLUMN_GAP = 7 * mm
FIT_MARGIN = 2.0  # points kept free at the bottom of the frame, against rounding in the frame's own check


class GuideDoesNotFit(ValueError):
    """The guide's text no longer fits one page even in the smallest readable type."""


@dataclass(frozen=True, slots=True)
class _GuideStyles:
    """The guide's paragraph styles for one body size."""

    size: float
    title: ParagraphStyle
    intro: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    key: ParagraphStyle
    key_action: ParagraphStyle
    label: ParagraphStyle
    bullet: ParagraphStyle


def _guide_styles(size: float) -> _GuideStyles:
    lead = size * 1.24

    def style(name: str, **overrides: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": REGULAR, "fontSize": size, "leading": lead, "textColor": INK}
        base.update(overrides)
        return ParagraphStyle(f"guide_{name}", **base)  # type: ignore[arg-type]

    return _GuideStyles(
        size=size,
        title=style("title", fontName=BOLD, fontSize=size * 1.75, leading=size * 2.1, alignment=TA_CENTER),
        intro=style("intro", alignment=TA_CENTER),
        heading=style("heading", fontName=BOLD, fontSize=size * 1.15, leading=size * 1.4),
        body=style("body"),
        key=style("key", fontName=BOLD, alignment=TA_CENTER),
        key_action=style("key_action", alignment=TA_CENTER),
        label=style("label", fontName=BOLD, fontSize=size * 0.92, leading=size * 1.2),
        bullet=style("bullet", fontSize=size * 0.8),
    )


def rich(text: str) -> str:
    """Guide text as paragraph markup: escaped, and `*word*` in bold."""
    return BOLD_MARK.sub(r"<b>\1</b>", escape(text))


class StepNumber(Flowable):
    """The step's number, white in a black disc: found at a glance on the wall, and clear on any printer."""

    def __init__(self, number: int, size: float) -> None:
        super().__init__()
        self.number = number
        self.diameter = size * 1.55
        self.font_size = size * 0.95

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.diameter, self.diameter
        return self.width, self.height

    def draw(self) -> None:
        canvas, radius = self.canv, self.diameter / 2
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.circle(radius, radius, radius, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, self.font_size)
        canvas.drawCentredString(radius, radius - self.font_size * 0.36, str(self.number))
        canvas.restoreState()


def _plain_table(rows: list[list[object]], widths: list[float], extra: list[tuple] | None = None) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *(extra or []),
    ]))
    return table


def _heading(title: str, styles: _GuideStyles, width: float) -> Table:
    """The section title over a heavy rule."""
    return _plain_table([[Paragraph(rich(title), styles.heading)]], [width], [
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.2),
        ("LINEBELOW", (0, 0), (-1, -1), 1.4, INK),
    ])


def _steps(section: GuideSection, styles: _GuideStyles, width: float) -> Table:
    marker_width = styles.size * 2.1
    rows: list[list[object]] = []
    for number, step in enumerate(section.steps, start=1):
        marker: Flowable = StepNumber(number, styles.size) if section.numbered else Paragraph("■", styles.bullet)
        rows.append([marker, Paragraph(rich(step), styles.body)])
    return _plain_table(rows, [marker_width, width - marker_width], [
        ("TOPPADDING", (0, 1), (-1, -1), styles.size * 0.35),
    ])


def _section(section: GuideSection, styles: _GuideStyles, width: float) -> list[Flowable]:
    return [_heading(section.title, styles, width), Spacer(1, styles.size * 0.5), _steps(section, styles, width)]


KEYS_PER_ROW = 5


def _keys(doc: QuickGuideDocument, styles: _GuideStyles, width: float) -> list[Flowable]:
    """The keys as a strip of keycaps, each with what it does underneath."""
    text = doc.text
    cell = width / KEYS_PER_ROW
    cap_width = max(stringWidth(key.keys, BOLD, styles.size) for key in text.keys) + styles.size * 1.2
    side = (cell - cap_width) / 2
    cells: list[list[object]] = []
    for key in text.keys:
        cap = _plain_table([[Paragraph(escape(key.keys), styles.key)]], [cap_width], [
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.15),
            ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.3),
        ])
        cap.hAlign = "CENTER"
        cells.append([cap, Spacer(1, styles.size * 0.2), Paragraph(escape(key.action), styles.key_action)])
    rows = [cells[start:start + KEYS_PER_ROW] for start in range(0, len(cells), KEYS_PER_ROW)]
    rows[-1] += [""] * (KEYS_PER_ROW - len(rows[-1]))
    table = _plain_table(rows, [cell] * KEYS_PER_ROW, [
        ("LEFTPADDING", (0, 0), (-1, -1), min(side, styles.size * 0.3)),
        ("RIGHTPADDING", (0, 0), (-1, -1), min(side, styles.size * 0.3)),
        ("TOPPADDING", (0, 1), (-1, -1), styles.size * 0.6),
    ])
    return [_heading(text.keys_title, styles, width), Spacer(1, styles.size * 0.5), table]


def _columns(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    column = (width - COLUMN_GAP) / 2
    return _plain_table([[left, "", right]], [column, COLUMN_GAP, column])


def _contacts(doc: QuickGuideDocument, styles: _GuideStyles, width: float) -> list[Flowable]:
    """Lines for the office to write its coordinator's and secretariat's names and numbers on by hand."""
    text = doc.text
    phone_width = stringWidth(text.phone_label, BOLD, styles.label.fontSize) + 2 * mm
    number_width = width * 0.4
    name_width = width - phone_width - number_width - 2 * mm
    story: list[Flowable] = []
    for label in text.contact_lines:
        story.append(Spacer(1, styles.size * 0.6))
        story.append(Paragraph(escape(label), styles.label))
        story.append(_plain_table([["", "", Paragraph(escape(text.phone_label), styles.label), ""]],
                                  [name_width, 2 * mm, phone_width, number_width], [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.9),
            ("LINEBELOW", (0, 0), (0, -1), 0.6, RULE),
            ("LINEBELOW", (3, 0), (3, -1), 0.6, RULE),
        ]))
    return story


def guide_flowables(doc: QuickGuideDocument, paper: Paper, size: float) -> list[Flowable]:
    """The whole page at body size `size` (the letterhead keeps the size every letter has)."""
    width = geometry(paper).frame_width
    styles = _guide_styles(size)
    text = doc.text
    column = (width - COLUMN_GAP) / 2
    gap = Spacer(1, size * 0.8)
    return [
        *letterhead_flowables(doc.letterhead, styles_for(paper), width, compact=True),
        Paragraph(rich(text.title), styles.title),
        Paragraph(rich(text.intro), styles.intro),
        Spacer(1, size * 0.9),
        *_section(text.daily, styles, width),
        gap,
        *_section(text.walk_in, styles, width),
        gap,
        _columns(_section(text.follow_up, styles, column), _section(text.monthly, styles, column), width),
        gap,
        _columns(_section(text.privacy, styles, column),
                 [*_section(text.help, styles, column), *_contacts(doc, styles, column)], width),
        gap,
        *_keys(doc, styles, width),
    ]


def _height(flowables: list[Flowable], width: float, height: float) -> float:
    return sum(flowable.wrap(width, height)[1] for flowable in flowables)


def fits_one_page(doc: QuickGuideDocument, paper: Paper, size: float) -> bool:
    page = geometry(paper)
    story = guide_flowables(doc, paper, size)
    return _height(story, page.frame_width, page.frame_height) <= page.frame_height - FIT_MARGIN


def fitted_size(doc: QuickGuideDocument, paper: Paper) -> float:
    """The largest body size, in SIZE_STEP steps, at which the guide fits one page of `paper`.

    Height grows with the type size, so a binary search over the steps needs five layouts instead of seventeen.
    """
    if paper not in GUIDE_PAPERS:
        raise ValueError(f"the quick guide is laid out for F4 and A4, not {paper.value}")
    steps = round((LARGEST_SIZE - SMALLEST_SIZE) / SIZE_STEP)
    sizes = [SMALLEST_SIZE + index * SIZE_STEP for index in range(steps + 1)]
    if not fits_one_page(doc, paper, sizes[0]):
        raise GuideDoesNotFit(f"the quick guide does not fit one {paper.value.upper()} page even at "
                              f"{SMALLEST_SIZE} pt")
    low, high = 0, len(sizes) - 1  # sizes[low] fits; the answer lies in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if fits_one_page(doc, paper, sizes[middle]):
            low = middle
        else:
            high = middle - 1
    return sizes[low]


def render_quick_guide(doc: QuickGuideDocument, paper: Paper = Paper.F4) -> bytes:
    # Measuring wraps the flowables; the page is built from a fresh set so that nothing depends on that pass.
    story = guide_flowables(doc, paper, fitted_size(doc, paper))
    text = doc.text
    marks = PageMarks(reference=text.reference, continuation=text.reference, page_label=text.page_label,
                      printed_with=text.printed_with)
    return build_pdf([(marks, story)], paper, title=text.reference)
