"""The household page driven as an officer would: keyboard shortcuts, typing, clicks; then the database is read.

Flow under test: open a household → Ctrl+K visit with the privacy notice → the page offers the visit's complaint
and needs → Ctrl+E participation; a DTSEN proposal made and moved on to the SIKS-NG operator (musdes first); a
household change requested and approved locally by the Koordinator, refused to the front office.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QWidget

from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord, MemberDraft
from puskesos_desk.services.changes import set_local_change_approval
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.change_request_dialog import ChangeRequestDialog
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.dialogs.need_dialog import NeedDialog
from puskesos_desk.ui.dialogs.participation_dialog import ParticipationDialog
from puskesos_desk.ui.dialogs.proposal_dialog import ProposalDialog
from puskesos_desk.ui.dialogs.visit_dialog import VisitDialog
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.widgets.household.change_decision_dialog import ChangeDecisionDialog
from puskesos_desk.ui.widgets.household.proposal_status_dialog import ProposalStatusDialog
from tests.services.factories import family

CTRL = Qt.KeyboardModifier.ControlModifier
SON = MemberDraft(name="Agus Riyadi", relation="ANAK", sex="L", birth_date=date(1995, 3, 10), nik="3322011003950001")


def acting_as(desk: Any, username: str) -> ServiceContext:
    with sqlite3.connect(desk.path) as conn:
        user_id, role = conn.execute("SELECT id, role FROM user_account WHERE username = ?", (username,)).fetchone()
    cli = desk.cli
    return replace(cli, actor=Actor(id=user_id, name=username, role=Role(role), site_code=cli.actor.site_code,
                                    site_role=cli.actor.site_role))


def query(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    draft = family()
    return register_household(desk.cli, replace(draft, members=(*draft.members, SON))).household


def open_page(qtbot: Any, ctx: ServiceContext, household_id: str) -> HouseholdPage:
    page = HouseholdPage(ctx)
    qtbot.addWidget(page)
    page.resize(1186, 708)  # the page's share of a 1366×768 screen next to the area list
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load(household_id)
    return page


@pytest.fixture
def page(qtbot: Any, desk: Any, household: HouseholdRecord) -> Iterator[HouseholdPage]:
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    yield page
    if page.active_dialog is not None:
        page.active_dialog.reject()


def dialog_of(qtbot: Any, page: HouseholdPage, kind: type) -> Any:
    """The dialog the page opened, once it is the active window (keys typed go to it)."""
    dialog = page.active_dialog
    assert isinstance(dialog, kind), dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def save(qtbot: Any, page: HouseholdPage, dialog: QWidget) -> None:
    """Ctrl+S, then wait until the page has reloaded after the save."""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert page.active_dialog is None
    page.activateWindow()  # the offscreen platform has no window manager to hand activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def tick(qtbot: Any, widget: QListWidget, text: str) -> None:
    """Check the item starting with `text` the keyboard way: move to it, press Space."""
    widget.setFocus()
    row = next(i for i in range(widget.count()) if widget.item(i).text().startswith(text))
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(widget, Qt.Key.Key_Down)
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def choose(qtbot: Any, combo: QWidget, text: str) -> None:
    """Pick a combo entry by typing the start of its label, as a keyboard user does (no space: it opens the list)."""
    assert " " not in text
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def test_visit_then_complaint_needs_and_participation(qtbot: Any, desk: Any, page: HouseholdPage,
                                                      household: HouseholdRecord) -> None:
    wife = next(m for m in household.members if m.name == "SITI AMINAH")
    qtbot.keyClick(page, Qt.Key.Key_K, CTRL)
    visit = dialog_of(qtbot, page, VisitDialog)
    assert visit.edt_purpose.hasFocus() and visit.edt_purpose.toPlainText() == ""  # no earlier visit
    assert visit.cmb_channel.currentData() == "DATANG_LANGSUNG" and not visit.lbl_last_visit.isVisible()
    choose(qtbot, visit.cmb_applicant, "SITI")
    tick(qtbot, visit.lst_subjects, "SITI")  # the applicant is ticked already; Space unticks …
    tick(qtbot, visit.lst_subjects, "SITI")  # … and ticks again
    assert visit.cmb_relation.currentData() == "DIRI_SENDIRI"
    qtbot.keyClicks(visit.edt_purpose, "Kartu KIS ditolak di puskesmas")
    qtbot.keyClick(visit, Qt.Key.Key_S, CTRL)  # without the notice: refused in the dialog
    assert visit.error_for("notice_given").isVisible()
    assert query(desk.path, "SELECT count(*) FROM visit") == [(0,)]
    qtbot.mouseClick(visit.chk_notice, Qt.MouseButton.LeftButton)
    assert visit.chk_notice.isChecked()
    save(qtbot, page, visit)
    ((visit_id, applicant, relation, subjects),) = query(
        desk.path, "SELECT id, applicant_person_id, applicant_relation, subject_person_ids FROM visit")
    assert (applicant, relation, json.loads(subjects)) == (wife.id, "DIRI_SENDIRI", [wife.id])
    assert query(desk.path, "SELECT person_id, given_by FROM consent") == [(wife.id, "DIRI_SENDIRI")]

    # The page offers the visit's complaint at once, with the focus on it.
    assert page.bar.isVisible() and QApplication.focusWidget() is page.bar.btn_complaint
    qtbot.keyClick(page.bar.btn_complaint, Qt.Key.Key_Space)
    complaint = dialog_of(qtbot, page, ComplaintDialog)
    assert complaint.cmb_category.hasFocus() and complaint.visit is not None
    assert complaint.cmb_person.currentData() == wife.id
    choose(qtbot, complaint.cmb_category, "Kepesertaan")
    assert complaint.cmb_urgency.currentData() == "SEGERA"  # the category's default
    choose(qtbot, complaint.cmb_program, "Penerima")
    qtbot.keyClicks(complaint.edt_description, "Kartu KIS ibu ditolak saat berobat")
    save(qtbot, page, complaint)
    assert query(desk.path, "SELECT visit_id, person_id, kind, category_code, program_code, urgency, status "
                            "FROM complaint") == [
        (visit_id, wife.id, "PENGADUAN", "PBI_NONAKTIF", "PBI_JK", "SEGERA", "BARU")]

    # Then its needs: the focus waits on "Catat kebutuhan".
    assert QApplication.focusWidget() is page.bar.btn_need
    qtbot.keyClick(page.bar.btn_need, Qt.Key.Key_Space)
    need = dialog_of(qtbot, page, NeedDialog)
    assert need.cmb_domain.hasFocus()
    choose(qtbot, need.cmb_domain, "Jaminan")
    tick(qtbot, need.lst_ppks, "24.")
    qtbot.keyClicks(need.edt_description, "Butuh reaktivasi PBI untuk ibu")
    save(qtbot, page, need)
    assert query(desk.path, "SELECT visit_id, person_id, domain_code, ppks_codes, status FROM need") == [
        (visit_id, wife.id, "KESEHATAN", '["PPKS-24"]', "TERIDENTIFIKASI")]
    assert query(desk.path, "SELECT person_id, ppks_code FROM person_ppks") == [(wife.id, "PPKS-24")]

    # Participation: "PBI saya nonaktif" becomes a record with its source.
    qtbot.keyClick(page, Qt.Key.Key_E, CTRL)
    participation = dialog_of(qtbot, page, ParticipationDialog)
    choose(qtbot, participation.cmb_person, "SITI")
    assert participation.cmb_program.currentData() == "PBI_JK"
    assert "KIS" in participation.lbl_card.text()
    qtbot.keyClicks(participation.edt_card, "0001 2345 6789")
    choose(qtbot, participation.cmb_active, "Non")
    qtbot.keyClicks(participation.dte_since, "01032019")
    choose(qtbot, participation.cmb_source, "Kartu")
    save(qtbot, page, participation)
    assert query(desk.path, "SELECT person_id, program_code, card_number, active, since, source FROM participation") \
        == [(wife.id, "PBI_JK", "000123456789", 0, "2019-03-01", "KARTU_DILIHAT")]
    assert page.tabs.tabText(1) == "Keluhan (1)" and page.tabs.tabText(3) == "Kepesertaan (1)"


def test_service_messages_appear_next_to_the_field(qtbot: Any, desk: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_L, CTRL)
    complaint = dialog_of(qtbot, page, ComplaintDialog)
    with qtbot.waitSignal(page.changed, timeout=3_000, raising=False) as blocker:
        qtbot.keyClick(complaint, Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: complaint.error_for("description").isVisible(), timeout=10_000)
    assert not blocker.signal_triggered
    assert "uraian" in complaint.error_for("description").text().lower()
    assert complaint.edt_description.hasFocus() and complaint.btn_save.isEnabled()
    assert query(desk.path, "SELECT count(*) FROM complaint") == [(0,)]
    qtbot.keyClick(complaint, Qt.Key.Key_Escape)
    assert page.active_dialog is None


def test_dtsen_proposal_made_and_sent_after_the_musdes(qtbot: Any, desk: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, CTRL)
    proposal = dialog_of(qtbot, page, ProposalDialog)
    assert proposal.cmb_kind.currentData() == "BARU"  # the family is not in the extract
    for item, text in (("atap", "Seng"), ("dinding", "Anyaman"), ("lantai", "Tanah"), ("sumber_air", "Leding"),
                       ("penerangan", "Listrik"), ("bahan_bakar", "Kayu"), ("fasilitas_bab", "MCK")):
        choose(qtbot, proposal.cmb_housing[item], text)
    for code in ("KK_TIDAK_BEKERJA", "LANTAI_TANAH_PLESTERAN"):
        box = proposal.chk_criteria[code]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    proposal.chk_programs["PKH"].setFocus()
    qtbot.keyClick(proposal.chk_programs["PKH"], Qt.Key.Key_Space)
    assert proposal.lbl_criteria.text() == "Jawaban Ya: 2 dari 9"
    save(qtbot, page, proposal)
    ((number, status, housing, criteria, programs),) = query(
        desk.path, "SELECT number, status, housing_snapshot, criteria_262, requested_programs FROM dtsen_proposal")
    assert status == "DRAFT" and json.loads(programs) == ["PKH"]
    assert json.loads(housing)["lantai"] == "TANAH"
    assert sorted(k for k, v in json.loads(criteria).items() if v) == ["KK_TIDAK_BEKERJA", "LANTAI_TANAH_PLESTERAN"]

    def advance() -> ProposalStatusDialog:
        page.tabs.setCurrentWidget(page.tab_proposals)
        page.tab_proposals.select_first()
        qtbot.mouseClick(page.btn_proposal_status, Qt.MouseButton.LeftButton)
        return dialog_of(qtbot, page, ProposalStatusDialog)

    step = advance()
    assert step.cmb_status.currentData() == "SIAP_MUSDES"
    save(qtbot, page, step)
    step = advance()
    assert step.cmb_status.currentData() == "DIAJUKAN"
    qtbot.keyClick(step, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: step.error_for("musdes_date").isVisible(), timeout=10_000)
    assert step.error_for("musdes_minutes_number").isVisible()
    assert query(desk.path, "SELECT status FROM dtsen_proposal") == [("SIAP_MUSDES",)]
    held = date.today() - timedelta(days=3)
    qtbot.keyClicks(step.dte_musdes, held.strftime("%d%m%Y"))
    qtbot.keyClicks(step.edt_minutes, "140/12/BA/2026")
    save(qtbot, page, step)
    assert query(desk.path, "SELECT number, status, musdes_date, musdes_minutes_number FROM dtsen_proposal") == [
        (number, "DIAJUKAN", held.isoformat(), "140/12/BA/2026")]
    qtbot.keyClick(page, Qt.Key.Key_U, CTRL)  # one open proposal per household: the page points at it
    assert page.active_dialog is None and number in page.lbl_status.text()


def test_stale_proposal_offers_to_reload(qtbot: Any, desk: Any, page: HouseholdPage,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, CTRL)
    proposal = dialog_of(qtbot, page, ProposalDialog)
    choose(qtbot, proposal.cmb_kind, "Sanggah")
    qtbot.keyClick(proposal.chk_programs["TIDAK_ADA"], Qt.Key.Key_Space)
    save(qtbot, page, proposal)
    page.tabs.setCurrentWidget(page.tab_proposals)
    page.tab_proposals.select_first()
    qtbot.mouseClick(page.btn_proposal_status, Qt.MouseButton.LeftButton)
    step = dialog_of(qtbot, page, ProposalStatusDialog)
    with sqlite3.connect(desk.path) as conn:  # another officer saved it meanwhile
        conn.execute("UPDATE dtsen_proposal SET row_version = row_version + 1")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(step, Qt.Key.Key_S, CTRL)
    assert asked and "Muat ulang" in asked[0]
    assert query(desk.path, "SELECT status FROM dtsen_proposal") == [("DRAFT",)]


def request_new_member(qtbot: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)
    change = dialog_of(qtbot, page, ChangeRequestDialog)
    assert change.cmb_kind.currentData() == "TAMBAH_ANGGOTA"
    panel = change.pnl_add
    qtbot.keyClicks(panel.edt_name, "Bayu Riyadi")
    choose(qtbot, panel.cmb_no_nik, "Bayi")
    choose(qtbot, panel.cmb_sex, "Laki")
    qtbot.keyClicks(panel.dte_birth, (date.today() - timedelta(days=40)).strftime("%d%m%Y"))
    choose(qtbot, panel.cmb_relation, "Cucu")
    qtbot.keyClicks(change.edt_reason, "Kelahiran cucu")
    save(qtbot, page, change)


def test_change_request_approved_locally_by_the_koordinator(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    set_local_change_approval(acting_as(desk, "admin"), enabled=True)
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    request_new_member(qtbot, page)
    assert query(desk.path, "SELECT kind, status FROM household_change_request") == [("TAMBAH_ANGGOTA", "MENUNGGU")]
    assert query(desk.path, "SELECT count(*) FROM person WHERE name = 'BAYU RIYADI'") == [(0,)]
    page.tabs.setCurrentWidget(page.tab_changes)
    page.tab_changes.select_first()
    assert page.btn_change_approve.isEnabled()
    qtbot.mouseClick(page.btn_change_approve, Qt.MouseButton.LeftButton)
    decision = dialog_of(qtbot, page, ChangeDecisionDialog)
    save(qtbot, page, decision)
    ((person_id, household_id, relation),) = query(
        desk.path, "SELECT id, household_id, relation FROM person WHERE name = 'BAYU RIYADI'")
    assert (household_id, relation) == (household.id, "CUCU")
    assert query(desk.path, "SELECT relation, valid_to FROM membership WHERE person_id = ?", person_id) == [
        ("CUCU", None)]
    assert query(desk.path, "SELECT status, decided_where FROM household_change_request") == [("DISETUJUI", "lokal")]
    assert any(m.name == "BAYU RIYADI" for m in page.members_model.rows())


def test_change_request_cannot_be_approved_by_the_front_office_or_without_local_approval(
        qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    set_local_change_approval(acting_as(desk, "admin"), enabled=True)
    front_office = open_page(qtbot, acting_as(desk, "petugas.fo"), household.id)
    request_new_member(qtbot, front_office)  # the front office may ask …
    front_office.tabs.setCurrentWidget(front_office.tab_changes)
    front_office.tab_changes.select_first()
    assert not front_office.btn_change_approve.isEnabled()  # … but not decide
    assert not front_office.btn_proposal.isEnabled()  # nor propose to DTSEN
    qtbot.mouseClick(front_office.btn_change_approve, Qt.MouseButton.LeftButton)
    assert front_office.active_dialog is None

    set_local_change_approval(acting_as(desk, "admin"), enabled=False)
    koordinator = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    koordinator.tabs.setCurrentWidget(koordinator.tab_changes)
    koordinator.tab_changes.select_first()
    assert not koordinator.btn_change_approve.isEnabled()
    assert "kabupaten" in koordinator.btn_change_approve.toolTip()
    assert query(desk.path, "SELECT status FROM household_change_request") == [("MENUNGGU",)]


def test_an_opened_household_is_ready_for_today_s_visit(qtbot: Any, page: HouseholdPage) -> None:
    assert QApplication.focusWidget() is page.btn_visit  # not "Kembali", where Space would close the household
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    dialog_of(qtbot, page, VisitDialog)


def test_escape_goes_back(qtbot: Any, page: HouseholdPage) -> None:
    with qtbot.waitSignal(page.back_requested, timeout=2_000):
        qtbot.keyClick(page, Qt.Key.Key_Escape)


def test_page_and_dialogs_fit_a_1366_by_768_screen(qtbot: Any, page: HouseholdPage) -> None:
    """The page's share of the screen holds it without scrolling; every dialog fits the screen whole."""
    assert page.minimumSizeHint().height() <= 708 and page.minimumSizeHint().width() <= 1186
    assert page.tabs.geometry().bottom() <= page.height()
    for opener in (page.open_visit_dialog, page.open_complaint_dialog, page.open_need_dialog,
                   page.open_participation_dialog, page.open_proposal_dialog, page.open_change_dialog):
        opener()
        dialog = page.active_dialog
        assert dialog is not None
        hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
        if isinstance(dialog, ProposalDialog):  # its body scrolls at 125 %; at 100 % it must not need to
            content = dialog.scr_body.widget().sizeHint()
            hint = hint.expandedTo(content + QSize(24, dialog.btn_save.sizeHint().height() + 40))
        assert hint.width() <= 1366 and hint.height() <= 768 - 70, (type(dialog).__name__, hint)
        dialog.reject()
        qtbot.waitUntil(lambda: page.active_dialog is None)
