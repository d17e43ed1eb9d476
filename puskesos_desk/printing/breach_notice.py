"""The drafted breach notice (UU PDP Ps. 46) on A4 or F4: to the affected residents and the supervising agency,
saying which data, when and how it was exposed, what was done and will be done, and whom to contact.

The 3×24-hour deadline sits in a framed box under the title, where the Koordinator cannot miss it; the draft is
marked as a draft until the officer has checked and completed it.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.breach import CATEGORY_LABELS, EXPOSURE_LABELS, LEGAL_LINE, NOTICE_HOURS, BreachNoticeDocument
from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing.blocks import label_table, plain_table, signature_block
from puskesos_desk.printing.dates import long_date, weekday_date_time
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import RULE, SHADE, markup, styles_for

TITLE = "PEMBERITAHUAN KEGAGALAN PELINDUNGAN DATA PRIBADI"
DRAFT_NOTE = "DRAF — periksa, lengkapi, dan tanda tangani sebelum dikirim."
TO_BE_FILLED = "(belum diisi — lengkapi sebelum dikirim)"


def _moment(value: datetime) -> str:
    """Local time as the service gave it, with the zone's short name ("WIB") when it has a readable one."""
    zone = value.tzname() or ""
    return f"{weekday_date_time(value)} {zone}" if zone.isalpha() else weekday_date_time(value)


def _deadline_box(doc: BreachNoticeDocument, style: ParagraphStyle, width: float) -> Table:
    note = ParagraphStyle("breach_deadline_note", parent=style, fontName=style.fontName, fontSize=style.fontSize - 3,
                          leading=(style.fontSize - 3) * 1.3)
    text = f"BATAS WAKTU PEMBERITAHUAN: {markup(_moment(doc.report.deadline))}"
    why = f"{NOTICE_HOURS} jam (3×24 jam) sejak kebocoran diketahui pada {_moment(doc.report.discovered_at)}"
    box = Table([[[Paragraph(text, style), Paragraph(markup(why), note)]]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.6, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("TOPPADDING", (0, 0), (-1, -1), 3 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
    return box


def breach_notice_flowables(doc: BreachNoticeDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    width = page.frame_width
    report = doc.report
    big = ParagraphStyle("breach_deadline", parent=styles.body_bold, fontSize=styles.size + 2.5,
                         leading=(styles.size + 2.5) * 1.35, alignment=1)
    heading = ParagraphStyle("breach_heading", parent=styles.heading, spaceBefore=styles.size * 0.8,
                             spaceAfter=styles.size * 0.3)
    organisation = doc.letterhead.organisation.title()

    def section(title: str, *texts: str) -> list[Flowable]:
        return [Paragraph(markup(title), heading),
                *(Paragraph(markup(text), styles.body) for text in texts if text)]

    categories = ", ".join(CATEGORY_LABELS[c] for c in report.categories)
    period = f"{_moment(report.period_start)} sampai {_moment(report.period_end)}"
    exposure = EXPOSURE_LABELS[report.kind] + (f" ({report.package})" if report.package else "")
    counts = (f"Jumlah warga yang datanya terungkap: {doc.affected} orang dari {doc.households} keluarga"
              + (f", termasuk {doc.children} anak" if doc.children else "") + ".")
    unresolved = (f" Selain itu {doc.unresolved_documents} dokumen (laporan atau daftar) memuat data warga tanpa "
                  "daftar nama yang tercatat; warga di dalamnya mungkin belum termasuk hitungan ini."
                  if doc.unresolved_documents else "")
    documents = ("Dokumen yang terungkap: " + "; ".join(doc.documents[:15])
                 + (f"; dan {len(doc.documents) - 15} dokumen lain" if len(doc.documents) > 15 else "") + ".") \
        if doc.documents else ""
    addressees = [("Kepada", "1. Warga (subjek data pribadi) yang datanya terdampak"),
                  ("", "2. Lembaga penyelenggara pelindungan data pribadi"),
                  ("", "3. Dinas Sosial (Sekretariat SLRT) sebagai pengendali data bersama"),
                  ("Tanggal", long_date(doc.made_on))]
    dated = f"{doc.letterhead.place}, {long_date(doc.made_on)}" if doc.letterhead.place else long_date(doc.made_on)
    signer = signature_block(styles, [dated, f"Koordinator {organisation},"], None, space=20 * mm,
                             unsigned="(" + "." * 36 + ")")
    return [
        *letterhead_flowables(doc.letterhead, styles, width),
        Paragraph(TITLE, styles.title),
        Paragraph(markup(DRAFT_NOTE), styles.subtitle),
        Spacer(1, 3 * mm),
        _deadline_box(doc, big, width),
        Spacer(1, 3 * mm),
        label_table(addressees, styles, width, 22 * mm),
        Spacer(1, 2 * mm),
        Paragraph(markup(f"Dengan hormat, {organisation} memberitahukan telah terjadi kegagalan pelindungan data "
                         "pribadi yang dikelola untuk pelayanan sosial, dengan keterangan sebagai berikut."),
                  styles.body),
        *section("1. Data pribadi yang terungkap", f"Jenis data: {categories}.", counts + unresolved, documents),
        *section("2. Kapan dan bagaimana data terungkap", f"Periode terungkap: {period}.",
                 f"Diketahui pada: {_moment(report.discovered_at)}.", f"Yang terungkap: {exposure}.",
                 f"Uraian kejadian: {report.how.strip() or TO_BE_FILLED}"),
        *section("3. Upaya penanganan yang telah dilakukan", report.actions_taken.strip() or TO_BE_FILLED),
        *section("4. Upaya yang akan dilakukan",
                 report.actions_planned.strip() or TO_BE_FILLED,
                 "Warga diminta waspada terhadap pihak yang menghubungi dengan mengaku petugas, meminta uang, "
                 "atau meminta kode OTP/PIN, dan melapor ke Puskesos bila hal itu terjadi."),
        *section("5. Kontak", report.contact.strip() or doc.letterhead.contact or TO_BE_FILLED,
                 f"Alamat: {doc.letterhead.address}" if doc.letterhead.address else ""),
        Spacer(1, 2 * mm),
        Paragraph(markup(LEGAL_LINE), styles.small),
        Spacer(1, 6 * mm),
        KeepTogether([plain_table([["", signer]], [width * 0.5, width * 0.5])]),
    ]


def render_breach_notice(doc: BreachNoticeDocument, paper: Paper = Paper.A4) -> bytes:
    reference = f"Pemberitahuan kebocoran data · batas {weekday_date_time(doc.report.deadline)}"
    marks = PageMarks(reference=reference, continuation=f"{TITLE} (lanjutan)", watermark="DRAF")
    return build_pdf([(marks, breach_notice_flowables(doc, paper))], paper, title="Pemberitahuan Kebocoran Data")
