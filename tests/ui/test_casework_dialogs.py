"""The household dialogs' own behaviour (defaults that follow the officer's choices, inline messages), driven
through the household page, and the page's table models under Qt's model tester."""

# ruff: noqa: F811 (the page and household fixtures are imported from the page tests)

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from puskesos_desk.domain.casework import (
    ChangeRequestDraft,
    ChangeRequestRecord,
    ComplaintDraft,
    NeedDraft,
    ParticipationDraft,
)
from puskesos_desk.domain.enums import VisitChannel
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.casework import record_complaint, record_need, record_participation
from puskesos_desk.services.changes import request_change, set_local_change_approval
from puskesos_desk.services.households import casework_choices, household_detail
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.dialogs.change_request_dialog import ChangeRequestDialog
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.dialogs.need_dialog import NeedDialog
from puskesos_desk.ui.dialogs.participation_dialog import ParticipationDialog
from puskesos_desk.ui.dialogs.visit_dialog import VisitDialog
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.models.household_changes_model import HouseholdChangesTableModel
from puskesos_desk.ui.models.household_complaints_model import HouseholdComplaintsTableModel
from puskesos_desk.ui.models.household_needs_model import HouseholdNeedsTableModel
from puskesos_desk.ui.models.household_participations_model import HouseholdParticipationsTableModel
from puskesos_desk.ui.models.household_proposals_model import HouseholdProposalsTableModel
from puskesos_desk.ui.models.household_visits_model import HouseholdVisitsTableModel
from puskesos_desk.ui.models.members_model import MembersTableModel
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.widgets.household.change_decision_dialog import ChangeDecisionDialog
from tests.ui.test_household_page import (  # noqa: F401
    CTRL,
    acting_as,
    choose,
    dialog_of,
    household,
    open_page,
    page,
    query,
    save,
    tick,
)


def member_id(household: HouseholdRecord, name: str) -> str:
    return next(m.id for m in household.members if m.name == name)


def test_neighbour_bringing_a_child_needs_a_guardian_for_explicit_consent(
        qtbot: Any, desk: Any, page: HouseholdPage, household: HouseholdRecord) -> None:
    child = member_id(household, "DWI LESTARI")
    qtbot.keyClick(page, Qt.Key.Key_K, CTRL)
    visit = dialog_of(qtbot, page, VisitDialog)
    choose(qtbot, visit.cmb_applicant, "Orang")
    assert visit.edt_applicant_name.isEnabled() and visit.edt_applicant_name.hasFocus()
    assert visit.cmb_relation.currentData() == "LAINNYA"
    qtbot.keyClicks(visit.edt_applicant_name, "Bu Darmi")
    choose(qtbot, visit.cmb_relation, "Tetangga")
    tick(qtbot, visit.lst_subjects, "DWI")
    assert visit.edt_guardian.isEnabled()
    qtbot.keyClicks(visit.edt_purpose, "Anak putus sekolah")
    qtbot.mouseClick(visit.chk_notice, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(visit.chk_purposes["RUJUKAN_NON_PEMERINTAH"], Qt.MouseButton.LeftButton)
    assert visit.cmb_method.isEnabled()
    choose(qtbot, visit.cmb_method, "Cap")
    qtbot.keyClick(visit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: visit.error_for("guardian_name").isVisible(), timeout=10_000)
    assert visit.edt_guardian.hasFocus()
    assert query(desk.path, "SELECT count(*) FROM visit") == [(0,)]
    qtbot.keyClicks(visit.edt_guardian, "Siti Aminah")
    save(qtbot, page, visit)
    assert query(desk.path, "SELECT applicant_person_id, applicant_name, applicant_relation FROM visit") == [
        (None, "BU DARMI", "TETANGGA")]
    assert sorted(query(desk.path, "SELECT person_id, legal_basis, given_by, given_by_name, method FROM consent")) == [
        (child, "PS20A_PERSETUJUAN", "ORANG_TUA_WALI", "SITI AMINAH", "CAP_JEMPOL"),
        (child, "PS20E_PELAYANAN_PUBLIK", "ORANG_TUA_WALI", "SITI AMINAH", "LISAN_TERCATAT")]
    assert page.tab_visits.model.rows()[0].consent_purposes == ("RUJUKAN_NON_PEMERINTAH",)


def test_complaint_category_brings_its_programmes_and_urgency(qtbot: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_L, CTRL)
    complaint = dialog_of(qtbot, page, ComplaintDialog)
    choose(qtbot, complaint.cmb_category, "Perlindungan")
    assert complaint.cmb_urgency.currentData() == "DARURAT"
    assert complaint.cmb_program.itemData(1) == "ATENSI"  # the related programme first, after "(tidak ada)"
    assert complaint.lbl_due.text() == "Jatuh tempo: 1 hari kerja"
    choose(qtbot, complaint.cmb_urgency, "Segera")  # the officer's choice now stays
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new search in the same list, as a person types
    choose(qtbot, complaint.cmb_category, "Pendidikan")
    assert complaint.cmb_urgency.currentData() == "SEGERA"
    assert [complaint.cmb_program.itemData(i) for i in (1, 2, 3)] == ["PIP", "KIP_KULIAH", "SEKOLAH_RAKYAT"]


def test_a_visit_starts_from_the_household_s_last_visit(qtbot: Any, desk: Any, household: HouseholdRecord) -> None:
    head = household.members[0].id
    earlier = desk.cli.now() - timedelta(days=7)
    record_visit(desk.cli, VisitDraft(household_id=household.id, applicant_person_id=head,
                                      applicant_relation="DIRI_SENDIRI", purpose="Tanya jadwal pencairan PKH",
                                      channel=VisitChannel.TELEPON_WA, subject_person_ids=(head,), occurred_at=earlier))
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    qtbot.keyClick(page, Qt.Key.Key_K, CTRL)
    visit = dialog_of(qtbot, page, VisitDialog)
    assert visit.cmb_channel.currentData() == "TELEPON_WA"
    assert visit.edt_purpose.hasFocus()
    assert visit.edt_purpose.textCursor().selectedText() == "Tanya jadwal pencairan PKH"  # typing replaces it
    assert visit.lbl_last_visit.isVisible() and format_date_short(earlier.astimezone().date()) in \
        visit.lbl_last_visit.text()
    qtbot.keyClicks(QApplication.focusWidget(), "PKH belum cair")
    qtbot.mouseClick(visit.chk_notice, Qt.MouseButton.LeftButton)
    save(qtbot, page, visit)
    assert query(desk.path, "SELECT channel, purpose FROM visit ORDER BY occurred_at") == [
        ("TELEPON_WA", "Tanya jadwal pencairan PKH"), ("TELEPON_WA", "PKH belum cair")]


def test_complaint_and_need_of_a_visit_start_from_its_purpose(qtbot: Any, desk: Any, page: HouseholdPage) -> None:
    """Keys go where the dialog put the focus: the category, then the domain; Enter saves each."""
    qtbot.keyClick(page, Qt.Key.Key_K, CTRL)
    visit = dialog_of(qtbot, page, VisitDialog)
    qtbot.keyClicks(QApplication.focusWidget(), "KIS ditolak di puskesmas")
    qtbot.mouseClick(visit.chk_notice, Qt.MouseButton.LeftButton)
    save(qtbot, page, visit)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # "Catat keluhan" on the bar
    complaint = dialog_of(qtbot, page, ComplaintDialog)
    assert complaint.cmb_category.hasFocus()
    assert complaint.edt_description.textCursor().selectedText() == "KIS ditolak di puskesmas"
    qtbot.keyClicks(QApplication.focusWidget(), "Kep")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.activateWindow()  # the offscreen platform has no window manager to hand activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # "Catat kebutuhan" on the bar
    need = dialog_of(qtbot, page, NeedDialog)
    assert need.cmb_domain.hasFocus()
    assert need.edt_description.textCursor().selectedText() == "KIS ditolak di puskesmas"
    qtbot.keyClicks(QApplication.focusWidget(), "Jam")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert query(desk.path, "SELECT category_code, description FROM complaint") == [
        ("PBI_NONAKTIF", "KIS ditolak di puskesmas")]
    assert query(desk.path, "SELECT domain_code, description FROM need") == [
        ("KESEHATAN", "KIS ditolak di puskesmas")]


def test_ppks_without_a_person_is_refused_next_to_the_list(qtbot: Any, desk: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_B, CTRL)
    need = dialog_of(qtbot, page, NeedDialog)
    assert need.cmb_person.currentData() is None
    tick(qtbot, need.lst_ppks, "24.")
    qtbot.keyClicks(need.edt_description, "Keluarga tidak mampu")
    qtbot.keyClick(need, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: need.error_for("ppks_codes").isVisible(), timeout=10_000)
    assert "pilih warga" in need.error_for("ppks_codes").text()
    assert query(desk.path, "SELECT count(*) FROM need") == [(0,)]


def test_an_impossible_date_is_refused_before_saving(qtbot: Any, desk: Any, page: HouseholdPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_E, CTRL)
    participation = dialog_of(qtbot, page, ParticipationDialog)
    qtbot.keyClicks(participation.dte_since, "31022019")
    qtbot.keyClick(participation, Qt.Key.Key_S, CTRL)
    assert participation.error_for("since").isVisible() and participation.dte_since.hasFocus()
    assert query(desk.path, "SELECT count(*) FROM participation") == [(0,)]


def test_split_request_and_its_approval_make_a_new_household(qtbot: Any, desk: Any,
                                                             household: HouseholdRecord) -> None:
    set_local_change_approval(acting_as(desk, "admin"), enabled=True)
    page = open_page(qtbot, acting_as(desk, "koordinator"), household.id)
    son = member_id(household, "AGUS RIYADI")
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)
    change = dialog_of(qtbot, page, ChangeRequestDialog)
    choose(qtbot, change.cmb_kind, "Pisah")
    assert change.stk_kind.currentWidget() is change.pnl_split
    qtbot.keyClick(change, Qt.Key.Key_S, CTRL)  # nobody ticked: the message sits under the list
    qtbot.waitUntil(lambda: change.error_for("split.person_ids").isVisible(), timeout=10_000)
    tick(qtbot, change.pnl_split.lst_moving, "AGUS")
    assert change.pnl_split.cmb_new_head.currentData() == son
    qtbot.keyClick(change.pnl_split.edt_rt, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(change.pnl_split.edt_rt, "7")
    qtbot.keyClicks(change.edt_reason, "Menikah dan tinggal sendiri")
    save(qtbot, page, change)
    ((payload,),) = query(desk.path, "SELECT payload FROM household_change_request")
    assert (json.loads(payload)["no_kk_reason"], json.loads(payload)["rt"]) == ("BELUM_PUNYA", "007")
    page.tabs.setCurrentWidget(page.tab_changes)
    page.tab_changes.select_first()
    qtbot.mouseClick(page.btn_change_approve, Qt.MouseButton.LeftButton)
    save(qtbot, page, dialog_of(qtbot, page, ChangeDecisionDialog))
    ((new_household,),) = query(desk.path, "SELECT household_id FROM person WHERE id = ?", son)
    assert new_household != household.id
    assert query(desk.path, "SELECT head_person_id, no_kk_reason FROM household WHERE id = ?", new_household) == [
        (son, "BELUM_PUNYA")]
    assert "AGUS RIYADI" not in [m.name for m in page.members_model.rows()]


def test_death_of_the_head_asks_for_the_new_head(qtbot: Any, desk: Any, page: HouseholdPage,
                                                household: HouseholdRecord) -> None:
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)
    change = dialog_of(qtbot, page, ChangeRequestDialog)
    choose(qtbot, change.cmb_kind, "Meninggal")
    choose(qtbot, change.cmb_person, "SLAMET")
    assert change.person_form.isRowVisible(3)  # the head dies: who heads the family now?
    choose(qtbot, change.cmb_new_head, "SITI")
    qtbot.keyClicks(change.dte_event, (date.today() - timedelta(days=5)).strftime("%d%m%Y"))
    qtbot.keyClicks(change.edt_reason, "Sakit")
    save(qtbot, page, change)
    ((payload, person_id),) = query(desk.path, "SELECT payload, person_id FROM household_change_request")
    assert person_id == household.members[0].id
    assert json.loads(payload)["new_head_person_id"] == member_id(household, "SITI AMINAH")


@pytest.fixture
def filled(desk: Any, household: HouseholdRecord) -> Any:
    ctx = acting_as(desk, "koordinator")
    wife = member_id(household, "SITI AMINAH")
    visit = record_visit(ctx, VisitDraft(household_id=household.id, applicant_person_id=wife,
                                         applicant_relation="DIRI_SENDIRI", purpose="PBI nonaktif"))
    record_complaint(ctx, ComplaintDraft(household_id=household.id, visit_id=visit.id, kind="PENGADUAN",
                                         category_code="PBI_NONAKTIF", description="KIS ditolak"))
    record_need(ctx, NeedDraft(household_id=household.id, person_id=wife, domain_code="KESEHATAN",
                               ppks_codes=("PPKS-24",), description="Reaktivasi"))
    record_participation(ctx, ParticipationDraft(household_id=household.id, person_id=wife, program_code="PBI_JK",
                                                 active=False, source="KARTU_DILIHAT"))
    request_change(ctx, ChangeRequestDraft(household_id=household.id, kind="PINDAH", reason="Kerja",
                                           person_id=member_id(household, "AGUS RIYADI"),
                                           event_date=date.today()))
    return household_detail(ctx, household.id), casework_choices(ctx)


@pytest.mark.parametrize("model_type", [
    MembersTableModel, HouseholdVisitsTableModel, HouseholdComplaintsTableModel, HouseholdNeedsTableModel,
    HouseholdParticipationsTableModel, HouseholdProposalsTableModel, HouseholdChangesTableModel,
])
def test_models_pass_the_model_tester(qtmodeltester: Any, filled: Any, model_type: type) -> None:
    detail, choices = filled
    rows = {
        MembersTableModel: detail.members, HouseholdVisitsTableModel: detail.visits,
        HouseholdComplaintsTableModel: detail.complaints, HouseholdNeedsTableModel: detail.needs,
        HouseholdParticipationsTableModel: detail.participations, HouseholdProposalsTableModel: detail.proposals,
        HouseholdChangesTableModel: detail.change_requests,
    }[model_type]
    model = model_type()
    model.set_choices(choices)
    model.set_rows(rows)
    assert model.rowCount() == len(rows) and (model_type is HouseholdProposalsTableModel or rows)
    qtmodeltester.check(model)
    if rows:
        assert model.data(model.index(0, 0), model.RowRole) == model.record(0)


def test_a_district_approval_the_village_could_not_apply_stands_out(qapp: Any) -> None:
    decided = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    applied = ChangeRequestRecord(id="a", number="PRB-1", household_id="h", person_id=None, person_name="",
                                  kind="PINDAH", payload={"applied_at_village": "2026-11-21"}, status="DISETUJUI",
                                  decided_at=decided, decision_reason="Sesuai dokumen", decided_where="kabupaten")
    stuck = replace(applied, id="b", number="PRB-2",
                    payload={"village_apply_problem": "Anggota ini sudah keluar dari KK."})
    model = HouseholdChangesTableModel()
    model.set_rows([applied, stuck])
    column = HouseholdChangesTableModel.COL_DECISION
    assert model.index(0, column).data() == "20/11/2026 (kabupaten) Sesuai dokumen"
    assert "belum diterapkan: Anggota ini sudah keluar dari KK." in model.index(1, column).data()
    assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) != \
        model.index(0, column).data(Qt.ItemDataRole.ForegroundRole)
