"""The Audit screen driven as a user: it lists the log newest first, filters by action, shows an event's changes,
and "Periksa keutuhan log" says the log is whole, then — after a row is edited behind the app's back — names it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from backends import rows, scalar
from PySide6.QtCore import Qt

from puskesos_desk.data.orm.household import Household
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.ops import pending_ops
from puskesos_desk.ui.pages.audit_page import AuditPage

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def audited(desk: Any) -> Any:
    home = register_household(desk.cli, HouseholdDraft(
        members=(MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L", nik="3322011505800003",
                             birth_date=date(1980, 5, 15)),),
        kk_number="3322010101150007", address="Dusun Krajan", rt="1", rw="2"))
    with desk.db.transaction(desk.cli.actor) as session:
        household = session.get(Household, home.household.id)
        household.rt, household.address = "007", "Dusun Ngablak"
    return desk


def _page(qtbot: Any, desk: Any) -> AuditPage:
    page = AuditPage(desk.cli)
    qtbot.addWidget(page)
    page.resize(1360, 720)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and pending_ops() == 0, timeout=10_000)
    return page


def _seqs(page: AuditPage) -> list[int]:
    return [page.model.record(row).seq for row in range(page.model.rowCount())]


def test_the_log_is_listed_newest_first_and_filtered_by_action(qtbot: Any, audited: Any) -> None:
    page = _page(qtbot, audited)
    last = int(scalar(audited, "SELECT MAX(seq) FROM audit_event"))
    assert _seqs(page)[0] == last and _seqs(page) == sorted(_seqs(page), reverse=True)

    page.cmb_action.setCurrentIndex(page.cmb_action.findData("UPDATE"))
    qtbot.waitUntil(lambda: pending_ops() == 0 and {page.model.record(r).action
                                                    for r in range(page.model.rowCount())} == {"UPDATE"})
    page.tbl_events.selectRow(0)
    detail = page.txt_detail.toPlainText()
    assert "→ 007" in detail
    assert "Ngablak" not in detail and "Krajan" not in detail  # an address is in the log as a keyed hash only
    assert "Ubah data" in page.txt_detail.toPlainText()


def test_the_check_shows_whole_then_names_an_edited_event(qtbot: Any, audited: Any) -> None:
    page = _page(qtbot, audited)
    qtbot.mouseClick(page.btn_verify, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_check is not None and pending_ops() == 0, timeout=20_000)
    assert page.lbl_verify.isVisible() and "Log audit utuh" in page.lbl_verify.text()
    assert not page.btn_jump.isVisible()
    assert scalar(audited, "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1") == "AUDIT_VERIFY"

    target = int(scalar(audited, "SELECT MAX(seq) FROM audit_event")) - 3
    rows(audited, "DROP TRIGGER audit_event_no_update")  # someone with the database file in hand
    rows(audited, "UPDATE audit_event SET actor_name = 'orang lain' WHERE seq = ?", target)
    page.last_check = None
    qtbot.mouseClick(page.btn_verify, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_check is not None and pending_ops() == 0, timeout=20_000)
    assert "LOG AUDIT RUSAK" in page.lbl_verify.text() and f"Peristiwa nomor {target}" in page.lbl_verify.text()
    assert page.btn_jump.isVisible()

    qtbot.mouseClick(page.btn_jump, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pending_ops() == 0 and page.selected_row() is not None, timeout=10_000)
    assert page.selected_row().seq == target and "orang lain" in page.txt_detail.toPlainText()


def test_the_breach_helper_opens_from_the_audit_page_for_the_koordinator_only(qtbot: Any, audited: Any) -> None:
    from dataclasses import replace

    from puskesos_desk.domain.enums import Role
    from puskesos_desk.services.context import ServiceContext
    from puskesos_desk.ui.dialogs.breach_dialog import BreachDialog

    page = _page(qtbot, audited)
    assert page.btn_breach.isVisible()  # the CLI actor holds every permission
    qtbot.mouseClick(page.btn_breach, Qt.MouseButton.LeftButton)
    assert isinstance(page.dlg_breach, BreachDialog) and page.dlg_breach.isVisible()
    page.dlg_breach.reject()
    admin = ServiceContext(audited.db, replace(audited.cli.actor, id="u-admin", name="admin", role=Role.ADMIN))
    admin_page = AuditPage(admin)
    qtbot.addWidget(admin_page)
    admin_page.show()
    assert not admin_page.btn_breach.isVisible()  # Admin sees the log, not the residents a breach touched
