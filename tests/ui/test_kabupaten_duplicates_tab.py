"""Tab Data Ganda at a district: the pairs are listed side by side with the suggested survivor on the left; "keep
left", "keep right" and "bukan duplikat" (which asks a reason) store their decision and the pair leaves the list;
an officer without the permission sees the list with the buttons off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteFixture
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog, QMessageBox

from puskesos_desk.domain.enums import Role
from puskesos_desk.ui.models.duplicates_model import DuplicatesTableModel
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.kabupaten_duplicates_tab import KabupatenDuplicatesTab
from tests.cli._helpers import query
from tests.services.duplicate_rows import VILLAGE_A, VILLAGE_B, Member, add_family, district_user, make_district

WAIT_MS = 15_000
NIK = "3322011505800003"


@pytest.fixture
def district(seeded_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[tuple[SiteFixture, dict[str, str]]]:
    site = make_district(seeded_template, tmp_path)
    [a] = add_family(site, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [b] = add_family(site, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [c] = add_family(site, VILLAGE_A, Member("Dewi Lestari", date(2001, 2, 1)))
    [d] = add_family(site, VILLAGE_B, Member("Dewi Lestari", date(2001, 2, 1)))
    yield site, {"a": a, "b": b, "c": c, "d": d}
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    site.db.dispose()


def _tab(qtbot: Any, site: SiteFixture, role: Role = Role.MANAJER_SLRT) -> KabupatenDuplicatesTab:
    tab = KabupatenDuplicatesTab(district_user(site, role))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.refresh()
    return tab


def _select(tab: KabupatenDuplicatesTab, match_text: str) -> None:
    for row in range(tab.proxy.rowCount()):
        index = tab.proxy.index(row, DuplicatesTableModel.COL_MATCH)
        if index.data() == match_text:
            tab.tbl_duplicates.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError(f"no pair matched by {match_text!r}")


def test_merge_keeping_right_then_not_duplicate_with_a_reason(qtbot: Any, district: tuple[SiteFixture, dict[str, str]],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    site, ids = district
    tab = _tab(qtbot, site)
    assert tab.model.rowCount() == 2 and "2 pasangan" in tab.lbl_summary.text()
    assert not tab.btn_merge_left.isEnabled()

    _select(tab, "NIK sama")
    pair = tab.selected()
    assert pair is not None and tab.btn_merge_right.isEnabled()
    assert {pair.left.person_id, pair.right.person_id} == {ids["a"], ids["b"]}
    assert "••••••••••••0003" in tab.lbl_details.text() and NIK not in tab.lbl_details.text()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    tab.edt_reason.setText("Dicek ke Dukcapil")
    with qtbot.waitSignal(tab.decided, timeout=WAIT_MS), qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.btn_merge_right.click()
    assert len(asked) == 1
    assert query(site.path, "SELECT survivor_person_id, duplicate_person_id, decision, reason FROM person_merge") == [
        (pair.right.person_id, pair.left.person_id, "DIGABUNG", "Dicek ke Dukcapil")]
    assert tab.model.rowCount() == 1 and tab.edt_reason.text() == ""

    _select(tab, "Nama dan tanggal lahir sama")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Ibu dan anak bernama sama", True))
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.btn_not_duplicate.click()
    assert query(site.path, "SELECT decision, reason FROM person_merge WHERE decision = 'BUKAN_DUPLIKAT'") == [
        ("BUKAN_DUPLIKAT", "Ibu dan anak bernama sama")]
    assert tab.model.rowCount() == 0 and "Tidak ada kemungkinan data ganda" in tab.lbl_summary.text()


def test_declining_the_questions_stores_nothing(qtbot: Any, district: tuple[SiteFixture, dict[str, str]],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    site, _ids = district
    tab = _tab(qtbot, site)
    _select(tab, "NIK sama")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", False))
    tab.btn_merge_left.click()
    tab.btn_not_duplicate.click()
    assert wait_for_ops(10_000)
    assert query(site.path, "SELECT count(*) FROM person_merge") == [(0,)]


def test_an_officer_without_the_permission_sees_the_list_only(qtbot: Any,
                                                             district: tuple[SiteFixture, dict[str, str]]) -> None:
    site, _ids = district
    tab = _tab(qtbot, site, Role.PETUGAS_SEKRETARIAT)
    assert tab.model.rowCount() == 2
    _select(tab, "NIK sama")
    assert not tab.btn_merge_left.isEnabled() and not tab.btn_not_duplicate.isEnabled()
    assert "Manajer SLRT" in tab.lbl_hint.text()
