"""Printed documents laid out with reportlab: slips, receipts, register notes, worklists. No Qt, no database.

Every renderer takes a frozen document from `puskesos_desk.domain.documents` and a paper size and returns the PDF
bytes; the same input always gives the same bytes. Fonts come from resources/fonts, never from the system.
"""

from __future__ import annotations

from puskesos_desk.printing.receipt import render_receipt
from puskesos_desk.printing.register_note import render_register_note
from puskesos_desk.printing.report import render_report
from puskesos_desk.printing.slip import render_slip, render_slips
from puskesos_desk.printing.task_list import render_task_list

__all__ = ["render_receipt", "render_register_note", "render_report", "render_slip", "render_slips",
           "render_task_list"]
