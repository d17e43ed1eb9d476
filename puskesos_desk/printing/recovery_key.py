"""The recovery-key sheet of an encrypted site ("Kunci Pemulihan Basis Data"), one A4 page.

The key is printed large, in groups of four, in a framed box, so it can be typed back without mistakes; the
instructions say who keeps the sheet (the district SLRT secretariat, in a sealed envelope) and what it can do.
Anyone holding the sheet and a copy of the database file can read every record: the text says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.documents import Letterhead, Paper
from puskesos_desk.printing.blocks import label_table, plain_table, signature_block
from puskesos_desk.printing.dates import long_date
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import RULE, SHADE, markup, styles_for

TITLE = "KUNCI PEMULIHAN BASIS DATA"
PAPER = Paper.A4
GROUPS_PER_LINE = 7


@dataclass(frozen=True, slots=True)
class RecoverySheet:
    letterhead: Letterhead
    site_code: str
    site_name: str
    key_id: str
    recovery_key: str  # "ABCD-EFGH-…", 14 groups of 4
    made_on: date
    database: str  # where the file lives, so the right envelope goes with the right PC


def _key_box(text: str, styles_size: float, width: float) -> Table:
    groups = text.split("-")
    lines = ["  ".join(groups[i:i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)]
    style = ParagraphStyle("recovery_key", fontName="Courier-Bold", fontSize=styles_size + 6,
                           leading=(styles_size + 6) * 1.6, alignment=1)
    box = Table([[Paragraph("<br/>".join(markup(line) for line in lines), style)]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.6, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("TOPPADDING", (0, 0), (-1, -1), 5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm)]))
    return box


def recovery_sheet_flowables(sheet: RecoverySheet) -> list[Flowable]:
    styles = styles_for(PAPER)
    width = geometry(PAPER).frame_width
    heading = ParagraphStyle("recovery_heading", parent=styles.heading, spaceBefore=styles.size * 0.9)
    facts = [("Situs", f"{sheet.site_name} ({sheet.site_code})"), ("Tanggal dibuat", long_date(sheet.made_on)),
             ("ID kunci", sheet.key_id), ("Basis data", sheet.database)]
    steps = [
        "Lembar ini membuka basis data Puskesos Desk situs di atas bila frasa sandi basis data lupa atau berkas "
        "kuncinya (berkas .key di samping basis data) hilang atau rusak.",
        "Serahkan lembar ini ke Sekretariat SLRT kabupaten/kota dalam amplop tertutup dan bersegel, ditandatangani "
        "di atas segelnya. Jangan simpan lembar ini di kantor desa, di dekat komputer, atau sebagai foto.",
        "Cara memakai: saat aplikasi meminta frasa sandi, pilih “Pakai kunci pemulihan…”, ketik 56 huruf dan angka "
        "di kotak (tanda hubung dan spasi boleh diabaikan), lalu buat frasa sandi baru. Di baris perintah: "
        "puskesos-desk encryption recover.",
        "Setelah dipakai, kuncinya tetap sama: simpan kembali lembar ini dalam amplop bersegel yang baru dan catat "
        "siapa yang membukanya dan kapan.",
    ]
    warning = ("PENTING: siapa pun yang memegang lembar ini dan salinan berkas basis data dapat membaca seluruh data "
               "warga. Bila frasa sandi DAN lembar ini sama-sama hilang, data tidak dapat dibuka lagi oleh siapa "
               "pun, termasuk pembuat aplikasi; yang tersisa hanya cadangan yang kuncinya masih diketahui.")
    signer = signature_block(styles, ["Diserahkan oleh,"], None, space=16 * mm, unsigned="(" + "." * 36 + ")")
    receiver = signature_block(styles, ["Diterima (Sekretariat SLRT),"], None, space=16 * mm,
                               unsigned="(" + "." * 36 + ")")
    return [
        *letterhead_flowables(sheet.letterhead, styles, width),
        Paragraph(TITLE, styles.title),
        Paragraph(markup("RAHASIA — simpan dalam amplop tertutup di Sekretariat SLRT kabupaten/kota"),
                  styles.subtitle),
        Spacer(1, 4 * mm),
        label_table(facts, styles, width, 30 * mm),
        Spacer(1, 4 * mm),
        _key_box(sheet.recovery_key, styles.size, width),
        Paragraph(markup("Huruf A–Z dan angka 2–7 saja: tidak ada angka 0, 1, 8 atau 9."), styles.center_small),
        Paragraph("Petunjuk", heading),
        *(Paragraph(markup(f"{number}. {text}"), styles.body) for number, text in enumerate(steps, start=1)),
        Spacer(1, 3 * mm),
        Paragraph(markup(warning), styles.body_bold),
        Spacer(1, 8 * mm),
        plain_table([[signer, receiver]], [width * 0.5, width * 0.5]),
    ]


def render_recovery_sheet(sheet: RecoverySheet) -> bytes:
    marks = PageMarks(reference=f"Kunci pemulihan · {sheet.site_code} · ID {sheet.key_id}", continuation=TITLE,
                      watermark="RAHASIA")
    return build_pdf([(marks, recovery_sheet_flowables(sheet))], PAPER, title="Kunci Pemulihan Basis Data")
