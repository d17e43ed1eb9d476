"""The desk's other printouts from their screens: the visit receipt, a member's DTSEN note, the day's worklist.

Each opens the preview on its default paper (recording nothing); printing or saving from it records one PRINT
audit event naming the document. The print dialog is replaced by a PDF printer in tmp_path, the save dialog by a
path there.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from puskesos_desk.domain.casework import ComplaintDraft
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.casework import record_complaint
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.pages.keluhan_tasks_tab import TasksTab
from tests.services.factories import family


def prints(path: Path) -> list[dict[str, Any]]:
    """The PRINT audit events: entity, entity id, and what was recorded."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT entity, entity_id, changes FROM audit_event WHERE action = 'PRINT' ORDER BY seq")
        return [{"entity": e, "entity_id": i, **json.loads(c)} for e, i, c in rows]


def signed_in(desk: Any) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor)


def page_mm(path: Path) -> tuple[int, int]:
    """The size of the first page of a PDF file, rounded to whole millimetres."""
    document = pdfium.PdfDocument(str(path))
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    return round(width / 72 * 25.4), round(height / 72 * 25.4)


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    return register_household(desk.cli, family()).household


@pytest.fixture
def printed_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The print dialog, replaced: the officer presses Print and the pages go to this PDF file."""
    target = tmp_path / "printed.pdf"

    def accept(_dialog: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", accept)
    return target


def open_page(qtbot: Any, ctx: ServiceContext, household_id: str) -> HouseholdPage:
    page = HouseholdPage(ctx)
    qtbot.addWidget(page)
    page.resize(1186, 708)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load(household_id)
    return page


def rendered(qtbot: Any, dialog: PdfPreviewDialog | None) -> PdfPreviewDialog:
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages is not None and not dialog.is_busy(), timeout=20_000)
    return dialog


def test_receipt_from_the_visits_tab(qtbot: Any, desk: Any, household: HouseholdRecord, printed_to: Path) -> None:
    wife = next(m for m in household.members if m.name == "SITI AMINAH")
    visit = record_visit(desk.cli, VisitDraft(household_id=household.id, applicant_person_id=wife.id,
                                              applicant_relation="DIRI_SENDIRI", purpose="Kartu KIS ditolak",
                                              subject_person_ids=(wife.id,)))
    record_complaint(desk.cli, ComplaintDraft(household_id=household.id, kind="PENGADUAN", visit_id=visit.id,
                                              category_code="PBI_NONAKTIF", description="PBI nonaktif"))
    page = open_page(qtbot, signed_in(desk), household.id)
    assert not page.prints.btn_receipt.isEnabled(), "no visit selected yet"
    page.tab_visits.select_first()
    qtbot.mouseClick(page.prints.btn_receipt, Qt.MouseButton.LeftButton)
    dialog = rendered(qtbot, page.prints.preview)

    assert dialog.paper().value == "a5"
    assert [round(v) for v in dialog.pages.size_mm(0)] == [148, 210]
    assert visit.registration_number in dialog.windowTitle()
    assert prints(desk.path) == [], "a preview is not a disclosure"

    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert page_mm(printed_to) == (148, 210)
    (event,) = prints(desk.path)
    assert (event["entity"], event["entity_id"]) == ("visit", visit.id)
    assert (event["document"], event["number"], event["channel"], event["paper"]) == (
        "BUKTI_PENDAFTARAN", visit.registration_number, "CETAK", "a5")
    dialog.reject()


def test_dtsen_note_for_the_selected_member(qtbot: Any, desk: Any, household: HouseholdRecord, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keterangan.pdf"
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: str(target))
    page = open_page(qtbot, signed_in(desk), household.id)
    assert not page.prints.btn_register_note.isEnabled(), "no member selected yet"
    page.tbl_members.selectRow(0)
    member = page.tbl_members.current_member()
    assert member is not None and page.prints.btn_register_note.isEnabled()
    qtbot.mouseClick(page.prints.btn_register_note, Qt.MouseButton.LeftButton)
    dialog = rendered(qtbot, page.prints.preview)
    assert dialog.paper().value == "a4"
    assert [round(v) for v in dialog.pages.size_mm(0)] == [210, 297]

    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert page_mm(target) == (210, 297)
    (event,) = prints(desk.path)
    assert (event["entity"], event["entity_id"], event["document"], event["channel"]) == (
        "person", member.id, "KETERANGAN_DTSEN", "SIMPAN_PDF")
    dialog.reject()


def test_worklist_printed_from_the_tasks_tab(qtbot: Any, desk: Any, household: HouseholdRecord,
                                            printed_to: Path) -> None:
    record_complaint(desk.cli, ComplaintDraft(household_id=household.id, kind="PENGADUAN", urgency="DARURAT",
                                              category_code="PBI_NONAKTIF", description="Butuh rawat inap segera"))
    tab = TasksTab(signed_in(desk))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.tasks_loaded, timeout=10_000):
        tab.show()
    qtbot.mouseClick(tab.btn_print, Qt.MouseButton.LeftButton)
    dialog = rendered(qtbot, tab.preview)
    assert dialog.paper().value == "a4"
    assert [round(v) for v in dialog.pages.size_mm(0)] == [210, 297]
    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert printed_to.stat().st_size > 0
    (event,) = prints(desk.path)
    assert (event["document"], event["channel"], event["paper"]) == ("TUGAS_HARI_INI", "CETAK", "a4")
    dialog.reject()
