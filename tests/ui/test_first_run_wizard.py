"""The first-run wizard, driven with key presses and clicks on a database that has no site yet: from the district's
set-up file and by hand, ending at a desk that starts; refusals beside their fields; the language switch; and the
app opening the wizard instead of the "Situs belum disiapkan" dead end.

PUSKESOS_WIZARD_SHOTS=<folder> saves each page as it is passed (to look at them at 1366×768)."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backends import copy_sqlite
from PySide6.QtCore import QPoint, Qt, QTimer, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from puskesos_desk.data.db import Database
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.accounts import list_accounts
from puskesos_desk.services.auth import SignedIn, sign_in
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.enrolment import SetupFileResult, write_setup_file
from puskesos_desk.services.extract_check import extract_status
from puskesos_desk.services.first_run import setup_context
from puskesos_desk.services.letterhead import letterhead
from puskesos_desk.services.site import get_site_info, initialise_site
from puskesos_desk.services.trust import trusted_sites
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui import i18n
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pdf_pages import page_count
from puskesos_desk.ui.print_defaults import PDF_PRINTER, stored_paper, stored_printer
from puskesos_desk.ui.widgets.print_settings import PrintSettings
from puskesos_desk.ui.wizard import first_run_wizard as wizard_module
from puskesos_desk.ui.wizard.extract_page import ExtractPage
from puskesos_desk.ui.wizard.first_run_wizard import (
    PAGE_ADMIN,
    PAGE_DONE,
    PAGE_EXTRACT,
    PAGE_LETTERHEAD,
    PAGE_METHOD,
    PAGE_OFFICERS,
    PAGE_PRINTER,
    PAGE_REGION,
    PAGE_SETUP_FILE,
    FirstRunWizard,
)
from puskesos_desk.ui.wizard.letterhead_page import LetterheadPage
from puskesos_desk.ui.wizard.officers_page import OfficersPage
from puskesos_desk.ui.wizard.setup_file_page import SetupFilePage
from tests.ui.test_extract_import_dialog import extract_file

VILLAGE, VILLAGE_NAME = "33.22.01.2007", "Puskesos Desa Sumogawe"
ADMIN_PASSWORD = "kebun-jati-pagi-7"


def _tiny_png() -> bytes:
    """A valid 2 × 2 PNG, made here so the test needs no image file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x1c\x5d\x99" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# --- fixtures --------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _leaving_needs_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes the wizard after each test: its "Keluar dari penyiapan?" question must not wait for a click."""
    monkeypatch.setattr(FirstRunWizard, "confirm_leave", lambda _self: True)


@pytest.fixture
def fresh_db(seeded_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[tuple[Database, Path]]:
    """A new install: the database file opened as the app opens it (migrated, reference data), with no site."""
    path = tmp_path / "baru.db"
    copy_sqlite(seeded_template, path)  # the reference data already loaded: open_database has nothing to seed
    opened = open_database(str(path))
    yield opened.db, path
    assert wait_for_ops(10_000), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    opened.db.dispose()


@pytest.fixture
def setup_file(seeded_template: Path, tmp_path: Path) -> tuple[Path, SetupFileResult]:
    """The district's set-up file for Desa Sumogawe, as the secretariat writes it onto the USB stick."""
    path = tmp_path / "kabupaten.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        initialise_site(ServiceContext(db, Actor.cli("pytest")), code="33.22", name="Sekretariat SLRT Kabupaten "
                        "Semarang", role=SiteRole.KABUPATEN, admin_username="admin", admin_password="admin-kab-123")
        ctx = ServiceContext(db, Actor.cli("pytest", site_code="33.22", site_role=SiteRole.KABUPATEN))
        out = tmp_path / "flashdisk" / "penyiapan-sumogawe.json"
        out.parent.mkdir()
        result = write_setup_file(ctx, site_code=VILLAGE, name=VILLAGE_NAME, out=out)
    finally:
        db.dispose()
    return out, result


def _open_wizard(qtbot: Any, db: Database) -> FirstRunWizard:
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _shot(wizard: FirstRunWizard, name: str) -> None:
    folder = os.environ.get("PUSKESOS_WIZARD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        wizard.currentPage().layout().activate()  # a message just hidden or shown: lay the page out first
        wizard.grab().save(str(Path(folder) / f"{wizard.currentId():02d}-{name}.png"))


def _next(qtbot: Any, wizard: FirstRunWizard, name: str = "") -> None:
    """Press Lanjut (or Buat situs on the commit page) as the officer does."""
    _shot(wizard, name or type(wizard.currentPage()).__name__)
    assert wizard.width() <= 1366 and wizard.height() <= 768 - 48, "fits a 1366×768 screen above the taskbar"
    button = wizard.button(QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage()
                           else QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Lanjut is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot: Any, radio: Any) -> None:
    """Click a radio button on its circle (a click beyond its text, in the stretched row, does nothing)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _type(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _pick(qtbot: Any, wizard: FirstRunWizard, level: int, typed: str, expected: str) -> None:
    """Type part of a name into a region list (once it has loaded), as the officer does to jump to it."""
    combos = wizard.page_region.cmb_region
    qtbot.waitUntil(lambda: combos.cmb_levels[level].count() > 0, timeout=10_000)
    combo = combos.cmb_levels[level]
    combo.setFocus()
    qtbot.keyClicks(combo, typed)
    assert combo.currentText() == expected


def _create_admin(qtbot: Any, wizard: FirstRunWizard, *, full_name: str = "Sri Wahyuni") -> None:
    page = wizard.page_admin
    _type(qtbot, page.edt_full_name, full_name)
    _type(qtbot, page.edt_password, ADMIN_PASSWORD)
    _type(qtbot, page.edt_repeat, ADMIN_PASSWORD)
    _next(qtbot, wizard, "admin")
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_OFFICERS, timeout=20_000)


def _finish(qtbot: Any, wizard: FirstRunWizard) -> None:
    assert wizard.currentId() == PAGE_DONE
    _shot(wizard, "done")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text().replace("&", "") == "Mulai"
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted


# --- with the district's set-up file ---------------------------------------------------------------------------


def test_set_up_from_the_districts_file_to_a_desk_that_starts(
        qtbot: Any, qapp: QApplication, fresh_db: tuple[Database, Path], setup_file: tuple[Path, SetupFileResult],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, db_path = fresh_db
    file_path, written = setup_file
    test_pdf = tmp_path / "halaman-uji.pdf"
    monkeypatch.setattr(SetupFilePage, "choose_path", lambda _self: str(file_path))
    monkeypatch.setattr(PrintSettings, "choose_pdf_path", lambda _self: str(test_pdf))
    wizard = _open_wizard(qtbot, db)
    assert wizard.objectName() == "first_run_wizard"
    assert wizard.currentPage().title() == "Selamat datang"
    _next(qtbot, wizard, "language")
    assert wizard.currentId() == PAGE_METHOD and wizard.page_method.rad_setup_file.isChecked()
    _next(qtbot, wizard, "method")
    assert wizard.currentId() == PAGE_SETUP_FILE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "no file yet"

    page = wizard.page_setup_file
    with qtbot.waitSignal(page.previewed, timeout=10_000):
        qtbot.mouseClick(page.btn_choose, Qt.MouseButton.LeftButton)
    assert page.lbl_site.text() == f"{VILLAGE_NAME} ({VILLAGE})"
    assert "Sumogawe" in page.lbl_region.text() and "Kabupaten Semarang" in page.lbl_region.text()
    assert page.lbl_district.text() == "Sekretariat SLRT Kabupaten Semarang (33.22)"
    assert page.lbl_fingerprint.text() == written.district_fingerprint
    assert page.lbl_services.text() == f"{written.services} layanan"
    assert page.lbl_holidays.text() == f"{written.holidays} hari"
    with pytest.raises(SiteNotInitialised):
        get_site_info(db)  # shown, not written
    _next(qtbot, wizard, "setup_file")

    assert wizard.currentId() == PAGE_LETTERHEAD
    _type(qtbot, wizard.page_letterhead.edt_address, "Jl. Raya Sumogawe No. 1, Getasan")
    _next(qtbot, wizard, "letterhead")
    assert wizard.currentId() == PAGE_ADMIN
    _create_admin(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled(), "no way back past Buat situs"
    _next(qtbot, wizard, "officers")  # no officers: skipped

    assert wizard.currentId() == PAGE_PRINTER
    settings = wizard.page_printer.settings
    assert settings is not None
    qtbot.keyClicks(settings.cmb_paper, "A4")
    settings.cmb_printer.setFocus()
    qtbot.keyClick(settings.cmb_printer, Qt.Key.Key_End)  # "PDF (tanpa printer…)" is the last choice
    assert settings.chosen().paper is Paper.A4 and settings.chosen().printer == PDF_PRINTER
    with qtbot.waitSignal(settings.test_printed, timeout=30_000) as printed:
        qtbot.mouseClick(settings.btn_test, Qt.MouseButton.LeftButton)
    assert printed.args == [1]
    assert page_count(test_pdf.read_bytes()) == 1
    _next(qtbot, wizard, "printer")

    assert wizard.currentId() == PAGE_EXTRACT
    _next(qtbot, wizard, "extract")  # skipped
    summary = wizard.page_done.lbl_summary.text()
    assert VILLAGE_NAME in summary and "Sekretariat SLRT Kabupaten Semarang" in summary
    assert wizard.page_done.lbl_warning.isVisible(), "no officer yet: the Admin cannot serve residents"
    _finish(qtbot, wizard)

    site = get_site_info(db)
    assert (site.code, site.name, site.role) == (VILLAGE, VILLAGE_NAME, SiteRole.DESA)
    assert site.address == "Jl. Raya Sumogawe No. 1, Getasan"
    assert [t.code for t in trusted_sites(setup_context(db))] == ["33.22"]
    admin = sign_in(db, username="admin", password=ADMIN_PASSWORD)
    assert admin.actor.role is Role.ADMIN and not admin.must_change_password
    assert admin.user.full_name == "Sri Wahyuni"
    assert stored_paper() is Paper.A4 and stored_printer() == PDF_PRINTER

    # The app now starts on this database: sign-in, then the main window (the sign-in dialog answered for the test).
    db.dispose()
    windows: list[MainWindow] = []

    def answer_sign_in(cls: type[LoginDialog], _parent: Any, database: Any, _site: Any, **_kw: Any) -> SignedIn | None:
        if windows:
            return None
        return sign_in(database, username="admin", password=ADMIN_PASSWORD)

    def sign_out_when_open() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not found:
            QTimer.singleShot(50, sign_out_when_open)
            return
        windows.append(found[0])
        found[0].act_sign_out.trigger()

    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(answer_sign_in))
    monkeypatch.setattr(app_module, "run_first_run", lambda _db: pytest.fail("the site exists: no wizard"))
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: pytest.fail("no error box"))
    QTimer.singleShot(0, sign_out_when_open)
    try:
        assert app_module.main([], db_target=str(db_path)) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert len(windows) == 1, "the main window opened after sign-in"


# --- by hand ---------------------------------------------------------------------------------------------------


def test_set_up_by_hand_with_logo_admin_and_an_officer(qtbot: Any, fresh_db: tuple[Database, Path], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db, _path = fresh_db
    logo = tmp_path / "logo.png"
    logo.write_bytes(_tiny_png())
    monkeypatch.setattr(LetterheadPage, "choose_logo_path", lambda _self: str(logo))
    wizard = _open_wizard(qtbot, db)
    _next(qtbot, wizard, "language")
    _choose(qtbot, wizard.page_method.rad_by_hand)
    _next(qtbot, wizard, "method_by_hand")
    assert wizard.currentId() == PAGE_REGION
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "no desa chosen yet"
    for level, (typed, name) in enumerate((("jawa t", "Jawa Tengah"), ("semarang", "Kabupaten Semarang"),
                                           ("getasan", "Getasan"), ("sumo", "Sumogawe"))):
        _pick(qtbot, wizard, level, typed, name)
    region = wizard.page_region
    assert region.lbl_code.text() == VILLAGE
    assert region.edt_name.text() == "Puskesos Desa Sumogawe", "prefilled from the desa's name"
    _next(qtbot, wizard, "region")

    page = wizard.page_letterhead
    _type(qtbot, page.edt_address, "Jl. Kopeng No. 5, Sumogawe")
    _type(qtbot, page.edt_contact, "WA 0812-3456-7890")
    qtbot.mouseClick(page.btn_choose_logo, Qt.MouseButton.LeftButton)
    assert page.logo == logo.read_bytes()
    _next(qtbot, wizard, "letterhead")

    # Back and forth keeps what was typed.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_LETTERHEAD and page.edt_contact.text() == "WA 0812-3456-7890"
    _next(qtbot, wizard, "letterhead")

    # Refusals stay on the page, in Bahasa, beside their field; nothing is written.
    admin = wizard.page_admin
    _type(qtbot, admin.edt_username, "ad")
    _type(qtbot, admin.edt_password, ADMIN_PASSWORD)
    _type(qtbot, admin.edt_repeat, ADMIN_PASSWORD)
    _next(qtbot, wizard, "admin_short_name")
    assert wizard.currentId() == PAGE_ADMIN
    assert admin.lbl_errors["username"].isVisible()
    assert admin.lbl_errors["username"].text().startswith("Nama pengguna harus 3–40 huruf")
    _type(qtbot, admin.edt_username, "admin")
    _type(qtbot, admin.edt_password, "rahasia123")
    _type(qtbot, admin.edt_repeat, "rahasia123")
    _next(qtbot, wizard, "admin_bad_password")
    assert wizard.currentId() == PAGE_ADMIN
    assert admin.lbl_errors["password"].text().startswith("Kata sandi ini terlalu umum")
    _shot(wizard, "admin_refused")
    assert not admin.lbl_errors["username"].isVisible()
    _type(qtbot, admin.edt_password, ADMIN_PASSWORD)
    _type(qtbot, admin.edt_repeat, ADMIN_PASSWORD + "x")
    _next(qtbot, wizard, "admin_repeat")
    assert admin.lbl_errors["repeat"].text() == "Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama."
    with pytest.raises(SiteNotInitialised):
        get_site_info(db)
    _create_admin(qtbot, wizard, full_name="Agus Prasetyo")

    officers = wizard.page_officers
    assert officers.cmb_role.currentText() == "Petugas FO", "the role that serves residents is offered first"
    _type(qtbot, officers.edt_username, "budi.s")
    _type(qtbot, officers.edt_full_name, "Budi Santoso")
    with qtbot.waitSignal(officers.completeChanged, timeout=20_000):
        qtbot.keyClick(officers.edt_full_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: officers.tbl_accounts.rowCount() == 1, timeout=20_000)
    password = officers.tbl_accounts.item(0, 3).text()
    assert officers.tbl_accounts.item(0, 0).text() == "budi.s" and len(password) >= 12
    qtbot.mouseClick(officers.btn_copy, Qt.MouseButton.LeftButton)
    assert "budi.s" in QApplication.clipboard().text() and password in QApplication.clipboard().text()
    printed = tmp_path / "daftar-akun.pdf"

    def print_to_file(_page: Any, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(OfficersPage, "exec_print_dialog", print_to_file)
    qtbot.mouseClick(officers.btn_print, Qt.MouseButton.LeftButton)
    assert page_count(printed.read_bytes()) == 1
    # The same name again is refused beside the field.
    _type(qtbot, officers.edt_username, "budi.s")
    qtbot.mouseClick(officers.btn_create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: officers.lbl_error.isVisible(), timeout=20_000)
    assert officers.lbl_error.text() == "Nama pengguna \"budi.s\" sudah dipakai."
    _shot(wizard, "officers_refused")
    _next(qtbot, wizard, "officers_typed")
    assert wizard.currentId() == PAGE_OFFICERS, "a typed but uncreated account is not dropped silently"
    _type(qtbot, officers.edt_username, "")
    _next(qtbot, wizard, "officers")
    _next(qtbot, wizard, "printer")

    # The district's DTSEN extract, through the same dialog as Pertukaran Data → Data DTSEN.
    extract = extract_file(tmp_path / "DTSEN Getasan Oktober 2026.xlsx")
    monkeypatch.setattr(ExtractPage, "choose_path", lambda _self: str(extract))
    with qtbot.waitSignal(wizard.page_extract.dialog_opened, timeout=5_000) as opened:
        qtbot.mouseClick(wizard.page_extract.btn_load, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.btn_import.isEnabled(), timeout=20_000)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.btn_import, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.btn_close, Qt.MouseButton.LeftButton)
    assert wizard.page_extract.lbl_status.text() == (f"Ekstrak DTSEN dimuat dari berkas {extract.name}: 3 baris "
                                                     "warga desa ini.")
    _next(qtbot, wizard, "extract_loaded")
    assert not wizard.page_done.lbl_warning.isVisible(), "an officer can serve"
    assert "DTSEN dimuat" in wizard.page_done.lbl_summary.text()
    _finish(qtbot, wizard)

    site = get_site_info(db)
    assert (site.code, site.name, site.role) == (VILLAGE, "Puskesos Desa Sumogawe", SiteRole.DESA)
    head = letterhead(setup_context(db))
    assert head.address == "Jl. Kopeng No. 5, Sumogawe"
    assert head.contact == "WA 0812-3456-7890"
    assert head.logo_png == logo.read_bytes()
    by_name = {user.username: user for user in list_accounts(setup_context(db))}
    assert set(by_name) == {"admin", "budi.s"}
    assert by_name["admin"].role is Role.ADMIN and by_name["admin"].full_name == "Agus Prasetyo"
    assert by_name["budi.s"].role is Role.PETUGAS_FO and by_name["budi.s"].must_change_password
    officer = sign_in(db, username="budi.s", password=password)
    assert officer.must_change_password, "the generated password must be changed at the first sign-in"
    with pytest.raises(InputRejected):
        sign_in(db, username="budi.s", password="salah-sekali-1")
    assert extract_status(setup_context(db)) is not None, "the desk checks residents against the extract"


def test_a_district_secretariat_by_hand_stops_at_the_kabupaten(qtbot: Any, fresh_db: tuple[Database, Path]) -> None:
    db, _path = fresh_db
    wizard = _open_wizard(qtbot, db)
    _next(qtbot, wizard)
    _choose(qtbot, wizard.page_method.rad_district)
    _next(qtbot, wizard)
    region = wizard.page_region
    assert not region.cmb_region.cmb_levels[2].isVisible()
    _pick(qtbot, wizard, 0, "Jawa Tengah", "Jawa Tengah")
    _pick(qtbot, wizard, 1, "Kota Sem", "Kota Semarang")
    assert region.edt_name.text() == "Sekretariat SLRT Kota Semarang"
    _next(qtbot, wizard, "region_district")
    _next(qtbot, wizard)
    _create_admin(qtbot, wizard)
    site = get_site_info(db)
    assert (site.code, site.name, site.role) == ("33.74", "Sekretariat SLRT Kota Semarang", SiteRole.KABUPATEN)
    roles = [wizard.page_officers.cmb_role.itemData(i) for i in range(wizard.page_officers.cmb_role.count())]
    assert roles[0] == Role.MANAJER_SLRT.value and Role.KOORDINATOR.value not in roles


def test_a_bad_set_up_file_is_refused_beside_the_button(qtbot: Any, fresh_db: tuple[Database, Path],
                                                        setup_file: tuple[Path, SetupFileResult], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db, _path = fresh_db
    edited = tmp_path / "diubah.json"
    edited.write_text(setup_file[0].read_text(encoding="utf-8").replace(VILLAGE_NAME, "Puskesos Desa Lain"),
                      encoding="utf-8")
    monkeypatch.setattr(SetupFilePage, "choose_path", lambda _self: str(edited))
    wizard = _open_wizard(qtbot, db)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.page_setup_file
    qtbot.mouseClick(page.btn_choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.lbl_error.isVisible(), timeout=10_000)
    assert page.lbl_error.text().startswith("Tanda tangan berkas penyiapan tidak cocok")
    assert not page.frm_summary.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


# --- the language ----------------------------------------------------------------------------------------------


class _EnglishTitles(QTranslator):
    """A stand-in catalogue with two of the wizard's texts: the switch is tested without depending on how the
    lead words the real English catalogue (tests/ui/test_english.py checks that one is complete)."""

    TEXTS = {("LanguagePage", "Selamat datang"): "Welcome", ("FirstRunWizard", "&Lanjut >"): "&Next >"}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self.TEXTS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


def test_choosing_english_turns_the_wizard_english_at_once(qtbot: Any, qapp: QApplication,
                                                           fresh_db: tuple[Database, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db, _path = fresh_db
    chosen: list[str] = []
    monkeypatch.setattr(i18n, "_our_catalogue", lambda language: _EnglishTitles())
    monkeypatch.setattr(wizard_module, "store_language", chosen.append)
    wizard = _open_wizard(qtbot, db)
    page = wizard.page_language
    assert page.title() == "Selamat datang"
    _choose(qtbot, page.rad_languages["en"])
    assert i18n.current_language() == "en" and chosen == ["en"]
    assert page.title() == "Welcome"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Next >"
    _choose(qtbot, page.rad_languages["id"])
    assert page.title() == "Selamat datang" and chosen == ["en", "id"]


# --- the app ---------------------------------------------------------------------------------------------------


def test_the_app_runs_the_wizard_on_a_database_without_a_site(qapp: QApplication, fresh_db: tuple[Database, Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db, path = fresh_db
    db.dispose()
    asked: list[str] = []

    def wizard_left_early(database: Any) -> None:
        asked.append(database.display_location)

    monkeypatch.setattr(app_module, "run_first_run", wizard_left_early)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: pytest.fail("no dead-end error box"))
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(lambda *_a, **_kw: pytest.fail("no site: no sign-in")))
    try:
        assert app_module.main([], db_target=str(path)) == app_module.EXIT_DATABASE
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert asked == [str(path)]


def test_leaving_before_the_site_exists_asks_first(qtbot: Any, fresh_db: tuple[Database, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db, _path = fresh_db
    answers = iter([False, True])
    monkeypatch.setattr(FirstRunWizard, "confirm_leave", lambda _self: next(answers))
    wizard = _open_wizard(qtbot, db)
    _next(qtbot, wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible(), "the officer said no: the wizard stays"
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert FirstRunWizard.site(wizard, reload=True) is None
