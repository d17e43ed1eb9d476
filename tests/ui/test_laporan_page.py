"""The Laporan page driven as a user on a year of demo data: save the recap as Excel and PDF and compare its figure
with the database, preview it, an empty month, a refused folder, and what each account and site is offered."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdfium2
import pytest
from conftest import SiteFixture, copy_sqlite
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import KIND_TITLES, ReportKind, ReportMonth
from puskesos_desk.services.auth import change_own_password, sign_in
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.report_common import month_window
from puskesos_desk.services.site import get_site_info, initialise_site
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.laporan_choices import KIND_LABELS
from puskesos_desk.ui.pages.laporan_page import LaporanPage
from tests.services.consolidated_rows import build_district, open_copy

SITE_CODE = "33.22.01.2007"
DEMO_HOUSEHOLDS = 40
TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class DemoTemplate:
    path: Path
    passwords: dict[str, str]  # the demo accounts' generated passwords, by user name


@pytest.fixture(scope="module")
def demo_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """Desa Sumogawe with a year of demo activity up to today and the demo accounts, built once for the module."""
    path = tmp_path_factory.mktemp("laporan-page") / "demo.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        initialise_site(ServiceContext(db, Actor.cli("pytest")), code=SITE_CODE, name="Puskesos Desa Sumogawe",
                        role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Desa",
                        admin_password="admin-desa-rahasia-1", address="Jl. Raya Sumogawe No. 1")
        result = generate_demo(ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)),
                               households=DEMO_HOUSEHOLDS, seed=5)
    finally:
        db.dispose()
    return DemoTemplate(path, {user["username"]: user["password"] for user in result.users})


@dataclass(frozen=True)
class Demo:
    site: SiteFixture
    passwords: dict[str, str]

    @property
    def path(self) -> Path:
        return self.site.path

    @property
    def cli(self) -> ServiceContext:
        return self.site.cli

    def as_user(self, username: str) -> ServiceContext:
        password = self.passwords[username]
        signed = sign_in(self.site.db, username=username, password=password)
        if signed.must_change_password:  # a demo account's generated password is changed at first sign-in
            signed = change_own_password(self.site.db, signed, old_password=password, new_password=password + "-baru")
            self.passwords[username] = password + "-baru"
        return ServiceContext(self.site.db, signed.actor)


@pytest.fixture
def demo(demo_template: DemoTemplate, tmp_path: Path, qtbot: Any) -> Iterator[Demo]:
    path = tmp_path / "demo.db"
    copy_sqlite(demo_template.path, path)
    db = Database(f"sqlite:///{path}")
    db.enable_wal()
    cli = ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    yield Demo(SiteFixture(db=db, path=path, cli=cli), dict(demo_template.passwords))  # this copy's passwords
    assert wait_for_ops(TIMEOUT_MS), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    db.dispose()


def make_page(qtbot: Any, ctx: ServiceContext) -> LaporanPage:
    page = LaporanPage(ctx, get_site_info(ctx.db))
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def choose(combo: Any, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data} not offered"
    combo.setCurrentIndex(index)


def last_month() -> ReportMonth:
    """The last whole month: the demo has activity in every month of the past year."""
    return ReportMonth.of(datetime.now(local_zone()).date()).previous()


def visits_in(path: Path, month: ReportMonth) -> int:
    """Counted straight from the file: visit times are stored as naive UTC text in SQLite."""
    start, end = (moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
                  for moment in month_window(month, local_zone()))
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM visit WHERE deleted_at IS NULL AND occurred_at >= ? "
                            "AND occurred_at < ?", (start, end)).fetchone()[0]
    finally:
        conn.close()


def report_events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND entity = 'report'"
                            ).fetchone()[0]
    finally:
        conn.close()


def save_through_dialog(qtbot: Any, page: LaporanPage, button: QPushButton, target: Path,
                        monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Click the button with the save dialog answering `target`; returns the names the dialog suggested."""
    suggested: list[str] = []

    def answer(_parent: Any, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        suggested.append(proposed)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    with qtbot.waitSignal(page.task_ended, timeout=TIMEOUT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return suggested


def test_kind_titles_match_the_domain() -> None:
    assert KIND_LABELS == KIND_TITLES


def test_recap_saved_as_excel_carries_the_months_visits(demo: Demo, qtbot: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, demo.as_user("koordinator"))
    month = last_month()
    assert page.form.cmb_month.currentData() == ReportMonth.of(datetime.now(local_zone()).date()).key
    assert page.form.cmb_month.count() == 24
    choose(page.form.cmb_kind, ReportKind.RECAP.value)
    choose(page.form.cmb_month, month.key)
    target = tmp_path / "rekap.xlsx"

    suggested = save_through_dialog(qtbot, page, page.btn_save_xlsx, target, monkeypatch)

    assert Path(suggested[0]).name == f"recap-{month.key}-{SITE_CODE}.xlsx"
    qtbot.waitUntil(target.exists, timeout=5_000)
    expected = visits_in(demo.path, month)
    assert expected > 0
    sheet = openpyxl.load_workbook(target, read_only=True)["Ringkasan"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], str)}
    assert figures["Kunjungan"] == expected
    assert page.result is not None and page.result.path == target
    assert page.lbl_status.text().startswith(f"Tersimpan: {target} (")
    assert "Tidak ada data" not in page.lbl_status.text()
    assert page.btn_open_folder.isVisible()
    opened: list[Path] = []
    monkeypatch.setattr(page, "open_folder", opened.append)
    qtbot.mouseClick(page.btn_open_folder, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path.resolve()]
    assert report_events(demo.path) == 1


def test_recap_saved_as_pdf_on_a4(demo: Demo, qtbot: Any, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, demo.as_user("koordinator"))
    month = last_month()
    choose(page.form.cmb_month, month.key)
    choose(page.form.cmb_paper, "a4")
    target = tmp_path / "rekap"  # no extension typed: .pdf is added

    save_through_dialog(qtbot, page, page.btn_save_pdf, target, monkeypatch)

    written = tmp_path / "rekap.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(written)
    try:
        width, height = pdf[0].get_size()
        text = " ".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
    finally:
        pdf.close()
    assert (round(width), round(height)) == (595, 842)
    assert "Kunjungan" in text and str(visits_in(demo.path, month)) in text
    assert page.result is not None and page.result.path == written


def test_preview_opens_with_pages_and_records_nothing(demo: Demo, qtbot: Any) -> None:
    page = make_page(qtbot, demo.as_user("koordinator"))
    choose(page.form.cmb_month, last_month().key)
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT_MS):
        qtbot.mouseClick(page.btn_preview, Qt.MouseButton.LeftButton)
    dialog = page.preview
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages is not None, timeout=TIMEOUT_MS)
    assert dialog.pages.page_count >= 1
    assert dialog.cmb_paper.count() == 2 and dialog.paper().value == "f4"
    assert dialog.suggested_file_name == f"recap-{last_month().key}-{SITE_CODE}.pdf"
    assert report_events(demo.path) == 0
    dialog.reject()
    qtbot.waitUntil(lambda: page.preview is None, timeout=5_000)


def test_an_empty_month_still_gives_a_report_that_says_so(demo: Demo, qtbot: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, demo.cli)
    page.form.cmb_month.setCurrentIndex(page.form.cmb_month.count() - 1)  # 23 months back: before the demo
    target = tmp_path / "kosong.xlsx"

    save_through_dialog(qtbot, page, page.btn_save_xlsx, target, monkeypatch)

    assert target.exists()
    label = page.form.cmb_month.currentText()
    assert f"Tidak ada data pada {label} — laporan tetap dibuat." in page.lbl_status.text()
    assert page.result is not None and page.result.is_empty


def test_a_missing_folder_is_said_in_the_status_line(demo: Demo, qtbot: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, demo.cli)
    target = tmp_path / "tidak-ada" / "rekap.xlsx"

    save_through_dialog(qtbot, page, page.btn_save_xlsx, target, monkeypatch)

    assert not target.exists()
    assert "tidak ada" in page.lbl_status.text() and page.lbl_status.property("warning") is True
    assert page.btn_save_xlsx.isEnabled() and not page.btn_open_folder.isVisible()


def test_kinds_and_full_nik_follow_the_account(demo: Demo, qtbot: Any) -> None:
    officer = make_page(qtbot, demo.as_user("petugas.fo"))
    kinds = officer.form.cmb_kind
    assert [kinds.itemData(i) for i in range(kinds.count())] == [kind.value for kind in ReportKind]
    usulan = kinds.model().item(kinds.findData(ReportKind.USULAN.value))
    assert not usulan.isEnabled() and "DTSEN" in usulan.toolTip()
    assert kinds.model().item(kinds.findData(ReportKind.MUSDES.value)).isEnabled()
    kinds.setCurrentIndex(kinds.findData(ReportKind.USULAN.value))  # as if chosen anyway: nothing can start
    assert not officer.btn_save_xlsx.isEnabled() and not officer.btn_preview.isEnabled()
    choose(kinds, ReportKind.BNBA.value)
    assert officer.btn_save_xlsx.isEnabled()
    assert not officer.form.chk_unmask.isEnabled()

    coordinator = make_page(qtbot, demo.as_user("koordinator"))
    assert coordinator.form.cmb_kind.model().item(kinds.findData(ReportKind.USULAN.value)).isEnabled()
    choose(coordinator.form.cmb_kind, ReportKind.BNBA.value)
    assert coordinator.form.chk_unmask.isEnabled()
    coordinator.form.chk_unmask.setChecked(True)
    assert coordinator.form.request().unmask
    choose(coordinator.form.cmb_kind, ReportKind.RECAP.value)
    assert not coordinator.form.chk_unmask.isEnabled() and not coordinator.form.request().unmask


def test_the_daily_list_asks_for_a_day_not_a_month(demo: Demo, qtbot: Any) -> None:
    page = make_page(qtbot, demo.cli)
    assert page.form.cmb_month.isVisible() and not page.form.dte_day.isVisible()
    choose(page.form.cmb_kind, ReportKind.HARIAN.value)
    assert page.form.dte_day.isVisible() and not page.form.cmb_month.isVisible()
    request = page.form.request()
    assert request.day == page.ctx.today() and request.month == ReportMonth.of(page.ctx.today())


def test_the_village_choice_is_offered_only_at_a_district(demo: Demo, seeded_template: Path, qtbot: Any,
                                                          tmp_path: Path) -> None:
    village_page = make_page(qtbot, demo.cli)
    assert village_page.form.cmb_village is None

    build_district(seeded_template, tmp_path / "district-template.db")
    district = open_copy(tmp_path / "district-template.db", tmp_path / "district.db")
    try:
        page = LaporanPage(district.cli, get_site_info(district.db))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.form.villages_loaded, timeout=TIMEOUT_MS) as loaded:
            page.show()
        combo = page.form.cmb_village
        assert combo is not None and combo.isVisible()
        assert loaded.args == [3]
        assert combo.itemText(0) == "Semua desa" and combo.itemData(0) == ""
        assert [combo.itemData(i) for i in range(1, combo.count())] == ["33.22.01.2007", "33.22.01.2008",
                                                                         "33.22.18.1007"]
        choose(combo, "33.22.01.2008")
        assert page.form.request().village_code == "33.22.01.2008"
        assert wait_for_ops(TIMEOUT_MS)
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    finally:
        district.db.dispose()
