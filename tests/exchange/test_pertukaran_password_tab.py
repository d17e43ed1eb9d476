"""Kirim → "Lindungi dengan kata sandi" driven like an officer would: the password fields are checked before the save
dialog, the package is written encrypted and the result says to give the password by another channel; a district
that requires protection shows the box ticked and locked; at Terima, Batal on the password question leaves
nothing behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from backends import scalar

from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_protection import set_password_required
from puskesos_desk.spreadsheet.decrypt import OLE_MAGIC
from tests.exchange.conftest import Linked
from tests.exchange.test_pertukaran_page import WAIT_MS, _gui, check, open_page  # noqa: F401 (the GUI fixture)
from tests.spreadsheet import hostile

PASSWORD = "Kebun-Jati-Tujuh-7"
SCREENSHOT_DIR = os.environ.get("PUSKESOS_SCREENSHOT_DIR")  # set to look at the tab as a PNG


def ledger_count(site: Any) -> int:
    return int(scalar(site, "SELECT count(*) FROM exchange_package"))


def test_a_village_protects_its_package_with_a_password(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    page = open_page(qtbot, linked.village)
    tab = page.tab_export
    qtbot.waitUntil(tab.btn_export.isEnabled, timeout=WAIT_MS)
    box = tab.box_password
    assert not box.edt_password.isEnabled() and box.chk_protect.isEnabled()
    dialogs: list[Path] = []
    target = tmp_path / "paket.xlsx"
    tab.choose_save_path = lambda suggested: dialogs.append(suggested) or str(target)

    box.chk_protect.setChecked(True)
    assert box.edt_password.isEnabled() and box.edt_password.echoMode() == box.edt_password.EchoMode.Password
    box.edt_password.setText(PASSWORD)
    box.edt_repeat.setText(PASSWORD + "x")
    tab.btn_export.click()
    assert "tidak sama" in tab.lbl_notice.text() and tab.lbl_notice.isVisible()
    assert dialogs == [] and not target.exists()  # refused before the save dialog

    box.edt_repeat.setText(PASSWORD)
    with qtbot.waitSignal(tab.exported, timeout=WAIT_MS):
        tab.btn_export.click()

    assert target.read_bytes()[:8] == OLE_MAGIC
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".partial")) == ["paket.xlsx"]
    assert tab.lbl_result_password.isVisible() and "telepon" in tab.lbl_result_password.text()
    assert box.edt_password.text() == "" and box.edt_repeat.text() == ""
    if SCREENSHOT_DIR:
        page.resize(1366, 768)
        tab.grab().save(str(Path(SCREENSHOT_DIR) / "kirim-kata-sandi-desa.png"))
    outcome = import_package(linked.district.cli, target, password=PASSWORD)
    assert outcome.status is ImportStatus.APPLIED


def test_a_district_that_requires_a_password_locks_the_box_on(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    set_password_required(linked.district.cli, required=True)
    page = open_page(qtbot, linked.district)
    tab = page.tab_export
    qtbot.waitUntil(tab.btn_export.isEnabled, timeout=WAIT_MS)
    box = tab.box_password
    qtbot.waitUntil(lambda: not box.chk_protect.isEnabled(), timeout=WAIT_MS)
    assert box.chk_protect.isChecked() and "diwajibkan" in box.chk_protect.text()
    tab.choose_save_path = lambda _suggested: pytest.fail("the save dialog opened without a password")

    tab.btn_export.click()

    assert "minimal 8 karakter" in tab.lbl_notice.text()
    panel = tab.pnl_all
    assert panel is not None
    panel.choose_folder = lambda _suggested: pytest.fail("the folder dialog opened without a password")
    panel.btn_export_all.click()
    assert "minimal 8 karakter" in panel.lbl_summary.text()
    if SCREENSHOT_DIR:
        page.resize(1366, 768)
        page.grab().save(str(Path(SCREENSHOT_DIR) / "kirim-kata-sandi-kabupaten.png"))
    assert ledger_count(linked.district) == 0


def test_cancelling_the_password_question_imports_nothing(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    package = export_package(linked.village.cli, tmp_path / "paket.xlsx").path
    sealed = hostile.encrypted(package, tmp_path / "terkunci.xlsx", PASSWORD)
    page = open_page(qtbot, linked.district)
    asked: list[bool] = []
    answers = iter(["salah-ketik-1", None])  # a wrong password, then Batal

    def ask(retry: bool) -> str | None:
        asked.append(retry)
        return next(answers)

    page.tab_import.ask_password = ask
    check(qtbot, page, sealed)
    qtbot.waitUntil(lambda: page.tab_import.outcome is not None, timeout=WAIT_MS)

    assert asked == [False, True]  # asked again, saying the password was wrong
    outcome = page.tab_import.outcome
    assert outcome.status is ImportStatus.REJECTED and outcome.messages[0].code == "BAD_PASSWORD"
    assert not page.tab_import.btn_apply.isEnabled()
    assert ledger_count(linked.district) == 0
