"""Kirim → "Kirim ke semua desa…" at a district, driven like an officer would: choose a folder, the packages are
written off the GUI thread, and a table lists each village's file or why it failed. Village sites have no button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backends import DbLocation
from conftest import SITE_CODE, SiteFixture

from puskesos_desk.services.exchange_queries import recent_packages
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import trusted_village
from tests.exchange.test_pertukaran_page import WAIT_MS, _gui, open_page  # noqa: F401 (_gui is an autouse fixture)

SECOND_CODE = "33.22.01.2008"


@pytest.fixture
def second_village(linked: Linked, seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with trusted_village(seeded_location, linked.district, tmp_path / "village2.db", SECOND_CODE,
                         "Puskesos Desa Kedua") as site:
        yield site


def test_district_sends_every_village_its_package_and_sees_the_summary(qtbot: Any, linked: Linked,
                                                                       second_village: SiteFixture,
                                                                       tmp_path: Path) -> None:
    page = open_page(qtbot, linked.district)
    panel = page.tab_export.pnl_all
    assert panel is not None
    qtbot.waitUntil(panel.btn_export_all.isEnabled, timeout=WAIT_MS)
    folder = tmp_path / "balasan"
    folder.mkdir()
    (folder / f"{SECOND_CODE}-paket-1.xlsx").write_bytes(b"not a package")  # this village's package must fail
    panel.choose_folder = lambda _suggested: str(folder)

    with qtbot.waitSignal(page.tab_export.exported, timeout=WAIT_MS) as exported:
        panel.btn_export_all.click()

    outcome = exported.args[0]
    assert [p.village for p in outcome.packages] == [SITE_CODE]
    assert [f.village for f in outcome.failed] == [SECOND_CODE]
    assert (folder / f"{SITE_CODE}-paket-1.xlsx").is_file()
    assert "1 paket dibuat" in panel.lbl_summary.text() and "1 desa gagal" in panel.lbl_summary.text()
    table = panel.tbl_packages
    assert table.rowCount() == 2
    assert table.item(0, panel.COL_FILE).text() == f"{SITE_CODE}-paket-1.xlsx"
    assert table.item(1, panel.COL_NOTE).text().startswith("Gagal: Berkas")
    assert [e.receiver for e in recent_packages(linked.district.cli)] == [SITE_CODE]
    assert panel.btn_export_all.isEnabled()
    opened: list[Path] = []
    panel.open_folder = opened.append
    panel.btn_open_folder.click()
    assert opened == [folder]


def test_the_progress_bar_counts_villages(qtbot: Any, linked: Linked) -> None:
    page = open_page(qtbot, linked.district)
    panel = page.tab_export.pnl_all
    assert panel is not None
    panel.task.start("Membuat paket untuk semua desa").progress(1, 3, "Puskesos Desa Sumogawe")
    qtbot.waitUntil(lambda: panel.task.bar.format() == "%v dari %m desa", timeout=WAIT_MS)
    assert (panel.task.bar.value(), panel.task.bar.maximum()) == (1, 3)
    panel.task.finish()


def test_a_village_has_no_send_to_all_button(qtbot: Any, linked: Linked) -> None:
    page = open_page(qtbot, linked.village)
    assert page.tab_export.pnl_all is None
