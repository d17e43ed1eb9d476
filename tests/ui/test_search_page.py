"""The search-first desk, driven from the keyboard: results while typing, Enter opens the first hit, the confirm card
shows a masked NIK and the DTSEN status, a DTSEN-only person is registered from the extract."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest
from conftest import SITE_CODE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.search import DeskHit, MatchKind, RegisterStatus
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.search_results_model import SearchResultsTableModel
from puskesos_desk.ui.pages.search_page import SearchPage
from tests.services.factories import HEAD_NIK, family

CTRL = Qt.KeyboardModifier.ControlModifier
PAINEM_NIK = "3322015203550009"  # woman, 12-03-1955


def fo_context(db: Any) -> ServiceContext:
    return ServiceContext(db, Actor(id="u-fo", name="petugas.fo", role=Role.PETUGAS_FO, site_code=SITE_CODE,
                                    site_role=SiteRole.DESA))


@pytest.fixture
def page(desk: Any, qtbot: Any) -> SearchPage:
    widget = SearchPage(fo_context(desk.db))
    qtbot.addWidget(widget)
    widget.resize(1150, 680)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.focus_search()
    return widget


def _type_and_wait(qtbot: Any, page: SearchPage, widget: Any, text: str) -> None:
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        qtbot.keyClicks(widget, text)


def test_typing_shows_results_and_enter_opens_the_first_hit(desk, page, qtbot) -> None:
    household = register_household(desk.cli, family()).household
    other = HouseholdDraft(members=(MemberDraft(name="Muhamad Slamet", relation="KEPALA_KELUARGA", sex="L",
                                                birth_date=date(1970, 1, 1), nik="3322010101700005"),),
                           address="Dusun Ngaduman", rt="5", rw="1", no_kk_reason="TIDAK_TAHU")
    register_household(desk.cli, other)
    # Enter right after typing, before the results are on screen: the first hit of what was typed opens.
    with qtbot.waitSignal(page.household_opened, timeout=5000) as opened:
        qtbot.keyClicks(page.edt_search, "slamet riy")
        qtbot.keyClick(page.edt_search, Qt.Key.Key_Return)
    assert opened.args == [household.id]
    assert [h.name for h in page.results()] == ["SLAMET RIYADI"]
    # The card shows who it is, with the NIK masked.
    assert page.card.lbl_name.text() == "SLAMET RIYADI"
    assert page.card.lbl_nik.text() == "NIK 3322••••••••0003"
    assert "Lahir 1980" in page.card.lbl_details.text() and "RT 001 / RW 002" in page.card.lbl_details.text()
    assert page.card.lbl_badge_puskesos.text() == "Terdaftar di Puskesos"
    assert page.card.lbl_badge_register.text() == "Tidak ada di data DTSEN/DTKS yang aktif"
    # The NIK column of the list is masked too; the whole NIK is never on screen.
    nik_cell = page.proxy.index(0, SearchResultsTableModel.COL_NIK).data()
    assert nik_cell == "3322••••••••0003" and HEAD_NIK not in page.card.lbl_nik.text()


def test_nik_with_separators_then_down_and_enter_on_a_row(desk, page, qtbot) -> None:
    household = register_household(desk.cli, family()).household
    _type_and_wait(qtbot, page, page.edt_search, "3322 0101 0115 0007")  # the KK number: the whole family
    assert [h.matched_by for h in page.results()] == [MatchKind.KK] * 3
    qtbot.keyClick(page.edt_search, Qt.Key.Key_Down)
    assert page.tbl_results.hasFocus()
    qtbot.keyClick(page.tbl_results, Qt.Key.Key_Down)
    assert page.card.lbl_name.text() == "SITI AMINAH"
    with qtbot.waitSignal(page.household_opened, timeout=5000) as opened:
        qtbot.keyClick(page.tbl_results, Qt.Key.Key_Return)
    assert opened.args == [household.id]


def test_typo_rt_filter_and_incomplete_number(desk, page, qtbot) -> None:
    register_household(desk.cli, family())
    _type_and_wait(qtbot, page, page.edt_search, "Siti Amniah")
    assert [(h.name, h.matched_by) for h in page.results()] == [("SITI AMINAH", MatchKind.NAME_SIMILAR)]
    _type_and_wait(qtbot, page, page.edt_rt, "7")
    assert page.results() == []
    assert "Tidak ada yang cocok" in page.lbl_status.text()
    qtbot.keyClick(page.edt_rt, Qt.Key.Key_Backspace)
    page.focus_search()
    _type_and_wait(qtbot, page, page.edt_search, "332201")
    assert page.results() == [] and "baru 6 digit" in page.lbl_status.text()


def test_ctrl_f_focuses_the_search_box(page, qtbot) -> None:
    page.edt_rw.setFocus()
    qtbot.keyClick(page.edt_rw, Qt.Key.Key_F, CTRL)
    assert page.edt_search.hasFocus()


def test_dtsen_only_person_is_registered_from_the_extract(desk, page, qtbot) -> None:
    with desk.db.transaction(desk.cli.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=date(2026, 9, 30), file_name="dtsen.xlsx", rows=[
            {"nik": PAINEM_NIK, "kk_number": "3322010105100009", "name": "Painem", "birth_date": date(1955, 3, 12),
             "sex": "P", "relation": "1", "address": "Dusun Ngaduman", "rt": "4", "rw": "1",
             "village_code": SITE_CODE, "desil_national": 1, "programs": {"PBI_JK": True}, "family_id": "F1"},
        ])
    _type_and_wait(qtbot, page, page.edt_search, "painem")
    card = page.card
    assert card.lbl_badge_puskesos.text() == "Belum terdaftar di Puskesos"
    assert card.lbl_badge_register.text() == "Ada di data DTSEN (desil 1, per tanggal 30 September 2026)"
    assert card.lbl_nik.text() == "NIK 3322••••••••0009" and "PBI JK" in card.lbl_programs.text()
    assert card.btn_register.isVisible() and not card.btn_open.isVisible()
    # Enter on a DTSEN-only hit opens the registration form, prefilled from the extract.
    qtbot.keyClick(page.edt_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.registration_dialog is not None and page.registration_dialog.isVisible())
    dialog = page.registration_dialog
    assert dialog.household.edt_kk.text() == "3322010105100009"
    assert (dialog.household.edt_rt.text(), dialog.household.edt_rw.text()) == ("004", "001")
    assert [(m.name, m.nik, m.relation, m.birth_date) for m in dialog.model.rows()] == [
        ("PAINEM", PAINEM_NIK, "KEPALA_KELUARGA", date(1955, 3, 12))]
    assert dialog.editor.edt_nik.hasFocus()  # the household part is complete: the next member is next
    with qtbot.waitSignal(page.household_opened, timeout=10_000) as opened:
        qtbot.keyClick(dialog.editor.edt_nik, Qt.Key.Key_S, CTRL)
    with sqlite3.connect(desk.path) as conn:
        rows = conn.execute("SELECT h.id, h.kk_number, h.rt, h.address, p.name, p.nik, p.sex, p.birth_date "
                            "FROM household h JOIN person p ON p.household_id = h.id").fetchall()
    assert rows == [(opened.args[0], "3322010105100009", "004", "Dusun Ngaduman", "PAINEM", PAINEM_NIK, "P",
                     "1955-03-12")]
    # Searching again: one hit, registered and in DTSEN.
    qtbot.waitUntil(lambda: [h.registered for h in page.results()] == [True])
    assert page.card.lbl_badge_puskesos.text() == "Terdaftar di Puskesos"


def test_results_fit_the_page_at_1366_by_768(desk, page, qtbot) -> None:
    register_household(desk.cli, family())
    _type_and_wait(qtbot, page, page.edt_search, "s")
    # The page beside the area list of the main window (1366 px screen, window 1326 px, list 176 px).
    page.resize(1150, 660)
    qtbot.wait(50)
    assert not page.tbl_results.horizontalScrollBar().isVisible()


def _hit(**changes: Any) -> DeskHit:
    register = RegisterStatus(record_id=7, batch_id="b", dataset="DTSEN", as_of=date(2026, 9, 30), desil=3,
                              programs=("PKH",), name="SITI", name_key="SITI")
    values: dict[str, Any] = {"name": "SITI AMINAH", "birth_date": date(1985, 7, 20), "sex": "P", "rt": "001",
                              "rw": "002", "nik": "3322016007850004", "matched_by": MatchKind.NAME_PREFIX,
                              "person_id": "p1", "household_id": "h1", "household_number": "KLG-1",
                              "registers": (register,)}
    values.update(changes)
    return DeskHit(**values)


def test_results_model(qtmodeltester) -> None:
    model = SearchResultsTableModel()
    model.set_rows([_hit(), _hit(person_id=None, household_id=None, household_number="", nik=None, registers=())])
    qtmodeltester.check(model)
    assert model.index(0, SearchResultsTableModel.COL_STATUS).data() == "Puskesos + DTSEN d3"
    assert model.index(1, SearchResultsTableModel.COL_STATUS).data() == ""
    assert model.index(0, SearchResultsTableModel.COL_NIK).data() == "3322••••••••0004"
    assert model.index(1, 0).data(ROW_ROLE).person_id is None
