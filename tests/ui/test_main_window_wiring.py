"""The main window's wiring: Layanan (search ⇄ household), Keluhan opening households, global shortcuts, Beranda
following saves, and the language switch in Pengaturan rebuilding the window for the same user."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

import tests.services.casework_rows as rows
from puskesos_desk.services.auth import SignedIn, sign_in
from puskesos_desk.ui import i18n
from puskesos_desk.ui.app import DeskSession
from puskesos_desk.ui.desk_settings import stored_language
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import (
    AREA_BERANDA,
    AREA_KELUHAN,
    AREA_LAPORAN,
    AREA_LAYANAN,
    AREA_PENGATURAN,
    AREA_PERTUKARAN,
    MainWindow,
)
from puskesos_desk.ui.models.record_table_model import ROW_ROLE

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "puskesos_en.ts"


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


def _focus_inside(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def test_ctrl_f_goes_to_the_search_from_anywhere(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_KELUHAN
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_LAYANAN
    assert window.stk_layanan.currentWidget() is window.page_search
    qtbot.waitUntil(lambda: _focus_inside(window.page_search), timeout=2_000)


def test_a_task_opens_its_household_in_layanan(qtbot: Any, desk: Any, window: MainWindow) -> None:
    home = rows.household(desk.cli)
    rows.complaint(desk.cli, home.id, created=date(2026, 1, 5), urgency="SEGERA")
    tasks = window.page_keluhan.tab_tasks
    with qtbot.waitSignal(tasks.tasks_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    table = tasks.tbl_tasks
    assert table.model().rowCount() == 1
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 2)).center())
    assert table.model().index(0, 0).data(ROW_ROLE).household_id == home.id
    with qtbot.waitSignal(window.page_household.loaded, timeout=10_000) as loaded:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert loaded.args[0].household.id == home.id
    assert window.current_area() == AREA_LAYANAN
    assert window.lst_areas.currentRow() == AREA_LAYANAN
    assert window.stk_layanan.currentWidget() is window.page_household
    assert window.page_household.isVisible()
    assert window.page_household.household_id == home.id
    # Back (Esc) returns to the search, ready for the next resident.
    qtbot.mouseClick(window.page_household.btn_back, Qt.MouseButton.LeftButton)
    assert window.stk_layanan.currentWidget() is window.page_search
    qtbot.waitUntil(lambda: _focus_inside(window.page_search), timeout=2_000)


def test_ctrl_n_opens_the_registration_from_anywhere(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_LAYANAN
    assert window.stk_layanan.currentWidget() is window.page_search
    qtbot.waitUntil(lambda: window.page_search.registration_dialog is not None
                    and window.page_search.registration_dialog.isVisible(), timeout=10_000)
    dialog = window.page_search.registration_dialog
    dialog.reject()
    qtbot.waitUntil(lambda: window.page_search.registration_dialog is None, timeout=5_000)
    # With the focus inside the search page the keys still work (one action each, never ambiguous).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    window.page_search.focus_search()
    qtbot.keyClick(window.page_search.edt_search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.page_search.registration_dialog is not None, timeout=10_000)
    window.page_search.registration_dialog.reject()


def test_closing_a_complaint_updates_beranda(qtbot: Any, desk: Any, window: MainWindow) -> None:
    home = rows.household(desk.cli)
    rows.complaint(desk.cli, home.id, created=date(2026, 1, 5), urgency="SEGERA")
    with qtbot.waitSignal(window.page_beranda.figures_loaded, timeout=10_000):
        window.page_beranda.refresh()
    assert window.page_beranda.cards["open_complaints"].lbl_value.text() == "1"
    keluhan = window.page_keluhan
    with qtbot.waitSignal(keluhan.tab_tasks.tasks_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    table = keluhan.tab_tasks.tbl_tasks
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 2)).center())
    with qtbot.waitSignal(keluhan.status_dialog_opened, timeout=10_000) as opened:
        qtbot.mouseClick(keluhan.tab_tasks.btn_change_status, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.keyClicks(dialog.cmb_status, "Selesai")
    qtbot.keyClicks(dialog.edt_answer, "Sudah dijelaskan kepada warga")
    with qtbot.waitSignal(keluhan.changed, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: keluhan.dlg_status is None, timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    with qtbot.waitSignal(window.page_beranda.figures_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_BERANDA
    assert window.page_beranda.cards["open_complaints"].lbl_value.text() == "0"


def test_pages_a_desk_seldom_opens_are_built_the_first_time_they_are_shown(qtbot: Any, window: MainWindow) -> None:
    lazy = (AREA_LAPORAN, AREA_PERTUKARAN, AREA_PENGATURAN)
    assert [window.built_page(area) for area in lazy] == [None, None, None]
    row = window.visible_areas().index(AREA_PENGATURAN)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
    settings = window.built_page(AREA_PENGATURAN)
    assert settings is not None and settings.isVisible()
    assert window.stk_pages.currentWidget() is settings is window.page_settings  # built once, then kept
    assert window.current_area() == AREA_PENGATURAN
    assert window.built_page(AREA_LAPORAN) is None and window.built_page(AREA_PERTUKARAN) is None
    settings.idle_minutes_saved.emit(7)  # wired as it is built: Pengaturan's idle minutes reach the lock
    assert window.idle_watch.minutes == 7
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == AREA_BERANDA
    laporan = window.page_laporan  # asked for by code, not by the user: built in its place, not shown
    assert window.built_page(AREA_LAPORAN) is laporan and not laporan.isVisible()
    assert window.stk_pages.indexOf(laporan) == window.stk_pages.indexOf(window.page_settings) - 2


# --- language switch ----------------------------------------------------------------------------------------------


def _ts_messages(path: Path) -> dict[str, str | None]:
    """source → translation text (None when unfinished or empty), for every message still in use."""
    found: dict[str, str | None] = {}
    for message in ElementTree.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue
        text = translation.text if translation is not None and translation.get("type") != "unfinished" else None
        source = message.findtext("source") or ""
        if found.get(source) is None:
            found[source] = text or None
    return found


def _indonesian_sources(tmp_path: Path) -> set[str]:
    """Every Bahasa source string of the UI code (as lupdate sees it now, so strings not yet in the catalogue count
    too), except those whose English translation is the same word ("Status", "Admin")."""
    sources = dict.fromkeys(_ts_messages(TS_FILE))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if lupdate.exists():
        fresh = tmp_path / "fresh.ts"
        files = sorted(str(p) for p in (TS_FILE.parents[2] / "puskesos_desk" / "ui").rglob("*.py"))
        subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
        sources.update(dict.fromkeys(_ts_messages(fresh)))
    committed = _ts_messages(TS_FILE)
    return {source for source in sources if committed.get(source) != source}


def _visible_texts(window: MainWindow) -> list[str]:
    texts = [window.windowTitle()]
    texts += [w.text() for w in window.findChildren(QLabel)]
    texts += [w.text() for w in window.findChildren(QAbstractButton)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    texts += [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
    texts += [a.text() for a in window.findChildren(QAction)]
    texts += [window.lst_areas.item(i).text() for i in range(window.lst_areas.count())]
    for view in window.findChildren(QWidget):
        model = getattr(view, "model", None)
        if callable(model) and hasattr(view, "horizontalHeader") and model() is not None:
            texts += [str(model().headerData(c, Qt.Orientation.Horizontal)) for c in range(model().columnCount())]
    return [t for t in texts if t]


@pytest.fixture
def session(qapp: QApplication, qtbot: Any, desk: Any, site_info: Any,
            monkeypatch: pytest.MonkeyPatch) -> Any:
    def fake_get_sign_in(cls: type[LoginDialog], parent: Any, db: Any, site: Any, **_kw: Any) -> SignedIn:
        return sign_in(db, username="koordinator", password=KOORDINATOR_PASSWORD)

    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(fake_get_sign_in))
    desk_session = DeskSession(desk.db, site_info)
    assert desk_session.start()
    window = desk_session.window
    assert window is not None
    qtbot.waitExposed(window)
    yield desk_session
    for remaining in (desk_session.window,):
        if remaining is not None:
            remaining.close_for_rebuild()
    i18n.install_translators(qapp, "id")


def _switch_language(qtbot: Any, session: Any, name: str) -> MainWindow:
    old = session.window
    # Ctrl+<position of Pengaturan in this user's area list> (the last area: Audit comes before it).
    key = Qt.Key(Qt.Key.Key_1.value + old.visible_areas().index(AREA_PENGATURAN))
    qtbot.keyClick(old, key, Qt.KeyboardModifier.ControlModifier)
    assert old.current_area() == AREA_PENGATURAN
    settings = old.page_settings
    # Type-ahead with the first word, as a user does: a space would open the combo's popup instead.
    qtbot.keyClicks(settings.cmb_language, name.split()[0])
    with qtbot.waitSignal(session.window_replaced, timeout=5_000) as replaced:
        qtbot.mouseClick(settings.btn_apply_language, Qt.MouseButton.LeftButton)
    new = replaced.args[0]
    assert new is session.window and new is not old
    qtbot.waitExposed(new)
    qtbot.waitUntil(lambda: not old.isVisible(), timeout=2_000)
    return new


def test_language_switch_rebuilds_the_window_in_english(qtbot: Any, session: Any, tmp_path: Path) -> None:
    user_before = session.window.signed_in.user.id
    english = _switch_language(qtbot, session, "English")
    assert i18n.current_language() == "en"
    assert stored_language() == "en"
    assert english.signed_in.user.id == user_before, "the same user stays signed in"
    assert english.current_area() == AREA_PENGATURAN
    assert english.lst_areas.item(AREA_BERANDA).text() == "Home"
    indonesian = _indonesian_sources(tmp_path)
    leaked = sorted({t for t in _visible_texts(english) if t in indonesian})
    assert not leaked, f"Indonesian text in English mode: {leaked}"
    back = _switch_language(qtbot, session, "Bahasa Indonesia")
    assert i18n.current_language() == "id"
    assert stored_language() == "id"
    assert back.lst_areas.item(AREA_BERANDA).text() == "Beranda"
    assert "Koordinator Puskesos" in back.lbl_user.text()
