"""Pengaturan → Kertas dan printer: this PC's default paper and printer (stored per user), the test page with the
letterhead, and the print preview opening on the stored paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD
from PySide6.QtCore import Qt

from puskesos_desk.domain.documents import PAPER_MM, OutputChannel, Paper
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.desk_settings import desk_settings
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.pages.settings_page import SettingsPage
from puskesos_desk.ui.pdf_pages import page_count, page_sizes_pt
from puskesos_desk.ui.print_defaults import PDF_PRINTER, PrintDefaults, store_defaults, stored_paper, stored_printer
from puskesos_desk.ui.widgets.print_settings import PrintSettings
from tests.ui.test_pdf_preview import sample_pdf

MM_PER_POINT = 25.4 / 72


def _settings_page(qtbot: Any, desk: Any, site_info: Any, username: str, password: str) -> SettingsPage:
    signed = sign_in(desk.db, username=username, password=password)
    page = SettingsPage(ServiceContext(desk.db, signed.actor), site_info, desk.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_account_chooses_this_pcs_paper_and_printer(qtbot: Any, desk: Any, site_info: Any) -> None:
    page = _settings_page(qtbot, desk, site_info, "petugas.fo", FO_PASSWORD)
    group = page.grp_print
    assert group.isVisible() and group.title() == "Kertas dan printer"
    assert not group.btn_test.isVisible(), "the test page needs the settings permission"
    assert group.chosen() == PrintDefaults(Paper.F4, group.chosen().printer), "F4 until something is stored"
    group.cmb_paper.setFocus()
    qtbot.keyClicks(group.cmb_paper, "A5")
    group.cmb_printer.setFocus()
    qtbot.keyClick(group.cmb_printer, Qt.Key.Key_End)
    with qtbot.waitSignal(group.saved, timeout=2_000):
        qtbot.mouseClick(group.btn_save, Qt.MouseButton.LeftButton)
    assert stored_paper() is Paper.A5 and stored_printer() == PDF_PRINTER
    assert group.lbl_status.text().startswith("Tersimpan: A5")
    assert "default_paper=a5" in Path(desk_settings().fileName()).read_text(encoding="utf-8")


def test_the_admins_test_page_carries_the_letterhead_on_the_chosen_paper(qtbot: Any, desk: Any, site_info: Any,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uji"
    monkeypatch.setattr(PrintSettings, "choose_pdf_path", lambda _self: str(out))
    page = _settings_page(qtbot, desk, site_info, "admin", ADMIN_PASSWORD)
    group = page.grp_print
    qtbot.keyClicks(group.cmb_paper, "A4")
    group.cmb_printer.setFocus()
    qtbot.keyClick(group.cmb_printer, Qt.Key.Key_End)
    with qtbot.waitSignal(group.test_printed, timeout=30_000):
        qtbot.mouseClick(group.btn_test, Qt.MouseButton.LeftButton)
    pdf = out.with_name("uji.pdf").read_bytes()
    assert page_count(pdf) == 1
    width, height = page_sizes_pt(pdf)[0]
    assert (width * MM_PER_POINT, height * MM_PER_POINT) == pytest.approx(PAPER_MM[Paper.A4], abs=1.0)
    assert "uji.pdf" in group.lbl_status.text()
    assert stored_paper() is None, "a test print stores nothing; Simpan does"


def _preview(qtbot: Any, **options: Any) -> PdfPreviewDialog:
    def issue(paper: Paper, _channel: OutputChannel) -> bytes:
        return sample_pdf(paper)

    dialog = PdfPreviewDialog(None, title="Surat rujukan", render=sample_pdf, issue=issue, **options)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        dialog.show()
    return dialog


def test_the_preview_opens_on_this_pcs_paper(qtbot: Any) -> None:
    store_defaults(PrintDefaults(Paper.A4, PDF_PRINTER))
    dialog = _preview(qtbot)
    assert dialog.paper() is Paper.A4
    assert dialog.pages is not None
    assert dialog.pages.size_mm(0) == pytest.approx(PAPER_MM[Paper.A4], abs=1.0)
    # A document made for other papers opens on its own first one; a caller's explicit choice wins.
    assert _preview(qtbot, papers=(Paper.F4, Paper.A5)).paper() is Paper.F4
    assert _preview(qtbot, paper=Paper.A5).paper() is Paper.A5
