"""The QR code block of the slip and its stub: the code, a short caption and the letter number."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from puskesos_desk.printing.flowables import TextLine
from puskesos_desk.printing.paper import PageGeometry
from puskesos_desk.printing.qr import QrCode
from puskesos_desk.printing.styles import Styles, number_paragraph


def verification_block(token: str, number: str, caption: str, styles: Styles,
                       page: PageGeometry) -> tuple[list[Flowable], float]:
    """The flowables for one table column, and that column's width."""
    qr = QrCode(token, page.qr_size)
    width = qr.width + (10 if page.compact else 14) * mm
    return [qr, TextLine(caption, styles.caption), number_paragraph(number, styles.caption, width)], width
