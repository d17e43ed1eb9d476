"""Small drawing flowables the documents share: the letterhead's double rule, the tear-off cut line, the stamp
space, a container that sets its content at the bottom of the page, and cheap one-line text."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from puskesos_desk.printing.fonts import REGULAR
from puskesos_desk.printing.styles import markup

CUT_LABEL = "✂ gunting di sini"


class DoubleRule(Flowable):
    """The thick-over-thin rule under an Indonesian letterhead (kop surat)."""

    def __init__(self, thick: float = 1.6, thin: float = 0.5, gap: float = 1.4) -> None:
        super().__init__()
        self.thick, self.thin, self.gap = thick, thin, gap
        self.height = thick + gap + thin

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(self.thick)
        top = self.height - self.thick / 2
        canvas.line(0, top, self.width, top)
        canvas.setLineWidth(self.thin)
        canvas.line(0, self.thin / 2, self.width, self.thin / 2)


class CutLine(Flowable):
    """A dashed line across the frame with "✂ gunting di sini" in its middle."""

    def __init__(self, font_size: float = 7.0) -> None:
        super().__init__()
        self.font_size = font_size
        self.height = font_size * 1.6

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        middle = self.height / 2
        label_width = stringWidth(CUT_LABEL, REGULAR, self.font_size) + 3 * mm
        left_end = (self.width - label_width) / 2
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.3, 0.3, 0.3))
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 2.5)
        canvas.line(0, middle, left_end, middle)
        canvas.line(left_end + label_width, middle, self.width, middle)
        canvas.setFillColor(colors.Color(0.25, 0.25, 0.25))
        canvas.setFont(REGULAR, self.font_size)
        canvas.drawCentredString(self.width / 2, middle - self.font_size * 0.35, CUT_LABEL)
        canvas.restoreState()


class StampSpace(Flowable):
    """Room for a signature, with a faint dashed circle marked "Cap" where the office stamp goes."""

    def __init__(self, height: float, font_size: float = 7.0) -> None:
        super().__init__()
        self.height = height
        self.font_size = font_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        radius = min(self.height * 0.46, 11 * mm)
        centre_x, centre_y = radius + 1 * mm, self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.72, 0.72, 0.72))
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.circle(centre_x, centre_y, radius, stroke=1, fill=0)
        canvas.setFillColor(colors.Color(0.6, 0.6, 0.6))
        canvas.setFont(REGULAR, self.font_size)
        canvas.drawCentredString(centre_x, centre_y - self.font_size * 0.35, "Cap")
        canvas.restoreState()


class AtPageBottom(Flowable):
    """Sets `content` at the bottom of the current frame; when it no longer fits there, at the top of the next one.

    The return stub goes here: torn off along its cut line, it leaves the letter above intact. A page that holds
    nothing but the stub shows it at the top, where the eye expects a page to start.
    """

    def __init__(self, content: Flowable, frame_height: float) -> None:
        super().__init__()
        self.content = content
        self.frame_height = frame_height
        self._content_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._content_height = self.content.wrap(avail_width, avail_height)
        self.width = avail_width
        fresh_frame = avail_height >= self.frame_height - 1
        # Taking all the remaining height keeps anything else from landing below the stub; when the stub does not
        # fit, reporting its own height makes the frame move it to the next page.
        fits = self._content_height <= avail_height
        self.height = self._content_height if fresh_frame or not fits else avail_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


class TextLine(Flowable):
    """One line of fixed wording ("Kepada Yth.", headings, captions) drawn with a single drawString.

    It looks exactly like a one-line Paragraph of `style` (same baseline, alignment and spacing) at a fraction of
    the cost; should the text not fit the column after all, it turns into that Paragraph and wraps.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, underline: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.underline = underline
        self._paragraph: Paragraph | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        if "\n" in self.text or stringWidth(self.text, style.fontName, style.fontSize) > avail_width:
            text = f"<u>{markup(self.text)}</u>" if self.underline else markup(self.text)
            self._paragraph = self._paragraph or Paragraph(text, style)
            return self._paragraph.wrap(avail_width, avail_height)
        self._paragraph = None
        self.width, self.height = avail_width, style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._paragraph.split(avail_width, avail_height) if self._paragraph is not None else []

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        style, canvas = self.style, self.canv
        baseline = self.height - style.fontSize  # where Paragraph puts its first line (paraFontSizeHeightOffset)
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize)
        if style.alignment == TA_CENTER:
            canvas.drawCentredString(self.width / 2, baseline, self.text)
        elif style.alignment == TA_RIGHT:
            canvas.drawRightString(self.width, baseline, self.text)
        else:
            canvas.drawString(0, baseline, self.text)
            if self.underline:  # where Paragraph's <u> puts it
                canvas.setStrokeColor(style.textColor)
                canvas.setLineWidth(style.fontSize / 15)
                under = baseline - style.fontSize / 8
                canvas.line(0, under, stringWidth(self.text, style.fontName, style.fontSize), under)
