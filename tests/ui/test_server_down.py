"""The server goes down while a form is open: the save fails with the translated DatabaseProblem, the dialog stays
open with everything typed and says why, and Simpan again after the server is back saves it once."""

# ruff: noqa: F811 (the page and household fixtures are imported from the page tests)

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk.domain.errors import DatabaseProblem
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.pages import household_page, search_page
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.pages.search_page import SearchPage
from tests.ui.test_household_page import CTRL, dialog_of, household, page, query, save  # noqa: F401
from tests.ui.test_registration_dialog import FOUR, Keys, open_dialog, type_household, type_member
from tests.ui.test_search_page import fo_context

SERVER_DOWN = ("Server basis data tidak dapat dihubungi (puskesos@192.168.1.10:5432/puskesos). Periksa jaringan dan "
               "server.")


def server_down(calls: list[str]) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        calls.append("called")
        raise DatabaseProblem(SERVER_DOWN)

    return fail


def test_complaint_form_survives_a_server_outage(qtbot: Any, desk: Any, page: HouseholdPage,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.keyClick(page, Qt.Key.Key_L, CTRL)
    complaint = dialog_of(qtbot, page, ComplaintDialog)
    complaint.cmb_category.setFocus()
    qtbot.keyClicks(complaint.cmb_category, "Pendidikan")
    qtbot.keyClicks(complaint.edt_description, "Anak belum menerima PIP")
    calls: list[str] = []
    real = household_page.record_complaint
    monkeypatch.setattr(household_page, "record_complaint", server_down(calls))

    qtbot.keyClick(complaint, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: complaint.lbl_error.isVisible(), timeout=10_000)

    assert calls == ["called"]
    assert complaint.lbl_error.text() == SERVER_DOWN
    assert page.active_dialog is complaint and complaint.isVisible(), "the dialog stays open"
    assert complaint.edt_description.toPlainText() == "Anak belum menerima PIP"
    assert complaint.cmb_category.currentText().startswith("Pendidikan")
    assert complaint.btn_save.isEnabled(), "Simpan can be pressed again"
    assert query(desk.path, "SELECT count(*) FROM complaint") == [(0,)]

    monkeypatch.setattr(household_page, "record_complaint", real)  # the server is back
    save(qtbot, page, complaint)
    assert query(desk.path, "SELECT description FROM complaint") == [("Anak belum menerima PIP",)]


@pytest.fixture
def search(desk: Any, qtbot: Any) -> SearchPage:
    widget = SearchPage(fo_context(desk.db))
    qtbot.addWidget(widget)
    widget.resize(1150, 680)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.focus_search()
    return widget


def test_registration_form_survives_a_server_outage(qtbot: Any, desk: Any, search: SearchPage,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    keys = Keys(qtbot)
    dialog = open_dialog(search, qtbot, keys)
    type_household(keys, dialog)
    for nik, name in FOUR[:2]:
        type_member(keys, dialog, nik, name)
    calls: list[str] = []
    warnings: list[str] = []
    real = search_page.register_household
    monkeypatch.setattr(search_page, "register_household", server_down(calls))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))

    keys.press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)

    assert calls == ["called"]
    assert warnings == [SERVER_DOWN]
    assert dialog.isVisible() and search.registration_dialog is dialog, "the dialog stays open"
    assert [m.name for m in dialog.model.rows()] == ["Slamet Riyadi", "Siti Aminah"]
    assert dialog.household.values()["address"] == "Dusun Krajan"
    assert dialog.btn_save.isEnabled() and not dialog.saving
    assert "perbaiki isian" not in dialog.lbl_status.text(), "nothing typed is wrong: the server was away"
    assert query(desk.path, "SELECT count(*) FROM household") == [(0,)]

    monkeypatch.setattr(search_page, "register_household", real)  # the server is back
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_record is not None, timeout=10_000)
    assert query(desk.path, "SELECT count(*) FROM household") == [(1,)]
    assert query(desk.path, "SELECT count(*) FROM person") == [(2,)]
