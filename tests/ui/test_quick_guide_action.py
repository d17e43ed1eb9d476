"""The "Cetak panduan singkat…" action opens the guide in the PDF preview, in the interface's language; and the guide
names only what the interface really shows: its screens and buttons, and keys that are bound."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.quick_guide import BOLD_MARK, GuideLanguage, guide_text
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui import i18n
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.quick_guide_action import open_quick_guide
from tests.cli._helpers import scalar
from tests.printing.pdf_tools import all_text, page_count

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "puskesos_en.ts"
KEY_NAMES = re.compile(r"^(Ctrl\+\S+|F\d+|Enter|Esc)$")
#: Keys that are no shortcut of the main window: F1 is caught application-wide by the help pages (ui/help), Ctrl+P
#: and Ctrl+S belong to the preview (checked above) and the forms, Esc to every dialog.
KEYS_ELSEWHERE = {"F1", "Ctrl+P", "Ctrl+S", "Esc"}


def officer(desk: Any) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username="petugas.fo", password=FO_PASSWORD).actor)


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    """Stands for the main window; held by the test, so the dialog (its child) lives as long as the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def opened(qtbot: Any, desk: Any, parent: QWidget) -> PdfPreviewDialog:
    dialog = open_quick_guide(parent, officer(desk))
    qtbot.waitUntil(lambda: dialog.pages is not None and not dialog.is_busy(), timeout=20_000)
    return dialog


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install_translators(qapp, "en")
    yield
    i18n.install_translators(qapp, "id")


def test_preview_offers_f4_and_a4_and_saves_without_a_record(qtbot: Any, desk: Any, parent: QWidget, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "panduan.pdf"
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: str(target))
    dialog = opened(qtbot, desk, parent)
    assert dialog.windowTitle() == "Panduan singkat meja layanan"
    assert dialog.pages is not None and dialog.pages.page_count == 1
    assert [round(v) for v in dialog.pages.size_mm(0)] == [215, 330]
    assert [dialog.cmb_paper.itemData(i) for i in range(dialog.cmb_paper.count())] == ["f4", "a4"]
    assert dialog.suggested_file_name == "panduan-singkat-meja-layanan.pdf"
    in_preview = {shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
                  for shortcut in dialog.findChildren(QShortcut)}
    assert {"Ctrl+P", "Ctrl+S"} <= in_preview  # the keys the guide gives for printing and saving
    with qtbot.waitSignal(dialog.pages_rendered, timeout=20_000):
        qtbot.keyClick(dialog.cmb_paper, Qt.Key.Key_End)
    assert dialog.paper() is Paper.A4
    prints_before = scalar(desk, "SELECT count(*) FROM audit_event WHERE action = 'PRINT'")
    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    pdf = target.read_bytes()
    assert page_count(pdf) == 1
    assert guide_text(GuideLanguage.ID).title in all_text(pdf)
    assert scalar(desk, "SELECT count(*) FROM audit_event WHERE action = 'PRINT'") == prints_before
    dialog.reject()


def test_english_interface_gets_the_english_guide(qtbot: Any, desk: Any, parent: QWidget, english: None) -> None:
    dialog = opened(qtbot, desk, parent)
    assert dialog.suggested_file_name == "service-desk-quick-guide.pdf"
    pdf = dialog.render_pdf(Paper.F4)
    assert guide_text(GuideLanguage.EN).title in all_text(pdf)
    dialog.reject()


def _interface_strings() -> dict[GuideLanguage, set[str]]:
    """Every source string of the interface and its English translation, as shown (accelerator marks removed)."""

    def shown(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    strings: dict[GuideLanguage, set[str]] = {GuideLanguage.ID: set(), GuideLanguage.EN: set()}
    for message in ElementTree.parse(TS_FILE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        strings[GuideLanguage.ID].add(shown(message.findtext("source") or ""))
        strings[GuideLanguage.EN].add(shown(translation.text or ""))
    return strings


@pytest.mark.parametrize("language", list(GuideLanguage))
def test_every_screen_and_button_the_guide_names_is_in_the_interface(language: GuideLanguage) -> None:
    interface = _interface_strings()[language]
    text = guide_text(language)
    named = {term for section in text.sections() for step in section.steps for term in BOLD_MARK.findall(step)}
    screens = {term for term in named if not KEY_NAMES.match(term)}
    assert len(screens) > 15
    assert sorted(term for term in screens if term not in interface) == []


def test_every_key_the_guide_names_is_bound_in_the_main_window(qtbot: Any, desk: Any, site_info: Any) -> None:
    signed = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    window = MainWindow(desk.db, signed, site_info)
    qtbot.addWidget(window)
    portable = QKeySequence.SequenceFormat.PortableText
    bound = {action.shortcut().toString(portable) for action in window.findChildren(QAction)}
    bound |= {shortcut.key().toString(portable) for shortcut in window.findChildren(QShortcut)}
    guide_keys = {key.keys for key in guide_text(GuideLanguage.ID).keys}
    assert sorted(guide_keys - KEYS_ELSEWHERE - bound) == []
    window.close()


def test_the_help_menu_opens_the_guide_in_the_preview(qtbot: Any, desk: Any, site_info: Any) -> None:
    signed = sign_in(desk.db, username="petugas.fo", password=FO_PASSWORD)
    window = MainWindow(desk.db, signed, site_info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert any(window.act_quick_guide in menu.actions() for menu in window.menuBar().findChildren(QWidget))
    window.act_quick_guide.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(PdfPreviewDialog)), timeout=10_000)
    preview = window.findChildren(PdfPreviewDialog)[0]
    assert "Panduan singkat" in preview.windowTitle()
    preview.close()
    window.close()
