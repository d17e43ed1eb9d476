"""The tear-off return stub (lembar balasan) of a referral slip.

The receiving office fills it in and sends it back with the resident; its QR carries the same token as the slip, so
the desk's scanner finds the referral at once. It names the resident but never prints an identity number.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from puskesos_desk.domain.documents import SlipDocument
from puskesos_desk.printing.blocks import UNCHECKED, label_table, plain_table
from puskesos_desk.printing.flowables import CutLine, TextLine
from puskesos_desk.printing.paper import PageGeometry
from puskesos_desk.printing.styles import RULE, Styles
from puskesos_desk.printing.verification import verification_block

OUTCOMES = ("Terlayani penuh", "Terlayani sebagian", "Tidak terlayani", "Ditolak")


class _FillIn(Flowable):
    """Labels with ruled lines to write on by hand, drawn in one go (six small tables cost more than the rest of
    the stub). A label takes its natural width and the rule the rest of the row; rows flagged False are text only
    (the outcome checkboxes, which may hold a line break)."""

    def __init__(self, rows: Sequence[tuple[str, bool]], style: ParagraphStyle, row_height: float) -> None:
        super().__init__()
        self.rows, self.style, self.row_height = rows, style, row_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.row_height * len(self.rows)
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index, (label, ruled) in enumerate(self.rows):
            bottom = self.height - (index + 1) * self.row_height
            baseline = bottom + 0.3 * style.fontSize
            lines = label.split("\n")
            for number, line in enumerate(lines):  # top line first, so text is read in order
                canvas.drawString(0, baseline + (len(lines) - 1 - number) * style.leading, line)
            if ruled:
                start = stringWidth(label, style.fontName, style.fontSize) + 2 * mm if label else 0.0
                canvas.line(start, bottom, self.width, bottom)


def _fill_in(styles: Styles, row_height: float, *, narrow: bool) -> Flowable:
    """What the receiving office writes by hand, and the outcome checkboxes (on two lines when `narrow`)."""
    boxes = [f"{UNCHECKED} {label}" for label in OUTCOMES]
    outcome = "Hasil:  " + ("   ".join(boxes[:2]) + "\n" + "   ".join(boxes[2:]) if narrow else "   ".join(boxes))
    rows = [
        ("Diterima tanggal:", True),
        ("Tindakan yang dilakukan:", True),
        ("", True),  # a second line for the same answer
        (outcome, False),
        ("Alasan bila ditolak:", True),
        ("Nama & paraf petugas penerima:", True),
    ]
    return _FillIn(rows, styles.small, row_height)


def return_stub(doc: SlipDocument, styles: Styles, page: PageGeometry) -> Flowable:
    """The stub as one block. F4/A4: everything beside the QR code, to stay on the letter's page. A5, where the
    stub has a page of its own: the reference lines across the page, and more room to write by hand."""
    width = page.frame_width
    verification, qr_column = verification_block(doc.token, doc.number, "Pindai untuk memverifikasi", styles, page)
    gutter = 3 * mm
    beside_qr = width - qr_column - gutter
    reference_width = width if page.compact else beside_qr
    reference = [
        TextLine("LEMBAR BALASAN", styles.body_bold),
        Spacer(1, 0.8 * mm),
        label_table([
            ("Nomor surat", doc.number),
            ("Nama warga", doc.resident.name),
            ("Lembaga tujuan", f"{doc.recipient.organisation} — {doc.recipient.service_name}"),
        ], styles, reference_width, (24 if page.compact else 28) * mm),
    ]
    fill_in = [_fill_in(styles, styles.size * (2.6 if page.compact else 1.7), narrow=page.compact)]
    beside = fill_in if page.compact else [*reference, *fill_in]
    back = (f"Mohon lembar ini dikembalikan ke {doc.letterhead.organisation} melalui warga, "
            "atau kabarkan hasilnya kepada Puskesos.")
    parts: list[Flowable] = [
        CutLine(styles.size - 1.5),
        Spacer(1, 1 * mm),
        *(reference if page.compact else []),
        plain_table([[beside, "", verification]], [beside_qr, gutter, qr_column],
                    extra=[("ALIGN", (2, 0), (2, 0), "CENTER")]),
        Spacer(1, 1.2 * mm),
        TextLine(back, styles.small),
    ]
    # One table cell holds the whole stub, so it is measured, kept together and drawn as one block.
    return plain_table([[parts]], [width])
