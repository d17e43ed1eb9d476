"""Paragraph styles per paper size, built once and shared by every document.

Building ParagraphStyle objects is cheap, but a batch of 1,000 slips would build 20,000 of them; caching per paper
also keeps every document on one typographic scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing.fonts import BOLD, REGULAR, register_fonts
from puskesos_desk.printing.paper import geometry

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.93, 0.93, 0.93)
URGENT_SHADE = colors.Color(1.0, 0.92, 0.9)
MIN_FITTED_SIZE = 5.0


@dataclass(frozen=True, slots=True)
class Styles:
    size: float  # body font size in points
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    center_small: ParagraphStyle
    caption: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    heading_inline: ParagraphStyle
    label: ParagraphStyle
    org: ParagraphStyle
    org_detail: ParagraphStyle
    big_number: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_header: ParagraphStyle


@cache
def styles_for(paper: Paper) -> Styles:
    register_fonts()
    size = 8.0 if geometry(paper).compact else 9.0
    lead = size * 1.25

    def style(name: str, **overrides: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": REGULAR, "fontSize": size, "leading": lead, "textColor": INK,
                                   "alignment": TA_LEFT, "splitLongWords": 1}
        base.update(overrides)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    small = size - 1.5
    tiny = size - 2.5
    return Styles(
        size=size,
        body=style("body"),
        body_bold=style("body_bold", fontName=BOLD),
        small=style("small", fontSize=small, leading=small * 1.25),
        tiny=style("tiny", fontSize=tiny, leading=tiny * 1.25, textColor=MUTED),
        right=style("right", alignment=TA_RIGHT),
        center=style("center", alignment=TA_CENTER),
        center_small=style("center_small", alignment=TA_CENTER, fontSize=small, leading=small * 1.2),
        caption=style("caption", alignment=TA_CENTER, fontSize=size - 2, leading=(size - 2) * 1.2),
        title=style("title", fontName=BOLD, fontSize=size + 3.5, leading=(size + 3.5) * 1.2, alignment=TA_CENTER),
        subtitle=style("subtitle", alignment=TA_CENTER),
        heading=style("heading", fontName=BOLD, spaceBefore=size * 0.45, spaceAfter=size * 0.1),
        heading_inline=style("heading_inline", spaceBefore=size * 0.45),
        label=style("label"),
        org=style("org", fontName=BOLD, fontSize=size + 3, leading=(size + 3) * 1.2, alignment=TA_CENTER),
        org_detail=style("org_detail", fontSize=small, leading=small * 1.25, alignment=TA_CENTER),
        big_number=style("big_number", fontName=BOLD, fontSize=size + 7, leading=(size + 7) * 1.2,
                         alignment=TA_CENTER),
        cell=style("cell", fontSize=small, leading=small * 1.2),
        cell_bold=style("cell_bold", fontName=BOLD, fontSize=small, leading=small * 1.2),
        cell_header=style("cell_header", fontName=BOLD, fontSize=small, leading=small * 1.2),
    )


def markup(value: str) -> str:
    """Plain text as paragraph markup: `<`, `&` and `>` escaped, line breaks kept.

    Every value from the database goes through here; a name such as "A&B <Toko>" must print, not break the parser.
    """
    return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")


def fitted_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size ≤ `size`, and not below MIN_FITTED_SIZE, at which `text` fits `width` on one line."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(MIN_FITTED_SIZE, size * width / natural)


def number_paragraph(text: str, style: ParagraphStyle, width: float, *, shrink: float = 1.5) -> Paragraph:
    """A letter or case number on one line, shrunk by up to `shrink` points if need be; a longer one is broken after
    its slashes and dashes: broken at an arbitrary character (".../XI/2" + "026") it misleads whoever copies it."""
    size = fitted_size(text, style.fontName, style.fontSize, width)
    if size >= style.fontSize - shrink and stringWidth(text, style.fontName, size) <= width:
        if size != style.fontSize:
            style = ParagraphStyle(f"{style.name}_fitted", parent=style, fontSize=size, leading=size * 1.2)
        return Paragraph(markup(text), style)
    lines: list[str] = []
    current = ""
    for piece in re.findall(r"[^/-]+[/-]?|[/-]", text):
        if current and stringWidth(current + piece, style.fontName, style.fontSize) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return Paragraph("<br/>".join(markup(line) for line in lines), style)
