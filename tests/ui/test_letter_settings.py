"""Pengaturan → Surat dan kop: the letter-number pattern (checked while typed, used by the next referral) and the
letterhead's address, contact line and logo."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD, SITE_CODE
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from puskesos_desk.domain.referrals import DEFAULT_NUMBER_PATTERN, ReferralDraft
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import letterhead
from puskesos_desk.services.reference import directory_services
from puskesos_desk.services.referrals import create_referral, number_pattern
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.pages.settings_page import SettingsPage
from puskesos_desk.ui.widgets.letter_settings import LetterSettings
from tests.services.factories import family


def settings_of(qtbot: Any, desk: Any, site_info: Any, username: str, password: str) -> SettingsPage:
    signed = sign_in(desk.db, username=username, password=password)
    page = SettingsPage(ServiceContext(desk.db, signed.actor), site_info, desk.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


@pytest.fixture
def admin_page(qtbot: Any, desk: Any, site_info: Any) -> SettingsPage:
    """The Admin's settings page, shown, with "Surat dan kop" loaded (tests keep the page, not only the box)."""
    page = settings_of(qtbot, desk, site_info, "admin", ADMIN_PASSWORD)
    with qtbot.waitSignal(page.grp_letters.loaded, timeout=10_000):
        page.show()
    assert page.grp_letters.isVisible()
    return page


def retype(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_only_accounts_that_manage_settings_see_it(qtbot: Any, desk: Any, site_info: Any) -> None:
    page = settings_of(qtbot, desk, site_info, "koordinator", KOORDINATOR_PASSWORD)
    page.show()
    qtbot.waitExposed(page)
    assert not page.grp_letters.isVisible()


def test_a_bad_pattern_is_refused_and_not_saved(qtbot: Any, desk: Any, admin_page: SettingsPage) -> None:
    letters = admin_page.grp_letters
    assert letters.edt_pattern.text() == DEFAULT_NUMBER_PATTERN
    assert SITE_CODE.replace(".", "") in letters.lbl_example.text()
    retype(qtbot, letters.edt_pattern, "RJK/{site}/{month_roman}")  # no sequence, no year: numbers would repeat
    assert letters.lbl_pattern_error.isVisible()
    assert "{seq}" in letters.lbl_pattern_error.text() and "{year}" in letters.lbl_pattern_error.text()
    assert not letters.lbl_example.isVisible()
    assert not letters.btn_save_pattern.isEnabled()
    qtbot.mouseClick(letters.btn_save_pattern, Qt.MouseButton.LeftButton)
    assert number_pattern(desk.cli) == DEFAULT_NUMBER_PATTERN


def test_a_good_pattern_is_saved_and_numbers_the_next_referral(qtbot: Any, desk: Any,
                                                               admin_page: SettingsPage) -> None:
    letters = admin_page.grp_letters
    pattern = "{seq:04d}/SLRT/{site}/{month}/{year}"
    retype(qtbot, letters.edt_pattern, pattern)
    today = date.today()
    expected = f"0001/SLRT/{SITE_CODE.replace('.', '')}/{today.month}/{today.year}"
    assert expected in letters.lbl_example.text()
    assert not letters.lbl_pattern_error.isVisible()
    with qtbot.waitSignal(letters.pattern_saved, timeout=10_000) as saved:
        qtbot.mouseClick(letters.btn_save_pattern, Qt.MouseButton.LeftButton)
    assert saved.args == [expected]
    assert number_pattern(desk.cli) == pattern
    assert expected in letters.lbl_pattern_status.text()
    assert not letters.btn_save_pattern.isEnabled(), "nothing left to save"

    household = register_household(desk.cli, family()).household
    service = next(s for s in directory_services(desk.cli) if s.code == "DINSOS-SK-DTSEN")
    record = create_referral(desk.cli, ReferralDraft(
        household_id=household.id, person_id=household.members[0].id, service_id=service.id,
        requested_service=service.name, problem_summary="Perlu surat keterangan terdaftar DTSEN"))
    assert record.number == expected


def test_logo_is_chosen_shown_saved_and_removed(qtbot: Any, desk: Any, admin_page: SettingsPage, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    letters = admin_page.grp_letters
    logo = tmp_path / "logo.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#1c5d99"))
    assert image.save(str(logo), "PNG")
    monkeypatch.setattr(LetterSettings, "choose_logo_path", lambda _self: str(logo))
    assert not letters.btn_remove_logo.isEnabled(), "no logo yet"
    qtbot.mouseClick(letters.btn_choose_logo, Qt.MouseButton.LeftButton)
    assert not letters.lbl_logo.pixmap().isNull()
    retype(qtbot, letters.edt_address, "Jl. Raya Sumogawe No. 1,  Getasan")
    retype(qtbot, letters.edt_contact, "Telp. 0298 123456")
    with qtbot.waitSignal(letters.letterhead_saved, timeout=10_000):
        qtbot.mouseClick(letters.btn_save_letterhead, Qt.MouseButton.LeftButton)
    head = letterhead(desk.cli)
    assert head.logo_png == logo.read_bytes()
    assert (head.address, head.contact) == ("Jl. Raya Sumogawe No. 1, Getasan", "Telp. 0298 123456")

    # Saving again without touching the logo keeps it; "Hapus logo" then saving removes it.
    with qtbot.waitSignal(letters.letterhead_saved, timeout=10_000):
        qtbot.mouseClick(letters.btn_save_letterhead, Qt.MouseButton.LeftButton)
    assert letterhead(desk.cli).logo_png == logo.read_bytes()
    qtbot.mouseClick(letters.btn_remove_logo, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(letters.letterhead_saved, timeout=10_000):
        qtbot.mouseClick(letters.btn_save_letterhead, Qt.MouseButton.LeftButton)
    assert letterhead(desk.cli).logo_png is None
    assert letters.lbl_logo.pixmap().isNull() and not letters.btn_remove_logo.isEnabled()


def test_a_file_that_is_not_an_image_is_refused(qtbot: Any, desk: Any, admin_page: SettingsPage, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    letters = admin_page.grp_letters
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"not a picture at all")
    monkeypatch.setattr(LetterSettings, "choose_logo_path", lambda _self: str(fake))
    qtbot.mouseClick(letters.btn_choose_logo, Qt.MouseButton.LeftButton)
    assert "bukan gambar" in letters.lbl_letterhead_status.text()
    assert letters.logo is None and not letters.logo_changed


def test_preview_shows_the_letterhead_as_typed(qtbot: Any, desk: Any, admin_page: SettingsPage) -> None:
    letters = admin_page.grp_letters
    retype(qtbot, letters.edt_contact, "Telp. 0298 999999")
    qtbot.mouseClick(letters.btn_preview, Qt.MouseButton.LeftButton)
    dialog = letters.preview
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages is not None and not dialog.is_busy(), timeout=20_000)
    assert [round(v) for v in dialog.pages.size_mm(0)] == [215, 330]  # F4, the usual office paper
    assert not dialog.btn_print.isEnabled() and not dialog.btn_save.isEnabled(), "a sample is never issued"
    assert letterhead(desk.cli).contact == "", "previewing saves nothing"
    with sqlite3.connect(desk.path) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event WHERE action = 'PRINT'").fetchone() == (0,)
    dialog.reject()
