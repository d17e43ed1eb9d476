"""The district's Direktori layanan tab driven like a person would: add an entry through the dialog (a wrong field
is shown under that field), mark an entry checked, show only entries that need a check; read-only at a village."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD, SiteFixture
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.services.auth import create_user, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.service_entry_dialog import ServiceEntryDialog
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.kabupaten_directory_tab import KabupatenDirectoryTab
from tests.cli._helpers import query, scalar
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, init_site, open_site

TODAY = date(2026, 11, 23)
NOON = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)  # midday in WIB/WITA/WIT alike


@pytest.fixture
def district(seeded_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[SiteFixture]:
    path = init_site(seeded_template, tmp_path / "district.db", DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    site = open_site(path, DISTRICT_CODE, SiteRole.KABUPATEN)
    create_user(site.cli, username="manajer", full_name="Dewi Lestari", role=Role.MANAJER_SLRT,
                password="manajer-rahasia-1")
    actor = sign_in(site.db, username="manajer", password="manajer-rahasia-1").actor
    yield replace(site, cli=ServiceContext(site.db, actor, clock=lambda: NOON))
    assert wait_for_ops(10_000), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    site.db.dispose()


def loaded_tab(qtbot: Any, ctx: ServiceContext) -> KabupatenDirectoryTab:
    tab = KabupatenDirectoryTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.refresh()
    return tab


def test_an_entry_added_through_the_dialog_is_stored(qtbot: Any, district: SiteFixture) -> None:
    tab = loaded_tab(qtbot, district.cli)
    assert tab.btn_add.isVisible() and tab.lbl_stale.text() == f"{tab.page.stale_count} layanan perlu dicek"
    with qtbot.waitSignal(tab.dialog_opened, timeout=5_000) as opened:
        qtbot.mouseClick(tab.btn_add, Qt.MouseButton.LeftButton)
    dialog: ServiceEntryDialog = opened.args[0]
    dialog.edt_code.setText("dinsos-rutilahu")
    dialog.edt_name.setText("Bantuan Rumah Tidak Layak Huni")
    dialog.edt_organization.setText("Dinas Sosial Kabupaten Semarang")
    dialog.cmb_kind.setCurrentIndex(dialog.cmb_kind.findData("pemda"))
    dialog.edt_phone.setText("(024) 6921234")
    dialog.edt_email.setText("dinsos@")  # wrong: shown under the field, nothing saved
    dialog.edt_documents.setPlainText("Fotokopi KTP-el\nFotokopi KK\n")
    dialog.spn_days.setValue(15)

    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    email_error = dialog.error_for("email")
    qtbot.waitUntil(email_error.isVisible, timeout=10_000)
    assert "email" in email_error.text().lower() and dialog.isVisible() and dialog.btn_save.isEnabled()
    assert scalar(district.path, "SELECT COUNT(*) FROM service_directory_entry WHERE code = 'DINSOS-RUTILAHU'") == 0

    dialog.edt_email.setText("dinsos@semarangkab.go.id")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)

    assert query(district.path, "SELECT service_name, organization_kind, phone, email, response_days, "
                                "required_documents, last_checked_on, active FROM service_directory_entry "
                                "WHERE code = 'DINSOS-RUTILAHU'") == [
        ("Bantuan Rumah Tidak Layak Huni", "pemda", "(024) 6921234", "dinsos@semarangkab.go.id", 15,
         '["Fotokopi KTP-el", "Fotokopi KK"]', "2026-11-23", 1)]
    assert tab.selected_entry() is not None and tab.selected_entry().code == "DINSOS-RUTILAHU"
    assert tab.dialog is None


def test_marking_checked_and_the_stale_filter(qtbot: Any, district: SiteFixture) -> None:
    tab = loaded_tab(qtbot, district.cli)
    stale_before = tab.page.stale_count
    assert stale_before == tab.page.total > 0
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.chk_stale.setChecked(True)
    assert tab.model.rowCount() == stale_before
    assert all(tab.model.flag_text(e).startswith("Perlu dicek") for e in tab.model.rows())
    tab.tbl_services.selectRow(0)
    chosen = tab.selected_entry()
    assert chosen is not None and tab.btn_check.isEnabled()

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.btn_check, Qt.MouseButton.LeftButton)

    assert scalar(district.path, "SELECT last_checked_on FROM service_directory_entry WHERE id = ?",
                  (chosen.id,)) == "2026-11-23"
    assert tab.page.stale_count == stale_before - 1
    assert tab.lbl_stale.text() == f"{stale_before - 1} layanan perlu dicek"
    assert chosen.code not in {e.code for e in tab.model.rows()}  # only entries that need a check are shown
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.chk_stale.setChecked(False)
    assert tab.select_code(chosen.code) and tab.selected_entry().last_checked_on == TODAY


def test_a_village_reads_the_directory_without_the_buttons(qtbot: Any, desk: SiteFixture) -> None:
    koordinator = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor
    tab = loaded_tab(qtbot, ServiceContext(desk.db, koordinator))
    assert tab.model.rowCount() > 0 and not tab.page.editable
    assert not any(b.isVisible() for b in (tab.btn_add, tab.btn_edit, tab.btn_check, tab.btn_toggle))
    with qtbot.assertNotEmitted(tab.dialog_opened):
        tab.tbl_services.doubleClicked.emit(tab.proxy.index(0, 0))


def test_edit_then_deactivate_and_reactivate(qtbot: Any, district: SiteFixture, monkeypatch: Any) -> None:
    tab = loaded_tab(qtbot, district.cli)
    tab.tbl_services.selectRow(0)
    entry = tab.selected_entry()
    assert entry is not None and entry.is_example
    with qtbot.waitSignal(tab.dialog_opened, timeout=5_000) as opened:
        qtbot.mouseClick(tab.btn_edit, Qt.MouseButton.LeftButton)
    dialog: ServiceEntryDialog = opened.args[0]
    assert dialog.edt_code.isReadOnly() and dialog.edt_name.text() == entry.draft.service_name
    dialog.edt_hours.setText("Senin–Jumat 08.00–15.00")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert query(district.path, "SELECT hours, is_example, last_checked_on, row_version FROM service_directory_entry "
                                "WHERE id = ?", (entry.id,)) == [("Senin–Jumat 08.00–15.00", 0, "2026-11-23",
                                                                  entry.row_version + 1)]

    monkeypatch.setattr("puskesos_desk.ui.pages.kabupaten_directory_tab.QMessageBox.question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.chk_inactive.setChecked(True)
    assert tab.select_code(entry.code) and tab.btn_toggle.text() == "Nonaktifkan"
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.btn_toggle, Qt.MouseButton.LeftButton)
    assert scalar(district.path, "SELECT active FROM service_directory_entry WHERE id = ?", (entry.id,)) == 0
    assert tab.selected_entry().code == entry.code and tab.btn_toggle.text() == "Aktifkan"
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.btn_toggle, Qt.MouseButton.LeftButton)
    assert scalar(district.path, "SELECT active FROM service_directory_entry WHERE id = ?", (entry.id,)) == 1
