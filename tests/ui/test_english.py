"""Switching the interface to English: the catalogue is complete, and the sign-in dialog really changes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from puskesos_desk.infra.paths import resource_path
from puskesos_desk.ui import i18n
from puskesos_desk.ui.formatting import format_date_long, format_number
from puskesos_desk.ui.login_dialog import LoginDialog

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "puskesos_en.ts"
UI_PACKAGE = REPO / "puskesos_desk" / "ui"


def _messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation text, type attribute) for every message still in use."""
    result = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            # A plural message keeps its forms in <numerusform> children; the catalogue answers with the first.
            forms = translation.findall("numerusform")
            text = (forms[0].text or "") if message.get("numerus") == "yes" and forms else (translation.text or "")
            result[(name, message.findtext("source") or "")] = (text, translation.get("type"))
    return result


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install_translators(qapp, "en")
    yield
    i18n.install_translators(qapp, "id")


def test_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        found = shutil.which("pyside6-lupdate")
        if found is None:
            pytest.skip("pyside6-lupdate is not installed")
        lupdate = Path(found)
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI_PACKAGE.rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(_messages(fresh))
    committed = _messages(TS_FILE)
    assert in_code, "lupdate found no strings"
    missing = sorted(in_code - committed.keys())
    assert not missing, f"not in puskesos_en.ts (run pyside6-lupdate): {missing}"
    unfinished = sorted(key for key in in_code if committed[key][1] == "unfinished" or not committed[key][0])
    assert not unfinished, f"untranslated: {unfinished}"


def test_compiled_catalogue_matches_the_ts_file(qapp: QApplication) -> None:
    """puskesos_en.qm must be rebuilt (pyside6-lrelease) whenever puskesos_en.ts changes."""
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "puskesos_en.qm")))
    stale = [
        (context, source)
        for (context, source), (text, _kind) in _messages(TS_FILE).items()
        if translator.translate(context, source) != text
    ]
    assert not stale, f"puskesos_en.qm is out of date for: {stale}"


@pytest.mark.usefixtures("english")
def test_login_dialog_in_english(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = LoginDialog(desk.db, site_info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Sign in — Puskesos Desk"
    assert dialog.btn_sign_in.text() == "Sign in"
    assert dialog.btn_quit.text() == "Exit"
    assert dialog.lbl_code.text() == "Site code: 33.22.01.2007"
    indonesian = {source for (context, source) in _messages(TS_FILE) if context == "LoginDialog"}
    shown = [dialog.windowTitle()]
    shown += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    shown += [w.text() for w in dialog.findChildren(QAbstractButton)]
    shown += [w.placeholderText() for w in dialog.findChildren(QLineEdit)]
    leaked = [text for text in shown if text in indonesian or "Masuk" in text or "sandi" in text]
    assert not leaked, leaked


@pytest.mark.usefixtures("english")
def test_english_wrong_password_message_stays_the_services_words(qtbot: Any, desk: Any, site_info: Any) -> None:
    """Service messages are Bahasa by design (domain.errors); the dialog shows them unchanged."""
    dialog = LoginDialog(desk.db, site_info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edt_username, "koordinator")
    qtbot.keyClicks(dialog.edt_password, "bukan-sandinya")
    dialog.btn_sign_in.click()
    qtbot.waitUntil(dialog.lbl_error.isVisible, timeout=10_000)
    assert dialog.lbl_error.text()


def test_numbers_and_dates_follow_the_language(qapp: QApplication) -> None:
    from datetime import date

    assert format_number(1234567) == "1.234.567"
    assert format_date_long(date(2026, 5, 12)) == "12 Mei 2026"
    i18n.install_translators(qapp, "en")
    try:
        assert format_number(1234567) == "1,234,567"
        assert format_date_long(date(2026, 5, 12)) == "12 May 2026"
    finally:
        i18n.install_translators(qapp, "id")
    assert format_date_long(date(2026, 8, 17)) == "17 Agustus 2026"


def test_unknown_language_falls_back_to_indonesian(qapp: QApplication) -> None:
    i18n.install_translators(qapp, "fr")
    assert i18n.current_language() == "id"
