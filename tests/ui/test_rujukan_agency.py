"""Rujukan → "Hasil dari instansi" driven as a user: save the sheet for an agency, import an answered sheet (a dry run
that lists the problems, nothing applied), fix it, check again, and apply."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from puskesos_desk.domain import agency_workbook as aw
from puskesos_desk.domain.agency_workbook import AgencyImportStatus
from puskesos_desk.domain.enums import ReferralOutcome, ReferralStatus
from puskesos_desk.services.referral_queries import find_referral, list_referrals
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages import rujukan_agency_tab
from puskesos_desk.ui.pages.rujukan_agency_tab import AgencyServicesDialog
from puskesos_desk.ui.pages.rujukan_page import RujukanPage
from tests.exchange import conftest as exchange_sites
from tests.exchange.conftest import Linked
from tests.exchange.workbooks import header_index

# Desa Sumogawe with a demo year: some slips are sent and wait for the agencies' answers.
village_template = exchange_sites.village_template
district_template = exchange_sites.district_template
linked = exchange_sites.linked
village_location = exchange_sites.village_location
district_location = exchange_sites.district_location


@pytest.fixture
def page(linked: Linked, qtbot: Any) -> Iterator[RujukanPage]:
    widget = RujukanPage(linked.village.cli)
    qtbot.addWidget(widget)
    widget.show()
    widget.tab_sections.setCurrentIndex(RujukanPage.TAB_AGENCY)
    yield widget
    assert wait_for_ops(10_000), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)


def _answer(source: Path, target: Path, values: dict[str, object]) -> Path:
    workbook = openpyxl.load_workbook(source)
    sheet = workbook[aw.DATA_SHEET]
    columns = header_index(sheet)
    for header, value in values.items():
        sheet.cell(row=2, column=columns[header]).value = value
    workbook.save(target)
    workbook.close()
    return target


def test_save_a_sheet_then_check_fix_and_apply_the_agencys_answers(page: RujukanPage, linked: Linked, qtbot: Any,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    tab = page.tab_agency
    assert page.tab_sections.tabText(RujukanPage.TAB_AGENCY) == "Hasil dari instansi"
    waiting = list_referrals(linked.village.cli, statuses=aw.WAITING_STATUSES)  # sent, with or without news
    saved_to = tmp_path / "lembar-instansi"  # without the extension: the tab adds it
    monkeypatch.setattr(AgencyServicesDialog, "exec", lambda self: 1)  # OK with nothing ticked: every service
    monkeypatch.setattr(rujukan_agency_tab.QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved_to), ""))

    with qtbot.waitSignal(tab.template_written, timeout=30_000) as written:
        qtbot.mouseClick(tab.btn_template, Qt.MouseButton.LeftButton)

    template = written.args[0]
    assert template.path == tmp_path / "lembar-instansi.xlsx" and template.path.is_file()
    assert template.rows == len(waiting) and "lembar-instansi.xlsx" in tab.lbl_summary.text()
    number = str(openpyxl.load_workbook(template.path, read_only=True)[aw.DATA_SHEET]["A2"].value)
    today = linked.village.cli.today()
    before = find_referral(linked.village.cli, number).status

    wrong = _answer(template.path, tmp_path / "salah.xlsx", {aw.H_STATUS: "SELESAI", aw.H_ACTED_ON: today})
    monkeypatch.setattr(rujukan_agency_tab.QFileDialog, "getOpenFileName", lambda *a, **k: (str(wrong), ""))
    with qtbot.waitSignal(tab.import_checked, timeout=30_000) as checked:
        qtbot.mouseClick(tab.btn_import, Qt.MouseButton.LeftButton)
    assert checked.args[0].status is AgencyImportStatus.REJECTED
    assert not tab.btn_apply.isEnabled() and "ditolak" in tab.lbl_summary.text()
    assert tab.tbl_messages.rowCount() == 1
    assert (tab.tbl_messages.item(0, 0).text(), tab.tbl_messages.item(0, 1).text()) == ("2", aw.H_OUTCOME)
    assert find_referral(linked.village.cli, number).status is before

    fixed = _answer(wrong, tmp_path / "benar.xlsx", {aw.H_OUTCOME: "TERLAYANI_PENUH"})
    monkeypatch.setattr(rujukan_agency_tab.QFileDialog, "getOpenFileName", lambda *a, **k: (str(fixed), ""))
    with qtbot.waitSignal(tab.import_checked, timeout=30_000) as checked:
        qtbot.mouseClick(tab.btn_import, Qt.MouseButton.LeftButton)
    assert checked.args[0].status is AgencyImportStatus.WOULD_APPLY
    assert tab.btn_apply.isEnabled() and tab.tbl_messages.rowCount() == 0
    assert find_referral(linked.village.cli, number).status is before  # only checked so far

    with qtbot.waitSignals([tab.import_checked, page.changed], timeout=30_000):
        qtbot.mouseClick(tab.btn_apply, Qt.MouseButton.LeftButton)
    record = find_referral(linked.village.cli, number)
    assert record.status is ReferralStatus.SELESAI and record.outcome is ReferralOutcome.TERLAYANI_PENUH
    assert not tab.btn_apply.isEnabled() and "dicatat (dicatat 1" in tab.lbl_summary.text()


def test_cancelling_the_service_choice_writes_nothing(page: RujukanPage, qtbot: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tab = page.tab_agency
    asked: list[int] = []  # services offered; the dialog itself is deleted once closed
    monkeypatch.setattr(AgencyServicesDialog, "exec", lambda self: asked.append(self.lst_services.count()) or 0)
    monkeypatch.setattr(rujukan_agency_tab.QFileDialog, "getSaveFileName",
                        lambda *a, **k: pytest.fail("no file is asked for after cancelling"))
    qtbot.mouseClick(tab.btn_template, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0] > 0
    assert list(tmp_path.glob("*.xlsx")) == []
