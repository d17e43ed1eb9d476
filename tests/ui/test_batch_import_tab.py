"""Tab Terima with several packages at once and tab Desa, at the district of the `linked` village and district:
multi-select and a folder through the (monkeypatched) file dialogs, one check over all, Terapkan semua, Batal
between packages, and the villages with their gaps. Real widgets, real SQLite files, real workers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from puskesos_desk.domain.exchange_batch import NOT_RUN
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.models.villages_model import GAP_BACKGROUND, VillagesTableModel
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.pertukaran_page import PertukaranPage
from puskesos_desk.ui.widgets.progress_task import TaskSink
from tests.cli._helpers import query, scalar
from tests.exchange.conftest import (  # noqa: F401 (the `linked` fixture and those it uses)
    Linked,
    district_location,
    district_template,
    linked,
    village_location,
    village_template,
)
from tests.exchange.test_batch_import import three_packages
from tests.spreadsheet import hostile

WAIT_MS = 60_000
pytestmark = pytest.mark.timeout(300)


@pytest.fixture(autouse=True)
def _ops_finished(qtbot: Any) -> Iterator[None]:
    yield
    assert wait_for_ops(WAIT_MS), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)


def open_page(qtbot: Any, site: Any) -> PertukaranPage:
    page = PertukaranPage(site.cli, get_site_info(site.db))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def incoming(path: Path) -> list[int]:
    return [seq for (seq,) in query(path, "SELECT sequence FROM exchange_package WHERE direction = 'MASUK' "
                                          "ORDER BY sequence")]


def test_several_files_are_checked_together_then_applied_together(
        qtbot: Any, linked: Linked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    packages = three_packages(linked.village, tmp_path / "kirim")
    garbage = hostile.random_bytes(tmp_path / "kirim" / "rusak.xlsx")
    chosen = [str(p) for p in (packages[2], garbage, packages[0], packages[1])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (chosen, "Buku kerja Excel (*.xlsx)"))
    page = open_page(qtbot, linked.district)
    page.show_import()
    tab = page.tab_import

    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_choose.click()

    assert tab.batch is not None and tab.batch.dry_run
    assert incoming(linked.district.path) == []  # the check changed nothing
    assert tab.tbl_packages.isVisible() and tab.batch_model.rowCount() == 4
    files = [tab.batch_model.record(r).path.name for r in range(4)]
    assert files == ["c-pertama.xlsx", "b-kedua.xlsx", "a-ketiga.xlsx", "rusak.xlsx"]  # by sequence, then the rest
    assert "3 dapat diterapkan" in tab.lbl_status.text() and "1 ditolak" in tab.lbl_status.text()
    assert tab.batch_model.index(3, tab.batch_model.COL_STATUS).data() == "ditolak"
    assert any(m.sheet == "rusak.xlsx" for m in tab.model.rows())  # the combined messages name their file
    assert tab.btn_apply.text() == "Terapkan semua" and tab.btn_apply.isEnabled()

    with qtbot.waitSignal(page.changed, timeout=WAIT_MS), qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_apply.click()

    assert [e.status for e in tab.batch.entries] == ["applied", "applied", "applied", "rejected"]
    assert "3 dari 4 berkas diterapkan" in tab.lbl_status.text()
    assert incoming(linked.district.path) == [1, 2, 3]
    assert not tab.btn_apply.isEnabled()


def test_a_folder_is_chosen_and_batal_stops_between_packages(qtbot: Any, linked: Linked, tmp_path: Path,  # noqa: F811
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "flashdisk"
    three_packages(linked.village, stick)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    page = open_page(qtbot, linked.district)
    page.show_import()
    tab = page.tab_import
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_folder.click()
    assert tab.batch is not None and tab.batch.count(ImportStatus.WOULD_APPLY) == 3

    # Batal as soon as the second package starts (pressed from the worker's own report, so no timing is involved):
    # the first stays applied, the others are not touched.
    start = tab.task.start

    def start_with_batal_at_second(title: str) -> TaskSink:
        sink = start(title)
        report = sink.progress

        def progress(done: int, total: int, label: str) -> None:
            report(done, total, label)
            if "(2/3) — " in label:
                sink.cancel()

        sink.progress = progress  # type: ignore[method-assign]
        return sink

    monkeypatch.setattr(tab.task, "start", start_with_batal_at_second)
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_apply.click()

    assert [e.status for e in tab.batch.entries] == ["applied", NOT_RUN, NOT_RUN]
    assert incoming(linked.district.path) == [1]
    assert "tetap diterapkan" in tab.lbl_notice.text()
    assert tab.batch_model.index(1, tab.batch_model.COL_STATUS).data() == "tidak diproses (dibatalkan)"
    assert "1 dari 3 berkas diterapkan" in tab.lbl_status.text() and "2 berkas tidak diproses" in tab.lbl_status.text()


def test_the_desa_tab_lists_villages_with_their_gaps_highlighted(
        qtbot: Any, linked: Linked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    packages = three_packages(linked.village, tmp_path / "kirim")
    chosen = [str(packages[0]), str(packages[2])]  # package 2 stays behind
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (chosen, ""))
    page = open_page(qtbot, linked.district)
    assert page.tab_villages is not None
    page.show_import()
    tab = page.tab_import
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_choose.click()
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_apply.click()
    assert any("Paket ke-2 dari" in m.message for m in tab.model.rows())

    villages = page.tab_villages
    with qtbot.waitSignal(villages.loaded, timeout=WAIT_MS):
        page.show_villages()
    model = villages.model
    assert model.rowCount() == 1
    row = model.record(0)
    assert (row.code, row.last_sequence, row.packages_received, row.missing) == (
        linked.village.cli.actor.site_code, 3, 2, (2,))
    assert model.index(0, VillagesTableModel.COL_GAPS).data() == "paket ke-2 belum diterima"
    assert model.index(0, VillagesTableModel.COL_NAME).data(Qt.ItemDataRole.BackgroundRole).color() == GAP_BACKGROUND
    assert "1 dengan paket yang belum diterima" in villages.lbl_summary.text()
    assert scalar(linked.district.path, "SELECT count(*) FROM exchange_package WHERE direction = 'MASUK'") == 2


def test_a_village_site_has_no_desa_tab(qtbot: Any, linked: Linked) -> None:  # noqa: F811
    page = open_page(qtbot, linked.village)
    assert page.tab_villages is None
    assert [page.tab_sections.tabText(i) for i in range(page.tab_sections.count())][-1] == "Data DTSEN"
