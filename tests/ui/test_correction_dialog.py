"""The correction dialogs driven as an officer would: prefilled from the database, the reason required, field
errors next to their fields, and the corrected value in the database after Simpan."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

import pytest
from conftest import SITE_CODE
from PySide6.QtCore import Qt

from puskesos_desk.domain.corrections import CorrectionResult
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.correction_dialog import HouseholdCorrectionDialog, PersonCorrectionDialog
from tests.services.factories import HEAD_NIK, KK_NUMBER, WIFE_NIK, family

pytestmark = pytest.mark.sqlite_only


def back_office(db: Any) -> ServiceContext:
    """Petugas BO: corrects records, does not see specific data."""
    return ServiceContext(db, Actor(id="u-bo", name="petugas.bo", role=Role.PETUGAS_BO, site_code=SITE_CODE,
                                    site_role=SiteRole.DESA))


def _row(desk: Any, sql: str, *params: object) -> tuple[Any, ...]:
    with sqlite3.connect(desk.path) as conn:
        return conn.execute(sql, params).fetchone()


def _open(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10_000)
    return dialog


def _shot(dialog: Any, name: str) -> None:
    folder = os.environ.get("PUSKESOS_SCREENSHOTS")
    if folder:
        dialog.grab().save(os.path.join(folder, name))


def test_a_name_is_corrected_through_the_dialog(desk: Any, qtbot: Any) -> None:
    register_household(desk.cli, family())
    wife_id, version = _row(desk, "SELECT id, row_version FROM person WHERE nik = ?", WIFE_NIK)
    dialog = _open(qtbot, PersonCorrectionDialog(back_office(desk.db), wife_id))
    assert dialog.edt_name.text() == "SITI AMINAH" and dialog.edt_nik.text() == ""
    assert dialog.lbl_nik_now.text() == "3322••••••••0004"
    assert not dialog.grp_specific.isVisible() and dialog.lbl_specific_hidden.isVisible()  # BO: no specific data
    _shot(dialog, "person_correction.png")

    dialog.edt_name.clear()
    qtbot.keyClicks(dialog.edt_name, "Siti Aminah Rahayu")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert dialog.error_for("reason").isVisible()  # no reason: nothing sent to the service
    assert _row(desk, "SELECT name FROM person WHERE id = ?", wife_id) == ("SITI AMINAH",)

    qtbot.keyClicks(dialog.cmb_reason.lineEdit(), "Salah ketik")
    with qtbot.waitSignal(dialog.corrected, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    result = saved.args[0]
    assert isinstance(result, CorrectionResult) and result.changed == ("name", "name_key")
    assert _row(desk, "SELECT name, row_version FROM person WHERE id = ?", wife_id) == (
        "SITI AMINAH RAHAYU", version + 1)
    assert _row(desk, "SELECT reason FROM audit_event WHERE entity_id = ? AND action = 'UPDATE'", wife_id) == (
        "Salah ketik",)


def test_an_invalid_nik_shows_the_field_error_and_writes_nothing(desk: Any, qtbot: Any) -> None:
    register_household(desk.cli, family())
    head_id, version = _row(desk, "SELECT id, row_version FROM person WHERE nik = ?", HEAD_NIK)
    events = _row(desk, "SELECT count(*) FROM audit_event")
    dialog = _open(qtbot, PersonCorrectionDialog(desk.cli, head_id))
    assert dialog.grp_specific.isVisible()  # the CLI actor may see specific data
    qtbot.keyClicks(dialog.edt_nik, "3322011505800000")
    assert not dialog.cmb_no_nik_reason.isEnabled()
    qtbot.keyClicks(dialog.cmb_reason.lineEdit(), "Sesuai KTP terbaru")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_for("nik").isVisible(), timeout=10_000)
    assert "0000" in dialog.error_for("nik").text()
    assert dialog.btn_save.isEnabled() and dialog.isVisible()
    _shot(dialog, "person_correction_error.png")
    assert _row(desk, "SELECT nik, row_version FROM person WHERE id = ?", head_id) == (HEAD_NIK, version)
    assert _row(desk, "SELECT count(*) FROM audit_event") == events


def test_a_stale_household_form_offers_a_reload(desk: Any, qtbot: Any) -> None:
    household = register_household(desk.cli, family()).household
    dialog = _open(qtbot, HouseholdCorrectionDialog(back_office(desk.db), household.id))
    assert dialog.lbl_kk_now.text() == "3322••••••••0007" and dialog.edt_rt.text() == "001"
    _shot(dialog, "household_correction.png")
    with sqlite3.connect(desk.path) as conn:  # a colleague saved the household meanwhile
        conn.execute("UPDATE household SET row_version = row_version + 1 WHERE id = ?", (household.id,))
    dialog.edt_rt.setText("4")
    qtbot.keyClicks(dialog.cmb_reason.lineEdit(), "Permintaan warga")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.btn_reload.isVisible(), timeout=10_000)
    assert "Muat ulang" in dialog.lbl_error.text() and not dialog.btn_save.isEnabled()
    _shot(dialog, "household_correction_stale.png")

    qtbot.mouseClick(dialog.btn_reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.btn_save.isEnabled(), timeout=10_000)
    assert dialog.reason() == "Permintaan warga" and dialog.edt_rt.text() == "001"
    dialog.edt_rt.setText("4")
    with qtbot.waitSignal(dialog.corrected, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert _row(desk, "SELECT rt, kk_number FROM household WHERE id = ?", household.id) == ("004", KK_NUMBER)


def test_a_role_without_the_right_sees_why_and_cannot_save(desk: Any, qtbot: Any) -> None:
    register_household(desk.cli, family())
    (head_id,) = _row(desk, "SELECT id FROM person WHERE nik = ?", HEAD_NIK)
    operator = ServiceContext(desk.db, Actor(id="u-op", name="operator", role=Role.OPERATOR_SIKS,
                                             site_code=SITE_CODE, site_role=SiteRole.DESA))
    dialog = PersonCorrectionDialog(operator, head_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.lbl_error.isVisible(), timeout=10_000)
    assert "tidak berwenang" in dialog.lbl_error.text() and not dialog.btn_save.isEnabled()
    assert dialog.loaded is None
