"""The household page's DTSEN tab: the family compared with the extract — desil, programmes and the extract's date,
the differences highlighted, the member missing from the extract with the way to a DTSEN proposal, the extract's
member missing here, and a warning once the extract is older than four months."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_check import household_check
from puskesos_desk.services.households import casework_choices
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.proposal_dialog import ProposalDialog
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.extract_comparison_model import (
    DIFFERENT_BACKGROUND,
    EXTRACT_ONLY_BACKGROUND,
    ExtractComparisonTableModel,
)
from puskesos_desk.ui.models.household_table_model import WARNING
from puskesos_desk.ui.pages import household_extract_tab as extract_tab
from puskesos_desk.ui.pages.household_extract_tab import HouseholdExtractTab
from puskesos_desk.ui.pages.household_page import HouseholdPage
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.ui.late_answer import FirstAnswerHeld
from tests.ui.test_household_page import acting_as, dialog_of, open_page

M = ExtractComparisonTableModel


def load(ctx: ServiceContext, as_of: date, *, child: bool = False) -> None:
    rows: list[dict[str, Any]] = [
        {"nik": HEAD_NIK, "name": "SLAMET RIYADI", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1980, 5, 15), "sex": "L", "relation": "KEPALA KELUARGA",
         "programs": {"PKH": True, "PBI_JK": True}},
        {"nik": WIFE_NIK, "name": "SITI AMINAH", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1985, 7, 2), "sex": "P", "relation": "ISTRI", "programs": {"PKH": True}},
        {"nik": "3322010101460001", "name": "KARSO", "kk_number": KK_NUMBER, "family_id": "F-1",
         "desil_national": 2, "birth_date": date(1946, 1, 1), "sex": "L", "relation": "6"},
    ]
    if child:
        rows.append({"nik": CHILD_NIK, "name": "DWI LESTARI", "kk_number": KK_NUMBER, "family_id": "F-1",
                     "desil_national": 2, "birth_date": date(2012, 2, 1), "sex": "P", "relation": "3"})
    with ctx.db.transaction(ctx.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=as_of, file_name="DTSEN.xlsx", rows=rows)


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    return register_household(desk.cli, family()).household


def open_checked(qtbot: Any, ctx: ServiceContext, household_id: str) -> HouseholdPage:
    """The household page with its DTSEN tab in front, once the check is on screen."""
    page = open_page(qtbot, ctx, household_id)
    qtbot.waitUntil(lambda: page.tab_extract.check is not None, timeout=10_000)
    page.tabs.setCurrentWidget(page.tab_extract)
    return page


def cells(page: HouseholdPage) -> dict[str, tuple[str, ...]]:
    proxy = page.tab_extract.proxy
    found = {}
    for row in range(proxy.rowCount()):
        values = tuple(proxy.index(row, column).data() for column in range(proxy.columnCount()))
        found[values[M.COL_NAME] if values[M.COL_NAME] != "—" else values[M.COL_EXTRACT]] = values
    return found


def test_household_shows_its_dtsen_comparison_with_the_date(qtbot: Any, desk: Any,
                                                            household: HouseholdRecord) -> None:
    ctx = acting_as(desk, "koordinator")
    as_of = ctx.today() - timedelta(days=53)
    load(desk.cli, as_of)
    page = open_checked(qtbot, ctx, household.id)
    tab = page.tab_extract

    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Cek DTSEN (3)"  # wife differs, child and Karso missing
    summary = tab.lbl_summary.text()
    assert f"DTSEN per {format_date_long(as_of)}" in summary
    assert "1 anggota yang tinggal di rumah tidak ada di data" in summary
    assert "Desil 2 · Program di data: PBI_JK, PKH" in summary
    assert tab.lbl_age.text() == "Umur data 1 bulan." and not tab.lbl_age.property("warning")

    rows = cells(page)
    assert rows["SLAMET RIYADI"][M.COL_LINK] == "NIK" and rows["SLAMET RIYADI"][M.COL_RESULT] == "Sama"
    assert rows["SLAMET RIYADI"][M.COL_DESIL] == "2" and rows["SLAMET RIYADI"][M.COL_PROGRAMS] == "PBI_JK, PKH"
    wife = rows["SITI AMINAH"]
    assert wife[M.COL_RESULT] == "Berbeda"
    assert wife[M.COL_DIFFERENCES] == "Tgl lahir: 20/07/1985 ≠ 02/07/1985"
    assert rows["DWI LESTARI"][M.COL_EXTRACT] == "tidak ada"
    assert rows["DWI LESTARI"][M.COL_RESULT] == "Tidak ada di data"
    assert rows["KARSO"][M.COL_RESULT] == "Hanya di data"
    # Problems first: the missing member, the one who differs, the extract's own member, then the rest.
    assert [tab.proxy.index(r, M.COL_RESULT).data() for r in range(tab.proxy.rowCount())] == [
        "Tidak ada di data", "Berbeda", "Hanya di data", "Sama"]

    def role_of(name: str, column: int, role: Qt.ItemDataRole) -> Any:
        proxy = tab.proxy
        row = next(r for r in range(proxy.rowCount()) if name in (proxy.index(r, M.COL_NAME).data(),
                                                                   proxy.index(r, M.COL_EXTRACT).data()))
        return proxy.index(row, column).data(role)

    assert role_of("SITI AMINAH", M.COL_NAME, Qt.ItemDataRole.BackgroundRole) == DIFFERENT_BACKGROUND
    assert role_of("SITI AMINAH", M.COL_DIFFERENCES, Qt.ItemDataRole.ForegroundRole) == WARNING
    assert role_of("DWI LESTARI", M.COL_RESULT, Qt.ItemDataRole.ForegroundRole) == WARNING
    assert role_of("KARSO", M.COL_NAME, Qt.ItemDataRole.BackgroundRole) == EXTRACT_ONLY_BACKGROUND

    assert "DWI LESTARI belum ada di data DTSEN" in tab.lbl_hint.text()
    assert tab.btn_propose.isVisible() and tab.btn_propose.isEnabled()
    qtbot.mouseClick(tab.btn_propose, Qt.MouseButton.LeftButton)
    proposal = dialog_of(qtbot, page, ProposalDialog)
    proposal.reject()
    qtbot.waitUntil(lambda: page.active_dialog is None)


def test_a_stale_extract_is_flagged_and_a_complete_family_needs_no_proposal(qtbot: Any, desk: Any,
                                                                           household: HouseholdRecord) -> None:
    ctx = acting_as(desk, "petugas.fo")
    load(desk.cli, ctx.today() - timedelta(days=200), child=True)
    page = open_checked(qtbot, ctx, household.id)
    tab = page.tab_extract
    assert tab.lbl_age.property("warning") is True
    assert "lebih dari 4 bulan" in tab.lbl_age.text()
    assert not tab.btn_propose.isVisible()  # everyone living here is in the extract
    assert cells(page)["DWI LESTARI"][M.COL_RESULT] == "Sama"


def test_without_an_extract_the_tab_says_where_to_import_one(qtbot: Any, desk: Any,
                                                             household: HouseholdRecord) -> None:
    page = open_checked(qtbot, acting_as(desk, "koordinator"), household.id)
    tab = page.tab_extract
    assert "Belum ada data DTSEN/DTKS yang diimpor" in tab.lbl_summary.text()
    assert not tab.tbl.isVisible() and not tab.btn_propose.isVisible()
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Cek DTSEN"


def test_comparison_model_passes_the_model_tester(qtmodeltester: Any, desk: Any,
                                                  household: HouseholdRecord) -> None:
    before = household_check(desk.cli, household.id)  # no extract yet: members without rows
    load(desk.cli, date(2026, 10, 1))
    check = household_check(desk.cli, household.id)
    model = ExtractComparisonTableModel()
    model.set_choices(casework_choices(desk.cli))
    model.set_rows([*check.members, *check.extract_only])
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    unchecked = ExtractComparisonTableModel()
    unchecked.set_rows(before.members)
    qtmodeltester.check(unchecked)


def test_a_check_made_before_the_extract_arrived_never_replaces_a_later_one(qtbot: Any, desk: Any,
                                                                            household: HouseholdRecord,
                                                                            monkeypatch: Any) -> None:
    """The page checks its household whenever it is loaded, so checks overlap. Here the first check ran before the
    extract was loaded and answers only after a second check, made after it, has answered: the tab keeps the
    second answer and does not announce the stale one."""
    ctx = acting_as(desk, "koordinator")
    tab = HouseholdExtractTab(ctx)
    qtbot.addWidget(tab)
    held = FirstAnswerHeld(monkeypatch, extract_tab, "household_check")
    choices = casework_choices(ctx)
    tab.load(household.id, choices)
    held.wait_first_read(qtbot)  # no extract yet
    load(ctx, date.today())
    with qtbot.waitSignal(tab.checked, timeout=10_000):
        tab.load(household.id, choices)
    assert tab.check is not None and tab.check.extract is not None

    held.release_unannounced(qtbot, tab.checked)
    assert tab.check is not None and tab.check.extract is not None
    assert tab.model.rowCount() > 0
