"""Pengaturan → Masa simpan data: the Admin changes a period and saves it (a setting; the Admin may not run the
job); the Koordinator previews what is due and runs the anonymisation after giving a reason, and cancelling the
confirmation changes nothing; a Petugas FO can do neither."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt

from puskesos_desk.data.orm.household import Household
from puskesos_desk.domain.retention import ANONYMISED_NAME, RecordType
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.retention import retention_settings
from puskesos_desk.ui.widgets.retention_settings import RetentionSettings
from tests.cli._helpers import query, scalar
from tests.services.factories import family

pytestmark = pytest.mark.sqlite_only
REASON = "Berita acara pemusnahan arsip No. 9/2026"


def box_for(qtbot: Any, desk: Any, username: str, password: str) -> RetentionSettings:
    signed = sign_in(desk.db, username=username, password=password)
    box = RetentionSettings(ServiceContext(desk.db, signed.actor))
    qtbot.addWidget(box)
    box.resize(900, 420)
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        box.show()
    return box


@pytest.fixture
def aged_household(desk: Any) -> str:
    """One household last changed in 2015."""
    household_id = register_household(desk.cli, family()).household.id
    for table in ("household", "person"):
        query(desk.path, f"UPDATE {table} SET updated_at = '2015-01-05 03:00:00.000000'")
    return household_id


def test_the_admin_saves_a_period(qtbot: Any, desk: Any, tmp_path: Any) -> None:
    box = box_for(qtbot, desk, "admin", ADMIN_PASSWORD)
    spin = box.spins[RecordType.CASE_RECORDS]
    assert spin.value() == 5 and spin.isEnabled() and not box.btn_run.isEnabled()
    box.grab().save(str(tmp_path / "retention_settings.png"))
    spin.setValue(7)
    with qtbot.waitSignal(box.saved, timeout=10_000):
        qtbot.mouseClick(box.btn_save, Qt.MouseButton.LeftButton)
    assert retention_settings(desk.cli).period(RecordType.CASE_RECORDS) == 7
    reopened = box_for(qtbot, desk, "admin", ADMIN_PASSWORD)
    assert reopened.spins[RecordType.CASE_RECORDS].value() == 7


def test_the_koordinator_previews_and_runs(qtbot: Any, desk: Any, aged_household: str) -> None:
    box = box_for(qtbot, desk, "koordinator", KOORDINATOR_PASSWORD)

    with qtbot.waitSignal(box.previewed, timeout=10_000) as previewed:
        qtbot.mouseClick(box.btn_preview, Qt.MouseButton.LeftButton)
    assert previewed.args[0].households == 1
    assert "1 keluarga (3 warga)" in box.lbl_status.text()

    box.ask_reason = lambda: None  # type: ignore[method-assign]
    qtbot.mouseClick(box.btn_run, Qt.MouseButton.LeftButton)
    assert scalar(desk.path, "SELECT anonymised_at FROM household WHERE id = ?", (aged_household,)) is None

    box.ask_reason = lambda: REASON  # type: ignore[method-assign]
    with qtbot.waitSignal(box.anonymised, timeout=10_000):
        qtbot.mouseClick(box.btn_run, Qt.MouseButton.LeftButton)
    with desk.db.reading() as session:
        assert session.get(Household, aged_household).head_name == ANONYMISED_NAME  # type: ignore[union-attr]
    assert scalar(desk.path, "SELECT reason FROM audit_event WHERE action = 'PURGE'") == REASON
    assert "Selesai" in box.lbl_status.text()


def test_an_officer_can_neither_change_nor_run(qtbot: Any, desk: Any) -> None:
    box = box_for(qtbot, desk, "petugas.fo", FO_PASSWORD)
    assert not box.btn_save.isEnabled() and not box.btn_run.isEnabled() and not box.btn_preview.isEnabled()
    assert not box.spins[RecordType.CASE_RECORDS].isEnabled()
