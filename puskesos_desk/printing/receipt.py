"""The registration receipt (bukti pendaftaran) handed to the resident at the end of a visit."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from puskesos_desk.domain.documents import Paper, ReceiptDocument, ReceiptLine
from puskesos_desk.printing.blocks import label_table, plain_table, signature_block
from puskesos_desk.printing.dates import long_date, weekday_date_time
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import RULE, Styles, markup, number_paragraph, styles_for

TITLE = "BUKTI PENDAFTARAN LAYANAN"
KEEP_IT = "Simpan bukti ini; sebutkan nomor registrasi bila menanyakan perkembangan layanan."


def _persons(subjects: tuple[tuple[str, str], ...]) -> str:
    """One line per person: "Name, NIK 3322••••••••0003", or "Name, Belum memiliki NIK" as the service words it."""
    lines = []
    for name, nik in subjects:
        if not nik:
            lines.append(name)
        else:
            lines.append(f"{name}, NIK {nik}" if nik[0].isdigit() else f"{name}, {nik}")
    return "\n".join(lines) or "-"


def _item_lines(items: tuple[ReceiptLine, ...], styles: Styles, width: float) -> list[Flowable]:
    if not items:
        return []
    number_width = 30 * mm if width > 120 * mm else 26 * mm
    rows: list[list[object]] = []
    for item in items:
        cell = [Paragraph(markup(item.text), styles.body)]
        if item.due is not None:
            cell.append(Paragraph(f"ditindaklanjuti paling lambat {long_date(item.due)}", styles.small))
        rows.append([Paragraph(markup(item.number), styles.body), cell])
    table = plain_table(rows, [number_width, width - number_width],
                        extra=[("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    return [Paragraph("Pengaduan dan kebutuhan yang dicatat", styles.heading), table]


def receipt_flowables(doc: ReceiptDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    width = page.frame_width
    label_width = (32 if page.compact else 38) * mm
    story: list[Flowable] = [
        *letterhead_flowables(doc.letterhead, styles, width, compact=True),
        Paragraph(TITLE, styles.title),
        Spacer(1, 1.5 * mm),
        Paragraph("Nomor registrasi", styles.center_small),
        number_paragraph(doc.registration_number, styles.big_number, width, shrink=6),
        Spacer(1, 2.5 * mm),
        label_table([
            ("Tanggal/waktu", weekday_date_time(doc.occurred_at)),
            ("Cara pengajuan", doc.channel),
            ("Pemohon", doc.applicant_name),
            ("Warga yang dibantu", _persons(doc.subjects)),
            ("Keperluan", doc.purpose or "-"),
        ], styles, width, label_width),
        *_item_lines(doc.items, styles, width),
    ]
    if doc.notice:
        story += [Spacer(1, 2 * mm), Paragraph(markup(doc.notice), styles.small)]
    officer = signature_block(styles, ["Petugas,"], doc.officer_name, space=(10 if page.compact else 14) * mm)
    story += [
        Spacer(1, 3 * mm),
        plain_table([["", officer]], [width * 0.55, width * 0.45]),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{markup(KEEP_IT)}</b>", styles.body),
    ]
    return story


def render_receipt(doc: ReceiptDocument, paper: Paper = Paper.A5) -> bytes:
    marks = PageMarks(reference=doc.registration_number,
                      continuation=f"Bukti Pendaftaran Nomor: {doc.registration_number} (lanjutan)")
    title = f"Bukti Pendaftaran {doc.registration_number}"
    return build_pdf([(marks, receipt_flowables(doc, paper))], paper, title=title)
