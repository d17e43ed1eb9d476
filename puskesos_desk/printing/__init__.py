"""Printed documents laid out with reportlab: slips, receipts, register notes, worklists. No Qt, no database.

Every renderer takes a frozen document from `puskesos_desk.domain.documents` and a paper size and returns the PDF
bytes; the same input always gives the same bytes. Fonts come from resources/fonts, never from the system.

The functions here are the way in for the rest of the application: they lay the document out in this process, or
in the PDF helper process when the desktop app has switched it on (printing/helper.py), so reportlab's memory is
never the desk's. Importing this package loads no reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing.helper import render

if TYPE_CHECKING:
    from puskesos_desk.domain.breach import BreachNoticeDocument
    from puskesos_desk.domain.documents import ReceiptDocument, RegisterNoteDocument, SlipDocument, TaskListDocument
    from puskesos_desk.domain.quick_guide import QuickGuideDocument
    from puskesos_desk.domain.reports import ReportDocument
    from puskesos_desk.domain.subject_access import SubjectAccessDocument

__all__ = ["render_breach_notice", "render_quick_guide", "render_receipt", "render_register_note", "render_report",
           "render_slip", "render_slips", "render_subject_access", "render_task_list"]


def render_slip(doc: SlipDocument, paper: Paper) -> bytes:
    return render("slips", (doc,), paper)


def render_slips(docs: Sequence[SlipDocument], paper: Paper) -> bytes:
    return render("slips", tuple(docs), paper)


def render_receipt(doc: ReceiptDocument, paper: Paper = Paper.A5) -> bytes:
    return render("receipt", doc, paper)


def render_register_note(doc: RegisterNoteDocument, paper: Paper = Paper.A4) -> bytes:
    return render("register_note", doc, paper)


def render_report(document: ReportDocument, paper: Paper = Paper.F4) -> bytes:
    return render("report", document, paper)


def render_task_list(doc: TaskListDocument, paper: Paper = Paper.A4) -> bytes:
    return render("task_list", doc, paper)


def render_subject_access(doc: SubjectAccessDocument, paper: Paper = Paper.A4) -> bytes:
    return render("subject_access", doc, paper)


def render_breach_notice(doc: BreachNoticeDocument, paper: Paper = Paper.A4) -> bytes:
    return render("breach_notice", doc, paper)


def render_quick_guide(doc: QuickGuideDocument, paper: Paper = Paper.F4) -> bytes:
    return render("quick_guide", doc, paper)
