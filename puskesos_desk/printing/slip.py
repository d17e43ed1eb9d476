"""The referral slip (surat rujukan): the letter to the receiving office, its QR code, and the return stub.

On F4 and A4 the stub sits at the bottom of the letter's last page, ready to be cut off; A5 is too short for both,
so the stub gets a page of its own. Long names, addresses and summaries wrap and flow onto further pages, which
repeat the letter number at the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from puskesos_desk.domain.documents import Paper, SlipDocument
from puskesos_desk.printing.blocks import (
    checklist,
    identity_rows,
    label_table,
    plain_table,
    side_by_side,
    signature_block,
)
from puskesos_desk.printing.dates import long_date
from puskesos_desk.printing.flowables import AtPageBottom, TextLine
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import PageGeometry, geometry
from puskesos_desk.printing.return_stub import return_stub
from puskesos_desk.printing.styles import Styles, markup, styles_for
from puskesos_desk.printing.verification import verification_block

TITLE = "SURAT RUJUKAN"
DRAFT_WATERMARK = "DRAF – BELUM DISETUJUI"
NO_ADDRESS = "Alamat belum tercatat di direktori layanan"
NO_DOCUMENTS = "Tidak ada persyaratan dokumen"
VERIFY_CAPTION = "Pindai untuk memverifikasi surat ini"
THANKS = "Atas perhatian dan kerja samanya kami ucapkan terima kasih."


def _dated_place(doc: SlipDocument) -> str:
    place = doc.letterhead.place
    return f"{place}, {long_date(doc.letter_date)}" if place else long_date(doc.letter_date)


def _addressee(doc: SlipDocument, styles: Styles) -> list[Flowable]:
    recipient = doc.recipient
    lines: list[Flowable] = [
        TextLine("Kepada Yth.", styles.body),
        TextLine(recipient.organisation, styles.body_bold),
        TextLine(recipient.service_name, styles.body),
        TextLine(recipient.address or NO_ADDRESS, styles.body),
    ]
    reach = [f"Kontak: {recipient.contact}" if recipient.contact else "",
             f"Jam layanan: {recipient.hours}" if recipient.hours else ""]
    if any(reach):
        lines.append(TextLine(" · ".join(part for part in reach if part), styles.small))
    lines.append(TextLine("di tempat", styles.body))
    return lines


def _header(doc: SlipDocument, styles: Styles, page: PageGeometry) -> list[Flowable]:
    """Title and number, the date, then the addressee and subject beside the QR code the receiving office scans."""
    title = TITLE if doc.approved else f"{TITLE} (DRAF)"
    verification, qr_column = verification_block(doc.token, doc.number, VERIFY_CAPTION, styles, page)
    left_width = page.frame_width - qr_column
    left = [
        *_addressee(doc, styles),
        Spacer(1, 2.5 * mm),
        label_table([("Perihal", f"Rujukan layanan — {doc.recipient.service_name}")], styles, left_width,
                    15 * mm),
    ]
    return [
        TextLine(title, styles.title),
        TextLine(f"Nomor: {doc.number}", styles.subtitle),
        Spacer(1, 1.5 * mm),
        TextLine(_dated_place(doc), styles.right),
        plain_table([[left, verification]], [left_width, qr_column],
                    extra=[("ALIGN", (1, 0), (1, 0), "CENTER"), ("VALIGN", (0, 0), (0, 0), "BOTTOM")]),
    ]


def _response_line(doc: SlipDocument) -> str:
    text = ("Mohon lembar balasan di bawah diisi dan dikembalikan melalui warga atau dikabari ke Puskesos dalam "
            f"{doc.response_days} hari kerja")
    if doc.response_due is not None:
        text += f" (paling lambat {long_date(doc.response_due)})"
    return text + "."


def _body(doc: SlipDocument, styles: Styles, page: PageGeometry) -> list[Flowable]:
    width = page.frame_width
    label_width = (32 if page.compact else 40) * mm
    rows = [*identity_rows(doc.resident), ("Status DTSEN/DTKS", doc.register.describe())]
    gap = Spacer(1, (1 if page.compact else 2) * mm)
    return [
        Spacer(1, 1.5 * mm),
        TextLine("Dengan hormat, kami merujuk warga berikut untuk mendapatkan layanan:", styles.body),
        Spacer(1, 1 * mm),
        label_table(rows, styles, width, label_width),
        gap,
        TextLine("Ringkasan masalah", styles.heading),
        Paragraph(markup(doc.problem_summary or "-"), styles.body),
        Paragraph(f"<b>Layanan yang dimohon:</b> {markup(doc.requested_service or '-')}", styles.heading_inline),
        TextLine("Dokumen yang dibawa", styles.heading),
        checklist(doc.documents, styles, width, NO_DOCUMENTS),
        gap,
        Paragraph(markup(f"{_response_line(doc)} {THANKS}"), styles.body),
    ]


def _signatures(doc: SlipDocument, styles: Styles, page: PageGeometry) -> list[Flowable]:
    space = (11 if page.compact else 13) * mm
    officer = signature_block(styles, ["Petugas,", doc.officer_title], doc.officer_name, space=space)
    signer = signature_block(styles, ["Mengetahui/Menyetujui,", doc.signer_title], doc.signer_name, space=space,
                             unsigned="(belum disetujui)", stamp=True)
    return [Spacer(1, (1.5 if page.compact else 2.5) * mm), side_by_side(officer, signer, page.frame_width)]


def slip_flowables(doc: SlipDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    story = [
        *letterhead_flowables(doc.letterhead, styles, page.frame_width, compact=page.compact),
        *_header(doc, styles, page),
        *_body(doc, styles, page),
        *_signatures(doc, styles, page),
    ]
    stub = return_stub(doc, styles, page)
    if page.compact:
        story += [PageBreak(), stub]
    else:
        story += [Spacer(1, 4 * mm), AtPageBottom(stub, page.frame_height)]
    return story


def slip_marks(doc: SlipDocument) -> PageMarks:
    return PageMarks(reference=doc.number, continuation=f"Surat Rujukan Nomor: {doc.number} (lanjutan)",
                     watermark="" if doc.approved else DRAFT_WATERMARK, reprint=doc.reprint)


def render_slip(doc: SlipDocument, paper: Paper) -> bytes:
    return render_slips([doc], paper)


def render_slips(docs: Sequence[SlipDocument], paper: Paper) -> bytes:
    """All slips in one PDF (batch printing); each starts on a new page and counts its own pages."""
    title = "Surat Rujukan" if len(docs) != 1 else f"Surat Rujukan {docs[0].number}"
    return build_pdf([(slip_marks(doc), slip_flowables(doc, paper)) for doc in docs], paper, title=title)
