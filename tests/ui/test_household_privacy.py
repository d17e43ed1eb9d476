"""Personal data on the household page (issue 10): specific data only for the roles that need it, each view of it
audited; a child reduced for everyone else; NIK and No. KK masked until an authorised user reveals one with a
reason (audited), and masked again after a minute or a reload."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.correction_dialog import PersonCorrectionDialog
from puskesos_desk.ui.dialogs.person_privacy_dialog import PersonPrivacyDialog
from puskesos_desk.ui.models.members_model import MembersTableModel
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.widgets.household.id_reveal import REVEAL_SECONDS, RevealReasonDialog
from tests.services.factories import CHILD_NIK, KK_NUMBER, WIFE_NIK, family, member
from tests.ui.test_household_page import acting_as, open_page, query

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    """Slamet, Siti (physical disability) and Dwi, born 2012: a child."""
    return register_household(desk.cli, member(1, family(), disability=("FISIK",))).household


def row_of(page: HouseholdPage, person_id: str) -> int:
    model = page.members_model
    return next(r for r in range(model.rowCount()) if model.record(r).id == person_id)


def cell(page: HouseholdPage, person_id: str, column: int) -> str:
    return str(page.members_model.index(row_of(page, person_id), column).data())


def select_member(page: HouseholdPage, person_id: str) -> None:
    proxy = page.tbl_members.model()
    source = page.members_model.index(row_of(page, person_id), 0)
    page.tbl_members.setCurrentIndex(proxy.mapFromSource(source))  # type: ignore[attr-defined]


def sensitive_views(desk: Any) -> list[tuple[str, str, str]]:
    return query(desk.path, "SELECT actor_name, entity_id, changes FROM audit_event WHERE action = 'VIEW_SENSITIVE' "
                            "ORDER BY seq")


def test_the_koordinator_sees_the_disability_and_the_view_is_audited(qtbot: Any, desk: Any,
                                                                     household: HouseholdRecord) -> None:
    _head, wife, child = household.members
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert not page.tbl_members.isColumnHidden(MembersTableModel.COL_SPECIFIC)
    assert cell(page, wife.id, MembersTableModel.COL_SPECIFIC) == "Disabilitas Fisik"
    assert cell(page, child.id, MembersTableModel.COL_NIK) == "3322••••••••0001"
    views = {person: (actor, changes) for actor, person, changes in sensitive_views(desk)}
    assert views[wife.id][0] == "koordinator" and '"disabilitas"' in views[wife.id][1]
    assert '"data_anak"' in views[child.id][1]
    qtbot.wait(50)  # let the layout settle before the picture
    page.grab().save("/tmp/h3/household_koordinator.png")


def test_the_front_office_sees_neither_the_disability_nor_the_child_details(qtbot: Any, desk: Any,
                                                                           household: HouseholdRecord) -> None:
    _head, wife, child = household.members
    page = open_page(qtbot, acting_as(desk, "petugas.fo"), household.id)
    assert page.tbl_members.isColumnHidden(MembersTableModel.COL_SPECIFIC)
    assert page.members_model.record(row_of(page, wife.id)).disability == ()
    assert cell(page, wife.id, MembersTableModel.COL_SPECIFIC) == ""
    assert cell(page, child.id, MembersTableModel.COL_NIK) == "•" * 16
    assert cell(page, child.id, MembersTableModel.COL_AGE).endswith(" th")
    assert page.members_model.record(row_of(page, child.id)).birth_date is None
    assert sensitive_views(desk) == []
    # No way to unmask, and no data-request entry either.
    assert not page.id_reveal.btn_reveal_nik.isVisible() and not page.tbl_members.act_reveal_nik.isVisible()
    assert not page.card.btn_reveal_kk.isVisible() and not page.tbl_members.act_privacy.isVisible()
    qtbot.wait(50)
    page.grab().save("/tmp/h3/household_fo.png")


def test_a_nik_is_revealed_with_a_reason_for_a_minute(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    wife = household.members[1]
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert cell(page, wife.id, MembersTableModel.COL_NIK) == "3322••••••••0004"
    assert not page.id_reveal.btn_reveal_nik.isEnabled()  # nobody selected yet
    select_member(page, wife.id)
    qtbot.mouseClick(page.id_reveal.btn_reveal_nik, Qt.MouseButton.LeftButton)
    dialog = page.id_reveal.active_dialog
    assert isinstance(dialog, RevealReasonDialog)
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)  # no reason yet: refused in the dialog
    assert dialog.error_for("reason").isVisible() and query(desk.path, "SELECT 1 FROM audit_event "
                                                                       "WHERE action = 'UNMASK'") == []
    dialog.cmb_reason.setCurrentIndex(0)
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(page, wife.id, MembersTableModel.COL_NIK) == WIFE_NIK, timeout=10_000)
    assert query(desk.path, "SELECT actor_name, entity, entity_id, reason FROM audit_event WHERE action = 'UNMASK'"
                 ) == [("koordinator", "person", wife.id, "Verifikasi dokumen warga")]
    assert not page.id_reveal.btn_reveal_nik.isEnabled()  # already showing
    timer = page.id_reveal.timers[wife.id]
    assert timer.isActive() and timer.interval() == REVEAL_SECONDS * 1000
    timer.stop()
    timer.timeout.emit()  # the minute is over
    assert cell(page, wife.id, MembersTableModel.COL_NIK) == "3322••••••••0004"


def test_the_kk_is_revealed_from_the_header_until_the_page_reloads(qtbot: Any, desk: Any,
                                                                   household: HouseholdRecord) -> None:
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert page.card.lbl_kk.text() == "No. KK 3322••••••••0007"
    qtbot.mouseClick(page.card.btn_reveal_kk, Qt.MouseButton.LeftButton)
    dialog = page.id_reveal.active_dialog
    assert dialog is not None
    dialog.cmb_reason.setEditText("Surat keterangan untuk sekolah")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.card.lbl_kk.text() == f"No. KK {KK_NUMBER}", timeout=10_000)
    assert query(desk.path, "SELECT entity, entity_id, reason FROM audit_event WHERE action = 'UNMASK'") == [
        ("household", household.id, "Surat keterangan untuk sekolah")]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert page.card.lbl_kk.text() == "No. KK 3322••••••••0007" and page.id_reveal.timers == {}


def test_a_child_nik_stays_masked_after_the_koordinator_reload(qtbot: Any, desk: Any,
                                                               household: HouseholdRecord) -> None:
    child = household.members[2]
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    page.members_model.reveal(child.id, CHILD_NIK)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert cell(page, child.id, MembersTableModel.COL_NIK) == "3322••••••••0001"


def test_data_request_entry_opens_the_residents_data_dialog(qtbot: Any, desk: Any,
                                                             household: HouseholdRecord) -> None:
    head = household.members[0]
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert page.tbl_members.act_privacy.isVisible()
    select_member(page, head.id)
    page.tbl_members.act_privacy.trigger()
    dialog = page.records.dialog
    assert isinstance(dialog, PersonPrivacyDialog) and dialog.person_id == head.id
    dialog.reject()


def test_a_member_corrected_from_the_page_is_saved_and_the_page_reloads(qtbot: Any, desk: Any,
                                                                       household: HouseholdRecord) -> None:
    wife = household.members[1]
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert page.tbl_members.act_correct.isVisible() and page.card.btn_correct.isVisible()
    select_member(page, wife.id)
    page.tbl_members.act_correct.trigger()
    dialog = page.records.dialog
    assert isinstance(dialog, PersonCorrectionDialog)
    qtbot.waitUntil(lambda: dialog.btn_save.isEnabled(), timeout=10_000)
    dialog.edt_name.setText("Siti Aminah Rahayu")
    dialog.cmb_reason.lineEdit().setText("Salah ketik")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert query(desk.path, "SELECT name FROM person WHERE id = ?", wife.id) == [("SITI AMINAH RAHAYU",)]
    assert cell(page, wife.id, MembersTableModel.COL_NAME) == "SITI AMINAH RAHAYU"


def test_petugas_fo_gets_no_correction_entry(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    page = open_page(qtbot, acting_as(desk, "petugas.fo"), household.id)
    assert not page.tbl_members.act_correct.isVisible() and not page.card.btn_correct.isVisible()


def test_the_koordinator_page_fits_with_the_new_controls(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    assert page.id_reveal.btn_reveal_nik.isVisible() and page.card.btn_reveal_kk.isVisible()
    assert page.minimumSizeHint().width() <= page.width()
