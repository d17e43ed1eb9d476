"""F1 on every screen opens that screen's own help page: each area and tab of the main window (village and district),
reached by clicking, each dialog a user meets (shown modal, as the app shows it), the sign-in dialog, the lock screen
and the first-run wizard; in English when the interface is English. The registry is walked in both directions: every
registered screen is opened here, and every screen opened here is registered.

The pages themselves, their links, the viewer and the list of classes are in test_help_pages.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD, SITE_CODE, SiteFixture, cloned_fixture, copy_sqlite
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QStackedWidget, QTabWidget, QWidget

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.infra.paths import resource_path
from puskesos_desk.services.auth import create_user, sign_in
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.help import install_help, uninstall_help
from puskesos_desk.ui.help.pages import page_title
from puskesos_desk.ui.help.registry import CLASS_PAGES, OBJECT_PAGES
from puskesos_desk.ui.help.viewer import HelpViewer
from puskesos_desk.ui.i18n import install_translators
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, init_site, open_site
from tests.ui.help_dialogs import DIALOGS, NO_DATABASE, DialogWorld

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _f1(qapp: QApplication) -> Iterator[None]:
    install_help(qapp)
    yield
    uninstall_help(qapp)


# --- pressing F1 and reading the viewer ---------------------------------------------------------------------------


def focus_inside(screen: QWidget) -> QWidget:
    """A widget inside `screen` that takes keyboard focus, focused: where the user's F1 lands."""
    for widget in [screen, *screen.findChildren(QWidget)]:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return widget
    return screen


def press_f1(qtbot: Any, screen: QWidget) -> HelpViewer:
    target = focus_inside(screen)
    qtbot.keyClick(target, Qt.Key.Key_F1)
    viewer = target.window().findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert viewer is not None, f"F1 in {type(screen).__name__} opened no help window"
    assert viewer.isVisible()
    return viewer


def assert_shows(viewer: HelpViewer, page: str, language: str = "id") -> None:
    path = resource_path("help", language, f"{page}.html")
    assert viewer.current_page() == page
    assert viewer.source_path() == path
    title = page_title(path)
    assert viewer.txt_page.documentTitle() == title
    assert viewer.windowTitle().endswith(f" — {title}")  # "Bantuan — …", or its translation


# --- the main window ----------------------------------------------------------------------------------------------


def shown_window(qtbot: Any, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.page_beranda.figures_loaded, timeout=10_000):
        window.show()
    return activated(qtbot, window)


def activated(qtbot: Any, window: MainWindow) -> MainWindow:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def village(qtbot: Any, desk: Any, site_info: Any) -> MainWindow:
    """A window of its own, for a test that changes something (data, the lock, the language)."""
    signed = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    return shown_window(qtbot, MainWindow(desk.db, signed, site_info))


@contextmanager
def module_window(site: SiteFixture, username: str, password: str) -> Iterator[MainWindow]:
    """One window for a module's read-only tests: each test clicks its own area and tab, so none depends on
    another, and the window is built once instead of once per screen."""
    window = MainWindow(site.db, sign_in(site.db, username=username, password=password), get_site_info(site.db))
    window.show()
    try:
        yield window
    finally:
        window.close()
        assert wait_for_ops(10_000), "background ops still running at the end of the module"
        window.deleteLater()  # now, not at the session's end: every live widget slows each later test's set-up
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        site.db.dispose()


@pytest.fixture(scope="module")
def _village_window(site_location: Any, tmp_path_factory: pytest.TempPathFactory,
                    qapp: QApplication) -> Iterator[MainWindow]:
    actor = Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)
    with cloned_fixture(site_location, tmp_path_factory.mktemp("help-village"), "puskesos.db", actor) as site, \
            module_window(site, "koordinator", KOORDINATOR_PASSWORD) as window:
        yield window


@pytest.fixture(scope="module")
def _district_window(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory,
                     qapp: QApplication) -> Iterator[MainWindow]:
    folder = tmp_path_factory.mktemp("help-district")
    path = init_site(seeded_template, folder / "district.db", DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    site = open_site(path, DISTRICT_CODE, SiteRole.KABUPATEN)
    create_user(site.cli, username="manajer", full_name="Dewi Lestari", role=Role.MANAJER_SLRT,
                password="manajer-rahasia-1")
    with module_window(site, "manajer", "manajer-rahasia-1") as window:
        yield window


@pytest.fixture
def village_shared(qtbot: Any, _village_window: MainWindow) -> Iterator[MainWindow]:
    yield activated(qtbot, _village_window)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)


@pytest.fixture
def district(qtbot: Any, _district_window: MainWindow) -> Iterator[MainWindow]:
    yield activated(qtbot, _district_window)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)


def click_area(qtbot: Any, window: MainWindow, title: str) -> None:
    areas: QListWidget = window.lst_areas
    item = next(areas.item(row) for row in range(areas.count()) if areas.item(row).text() == title)
    qtbot.mouseClick(areas.viewport(), Qt.MouseButton.LeftButton, pos=areas.visualItemRect(item).center())
    assert areas.currentItem() is item


def click_tab(qtbot: Any, tabs: QTabWidget, title: str) -> QWidget:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&&", "&").startswith(title))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    return tabs.currentWidget()


# (screen class, area in the list, tab title or None): the area pages and tabs of each kind of site.
VILLAGE_SCREENS: list[tuple[str, str, str | None]] = [
    ("BerandaPage", "Beranda", None),
    ("SearchPage", "Layanan", None),
    ("TasksTab", "Keluhan", "Tugas hari ini"),
    ("ComplaintsTab", "Keluhan", "Daftar keluhan"),
    ("ReferralListTab", "Rujukan", "Daftar rujukan"),
    ("ReferralStatsTab", "Rujukan", "Statistik layanan"),
    ("ReferralAgencyTab", "Rujukan", "Hasil dari instansi"),
    ("LaporanPage", "Laporan", None),
    ("ExportTab", "Pertukaran Data", "Kirim"),
    ("ImportTab", "Pertukaran Data", "Terima"),
    ("HistoryTab", "Pertukaran Data", "Riwayat & Konflik"),
    ("DtsenPage", "Pertukaran Data", "Data DTSEN"),
    ("AuditPage", "Audit", None),
    ("SettingsPage", "Pengaturan", None),
]
DISTRICT_SCREENS: list[tuple[str, str, str | None]] = [
    ("KabupatenDataTab", "Data Desa", "Data gabungan"),
    ("KabupatenDuplicatesTab", "Data Desa", "Kemungkinan duplikat"),
    ("KabupatenChangesTab", "Data Desa", "Perubahan KK"),
    ("KabupatenDirectoryTab", "Data Desa", "Direktori layanan"),
    ("VillagesTab", "Pertukaran Data", "Desa"),
]
# Opened through a household found by the search (test below), and the lock screen (Ctrl+Shift+L).
HOUSEHOLD_SCREENS = ["HouseholdPage", "CaseTab", "HouseholdExtractTab"]


def open_area_screen(qtbot: Any, window: MainWindow, area: str, tab: str | None) -> QWidget:
    click_area(qtbot, window, area)
    page = window.stk_pages.currentWidget()
    if isinstance(page, QStackedWidget):  # Layanan: the search, or a household opened from it
        page = page.currentWidget()
    if tab is None:
        return page
    return click_tab(qtbot, page.findChild(QTabWidget), tab)


@pytest.mark.parametrize(("screen_class", "area", "tab"), VILLAGE_SCREENS,
                         ids=[screen for screen, _, _ in VILLAGE_SCREENS])
def test_f1_on_a_village_area_shows_its_page(qtbot: Any, village_shared: MainWindow, screen_class: str, area: str,
                                             tab: str | None) -> None:
    screen = open_area_screen(qtbot, village_shared, area, tab)
    assert type(screen).__name__ == screen_class
    assert_shows(press_f1(qtbot, screen), CLASS_PAGES[screen_class])


@pytest.mark.parametrize(("screen_class", "area", "tab"), DISTRICT_SCREENS,
                         ids=[screen for screen, _, _ in DISTRICT_SCREENS])
def test_f1_on_a_district_area_shows_its_page(qtbot: Any, district: MainWindow, screen_class: str, area: str,
                                              tab: str | None) -> None:
    screen = open_area_screen(qtbot, district, area, tab)
    assert type(screen).__name__ == screen_class
    assert_shows(press_f1(qtbot, screen), CLASS_PAGES[screen_class])


def test_f1_on_the_area_list_and_on_a_tab_bar_shows_what_is_on_display(qtbot: Any,
                                                                       village_shared: MainWindow) -> None:
    village = village_shared
    click_area(qtbot, village, "Rujukan")
    click_tab(qtbot, village.page_rujukan.tab_sections, "Statistik layanan")
    village.lst_areas.setFocus()
    qtbot.keyClick(village.lst_areas, Qt.Key.Key_F1)
    viewer = village.findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert_shows(viewer, "rujukan_statistik")
    bar = village.page_rujukan.tab_sections.tabBar()
    qtbot.keyClick(bar, Qt.Key.Key_F1)
    assert_shows(viewer, "rujukan_statistik")  # the same help window, the same page


def test_f1_on_the_household_page_and_its_tabs(qtbot: Any, desk: Any, village: MainWindow) -> None:
    import tests.services.casework_rows as rows

    rows.household(desk.cli, "Slamet Riyadi")
    click_area(qtbot, village, "Layanan")
    search = village.page_search
    with qtbot.waitSignal(village.page_household.loaded, timeout=10_000):
        with qtbot.waitSignal(search.results_shown, timeout=10_000):
            qtbot.keyClicks(search.edt_search, "slamet")
        qtbot.keyClick(search.edt_search, Qt.Key.Key_Return)
    household = village.page_household
    assert village.stk_layanan.currentWidget() is household
    shown = {"HouseholdPage": household.btn_visit}  # a button of the page itself, above the tabs
    shown["CaseTab"] = click_tab(qtbot, household.tabs, household.tabs.tabText(1)[:6])  # Keluhan
    shown["HouseholdExtractTab"] = click_tab(qtbot, household.tabs, "Cek DTSEN")
    assert {type(w).__name__ for w in shown.values()} >= {"CaseTab", "HouseholdExtractTab"}
    for screen_class, widget in shown.items():
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_F1)
        viewer = village.findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly)
        assert_shows(viewer, CLASS_PAGES[screen_class])


def test_f1_on_the_lock_screen(qtbot: Any, village: MainWindow) -> None:
    qtbot.keyClick(village, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert village.is_locked
    assert_shows(press_f1(qtbot, village.lock_screen), "layar_terkunci")


def test_the_help_menu_opens_this_screen_and_the_contents(qtbot: Any, village_shared: MainWindow) -> None:
    village = village_shared
    click_area(qtbot, village, "Laporan")
    focus_inside(village.page_laporan)
    village.act_help_screen.trigger()  # what the menu entry does once the menu has closed
    viewer = village.findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert_shows(viewer, "laporan")
    village.act_help_contents.trigger()
    assert_shows(viewer, "index")


def test_f1_in_english_shows_the_english_page(qtbot: Any, qapp: QApplication, village: MainWindow) -> None:
    install_translators(qapp, "en")
    click_area(qtbot, village, "Keluhan")
    screen = click_tab(qtbot, village.page_keluhan.tab_sections, village.page_keluhan.tab_sections.tabText(1))
    viewer = press_f1(qtbot, screen)
    assert_shows(viewer, "keluhan_daftar", "en")
    assert "complaint" in viewer.txt_page.toPlainText().lower()


# --- dialogs --------------------------------------------------------------------------------------------------------


@pytest.fixture
def world(desk: Any) -> DialogWorld:
    ctx = ServiceContext(desk.db, sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor)
    return DialogWorld(desk=desk, ctx=ctx)


@pytest.mark.parametrize("screen_class", sorted(DIALOGS))
def test_f1_in_a_modal_dialog_shows_its_page(qtbot: Any, request: pytest.FixtureRequest, tmp_path: Path,
                                             screen_class: str) -> None:
    world = DialogWorld(desk=None, ctx=None) if screen_class in NO_DATABASE else request.getfixturevalue("world")
    dialog = DIALOGS[screen_class](replace(world, folder=tmp_path))
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() shows it, without blocking the test
    dialog.show()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    viewer = press_f1(qtbot, dialog)
    assert viewer.parentWidget() is dialog  # a child window: usable while the dialog is modal
    assert_shows(viewer, CLASS_PAGES[screen_class])
    dialog.done(0)


def test_f1_in_the_first_run_wizard(qtbot: Any, seeded_template: Path, tmp_path: Path) -> None:
    from puskesos_desk.ui.wizard.first_run_wizard import FirstRunWizard

    path = tmp_path / "baru.db"
    copy_sqlite(seeded_template, path)
    opened = open_database(str(path))
    try:
        wizard = FirstRunWizard(opened.db)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        assert_shows(press_f1(qtbot, wizard.currentPage()), OBJECT_PAGES["first_run_wizard"])
        wizard.hide()
    finally:
        assert wait_for_ops(10_000)
        opened.db.dispose()


# --- every registered screen is opened above ------------------------------------------------------------------------


def test_every_registered_screen_has_an_f1_test() -> None:
    opened = ({screen for screen, _, _ in VILLAGE_SCREENS + DISTRICT_SCREENS} | set(HOUSEHOLD_SCREENS)
              | set(DIALOGS) | {"LockScreen"})
    assert opened == set(CLASS_PAGES) - NOT_OPENED_HERE
    assert set(OBJECT_PAGES) == {"first_run_wizard"}  # test_f1_in_the_first_run_wizard


# The help window's own F1 (the contents) is tested with the viewer in test_help_pages.py.
NOT_OPENED_HERE = {"HelpViewer"}
