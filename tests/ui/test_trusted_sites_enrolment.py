"""Pengaturan → Situs tepercaya at a district: "Tambah desa…" saves a village's set-up file and shows the one-time
enrolment code once; a village site has no such button."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteFixture, copy_sqlite
from PySide6.QtCore import Qt

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.enrolment import SetupFileResult, code_key, read_setup_file
from puskesos_desk.services.site import get_site_info, initialise_site
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.widgets.trusted_sites import TrustedSites


@pytest.fixture
def district(seeded_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[SiteFixture]:
    path = tmp_path / "district.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code="33.22", name="Sekretariat SLRT Kabupaten "
                    "Semarang", role=SiteRole.KABUPATEN, admin_username="admin", admin_password="admin-kabupaten-1")
    cli = ServiceContext(db, Actor.cli("pytest", site_code="33.22", site_role=SiteRole.KABUPATEN))
    yield SiteFixture(db=db, path=path, cli=cli)
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    db.dispose()


def _widget(qtbot: Any, site: SiteFixture) -> TrustedSites:
    widget = TrustedSites(site.cli, get_site_info(site.db))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.list_loaded, timeout=10_000):
        widget.show()
    return widget


def test_add_village_saves_set_up_file_and_shows_the_code_once(qtbot: Any, district: SiteFixture,
                                                               tmp_path: Path) -> None:
    widget = _widget(qtbot, district)
    assert widget.btn_add_village.isVisible() and widget.btn_add_village.isEnabled()
    suggested: list[Path] = []
    shown: list[SetupFileResult] = []
    widget.ask_new_village = lambda: ("33.22.01.2007", "Puskesos Desa Sumogawe")  # type: ignore[method-assign]
    widget.choose_setup_save_path = lambda path: suggested.append(path) or str(tmp_path / "sumogawe")  # type: ignore
    widget.show_enrolment_code = shown.append  # type: ignore[method-assign]
    with qtbot.waitSignal(widget.setup_written, timeout=10_000) as written:
        qtbot.mouseClick(widget.btn_add_village, Qt.MouseButton.LeftButton)
    assert suggested[0].name == "penyiapan-desa-33.22.01.2007.json"
    path = Path(written.args[0])
    assert path == tmp_path / "sumogawe.json"
    setup = read_setup_file(path.read_text(encoding="utf-8"))
    assert (setup.site_code, setup.name) == ("33.22.01.2007", "Puskesos Desa Sumogawe")
    assert [r.enrolment_code for r in shown] == [setup.enrolment_code]
    assert setup.enrolment_code not in widget.lbl_status.text()  # the code is in the one-time box only
    with sqlite3.connect(district.path) as conn:
        assert conn.execute("SELECT code_hash FROM village_enrolment").fetchall() == [(code_key(
            setup.enrolment_code),)]


def test_a_village_outside_the_district_is_refused(qtbot: Any, district: SiteFixture, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shown_errors: list[str] = []
    monkeypatch.setattr("puskesos_desk.ui.widgets.trusted_sites.show_error",
                        lambda _parent, error: shown_errors.append(getattr(error, "message", str(error))))
    widget = _widget(qtbot, district)
    widget.ask_new_village = lambda: ("33.23.01.2001", "Desa Lain")  # type: ignore[method-assign]
    widget.choose_setup_save_path = lambda _path: str(tmp_path / "lain.json")  # type: ignore[method-assign]
    qtbot.mouseClick(widget.btn_add_village, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10_000)
    assert "tidak berada di wilayah" in shown_errors[0]
    assert not (tmp_path / "lain.json").exists()
    assert widget.btn_add_village.isEnabled()


def test_a_village_site_has_no_add_village_button(qtbot: Any, desk: Any) -> None:
    widget = _widget(qtbot, desk)
    assert not widget.btn_add_village.isVisible()
    assert widget.site.role is SiteRole.DESA
