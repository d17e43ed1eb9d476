"""The copy of a resident's personal data (Salinan Data Pribadi, UU PDP Ps. 7) on A4 or F4.

Letterhead, who asked and why, the legal basis, then one numbered section per kind of record (every section is
printed, an empty one says so: the resident sees what is not held as well as what is), and the officer's signature.
The footer numbers the pages and marks the copy as confidential.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.subject_access import CONFIDENTIAL, CORRECTION_NOTE, LEGAL_BASIS, SubjectAccessDocument
from puskesos_desk.printing.blocks import label_table, plain_table, signature_block
from puskesos_desk.printing.dates import long_date
from puskesos_desk.printing.letterhead import letterhead_flowables
from puskesos_desk.printing.pages import PageMarks, build_pdf
from puskesos_desk.printing.paper import geometry
from puskesos_desk.printing.report_tables import table_flowables
from puskesos_desk.printing.styles import markup, styles_for

TITLE = "SALINAN DATA PRIBADI"
SUBTITLE = "Data yang disimpan Puskesos tentang warga yang bersangkutan"


def subject_access_flowables(doc: SubjectAccessDocument, paper: Paper) -> list[Flowable]:
    page = geometry(paper)
    styles = styles_for(paper)
    width = page.frame_width
    heading = ParagraphStyle("dossier_heading", parent=styles.heading, fontSize=styles.size + 1.5,
                             leading=(styles.size + 1.5) * 1.25, spaceBefore=styles.size * 0.9,
                             spaceAfter=styles.size * 0.3)
    facts = [("Nama warga", doc.dossier.person_name), ("Diminta oleh", doc.requested_by or "-"),
             ("Keperluan", doc.purpose or "-"), ("Tanggal", long_date(doc.printed_on)),
             ("Sifat", CONFIDENTIAL)]
    story: list[Flowable] = [
        *letterhead_flowables(doc.letterhead, styles, width),
        Paragraph(TITLE, styles.title),
        Paragraph(markup(SUBTITLE), styles.subtitle),
        Spacer(1, 4 * mm),
        label_table(facts, styles, width, 32 * mm),
        Spacer(1, 3 * mm),
        Paragraph(markup(LEGAL_BASIS), styles.body),
        Spacer(1, 1.5 * mm),
        Paragraph(markup(CORRECTION_NOTE), styles.body),
    ]
    for number, section in enumerate(doc.dossier.sections, start=1):
        story += [CondPageBreak(30 * mm), Paragraph(markup(f"{number}. {section.title}"), heading)]
        story += table_flowables(section.table, styles, width)
    place = doc.letterhead.place
    dated = f"{place}, {long_date(doc.printed_on)}" if place else long_date(doc.printed_on)
    officer = signature_block(styles, [dated, "Petugas yang menyerahkan,"], doc.officer_name, space=18 * mm)
    receiver = signature_block(styles, ["", "Yang menerima,"], doc.requested_by or None, space=18 * mm,
                               unsigned="(" + "." * 30 + ")")
    story += [Spacer(1, 8 * mm), KeepTogether([plain_table([[receiver, officer]], [width * 0.5, width * 0.5])])]
    return story


def render_subject_access(doc: SubjectAccessDocument, paper: Paper = Paper.A4) -> bytes:
    reference = f"Salinan data pribadi · {doc.dossier.person_name} · {CONFIDENTIAL}"
    marks = PageMarks(reference=reference, continuation=f"Salinan data pribadi · {doc.dossier.person_name} (lanjutan)")
    return build_pdf([(marks, subject_access_flowables(doc, paper))], paper, title="Salinan Data Pribadi")
