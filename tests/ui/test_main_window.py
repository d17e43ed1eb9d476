"""The main window: areas, keyboard switching, status bar."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD, SITE_NAME
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk import __version__
from puskesos_desk.services.auth import sign_in
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.pages.audit_page import AuditPage
from puskesos_desk.ui.pages.keluhan_page import KeluhanPage
from puskesos_desk.ui.pages.laporan_page import LaporanPage
from puskesos_desk.ui.pages.settings_page import SettingsPage

# The Koordinator's areas: every case area, the audit log, settings.
AREAS = ["Beranda", "Layanan", "Keluhan", "Rujukan", "Laporan", "Pertukaran Data", "Audit", "Pengaturan"]


@pytest.fixture
def window(qtbot: Any, desk: Any, site_info: Any) -> MainWindow:
    signed = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    main = MainWindow(desk.db, signed, site_info)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.page_beranda.figures_loaded, timeout=10_000):
        main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def test_title_status_bar_and_areas(window: MainWindow, desk: Any) -> None:
    assert window.windowTitle() == f"Puskesos Desk — {SITE_NAME}"
    assert [window.lst_areas.item(i).text() for i in range(window.lst_areas.count())] == AREAS
    assert window.lbl_user.text() == "Sri Wahyuni (Koordinator Puskesos)"
    assert window.lbl_site.text() == SITE_NAME
    assert str(desk.path) in window.lbl_db.text()
    assert window.current_area() == 0


def test_ctrl_number_switches_area(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == 2
    page = window.stk_pages.currentWidget()
    assert isinstance(page, KeluhanPage)
    assert page.lbl_title.text() == "Keluhan"
    assert window.lst_areas.currentRow() == 2
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stk_pages.currentWidget(), AuditPage)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stk_pages.currentWidget(), SettingsPage)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stk_pages.currentWidget() is window.page_beranda


def test_every_area_is_a_real_page_with_its_description_as_tooltip(window: MainWindow) -> None:
    for row in range(window.lst_areas.count()):
        window.lst_areas.setCurrentRow(row)
        tooltip = window.lst_areas.item(row).toolTip()
        assert tooltip.endswith(f"(Ctrl+{row + 1})") and len(tooltip) > 60
    window.lst_areas.setCurrentRow(4)
    assert AREAS[4] == "Laporan" and isinstance(window.stk_pages.currentWidget(), LaporanPage)


def test_sign_out_emits_and_closes(qtbot: Any, window: MainWindow) -> None:
    closed: list[bool] = []
    window.closed.connect(closed.append)
    with qtbot.waitSignal(window.signed_out, timeout=2_000):
        window.act_sign_out.trigger()
    assert not window.isVisible()
    assert closed == [True]


def test_about_shows_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.act_about.trigger()
    assert shown
    assert __version__ in shown[0]
