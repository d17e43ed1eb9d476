"""How each screen of screens.py is brought up, the way a user gets there: the area chosen in the list (and its tab),
a household opened, a row selected, the button clicked. Each returns the window to check: the main window, or the
dialog that was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from PySide6.QtWidgets import QDialog, QTabWidget

from puskesos_desk.services.accounts import list_accounts
from puskesos_desk.services.reference import directory_services
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.areas import (
    AREA_AUDIT,
    AREA_KABUPATEN,
    AREA_KELUHAN,
    AREA_LAYANAN,
    AREA_PERTUKARAN,
    AREA_RUJUKAN,
)
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.pages.household_page import HouseholdPage
from tests.ui.fit.stage import DESA, KABUPATEN, Stage

K = "koordinator"

# Households picked by what they hold (the demo is deterministic for a seed and a day).
_COUNT = "(SELECT count(*) FROM {table} t WHERE t.household_id = h.id AND t.deleted_at IS NULL)"
# A household with a need (the demo records few), then records of the most kinds, then the most records.
_KINDS = ("need", "referral", "complaint", "visit", "person")
RICH_HOUSEHOLD = ("SELECT h.id FROM household h WHERE h.deleted_at IS NULL ORDER BY "
                  + f"({_COUNT.format(table='need')} > 0) DESC, "
                  + " + ".join(f"({_COUNT.format(table=table)} > 0)" for table in _KINDS) + " DESC, "
                  + " + ".join(_COUNT.format(table=table) for table in _KINDS) + " DESC, h.number LIMIT 1")
WITH_PROPOSAL = "SELECT household_id FROM dtsen_proposal WHERE deleted_at IS NULL ORDER BY number LIMIT 1"
NO_PROPOSAL = ("SELECT h.id FROM household h WHERE h.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM dtsen_proposal p "
               "WHERE p.household_id = h.id) ORDER BY " + _COUNT.format(table="person") + " DESC, h.number LIMIT 1")
WITH_CHANGE = ("SELECT household_id FROM household_change_request WHERE status = 'MENUNGGU' AND deleted_at IS NULL "
               "ORDER BY number LIMIT 1")


# --- areas ------------------------------------------------------------------------------------------------------------

def show_area(stage: Stage, site: str, user: str, area: int, tab: int | None = None) -> MainWindow:
    window = stage.window(site, user)
    window.show_area(area)
    stage.settle()
    if tab is not None:
        page = window.stk_pages.currentWidget()
        tabs = page.findChild(QTabWidget, None) if not hasattr(page, "tab_sections") else page.tab_sections
        tabs.setCurrentIndex(tab)
        stage.settle()
    return window


def search_results(stage: Stage) -> MainWindow:
    """Layanan with the results of a name typed in the search box (a common first word of a head's name)."""
    window = stage.window(DESA, K)
    window.show_search()
    name = stage.one(DESA, "SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM person WHERE relation = "
                           "'KEPALA_KELUARGA' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    page = window.page_search
    page.edt_search.setText(name.title())
    stage.wait_until(lambda: page.results(), "search results")
    return window


def household_page(stage: Stage, tab: int, household: str = RICH_HOUSEHOLD) -> MainWindow:
    window = stage.window(DESA, K)
    page = opened_household(stage, household)
    page.tabs.setCurrentIndex(tab)
    stage.settle()
    return window


def opened_household(stage: Stage, household: str) -> HouseholdPage:
    window = stage.window(DESA, K)
    household_id = stage.one(DESA, household)
    page = window.page_household
    if page.household_id != household_id or window.current_area() != AREA_LAYANAN \
            or window.stk_layanan.currentWidget() is not page:
        window.open_household(household_id)
        stage.wait_until(lambda: page.detail is not None and page.detail.household.id == household_id,
                         "the household page")
    return page


def referral_list(stage: Stage) -> MainWindow:
    """Rujukan with a sent referral selected, its detail panel filled."""
    window = show_area(stage, DESA, K, AREA_RUJUKAN, 0)
    referral_id, number = (stage.one(DESA, f"SELECT {column} FROM referral WHERE status = 'DIKIRIM' ORDER BY "
                                           "letter_number LIMIT 1") for column in ("id", "letter_number"))
    window.page_rujukan.tab_list.show_referral(referral_id, number)
    stage.settle()
    return window


def lock_screen(stage: Stage) -> MainWindow:
    """Its own window (Petugas FO), so locking it leaves the other windows working."""
    window = stage.window(DESA, "petugas.fo")
    window.lock()
    stage.settle()
    return window


# --- dialogs of the household page ------------------------------------------------------------------------------------

def from_household(stage: Stage, click: Callable[[HouseholdPage], object], household: str) -> QDialog:
    page = opened_household(stage, household)
    return stage.dialog_from(lambda: click(page))


def proposal_status(page: HouseholdPage) -> None:
    page.tabs.setCurrentWidget(page.tab_proposals)
    page.tab_proposals.select_first()
    page.btn_proposal_status.click()


def change_decision(page: HouseholdPage) -> None:
    """As the Koordinator sees it where the district lets the desa decide (construction, not the button: the site
    setting is the district's)."""
    from puskesos_desk.ui.widgets.household.change_decision_dialog import ChangeDecisionDialog

    page.tabs.setCurrentWidget(page.tab_changes)
    page.tab_changes.select_first()
    request = page.tab_changes.selected()
    ChangeDecisionDialog(request, page.tab_changes.model.person(request), approve=False, parent=page).open()


def _head_id(page: HouseholdPage) -> str:
    assert page.detail is not None
    return next(m.id for m in page.detail.members if m.relation == "KEPALA_KELUARGA")


def correct_person(page: HouseholdPage) -> None:
    page.records.correct_person(_head_id(page))


def person_data(page: HouseholdPage) -> None:
    page.records.open_privacy(_head_id(page))


def requester(page: HouseholdPage) -> None:
    from puskesos_desk.ui.dialogs.person_privacy_dialog import RequesterDialog

    assert page.detail is not None
    RequesterDialog(page.detail.household.head_name, page).open()


def receipt(page: HouseholdPage) -> None:
    page.tabs.setCurrentWidget(page.tab_visits)
    page.tab_visits.select_first()
    page.prints.btn_receipt.click()


# --- dialogs of the other areas ---------------------------------------------------------------------------------------

def registration(stage: Stage) -> QDialog:
    window = stage.window(DESA, K)
    window.show_search()
    return stage.dialog_from(window.page_search.btn_new.click)


def complaint_status(stage: Stage) -> QDialog:
    window = show_area(stage, DESA, K, AREA_KELUHAN, 1)
    complaint_id = stage.one(DESA, "SELECT id FROM complaint WHERE status = 'DITANGANI' ORDER BY number LIMIT 1")
    return stage.dialog_from(lambda: window.page_keluhan._on_tab_status_change_requested(complaint_id))


def referral_status(stage: Stage) -> QDialog:
    window = referral_list(stage)
    page = window.page_rujukan
    return stage.dialog_from(lambda: page._open_status_dialog(page.tab_list.selected_id(), from_scan=False))


def slip_preview(stage: Stage) -> QDialog:
    window = referral_list(stage)
    page = window.page_rujukan
    return stage.dialog_from(lambda: page._on_pnl_detail_preview_requested(page.tab_list.selected_id()))


def extract_import(stage: Stage) -> QDialog:
    window = show_area(stage, DESA, K, AREA_PERTUKARAN, 3)
    path = _extract_file(stage)
    page = window.page_pertukaran.tab_dtsen
    dialog = stage.dialog_from(lambda: page.open_import(path))
    stage.wait_until(lambda: dialog.preview is not None, "the extract preview")
    return dialog


def _extract_file(stage: Stage) -> Path:
    """The demo's extract as a district office sends it: title rows with the as-of date, then the header."""
    path = stage.work / "DTSEN Kec Getasan 01-10-2026.xlsx"
    rows = stage.rows(DESA, "SELECT nik, kk_number, name, birth_date, sex, relation, desil_national "
                            "FROM register_record ORDER BY id LIMIT 40")
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("DTSEN Getasan")
    sheet.write(0, 0, "DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL (DTSEN) — KECAMATAN GETASAN")
    sheet.write(1, 0, "Keadaan per tanggal: 01 Oktober 2026")
    sheet.write_row(3, 0, ["NO", "NIK", "NO KK", "NAMA", "TGL LAHIR", "JENIS KELAMIN", "HUB KELUARGA",
                           "DESA/KELURAHAN", "KECAMATAN", "DESIL NASIONAL", "PEKERJAAN UTAMA"])
    text = workbook.add_format({"num_format": "@"})
    for number, (nik, kk, name, born, sex, relation, desil) in enumerate(rows, start=1):
        sheet.write_number(3 + number, 0, number)
        values = [nik, kk, name, "-".join(reversed(born.split("-"))) if born else "", sex,
                  (relation or "").replace("_", " "), "SUMOGAWE", "GETASAN"]
        for column, value in enumerate(values, start=1):
            sheet.write_string(3 + number, column, value or "", text)
        sheet.write_number(3 + number, 9, desil or 0)
        sheet.write_string(3 + number, 10, "PETANI")
    workbook.close()
    return path


def breach(stage: Stage) -> QDialog:
    window = show_area(stage, DESA, K, AREA_AUDIT)
    assert window.page_audit is not None
    return stage.dialog_from(window.page_audit.btn_breach.click)


def login(stage: Stage) -> QDialog:
    from puskesos_desk.ui.login_dialog import LoginDialog

    db = stage.db(DESA)
    return stage.shown(LoginDialog(db, get_site_info(db)))


def change_password(stage: Stage) -> QDialog:
    from puskesos_desk.ui.dialogs.change_password_dialog import ChangePasswordDialog

    window = stage.window(DESA, K)
    return stage.shown(ChangePasswordDialog(window.db, window.signed_in, parent=window))


def user_dialog(stage: Stage) -> QDialog:
    """Ubah peran… on the Koordinator's account, as the Admin opens it from Pengaturan."""
    from puskesos_desk.ui.dialogs.user_dialog import UserDialog

    window = stage.window(DESA, "admin")
    account = next(a for a in list_accounts(window.ctx) if a.username == K)
    return stage.shown(UserDialog(window.ctx, window.site, account, window))


def password_note(stage: Stage) -> QDialog:
    from puskesos_desk.ui.dialogs.user_dialog import PasswordNoteDialog

    window = stage.window(DESA, "admin")
    return stage.shown(PasswordNoteDialog("petugas.fo", "Kuda-Hijau-Lompat-7294", window))


def database(stage: Stage) -> QDialog:
    from puskesos_desk.ui.dialogs.database_dialog import DatabaseDialog

    return stage.shown(DatabaseDialog(stage.window(DESA, "admin")))


def unlock_database(stage: Stage) -> QDialog:
    from puskesos_desk.ui.dialogs.unlock_database_dialog import UnlockDatabaseDialog

    return stage.shown(UnlockDatabaseDialog(None, stage.sites[DESA].path))


def error(stage: Stage) -> QDialog:
    from puskesos_desk.ui.error_dialog import ErrorDialog

    try:
        raise RuntimeError("database disk image is malformed")
    except RuntimeError as raised:
        return stage.shown(ErrorDialog(raised, stage.window(DESA, K)))


def service_entry(stage: Stage) -> QDialog:
    """Ubah… on the first service of the district's directory."""
    window = show_area(stage, KABUPATEN, "manajer", AREA_KABUPATEN, 3)
    assert window.page_kabupaten is not None
    tab = window.page_kabupaten.tab_directory
    tab.tbl_services.selectRow(0)
    return stage.dialog_from(tab.btn_edit.click)


def reject_reason(stage: Stage) -> QDialog:
    from puskesos_desk.ui.pages.kabupaten_changes_tab import RejectReasonDialog

    window = stage.window(KABUPATEN, "manajer")
    return stage.shown(RejectReasonDialog("PKK-3322012007-00001", window))


def new_village(stage: Stage) -> QDialog:
    from puskesos_desk.ui.dialogs.new_village_dialog import NewVillageDialog

    return stage.shown(NewVillageDialog(stage.window(KABUPATEN, "admin")))


def agency_services(stage: Stage) -> QDialog:
    from puskesos_desk.ui.pages.rujukan_agency_tab import AgencyServicesDialog

    window = stage.window(KABUPATEN, "manajer")
    return stage.shown(AgencyServicesDialog(directory_services(window.ctx), window))
