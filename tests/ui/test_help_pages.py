"""The help pages and the help window: every registered page exists in Bahasa Indonesia and in English, every link
between pages (and every #anchor) leads somewhere, every page names its acronyms in the glossary; every dialog and
every area or tab page class under puskesos_desk/ui has a page; the window goes back and forward, follows links
from the keyboard, keeps the letter size, and answers F1 with the contents."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard

import puskesos_desk.ui
from puskesos_desk.infra.paths import resource_path
from puskesos_desk.ui.help import install_help, open_page, uninstall_help
from puskesos_desk.ui.help.pages import page_file
from puskesos_desk.ui.help.registry import CLASS_PAGES, GLOSSARY_PAGE, INDEX_PAGE, OBJECT_PAGES, all_pages
from puskesos_desk.ui.help.viewer import DEFAULT_FONT_SIZE, HelpViewer, stored_font_size
from puskesos_desk.ui.i18n import install_translators

LANGUAGES = ("id", "en")
HELP = resource_path("help")

# Base classes no user meets on their own: every concrete dialog built on them is registered by its own name.
ABSTRACT_DIALOGS = {
    "FormDialog",  # widgets/household/form_dialog.py: the household dialogs' common frame
    "CorrectionDialog",  # dialogs/correction_base.py: the person and household correction dialogs' base
}
# Area pages that only hold tabs: F1 there shows the page of the tab on display (resolver.py).
TAB_CONTAINERS = {"KeluhanPage", "RujukanPage", "PertukaranPage", "KabupatenPage"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.title = ""
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        for key in ("name", "id"):
            if values.get(key):
                self.anchors.add(str(values[key]))
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_files() -> list[Path]:
    return sorted(HELP.glob("*/*.html"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_in_both_languages(language: str) -> None:
    missing = [page for page in all_pages() if not (HELP / language / f"{page}.html").is_file()]
    assert missing == []
    extra = sorted({p.stem for p in (HELP / language).glob("*.html")} - set(all_pages()))
    assert extra == [], "a page no screen opens: register it or remove it"


@pytest.mark.parametrize("path", page_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page_is_well_formed_and_its_links_lead_somewhere(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    page = parsed(path)
    assert f'<html lang="{path.parent.name}">' in text
    assert page.title.strip() and page.title.strip() == page.h1.strip()
    assert '<link rel="stylesheet" href="../help.css">' in text
    for link in page.links:
        assert "://" not in link and not link.startswith("/"), f"{link}: help works offline, links are relative"
        target, _, anchor = link.partition("#")
        target_path = (path.parent / target).resolve() if target else path
        assert target_path.is_file(), f"{path.name}: {link} leads nowhere"
        if anchor:
            assert anchor in parsed(target_path).anchors, f"{path.name}: {link} has no such anchor"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_screen_page_links_the_glossary_and_the_index_lists_every_page(language: str) -> None:
    for page in all_pages():
        if page not in (INDEX_PAGE, GLOSSARY_PAGE):
            links = parsed(HELP / language / f"{page}.html").links
            assert any(link.startswith(f"{GLOSSARY_PAGE}.html#") for link in links), f"{language}/{page}"
    listed = {link.removesuffix(".html") for link in parsed(HELP / language / f"{INDEX_PAGE}.html").links}
    assert set(all_pages()) - {INDEX_PAGE} <= listed


def test_the_glossary_explains_the_programmes_and_terms_of_the_issue() -> None:
    for language in LANGUAGES:
        anchors = parsed(HELP / language / f"{GLOSSARY_PAGE}.html").anchors
        for term in ("pkh", "bpnt", "pbi-jk", "pip", "rtlh", "atensi", "dtsen", "desil", "musdes", "ppks", "slrt",
                     "siks-ng", "kk", "nik"):
            assert term in anchors, f"{language}: {term}"


def test_a_page_missing_in_english_falls_back_to_bahasa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for language, name in (("id", "layanan"), ("id", "index"), ("en", "index")):
        (tmp_path / "help" / language).mkdir(parents=True, exist_ok=True)
        (tmp_path / "help" / language / f"{name}.html").write_text("<title>x</title>", encoding="utf-8")
    monkeypatch.setattr("puskesos_desk.ui.help.pages.resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert page_file("layanan", "en") == tmp_path / "help" / "id" / "layanan.html"
    assert page_file("index", "en") == tmp_path / "help" / "en" / "index.html"
    assert page_file("tidak_ada", "en") == tmp_path / "help" / "id" / "index.html"


# --- every screen class has a page ----------------------------------------------------------------------------------


def ui_classes() -> list[type]:
    for module in pkgutil.walk_packages(puskesos_desk.ui.__path__, "puskesos_desk.ui."):
        importlib.import_module(module.name)
    found: dict[str, type] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("puskesos_desk.ui."):
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == name and issubclass(cls, QWidget):
                    found[cls.__qualname__] = cls
    return list(found.values())


def test_every_dialog_under_ui_has_a_help_page() -> None:
    dialogs = {cls.__name__ for cls in ui_classes() if issubclass(cls, QDialog) and not issubclass(cls, QWizard)}
    assert dialogs - set(CLASS_PAGES) - ABSTRACT_DIALOGS == set()
    assert dialogs >= ABSTRACT_DIALOGS  # the exclusions name real classes
    wizards = [cls for cls in ui_classes() if issubclass(cls, QWizard)]
    assert wizards and "first_run_wizard" in OBJECT_PAGES  # the wizard is found by its objectName


def test_every_area_and_tab_page_class_has_a_help_page() -> None:
    pages = {cls.__name__ for cls in ui_classes()
             if cls.__module__.startswith("puskesos_desk.ui.pages.") and cls.__name__.endswith(("Page", "Tab"))}
    assert pages - set(CLASS_PAGES) - TAB_CONTAINERS == set()
    assert pages >= TAB_CONTAINERS


# --- the help window ------------------------------------------------------------------------------------------------


@pytest.fixture
def viewer(qtbot: Any, qapp: QApplication) -> Iterator[HelpViewer]:
    install_help(qapp)
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    qtbot.waitExposed(owner)
    shown = open_page(INDEX_PAGE, owner)
    qtbot.waitExposed(shown)
    yield shown
    uninstall_help(qapp)


def test_keyboard_link_then_back_and_forward(qtbot: Any, viewer: HelpViewer) -> None:
    browser = viewer.txt_page
    assert not viewer.btn_back.isEnabled() and not viewer.btn_forward.isEnabled()
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Tab)  # the first link of the contents: "Layanan" in the daily routine
    with qtbot.waitSignal(viewer.page_shown, timeout=2_000) as shown:
        qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert shown.args == ["layanan"] and viewer.current_page() == "layanan"
    assert viewer.btn_back.isEnabled()
    qtbot.mouseClick(viewer.btn_back, Qt.MouseButton.LeftButton)
    assert viewer.current_page() == INDEX_PAGE and viewer.btn_forward.isEnabled()
    qtbot.mouseClick(viewer.btn_forward, Qt.MouseButton.LeftButton)
    assert viewer.current_page() == "layanan"
    qtbot.mouseClick(viewer.btn_glossary, Qt.MouseButton.LeftButton)
    assert viewer.current_page() == GLOSSARY_PAGE
    qtbot.mouseClick(viewer.btn_contents, Qt.MouseButton.LeftButton)
    assert viewer.current_page() == INDEX_PAGE


def test_letter_size_grows_and_is_kept_for_the_next_window(qtbot: Any, viewer: HelpViewer) -> None:
    assert viewer.font_size() == DEFAULT_FONT_SIZE >= 12
    qtbot.mouseClick(viewer.btn_larger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(viewer.btn_larger, Qt.MouseButton.LeftButton)
    qtbot.keyClick(viewer.txt_page, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.font_size() == DEFAULT_FONT_SIZE + 1 == stored_font_size()
    again = HelpViewer()
    qtbot.addWidget(again)
    assert again.font_size() == DEFAULT_FONT_SIZE + 1


def test_f1_inside_the_help_window_shows_the_contents(qtbot: Any, viewer: HelpViewer) -> None:
    viewer.show_page("layanan")
    qtbot.keyClick(viewer.txt_page, Qt.Key.Key_F1)
    assert viewer.current_page() == INDEX_PAGE


def test_english_interface_english_contents(qtbot: Any, qapp: QApplication, viewer: HelpViewer) -> None:
    install_translators(qapp, "en")
    qtbot.mouseClick(viewer.btn_contents, Qt.MouseButton.LeftButton)
    assert viewer.source_path() == HELP / "en" / "index.html"
    assert viewer.txt_page.documentTitle() == "Help contents"
