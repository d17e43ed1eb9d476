"""The DTSEN status note (keterangan status DTSEN): what the district's extract says about one resident.

It states where the information comes from and how old it is, and that the Puskesos decides no programme
membership: residents take such papers to offices, and a note without its date would be read as a promise.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from puskesos_desk.domain.documents import Paper, RegisterNoteDocument
from puskesos_desk.domain.referrals import RegisterKnowledge, RegisterSnapshot
from puskesos_desk.printing.blocks import identity_rows, label_table, plain_table, signature_block
from puskesos_desk.printing.dates import long_date
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.styles import markup, styles_for

TITLE = "KETERANGAN STATUS DATA TUNGGAL SOSIAL EKONOMI NASIONAL (DTSEN)"
NOT_DECIDED_HERE = ("Kepesertaan program ditentukan oleh pemerintah berdasarkan desil DTSEN; Puskesos tidak "
                    "menetapkan kepesertaan.")


def source_note(register: RegisterSnapshot) -> str:
    """Where the status comes from, with its date; without a date, why the status is unknown or undated."""
    if register.as_of is not None:
        return (f"Keterangan ini dibuat dari salinan data yang diterima Puskesos dari Dinas Sosial per "
                f"{long_date(register.as_of)}. {NOT_DECIDED_HERE}")
    if register.knowledge is RegisterKnowledge.TIDAK_DIKETAHUI:
        return ("Status DTSEN warga ini tidak diketahui: Puskesos belum menerima salinan data DTSEN dari Dinas "
                "Sosial, atau warga belum memiliki NIK yang dapat dicocokkan. Untuk kepastian, tanyakan ke Dinas "
                f"Sosial atau cek melalui aplikasi Cek Bansos. {NOT_DECIDED_HERE}")
    return ("Keterangan ini dibuat dari salinan data yang diterima Puskesos dari Dinas Sosial; tanggal salinan data "
            f"tersebut tidak tercatat. {NOT_DECIDED_HERE}")


def register_note_flowables(doc: RegisterNoteDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    width = page.frame_width
    label_width = (32 if page.compact else 42) * mm
    rows = [*identity_rows(doc.resident), ("Status DTSEN", doc.register.describe())]
    if doc.purpose:
        rows.append(("Keperluan", doc.purpose))
    place = doc.letterhead.place
    dated = f"{place}, {long_date(doc.printed_on)}" if place else long_date(doc.printed_on)
    officer = signature_block(styles, [dated, "Petugas,"], doc.officer_name, space=(12 if page.compact else 18) * mm)
    return [
        *letterhead_flowables(doc.letterhead, styles, width, compact=page.compact),
        Paragraph(TITLE, styles.title),
        Spacer(1, 4 * mm),
        Paragraph(markup(f"Yang bertanda tangan di bawah ini, petugas {doc.letterhead.organisation}, menerangkan "
                         "status data warga berikut:"), styles.body),
        Spacer(1, 2 * mm),
        label_table(rows, styles, width, label_width),
        Spacer(1, 3 * mm),
        Paragraph(markup(source_note(doc.register)), styles.body),
        Spacer(1, 2 * mm),
        Paragraph("Demikian keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.", styles.body),
        Spacer(1, 5 * mm),
        plain_table([["", officer]], [width * 0.55, width * 0.45]),
    ]


def render_register_note(doc: RegisterNoteDocument, paper: Paper = Paper.A4) -> bytes:
    reference = f"Keterangan status DTSEN · {doc.resident.name}"
    marks = PageMarks(reference=reference, continuation=f"{reference} (lanjutan)")
    return build_pdf([(marks, register_note_flowables(doc, paper))], paper, title="Keterangan Status DTSEN")
