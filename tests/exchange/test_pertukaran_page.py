"""The Pertukaran Data page driven like an officer would: a village sends a package from tab Kirim, the district
checks it and applies it in tab Terima, and tab Riwayat & Konflik shows the ledger and what waits for a decision.
Real widgets, real databases (the `linked` village and district on the backend under test), real workers; dialogs
are the page's hooks."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backends import HasLocation, rows, scalar
from PySide6.QtWidgets import QApplication

from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_queries import recent_packages, waiting_rows
from puskesos_desk.services.site import get_site_info
from puskesos_desk.spreadsheet.errors import MESSAGES
from puskesos_desk.ui.i18n import install_translators
from puskesos_desk.ui.main_window import AREA_PERTUKARAN, MainWindow
from puskesos_desk.ui.models.exchange_history_model import PackagesTableModel
from puskesos_desk.ui.ops import pending_ops, wait_for_ops, write_pool
from puskesos_desk.ui.pages.pertukaran_page import PertukaranPage
from puskesos_desk.ui.style import apply_style
from tests.exchange.conftest import DEMO_HOUSEHOLDS, Linked
from tests.exchange.workbooks import find_row, rows_of, set_cells
from tests.spreadsheet import hostile

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def _gui(qapp: QApplication, qtbot: Any) -> Iterator[None]:
    """As tests/ui/conftest.py does for GUI tests: the real style, Bahasa Indonesia, the cyclic collector only on
    the GUI thread, and every worker finished before the databases are disposed."""
    apply_style(qapp)
    install_translators(qapp, "id")
    gc.collect()
    gc.disable()
    try:
        yield
        assert wait_for_ops(WAIT_MS), "background ops still running at the end of the test"
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    finally:
        gc.enable()
        gc.collect()


def open_page(qtbot: Any, site: Any) -> PertukaranPage:
    page = PertukaranPage(site.cli, get_site_info(site.db))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def bump(site: HasLocation, table: str, record_id: str, **values: object) -> None:
    """A change made at one site: new values and the next row version."""
    assignments = ", ".join(f"{column} = ?" for column in values)
    rows(site, f"UPDATE {table} SET {assignments}, row_version = row_version + 1 WHERE id = ?",
         *values.values(), record_id)


def households(site: HasLocation) -> int:
    return int(scalar(site, "SELECT COUNT(*) FROM household"))  # type: ignore[arg-type]


class BlockedWrites:
    """Holds the single write worker busy, so an op queued behind it has not started yet (no timing involved)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def __enter__(self) -> BlockedWrites:
        def hold() -> None:
            self.started.set()
            self.release.wait(WAIT_MS / 1000)

        write_pool().start(hold)
        assert self.started.wait(WAIT_MS / 1000)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()


def check(qtbot: Any, page: PertukaranPage, path: Path) -> None:
    """Choose `path` in tab Terima and wait for the dry run."""
    page.show_import()
    tab = page.tab_import
    tab.choose_open_path = lambda: str(path)
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_choose.click()


def apply(qtbot: Any, page: PertukaranPage) -> None:
    tab = page.tab_import
    assert tab.btn_apply.isEnabled()
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_apply.click()


# --- Kirim ------------------------------------------------------------------------------------------------------


def test_village_export_writes_a_package_and_the_ledger_shows_it(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    page = open_page(qtbot, linked.village)
    tab = page.tab_export
    qtbot.waitUntil(tab.btn_export.isEnabled, timeout=WAIT_MS)
    assert "Sekretariat SLRT Kabupaten Semarang (33.22)" in tab.lbl_receiver.text()
    suggested: list[Path] = []
    target = tmp_path / "kirim" / "paket-bulan-ini"
    target.parent.mkdir()

    def choose(path: Path) -> str:
        suggested.append(path)
        return str(target)

    tab.choose_save_path = choose
    tab.edt_purpose.setText("Laporan bulanan")
    with qtbot.waitSignal(tab.exported, timeout=WAIT_MS) as exported:
        tab.btn_export.click()

    outcome = exported.args[0]
    written = target.with_name("paket-bulan-ini.xlsx")
    assert outcome.path == written and written.is_file()
    assert suggested[0].name.startswith("paket-33.22.01.2007-ke-33.22-") and suggested[0].suffix == ".xlsx"
    assert len(rows_of(written, "Rumah Tangga")) == DEMO_HOUSEHOLDS
    assert tab.frm_result.isVisible()
    assert outcome.sha256 in tab.lbl_result_hash.text()
    assert "Paket ke-1" in tab.lbl_result_title.text()
    assert "Rumah Tangga 40" in tab.lbl_result_rows.text()
    ledger = recent_packages(linked.village.cli)
    assert [(e.direction, e.file_name, e.sequence) for e in ledger] == [("KELUAR", written.name, 1)]
    opened: list[Path] = []
    tab.open_folder = opened.append
    tab.btn_open_folder.click()
    assert opened == [written.parent]

    page.show_history()
    history = page.tab_history
    qtbot.waitUntil(lambda: history.packages_model.rowCount() == 1, timeout=WAIT_MS)
    model = history.packages_model
    assert model.index(0, PackagesTableModel.COL_DIRECTION).data() == "Keluar"
    assert model.index(0, PackagesTableModel.COL_FILE).data() == written.name
    assert model.index(0, PackagesTableModel.COL_STATUS).data() == "Dibuat"


def test_cancelling_an_export_leaves_no_file_and_no_ledger_entry(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    page = open_page(qtbot, linked.village)
    tab = page.tab_export
    qtbot.waitUntil(tab.btn_export.isEnabled, timeout=WAIT_MS)
    folder = tmp_path / "batal"
    folder.mkdir()
    tab.choose_save_path = lambda _suggested: str(folder / "paket.xlsx")
    with BlockedWrites():
        tab.btn_export.click()  # queued behind the blocker: Batal is pressed before the export reads a row
        assert tab.task.isVisible() and not tab.btn_export.isEnabled()
        tab.task.btn_cancel.click()
        assert not tab.task.btn_cancel.isEnabled()
    qtbot.waitUntil(lambda: not tab.task.is_running(), timeout=WAIT_MS)

    assert tab.outcome is None
    assert "dibatalkan" in tab.lbl_notice.text()
    assert list(folder.iterdir()) == []
    assert recent_packages(linked.village.cli) == []
    assert tab.btn_export.isEnabled()


# --- Terima -----------------------------------------------------------------------------------------------------


def test_district_checks_applies_and_recognises_a_package_again(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    package = export_package(linked.village.cli, tmp_path / "paket.xlsx").path
    page = open_page(qtbot, linked.district)
    tab = page.tab_import

    check(qtbot, page, package)
    assert tab.outcome is not None and tab.outcome.status is ImportStatus.WOULD_APPLY
    assert households(linked.district) == 0  # a dry run changes nothing
    new_rows = tab.outcome.rows[RowClass.NEW]
    assert f"{new_rows} baru" in tab.lbl_counts.text()
    assert "dapat diterapkan" in tab.lbl_status.text()
    assert not tab.chk_accept_edits.isEnabled()  # nothing was edited outside the application
    report = tmp_path / "laporan.xlsx"
    tab.choose_save_path = lambda _suggested: str(report)
    with qtbot.waitSignal(tab.task_finished, timeout=WAIT_MS):
        tab.btn_report.click()
    assert report.is_file() and str(report) in tab.lbl_notice.text()
    assert households(linked.district) == 0

    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        apply(qtbot, page)
    assert tab.outcome.status is ImportStatus.APPLIED
    assert "sudah diterapkan" in tab.lbl_status.text()
    assert households(linked.district) == DEMO_HOUSEHOLDS
    assert not tab.btn_apply.isEnabled()

    check(qtbot, page, package)
    assert tab.outcome.status is ImportStatus.ALREADY_APPLIED
    assert "sudah diimpor pada" in tab.lbl_status.text()
    assert not tab.btn_apply.isEnabled()
    assert households(linked.district) == DEMO_HOUSEHOLDS
    assert [e.direction for e in recent_packages(linked.district.cli)] == ["MASUK"]


def test_a_refused_file_shows_why_and_records_no_package(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    page = open_page(qtbot, linked.district)
    check(qtbot, page, hostile.random_bytes(tmp_path / "paket.xlsx"))

    tab = page.tab_import
    assert tab.outcome is not None and tab.outcome.status is ImportStatus.REJECTED
    assert "Berkas ditolak" in tab.lbl_status.text()
    assert MESSAGES["NOT_ZIP"] in tab.lbl_status.text()
    assert not tab.btn_apply.isEnabled()
    assert recent_packages(linked.district.cli) == []


def test_an_encrypted_package_asks_for_its_password_until_it_opens(qtbot: Any, linked: Linked,
                                                                  tmp_path: Path) -> None:
    package = export_package(linked.village.cli, tmp_path / "paket.xlsx").path
    sealed = hostile.encrypted(package, tmp_path / "terkunci.xlsx", "kunci-rahasia")
    page = open_page(qtbot, linked.district)
    answers = iter(["salah-ketik", "kunci-rahasia"])
    asked: list[bool] = []

    def ask(retry: bool) -> str:
        asked.append(retry)
        return next(answers)

    page.tab_import.ask_password = ask
    check(qtbot, page, sealed)
    qtbot.waitUntil(lambda: page.tab_import.outcome is not None, timeout=WAIT_MS)

    assert asked == [False, True]
    assert page.tab_import.outcome.status is ImportStatus.WOULD_APPLY
    apply(qtbot, page)  # the password is kept for the real import
    assert page.tab_import.outcome.status is ImportStatus.APPLIED
    assert households(linked.district) == DEMO_HOUSEHOLDS


def test_cancelling_a_check_says_so_and_changes_nothing(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    package = export_package(linked.village.cli, tmp_path / "paket.xlsx").path
    page = open_page(qtbot, linked.district)
    page.show_import()
    tab = page.tab_import
    tab.choose_open_path = lambda: str(package)
    with BlockedWrites():
        tab.btn_choose.click()
        tab.task.btn_cancel.click()
    qtbot.waitUntil(lambda: not tab.task.is_running(), timeout=WAIT_MS)

    assert "Impor dibatalkan" in tab.lbl_notice.text()
    assert tab.outcome is None and not tab.btn_apply.isEnabled()
    assert households(linked.district) == 0


def test_rows_edited_outside_the_app_wait_until_accepted(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    package = export_package(linked.village.cli, tmp_path / "paket.xlsx").path
    household_id = rows_of(package, "Rumah Tangga")[0]["ID"]
    row = find_row(package, "Rumah Tangga", "ID", household_id)
    edited = set_cells(package, tmp_path / "diedit.xlsx", "Rumah Tangga", row, {"ALAMAT": "Dusun Baru RT 01"})
    page = open_page(qtbot, linked.district)
    tab = page.tab_import

    check(qtbot, page, edited)
    waiting = tab.outcome.rows[RowClass.EDITED]  # the household, and its members, visits… waiting with it
    assert waiting >= 1
    assert tab.chk_accept_edits.isEnabled() and f"({waiting})" in tab.chk_accept_edits.text()
    assert [m.row for m in tab.model.rows() if m.code == "DIUBAH_DI_LUAR_APLIKASI"] == [row]
    apply(qtbot, page)  # without the box: the edited household waits
    parked = waiting_rows(linked.district.cli)
    assert len(parked) == waiting and {r.reason for r in parked} == {"DIUBAH"}
    assert household_id in {r.record_id for r in parked}
    assert households(linked.district) == DEMO_HOUSEHOLDS - 1

    check(qtbot, page, edited)  # applied already, but some of its rows still wait: they can be accepted now
    assert tab.outcome.status is ImportStatus.ALREADY_APPLIED
    qtbot.waitUntil(tab.chk_accept_edits.isEnabled, timeout=WAIT_MS)
    assert f"({waiting})" in tab.chk_accept_edits.text() and tab.btn_apply.isEnabled()
    tab.chk_accept_edits.setChecked(True)
    apply(qtbot, page)
    assert tab.outcome.status is ImportStatus.APPLIED
    assert waiting_rows(linked.district.cli) == []
    assert households(linked.district) == DEMO_HOUSEHOLDS
    assert scalar(linked.district, "SELECT address FROM household WHERE id = ?", household_id) \
        == "Dusun Baru RT 01"


# --- Riwayat & Konflik ------------------------------------------------------------------------------------------


def test_a_waiting_conflict_can_be_written_to_a_decision_workbook(qtbot: Any, linked: Linked, tmp_path: Path) -> None:
    village, district = linked.village, linked.district
    first = export_package(village.cli, tmp_path / "paket-1.xlsx").path
    import_package(district.cli, first)
    household_id = rows_of(first, "Rumah Tangga")[0]["ID"]
    bump(village, "household", household_id, address="Jl. Desa 1")
    bump(district, "household", household_id, address="Jl. Kabupaten 1")
    second = export_package(village.cli, tmp_path / "paket-2.xlsx").path
    page = open_page(qtbot, district)
    check(qtbot, page, second)
    assert page.tab_import.outcome.rows[RowClass.CONFLICT] == 1
    apply(qtbot, page)

    page.show_history()
    history = page.tab_history
    qtbot.waitUntil(lambda: history.btn_conflicts.isEnabled(), timeout=WAIT_MS)
    assert "1 konflik" in history.lbl_counts.text()
    assert [r.record_id for r in history.waiting()] == [household_id]
    assert history.waiting_model.index(0, 0).data() == "Konflik"
    assert history.packages_model.rowCount() == 2
    target = tmp_path / "keputusan.xlsx"
    history.choose_save_path = lambda _suggested: str(target)
    with qtbot.waitSignal(history.conflicts_written, timeout=WAIT_MS) as written:
        history.btn_conflicts.click()
    assert written.args == [target, 1]
    assert [row["ID"] for row in rows_of(target, "Konflik")] == [household_id]
    assert str(target) in history.lbl_notice.text()


def test_main_window_shows_the_page_and_an_admin_may_not_exchange(qtbot: Any, linked: Linked) -> None:
    """The Admin's window does not list Pertukaran Data at all (no case role); the page itself, shown anyway,
    refuses too: the services decide, not the menu."""
    db = linked.village.db
    signed = sign_in(db, username="admin", password="admin-desa-rahasia-1")
    window = MainWindow(db, signed, get_site_info(db))
    qtbot.addWidget(window)
    window.show()
    assert AREA_PERTUKARAN not in window.visible_areas()
    window.show_area(AREA_PERTUKARAN)
    assert not isinstance(window.stk_pages.currentWidget(), PertukaranPage)
    page = window.page_pertukaran
    window.stk_pages.setCurrentWidget(page)
    assert page.lbl_title.text() == "Pertukaran Data"
    qtbot.waitUntil(lambda: "tidak berwenang" in page.tab_export.lbl_notice.text(), timeout=WAIT_MS)
    assert not page.tab_export.btn_export.isEnabled()
    assert not page.tab_import.btn_choose.isEnabled()
    page.show_history()
    qtbot.waitUntil(lambda: "tidak berwenang" in page.tab_history.lbl_packages_empty.text(), timeout=WAIT_MS)
    window.close()
