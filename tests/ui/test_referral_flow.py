"""A referral from the Koordinator's desk to the answer, with real widgets: approve, preview, print to a PDF
printer, then scan the return stub's QR code from that printout and record that the resident was served.
A tampered code typed into the scan field is refused where the officer looks, and changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk.domain.documents import PAPER_MM, OutputChannel, Paper
from puskesos_desk.domain.referrals import ReferralRecord
from puskesos_desk.services import slip_tokens
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.slips import issue_slip
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.referral_status_dialog import ReferralStatusDialog
from puskesos_desk.ui.main_window import AREA_RUJUKAN, MainWindow
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.referrals_model import ReferralsTableModel
from puskesos_desk.ui.pages.rujukan_page import RujukanPage
from puskesos_desk.ui.pdf_pages import page_count, page_sizes_pt
from tests.ui.test_rujukan_page import approved, household_with_head, new_referral

MM_PER_POINT = 25.4 / 72


@pytest.fixture
def koordinator(desk: Any) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor)


@pytest.fixture
def window(qtbot: Any, desk: Any, site_info: Any) -> MainWindow:
    signed = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    main = MainWindow(desk.db, signed, site_info)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.page_beranda.figures_loaded, timeout=10_000):
        main.show()
    qtbot.waitExposed(main)
    return main


def open_rujukan(qtbot: Any, window: MainWindow) -> RujukanPage:
    page = window.page_rujukan
    with qtbot.waitSignal(page.tab_list.referrals_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_RUJUKAN
    return page


def click_referral(qtbot: Any, page: RujukanPage, referral_id: str) -> None:
    table = page.tab_list.tbl_referrals
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).id == referral_id)
    rect = table.visualRect(model.index(row, ReferralsTableModel.COL_PERSON))
    with qtbot.waitSignal(page.tab_list.detail_loaded, timeout=10_000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def referral_row(desk: Any, referral_id: str) -> tuple[Any, ...]:
    con = sqlite3.connect(desk.path)
    try:
        return con.execute("SELECT status, print_count, outcome FROM referral WHERE id = ?",
                           (referral_id,)).fetchone()
    finally:
        con.close()


def events(desk: Any, referral_id: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(desk.path)
    try:
        return con.execute("SELECT status_before, status_after, source FROM referral_event WHERE referral_id = ? "
                           "ORDER BY occurred_at", (referral_id,)).fetchall()
    finally:
        con.close()


def print_events(desk: Any, referral_id: str) -> list[dict[str, Any]]:
    con = sqlite3.connect(desk.path)
    try:
        found = con.execute("SELECT changes FROM audit_event WHERE action = 'PRINT' AND entity = 'referral' "
                            "AND entity_id = ?", (referral_id,)).fetchall()
    finally:
        con.close()
    return [json.loads(changes) for (changes,) in found]


def qr_tokens(pdf: bytes) -> set[str]:
    """Every QR code on the printed pages, read as a phone or the desk's scanner would read the paper."""
    document = pdfium.PdfDocument(pdf)
    try:
        found: set[str] = set()
        for index in range(len(document)):
            image = document[index].render(scale=200 / 72).to_pil()
            found |= {result.text for result in zxingcpp.read_barcodes(image)}
        return found
    finally:
        document.close()


def scan(qtbot: Any, page: RujukanPage, text: str) -> None:
    page.scan.edt_scan.clear()
    qtbot.keyClicks(page.scan.edt_scan, text)
    qtbot.keyClick(page.scan.edt_scan, Qt.Key.Key_Return)


def test_approve_print_scan_and_record_the_answer(qtbot: Any, desk: Any, window: MainWindow,
                                                  koordinator: ServiceContext, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    referral = new_referral(koordinator, household_with_head(koordinator))
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    out = tmp_path / "out.pdf"

    def print_to_pdf_file(_dialog: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", print_to_pdf_file)
    page = open_rujukan(qtbot, window)
    click_referral(qtbot, page, referral.id)
    panel = page.tab_list.pnl_detail

    # The Koordinator approves and signs.
    assert panel.btn_approve.isEnabled()
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(panel.btn_approve, Qt.MouseButton.LeftButton)
    assert referral_row(desk, referral.id) == ("DISETUJUI", 0, None)
    qtbot.waitUntil(lambda: panel.lbl_status.text() == "Disetujui", timeout=10_000)

    # Preview, then print to the PDF printer.
    with qtbot.waitSignal(page.preview_opened, timeout=5_000) as opened:
        qtbot.mouseClick(panel.btn_preview, Qt.MouseButton.LeftButton)
    preview: PdfPreviewDialog = opened.args[0]
    qtbot.waitUntil(lambda: preview.pages is not None, timeout=15_000)
    assert not preview.lbl_blocked.isVisible()
    assert preview.paper() is Paper.F4
    expected_pages = preview.pages.page_count
    with qtbot.waitSignal(preview.output_finished, timeout=30_000):
        qtbot.mouseClick(preview.btn_print, Qt.MouseButton.LeftButton)
    printed = out.read_bytes()
    assert page_count(printed) == expected_pages
    for width, height in page_sizes_pt(printed):
        assert (width * MM_PER_POINT, height * MM_PER_POINT) == pytest.approx(PAPER_MM[Paper.F4], abs=1.0)
    assert referral_row(desk, referral.id) == ("DIKIRIM", 1, None)
    disclosures = print_events(desk, referral.id)
    assert len(disclosures) == 1
    assert disclosures[0]["channel"] == OutputChannel.CETAK.value
    assert disclosures[0]["paper"] == Paper.F4.value
    qtbot.mouseClick(preview.btn_close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dlg_preview is None, timeout=5_000)

    # The return stub comes back: its QR code, read from the printout, goes into the scan field.
    tokens = qr_tokens(printed)
    assert len(tokens) == 1  # the slip and its return stub carry the same code
    with qtbot.waitSignal(page.status_dialog_opened, timeout=10_000) as opened:
        scan(qtbot, page, tokens.pop())
    dialog: ReferralStatusDialog = opened.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.detail.referral.id == referral.id
    assert dialog.cmb_source.currentText() == "Lembar balasan"
    qtbot.keyClicks(dialog.cmb_status, "Selesai")
    assert dialog.selected_status() is not None and dialog.selected_status().value == "SELESAI"
    assert dialog.wdg_outcome.isVisible()
    full = dialog.rdo_outcomes[next(iter(dialog.rdo_outcomes))]
    assert full.text() == "Terlayani penuh"
    qtbot.mouseClick(full, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.edt_notes, "Kartu PBI aktif lagi")
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dlg_status is None, timeout=5_000)
    assert referral_row(desk, referral.id) == ("SELESAI", 1, "TERLAYANI_PENUH")
    assert events(desk, referral.id)[-1] == ("DIKIRIM", "SELESAI", "LEMBAR_BALASAN")
    # Ready for the next return stub: the field has focus and its text is selected, so a scan replaces it.
    qtbot.waitUntil(lambda: page.scan.edt_scan.hasFocus(), timeout=5_000)
    assert page.scan.edt_scan.selectedText() == page.scan.edt_scan.text()
    qtbot.waitUntil(lambda: panel.lbl_status.text() == "Selesai", timeout=10_000)


def _sent(koordinator: ServiceContext) -> ReferralRecord:
    referral = approved(koordinator, new_referral(koordinator, household_with_head(koordinator)))
    issue_slip(koordinator, referral.id, paper=Paper.A5, channel=OutputChannel.SIMPAN_PDF)
    return referral


def _token(koordinator: ServiceContext, referral: ReferralRecord) -> str:
    with koordinator.db.reading() as session:
        return slip_tokens.issue(session, referral_id=referral.id, destination=referral.service_code,
                                 letter_date=referral.letter_date)


def test_a_tampered_code_is_refused_under_the_field(qtbot: Any, desk: Any, window: MainWindow,
                                                    koordinator: ServiceContext) -> None:
    referral = _sent(koordinator)
    token = _token(koordinator, referral)
    position = len(token) - 20  # inside the signature, away from the final character's unused bits
    tampered = token[:position] + ("B" if token[position] != "B" else "C") + token[position + 1:]
    before = events(desk, referral.id)
    page = open_rujukan(qtbot, window)
    opened: list[Any] = []
    page.status_dialog_opened.connect(opened.append)
    scan(qtbot, page, tampered)
    qtbot.waitUntil(lambda: page.scan.lbl_message.isVisible(), timeout=10_000)
    assert page.scan.lbl_message.text().startswith("Kode QR tidak sah: tanda tangannya tidak cocok")
    assert page.scan.edt_scan.hasFocus()
    assert page.scan.edt_scan.selectedText() == tampered  # the next scan replaces it
    assert opened == []
    assert QApplication.activeModalWidget() is None  # said inline, not in a message box
    assert referral_row(desk, referral.id) == ("DIKIRIM", 1, None)
    assert events(desk, referral.id) == before
    # Typing again clears the old message; the real code then opens the dialog.
    with qtbot.waitSignal(page.status_dialog_opened, timeout=10_000) as shown:
        scan(qtbot, page, token)
    assert not page.scan.lbl_message.isVisible()
    shown.args[0].reject()


def test_a_letter_number_typed_by_hand_finds_the_referral(qtbot: Any, window: MainWindow,
                                                          koordinator: ServiceContext) -> None:
    referral = _sent(koordinator)
    page = open_rujukan(qtbot, window)
    with qtbot.waitSignal(page.status_dialog_opened, timeout=10_000) as shown:
        scan(qtbot, page, referral.number.lower())
    dialog: ReferralStatusDialog = shown.args[0]
    assert dialog.detail.referral.id == referral.id
    assert dialog.selected_source() is not None  # from the scan bar: the return stub is the default source
    dialog.reject()
    qtbot.waitUntil(lambda: page.tab_list.selected_id() == referral.id, timeout=10_000)
    assert page.tab_list.edt_search.text() == referral.number  # the list shows it by its real number


def test_an_unknown_number_is_refused_inline(qtbot: Any, window: MainWindow) -> None:
    page = open_rujukan(qtbot, window)
    scan(qtbot, page, "999/RJK/TIDAK-ADA/2026")
    qtbot.waitUntil(lambda: page.scan.lbl_message.isVisible(), timeout=10_000)
    assert page.scan.lbl_message.text() == \
        'Tidak ada surat rujukan bernomor "999/RJK/TIDAK-ADA/2026". Periksa kembali nomornya.'
