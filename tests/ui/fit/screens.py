"""Every screen a user meets, one line each: an area of the main window (each tab of a tabbed area), or a dialog
opened as the user opens it (the button's click; a dialog the app runs with exec() is built as the app builds it and
shown without the modal loop). `name` is also the screenshot's file stem in docs/screenshots.

Adding a screen is one line in AREAS or DIALOGS: `Screen("name", opener)`, where the opener takes the Stage and
returns the window to check (the main window, or the dialog it opened), for instance

    Screen("first_run_wizard", lambda stage: stage.shown(FirstRunWizard(...))),
    Screen("help_viewer", lambda stage: stage.dialog_from(lambda: stage.window(DESA, K).act_help_screen.trigger())),

`scroll_ok` names the one scroll area that may scroll down at 100 %, with the reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from puskesos_desk.ui.areas import (
    AREA_AUDIT,
    AREA_BERANDA,
    AREA_KABUPATEN,
    AREA_KELUHAN,
    AREA_LAPORAN,
    AREA_LAYANAN,
    AREA_PENGATURAN,
    AREA_PERTUKARAN,
    AREA_RUJUKAN,
)
from tests.ui.fit import openers as o
from tests.ui.fit.stage import DESA, KABUPATEN, Stage

Opener = Callable[[Stage], QWidget]

# Long by design: Pengaturan is one page of every setting, read top to bottom (the groups are not a form to fill).
SETTINGS_SCROLL = "scr_body"
# A print preview shows whole pages at the window's width, as a document viewer does: a page is taller than a screen.
PREVIEW_SCROLL = "scr_pages"


@dataclass(frozen=True)
class Screen:
    name: str
    open: Opener
    scroll_ok: str = ""  # a scroll area (attribute or object name) that may scroll down at 100 %; say why


def area(site: str, user: str, index: int, tab: int | None = None) -> Opener:
    return lambda stage: o.show_area(stage, site, user, index, tab)


def household_tab(tab: int) -> Opener:
    return lambda stage: o.household_page(stage, tab)


def household_dialog(click: Callable[[Any], object], household: str = o.RICH_HOUSEHOLD) -> Opener:
    """The dialog a button of the household page opens (`click(page)`), on a household picked by SQL."""
    return lambda stage: o.from_household(stage, click, household)


K = "koordinator"
AREAS: tuple[Screen, ...] = (
    Screen("beranda", area(DESA, K, AREA_BERANDA)),
    Screen("layanan_search", o.search_results),
    Screen("household", household_tab(0)),
    Screen("household_keluhan", household_tab(1)),
    Screen("household_kebutuhan", household_tab(2)),
    Screen("household_kepesertaan", household_tab(3)),
    Screen("household_usulan", household_tab(4)),
    Screen("household_perubahan", household_tab(5)),
    Screen("household_rujukan", household_tab(6)),
    Screen("dtsen_household", household_tab(7)),
    Screen("keluhan_tugas", area(DESA, K, AREA_KELUHAN, 0)),
    Screen("keluhan_daftar", area(DESA, K, AREA_KELUHAN, 1)),
    Screen("rujukan", o.referral_list),
    Screen("rujukan_statistik", area(DESA, K, AREA_RUJUKAN, 1)),
    Screen("rujukan_instansi", area(DESA, K, AREA_RUJUKAN, 2)),
    Screen("laporan_page", area(DESA, K, AREA_LAPORAN)),
    Screen("pertukaran_kirim", area(DESA, K, AREA_PERTUKARAN, 0)),
    Screen("pertukaran_terima", area(DESA, K, AREA_PERTUKARAN, 1)),
    Screen("pertukaran_riwayat", area(DESA, K, AREA_PERTUKARAN, 2)),
    Screen("dtsen_page", area(DESA, K, AREA_PERTUKARAN, 3)),
    Screen("audit", area(DESA, K, AREA_AUDIT)),
    Screen("pengaturan", area(DESA, "admin", AREA_PENGATURAN), scroll_ok=SETTINGS_SCROLL),
    Screen("pengaturan_koordinator", area(DESA, K, AREA_PENGATURAN), scroll_ok=SETTINGS_SCROLL),
    Screen("kunci_layar", o.lock_screen),
    Screen("district_beranda", area(KABUPATEN, "manajer", AREA_BERANDA)),
    Screen("district_data_gabungan", area(KABUPATEN, "manajer", AREA_KABUPATEN, 0)),
    Screen("district_duplikat", area(KABUPATEN, "manajer", AREA_KABUPATEN, 1)),
    Screen("district_perubahan_kk", area(KABUPATEN, "manajer", AREA_KABUPATEN, 2)),
    Screen("district_direktori", area(KABUPATEN, "manajer", AREA_KABUPATEN, 3)),
    Screen("district_layanan", area(KABUPATEN, "manajer", AREA_LAYANAN)),
    Screen("district_keluhan", area(KABUPATEN, "manajer", AREA_KELUHAN, 1)),
    Screen("district_rujukan", area(KABUPATEN, "manajer", AREA_RUJUKAN, 0)),
    Screen("district_hasil_instansi", area(KABUPATEN, "manajer", AREA_RUJUKAN, 2)),
    Screen("district_laporan", area(KABUPATEN, "manajer", AREA_LAPORAN)),
    Screen("district_kirim", area(KABUPATEN, "manajer", AREA_PERTUKARAN, 0)),
    Screen("district_terima", area(KABUPATEN, "manajer", AREA_PERTUKARAN, 1)),
    Screen("district_desa", area(KABUPATEN, "manajer", AREA_PERTUKARAN, 4)),
    Screen("district_audit", area(KABUPATEN, "manajer", AREA_AUDIT)),
    Screen("district_pengaturan", area(KABUPATEN, "admin", AREA_PENGATURAN), scroll_ok=SETTINGS_SCROLL),
)

DIALOGS: tuple[Screen, ...] = (
    Screen("login", o.login),
    Screen("ganti_kata_sandi", o.change_password),
    Screen("registration", o.registration),
    Screen("household_visit_dialog", household_dialog(lambda page: page.btn_visit.click())),
    Screen("visit_complaint", household_dialog(lambda page: page.btn_complaint.click())),
    Screen("household_need_dialog", household_dialog(lambda page: page.btn_need.click())),
    Screen("household_participation_dialog", household_dialog(lambda page: page.btn_participation.click())),
    Screen("household_proposal_dialog", household_dialog(lambda page: page.btn_proposal.click(), o.NO_PROPOSAL)),
    Screen("household_change_dialog", household_dialog(lambda page: page.btn_change.click())),
    Screen("household_proposal_status", household_dialog(o.proposal_status, o.WITH_PROPOSAL)),
    Screen("household_change_decision", household_dialog(o.change_decision, o.WITH_CHANGE)),
    Screen("rujukan_baru", household_dialog(lambda page: page.referrals.btn_new.click())),
    Screen("household_reveal_dialog", household_dialog(lambda page: page.id_reveal.ask_kk())),
    Screen("trust_correction", household_dialog(o.correct_person)),
    Screen("household_correction_dialog", household_dialog(lambda page: page.records.correct_household())),
    Screen("trust_person_data", household_dialog(o.person_data)),
    Screen("person_data_requester", household_dialog(o.requester)),
    Screen("receipt_preview", household_dialog(o.receipt), scroll_ok=PREVIEW_SCROLL),
    Screen("complaint_status_dialog", o.complaint_status),
    Screen("referral_status_dialog", o.referral_status),
    Screen("rujukan_preview", o.slip_preview, scroll_ok=PREVIEW_SCROLL),
    Screen("dtsen_import", o.extract_import),
    Screen("breach_dialog", o.breach),
    Screen("user_dialog", o.user_dialog),
    Screen("password_note_dialog", o.password_note),
    Screen("database_dialog", o.database),
    Screen("unlock_database_dialog", o.unlock_database),
    Screen("error_dialog", o.error),
    Screen("service_entry_dialog", o.service_entry),
    Screen("reject_reason_dialog", o.reject_reason),
    Screen("new_village_dialog", o.new_village),
    Screen("agency_services_dialog", o.agency_services),
)

SCREENS: tuple[Screen, ...] = AREAS + DIALOGS


def by_name(name: str) -> Screen:
    return next(screen for screen in SCREENS if screen.name == name)
