"""Buat rujukan from the household page, driven as an officer would: select a need or complaint, Rujuk…, pick a
service, tick documents, save; then the referral row is read back from the database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD, SITE_CODE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from puskesos_desk.domain.casework import ComplaintDraft, NeedDraft
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.domain.referrals import DEFAULT_NUMBER_PATTERN, format_letter_number
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.casework import record_complaint, record_need
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import MAX_SUMMARY, needs_consent
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.referral_dialog import ReferralDialog
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.widgets.household.service_picker import SERVICE_ROLE
from tests.services.factories import family

CTRL = Qt.KeyboardModifier.ControlModifier
NEED_TEXT = "Kartu KIS ibu nonaktif, ditolak saat berobat ke puskesmas"


def query(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


def signed_in(desk: Any, username: str, password: str) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username=username, password=password).actor)


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    return register_household(desk.cli, family()).household


def wife_of(household: HouseholdRecord) -> Any:
    return next(m for m in household.members if m.name == "SITI AMINAH")


def open_page(qtbot: Any, ctx: ServiceContext, household_id: str) -> HouseholdPage:
    page = HouseholdPage(ctx)
    qtbot.addWidget(page)
    page.resize(1186, 708)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load(household_id)
    return page


def refer_from(qtbot: Any, page: HouseholdPage, tab: QWidget, button: QWidget) -> ReferralDialog:
    """Select the tab's first row, click its Rujuk… button, and wait for the dialog (the directory loads first)."""
    page.tabs.setCurrentWidget(tab)
    tab.select_first()  # type: ignore[attr-defined]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, ReferralDialog), timeout=10_000)
    dialog = page.active_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert isinstance(dialog, ReferralDialog)
    return dialog


def tick(qtbot: Any, widget: QListWidget, text: str) -> None:
    widget.setFocus()
    row = next(i for i in range(widget.count()) if widget.item(i).text() == text)
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(widget, Qt.Key.Key_Down)
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def save(qtbot: Any, page: HouseholdPage, dialog: QWidget) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert page.active_dialog is None


def test_referral_from_a_need(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    wife = wife_of(household)
    need = record_need(desk.cli, NeedDraft(household_id=household.id, domain_code="KESEHATAN", description=NEED_TEXT,
                                           person_id=wife.id))
    ctx = signed_in(desk, "koordinator", KOORDINATOR_PASSWORD)
    page = open_page(qtbot, ctx, household.id)
    assert not page.referrals.btn_refer_need.isEnabled(), "nothing selected yet"
    dialog = refer_from(qtbot, page, page.tab_needs, page.referrals.btn_refer_need)

    # Prefilled from the need; the services of its domain come first and say so.
    assert dialog.cmb_person.currentData() == wife.id
    assert dialog.edt_summary.toPlainText() == NEED_TEXT
    first = dialog.pck_service.lst_services.item(0)
    assert first.text().endswith("sesuai kebutuhan")
    assert "KESEHATAN" in dialog.pck_service.current().need_domains
    assert dialog.pck_service.edt_filter.hasFocus()

    # Narrow the list by typing; the card shows what to check, the request follows the service.
    qtbot.keyClicks(dialog.pck_service.edt_filter, "reaktivasi pbi")
    service = dialog.pck_service.current()
    assert service is not None and service.code == "DINSOS-PBI-REAKTIVASI"
    assert dialog.edt_requested.text() == service.name
    qtbot.keyClick(dialog.pck_service.edt_filter, Qt.Key.Key_Return)  # to the list, then on: never a save
    assert dialog.pck_service.lst_services.hasFocus()
    qtbot.keyClick(dialog.pck_service.lst_services, Qt.Key.Key_Return)
    assert dialog.edt_requested.hasFocus() and page.active_dialog is dialog
    assert dialog.crd_service.lbl_example.isVisible(), "directory entries are unverified examples"
    assert "Dinas Sosial" in dialog.crd_service.lbl_organization.text()
    assert not dialog.lbl_consent.isVisible(), "a government office needs no explicit consent"
    assert [dialog.lst_documents.item(i).text() for i in range(dialog.lst_documents.count())] == list(
        service.required_documents)
    tick(qtbot, dialog.lst_documents, "Fotokopi KK")
    tick(qtbot, dialog.lst_documents, "Fotokopi KTP-el")
    assert not dialog.chk_full_ids.isChecked() and "disamarkan" in dialog.lbl_full_ids.text()
    dialog.chk_full_ids.setFocus()
    qtbot.keyClick(dialog.chk_full_ids, Qt.Key.Key_Space)
    assert dialog.chk_full_ids.isChecked()
    save(qtbot, page, dialog)

    ((number, person, service_id, need_id, documents, full_ids, status, requested),) = query(
        desk.path, "SELECT letter_number, person_id, service_id, need_id, documents_attached, full_ids_on_slip, "
                   "status, requested_service FROM referral")
    assert number == format_letter_number(DEFAULT_NUMBER_PATTERN, seq=1, day=ctx.today(), site_code=SITE_CODE)
    assert (person, service_id, need_id, status, requested) == (wife.id, service.id, need.id, "DRAFT", service.name)
    assert sorted(json.loads(documents)) == ["Fotokopi KK", "Fotokopi KTP-el"]
    assert full_ids == 1
    assert number in page.lbl_status.text()

    # The household's referrals tab shows it, selected, and can hand it to the Rujukan area.
    assert page.tabs.currentWidget() is page.referrals.tab
    assert page.tabs.tabText(page.tabs.indexOf(page.referrals.tab)) == "Rujukan (1)"
    assert page.referrals.tab.selected().number == number
    with qtbot.waitSignal(page.referral_open_requested, timeout=2_000) as opened:
        qtbot.mouseClick(page.referrals.btn_open, Qt.MouseButton.LeftButton)
    assert opened.args == [page.referrals.tab.selected().id, number]


def test_non_government_service_needs_recorded_consent(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    record_need(desk.cli, NeedDraft(household_id=household.id, domain_code="TUNAI",
                                    description="Kehilangan pekerjaan, butuh bantuan biaya hidup",
                                    person_id=household.members[0].id))
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    dialog = refer_from(qtbot, page, page.tab_needs, page.referrals.btn_refer_need)
    qtbot.keyClicks(dialog.pck_service.edt_filter, "baznas")
    assert dialog.pck_service.current().code == "BAZNAS-KAB"
    assert dialog.lbl_consent.isVisible()
    with qtbot.waitSignal(page.changed, timeout=3_000, raising=False) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: dialog.error_for("consent").isVisible(), timeout=10_000)
    assert not blocker.signal_triggered
    assert "bukan lembaga pemerintah" in dialog.error_for("consent").text()
    assert page.active_dialog is dialog and dialog.btn_save.isEnabled()
    assert query(desk.path, "SELECT count(*) FROM referral") == [(0,)]
    dialog.reject()


def test_summary_from_a_complaint_is_accepted_up_to_the_limit(qtbot: Any, desk: Any,
                                                              household: HouseholdRecord) -> None:
    wife = wife_of(household)
    complaint = record_complaint(desk.cli, ComplaintDraft(
        household_id=household.id, kind="PENGADUAN", category_code="PBI_NONAKTIF", program_code="PBI_JK",
        description="PBI ibu nonaktif", person_id=wife.id))
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    dialog = refer_from(qtbot, page, page.tab_complaints, page.referrals.btn_refer_complaint)
    assert dialog.pck_service.lst_services.item(0).text().endswith("sesuai keluhan")
    assert dialog.pck_service.current().program_code == "PBI_JK"

    dialog.edt_summary.setPlainText("a" * (MAX_SUMMARY - 1))
    dialog.edt_summary.setFocus()
    qtbot.keyClick(dialog.edt_summary, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(dialog.edt_summary, "bc")  # one over the limit
    assert dialog.lbl_count.text() == f"{MAX_SUMMARY + 1} / {MAX_SUMMARY} karakter"
    assert dialog.lbl_count.property("warning") is True
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.error_for("problem_summary").isVisible(), timeout=10_000)
    assert "terlalu panjang" in dialog.error_for("problem_summary").text()
    assert dialog.edt_summary.hasFocus()
    assert query(desk.path, "SELECT count(*) FROM referral") == [(0,)]

    qtbot.keyClick(dialog.edt_summary, Qt.Key.Key_Backspace)
    assert dialog.lbl_count.property("warning") is False
    save(qtbot, page, dialog)
    ((summary, complaint_id),) = query(desk.path, "SELECT problem_summary, complaint_id FROM referral")
    assert len(summary) == MAX_SUMMARY and summary.endswith("ab")
    assert complaint_id == complaint.id


def test_front_office_cannot_refer(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    record_need(desk.cli, NeedDraft(household_id=household.id, domain_code="KESEHATAN", description=NEED_TEXT))
    page = open_page(qtbot, signed_in(desk, "petugas.fo", FO_PASSWORD), household.id)
    page.tabs.setCurrentWidget(page.tab_needs)
    page.tab_needs.select_first()
    assert not page.referrals.btn_refer_need.isEnabled()
    assert not page.referrals.btn_new.isEnabled()
    assert "Koordinator" in page.referrals.btn_refer_need.toolTip()


def test_dialog_fits_a_1366_by_768_screen(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    record_need(desk.cli, NeedDraft(household_id=household.id, domain_code="PERUMAHAN", description="Atap bocor"))
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    dialog = refer_from(qtbot, page, page.tab_needs, page.referrals.btn_refer_need)
    hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
    assert hint.width() <= 1366 and hint.height() <= 768 - 70, hint
    dialog.reject()


def test_referral_for_the_selected_member(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    child = next(m for m in household.members if m.name == "DWI LESTARI")
    row = next(r for r in range(page.tbl_members.model().rowCount())
               if page.tbl_members.model().index(r, 0).data() == child.name)
    page.tbl_members.selectRow(row)
    page.tabs.setCurrentWidget(page.referrals.tab)
    qtbot.mouseClick(page.referrals.btn_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, ReferralDialog), timeout=10_000)
    dialog = page.active_dialog
    assert dialog.cmb_person.currentData() == child.id
    assert "tanpa kebutuhan" in dialog.lbl_source.text()
    assert dialog.pck_service.current() is None and dialog.crd_service.lbl_empty.isVisible()
    assert not any(dialog.pck_service.lst_services.item(i).text().endswith("sesuai kebutuhan")
                   for i in range(dialog.pck_service.lst_services.count()))
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)  # no service chosen: refused in the dialog, nothing sent
    assert dialog.error_for("service_id").isVisible() and dialog.pck_service.lst_services.hasFocus()
    assert query(desk.path, "SELECT count(*) FROM referral") == [(0,)]
    dialog.reject()


@pytest.mark.parametrize("program", [None, "PBI_JK"])
def test_the_usual_service_for_a_need_is_chosen_first(qtbot: Any, desk: Any, household: HouseholdRecord,
                                                      program: str | None) -> None:
    """Chosen for the officer: the need's programme if it names one, never a service that is refused until consent
    is recorded while another fits, and a service whose main field is the need's."""
    record_need(desk.cli, NeedDraft(household_id=household.id, domain_code="KESEHATAN", description=NEED_TEXT,
                                    person_id=household.members[0].id, proposed_program=program))
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    dialog = refer_from(qtbot, page, page.tab_needs, page.referrals.btn_refer_need)
    listed = [dialog.pck_service.lst_services.item(i).data(SERVICE_ROLE)
              for i in range(dialog.pck_service.lst_services.count())]
    fitting = [s for s in listed if "KESEHATAN" in s.need_domains]
    assert listed[:len(fitting)] == fitting
    consent = [needs_consent(s.organization_kind, s.needs_explicit_consent) for s in fitting]
    assert any(consent) and consent == sorted(consent), "services that need consent come last"
    chosen = dialog.pck_service.current()
    assert chosen is listed[0] and chosen.need_domains[0] == "KESEHATAN" and not consent[0]
    assert chosen.program_code == program if program else chosen.name == min(
        (s.name for s in fitting if s.need_domains[0] == "KESEHATAN"), key=str.casefold)
    assert not dialog.lbl_consent.isVisible()
    dialog.reject()


def visit_then_need(qtbot: Any, page: HouseholdPage) -> None:
    """Ctrl+K, the purpose and the notice, Ctrl+S; then the bar's "Catat kebutuhan", a domain, Enter."""
    qtbot.keyClick(page, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: page.active_dialog is not None and QApplication.activeWindow() is page.active_dialog)
    visit = page.active_dialog
    qtbot.keyClicks(QApplication.focusWidget(), "KIS ditolak di puskesmas")
    qtbot.mouseClick(visit.chk_notice, Qt.MouseButton.LeftButton)
    save(qtbot, page, visit)
    page.activateWindow()  # the offscreen platform has no window manager to hand activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.keyClick(page.bar.btn_need, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.active_dialog is not None and QApplication.activeWindow() is page.active_dialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Jam")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def test_rujuk_is_offered_as_soon_as_a_need_of_the_visit_is_saved(qtbot: Any, desk: Any,
                                                                  household: HouseholdRecord) -> None:
    page = open_page(qtbot, signed_in(desk, "koordinator", KOORDINATOR_PASSWORD), household.id)
    visit_then_need(qtbot, page)
    ((visit_id, need_id),) = query(desk.path, "SELECT visit_id, id FROM need")
    assert page.bar.btn_refer.isVisible() and QApplication.focusWidget() is page.bar.btn_refer
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, ReferralDialog), timeout=10_000)
    dialog = page.active_dialog
    assert dialog.need is not None and dialog.need.id == need_id
    assert dialog.edt_summary.toPlainText() == "KIS ditolak di puskesmas"
    save(qtbot, page, dialog)
    assert query(desk.path, "SELECT need_id, visit_id, status FROM referral") == [(need_id, visit_id, "DRAFT")]
    assert not page.bar.btn_refer.isVisible(), "referred: the offer is gone"
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    assert QApplication.focusWidget() is page.bar.btn_need  # another need of the visit may follow


def test_rujuk_is_not_offered_to_the_front_office(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    page = open_page(qtbot, signed_in(desk, "petugas.fo", FO_PASSWORD), household.id)
    visit_then_need(qtbot, page)
    assert query(desk.path, "SELECT count(*) FROM need") == [(1,)]
    assert not page.bar.btn_refer.isVisible()
    assert QApplication.focusWidget() is page.bar.btn_need
