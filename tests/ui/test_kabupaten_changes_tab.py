"""The district's Perubahan KK tab: the villages' waiting requests with their details, the Manajer SLRT's
"Setujui" and "Tolak…" (a reason required) driven through the real widgets and checked in the database, the
status and village filters, and read-only use by a role that may not decide."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteFixture, copy_sqlite
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from puskesos_desk.domain.enums import Role
from puskesos_desk.ui.models.change_requests_model import ChangeRequestsTableModel
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.kabupaten_changes_tab import KabupatenChangesTab, RejectReasonDialog
from tests.cli._helpers import query
from tests.exchange.change_sites import ChangeSites, sites_with_requests
from tests.exchange.scenarios import VILLAGE_CODE, open_district
from tests.services.test_casework import as_role

WAIT_MS = 30_000
pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def templates(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> ChangeSites:
    return sites_with_requests(seeded_template, tmp_path_factory.mktemp("changes-tab"))


@pytest.fixture
def district(templates: ChangeSites, tmp_path: Path, qtbot: Any) -> Iterator[SiteFixture]:
    copy_sqlite(templates.district, tmp_path / "kabupaten.db")
    site = open_district(tmp_path / "kabupaten.db")
    yield site
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    site.db.dispose()


def _open(qtbot: Any, district: SiteFixture, role: Role = Role.MANAJER_SLRT) -> KabupatenChangesTab:
    tab = KabupatenChangesTab(as_role(district.cli, role))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.refresh()
    return tab


def _select(tab: KabupatenChangesTab, request_id: str) -> None:
    for row in range(tab.proxy.rowCount()):
        source = tab.proxy.mapToSource(tab.proxy.index(row, 0))
        if tab.model.record(source.row()).id == request_id:
            tab.tbl_changes.selectRow(row)
            return
    raise AssertionError(f"request {request_id} is not listed")


def test_waiting_requests_are_listed_with_details(qtbot: Any, district: SiteFixture, templates: ChangeSites) -> None:
    tab = _open(qtbot, district)

    assert tab.model.rowCount() == 3
    assert "1–3 dari 3" in tab.lbl_summary.text()
    assert not tab.btn_approve.isEnabled()
    kinds = {tab.model.index(r, ChangeRequestsTableModel.COL_KIND).data() for r in range(3)}
    assert kinds == {"Ganti kepala keluarga", "Keluarkan anggota", "Tambah anggota"}
    assert tab.cmb_village.findData(VILLAGE_CODE) > 0

    _select(tab, templates.head_change)
    details = tab.txt_details.toPlainText()
    assert "Kepala keluarga baru: SITI AMINAH" in details and "Suami merantau" in details
    assert templates.household_number in details
    assert tab.btn_approve.isEnabled() and tab.btn_reject.isEnabled()


def test_approve_and_reject_record_the_decision(qtbot: Any, district: SiteFixture, templates: ChangeSites,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _open(qtbot, district)
    _select(tab, templates.head_change)
    qtbot.keyClicks(tab.edt_note, "Sesuai surat desa")
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(tab.btn_approve, Qt.MouseButton.LeftButton)
    assert "disetujui" in tab.lbl_message.text()
    assert query(district.path, "SELECT status, decided_where, decision_reason FROM household_change_request "
                                "WHERE id = ?", (templates.head_change,)) == [
        ("DISETUJUI", "kabupaten", "Sesuai surat desa")]
    assert tab.model.rowCount() == 2  # the waiting list no longer holds it

    monkeypatch.setattr(tab, "ask_reject_reason", lambda item: "Belum ada akta nikah")
    _select(tab, templates.removal)
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(tab.btn_reject, Qt.MouseButton.LeftButton)
    assert query(district.path, "SELECT status, decision_reason FROM household_change_request WHERE id = ?",
                 (templates.removal,)) == [("DITOLAK", "Belum ada akta nikah")]

    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.cmb_status.setCurrentIndex(tab.cmb_status.findData("DIPUTUSKAN"))
    assert tab.model.rowCount() == 2
    _select(tab, templates.removal)
    assert "Belum ada akta nikah" in tab.txt_details.toPlainText()
    assert not tab.btn_reject.isEnabled()  # decided: nothing left to decide


def test_cancelling_the_reason_changes_nothing(qtbot: Any, district: SiteFixture, templates: ChangeSites,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _open(qtbot, district)
    monkeypatch.setattr(tab, "ask_reject_reason", lambda item: None)
    _select(tab, templates.removal)
    qtbot.mouseClick(tab.btn_reject, Qt.MouseButton.LeftButton)
    assert query(district.path, "SELECT status FROM household_change_request WHERE id = ?",
                 (templates.removal,)) == [("MENUNGGU",)]


def test_the_reason_dialog_needs_a_reason(qtbot: Any) -> None:
    dialog = RejectReasonDialog("PRB-1")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.edt_reason, "   ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.edt_reason, "Data tidak cocok")
    assert ok.isEnabled() and dialog.reason() == "Data tidak cocok"


def test_a_stale_request_shows_the_message(qtbot: Any, district: SiteFixture, templates: ChangeSites) -> None:
    tab = _open(qtbot, district)
    _select(tab, templates.addition)
    with sqlite3.connect(district.path) as conn:  # another secretariat PC changed it meanwhile
        conn.execute("UPDATE household_change_request SET row_version = row_version + 1 WHERE id = ?",
                     (templates.addition,))
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(tab.btn_approve, Qt.MouseButton.LeftButton)
    assert "baru saja diubah" in tab.lbl_message.text()
    assert query(district.path, "SELECT status FROM household_change_request WHERE id = ?",
                 (templates.addition,)) == [("MENUNGGU",)]


def test_a_role_that_may_not_decide_reads_only(qtbot: Any, district: SiteFixture, templates: ChangeSites) -> None:
    tab = _open(qtbot, district, Role.PETUGAS_SEKRETARIAT)
    assert tab.model.rowCount() == 3
    _select(tab, templates.removal)
    assert not tab.btn_approve.isEnabled() and not tab.btn_reject.isEnabled()
    assert "Manajer SLRT" in tab.btn_approve.toolTip()
