"""Kabupaten → Data desa driven as an officer: choose the kind and the filters, read the rows and the count, walk
the pages, open a household by double-click, and see the refusal at a village site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox

from puskesos_desk.domain.consolidated import RecordKind
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages import kabupaten_data_tab
from puskesos_desk.ui.pages.kabupaten_data_tab import KabupatenDataTab
from tests.services.consolidated_rows import GENUK, GETASAN, District, build_district, open_copy


@pytest.fixture(scope="module")
def template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, District]:
    path = tmp_path_factory.mktemp("kabupaten-data-tab") / "district.db"
    return path, build_district(seeded_template, path)


@pytest.fixture
def tab(template: tuple[Path, District], tmp_path: Path, qtbot: Any) -> Iterator[tuple[KabupatenDataTab, District]]:
    site = open_copy(template[0], tmp_path / "district.db")
    widget = KabupatenDataTab(site.cli)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget, template[1]
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    site.db.dispose()


def choose(qtbot: Any, widget: KabupatenDataTab, combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, f"{code} not offered in {combo.objectName()}"
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        combo.setCurrentIndex(index)


def shown(widget: KabupatenDataTab, written: District) -> set[str]:
    names = {row_id: name for name, row_id in written.ids.items()}
    return {names[widget.proxy.index(r, 0).data(ROW_ROLE).id] for r in range(widget.proxy.rowCount())}


def test_kind_and_filters_narrow_the_table_and_the_count(tab: tuple[KabupatenDataTab, District], qtbot: Any) -> None:
    widget, written = tab
    assert widget.lbl_count.text() == "6 data · baris 1–6"
    assert widget.model.headerData(0, Qt.Orientation.Horizontal) == "Desa/Kelurahan"
    assert not widget.cmb_urgency.isEnabled() and widget.cmb_category.isEnabled()

    choose(qtbot, widget, widget.cmb_kind, RecordKind.COMPLAINTS.value)
    assert shown(widget, written) == {"cA1", "cB1", "cC1"}
    assert widget.cmb_urgency.isEnabled() and widget.cmb_status.findData("DITANGANI") > 0

    choose(qtbot, widget, widget.cmb_kecamatan, GETASAN)
    assert shown(widget, written) == {"cA1", "cB1"}
    choose(qtbot, widget, widget.cmb_urgency, "DARURAT")
    assert shown(widget, written) == {"cA1"}
    assert widget.lbl_count.text() == "1 data · baris 1–1"
    assert widget.proxy.index(0, 0).data() == "Sumogawe"

    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.btn_reset.click()
    assert widget.lbl_count.text() == "3 data · baris 1–3"


def test_period_and_status_for_referrals(tab: tuple[KabupatenDataTab, District], qtbot: Any) -> None:
    widget, written = tab
    choose(qtbot, widget, widget.cmb_kind, RecordKind.REFERRALS.value)
    assert shown(widget, written) == {"rA1", "rB1", "rC1"}
    assert widget.dte_from.text() == "semua waktu"
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.dte_from.setDate(QDate(2026, 3, 1))
    assert shown(widget, written) == {"rB1", "rC1"}
    choose(qtbot, widget, widget.cmb_status, "SELESAI")
    assert shown(widget, written) == {"rC1"}
    assert widget.proxy.index(0, 0).data() == "Genuk"


def test_pages_and_double_click(tab: tuple[KabupatenDataTab, District], qtbot: Any,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    widget, written = tab
    monkeypatch.setattr(kabupaten_data_tab, "PAGE_SIZE", 4)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.refresh()
    assert widget.lbl_count.text() == "6 data · baris 1–4"
    assert widget.btn_next.isEnabled() and not widget.btn_previous.isEnabled()
    first = shown(widget, written)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.btn_next.click()
    assert widget.lbl_count.text() == "6 data · baris 5–6"
    assert not widget.btn_next.isEnabled() and widget.btn_previous.isEnabled()
    assert len(first | shown(widget, written)) == 6

    choose(qtbot, widget, widget.cmb_village, GENUK)
    with qtbot.waitSignal(widget.household_requested, timeout=2_000) as blocker:
        widget.tbl_records.doubleClicked.emit(widget.proxy.index(0, 1))
    assert blocker.args == [written.ids["hC1"]]


def test_refused_at_a_village_site(desk: Any, qtbot: Any) -> None:
    widget = KabupatenDataTab(desk.cli)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    assert "kabupaten/kota" in widget.lbl_count.text()
    assert widget.model.rowCount() == 0
