"""The breach dialog: the deadline follows the discovery time as it is typed; "Buat daftar dan draf pemberitahuan"
writes the list and the notice for a lost database and records one BREACH_NOTICE event; the front office cannot
start it."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import QDateTime, Qt

from puskesos_desk.domain.breach import DataCategory, ExposureKind
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.dialogs.breach_dialog import BreachDialog
from tests.services.factories import family


def signed_in(desk: Any, username: str = "koordinator", password: str = KOORDINATOR_PASSWORD) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username=username, password=password).actor)


def test_a_lost_pc_gives_the_list_the_notice_and_one_event(qtbot: Any, desk: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    register_household(desk.cli, family())
    dialog = BreachDialog(signed_in(desk))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dte_discovered.setDateTime(QDateTime(datetime(2026, 3, 9, 9, 30)))
    assert "Batas pemberitahuan: 12-03-2026 09.30" in dialog.lbl_deadline.text()
    dialog.dte_start.setDateTime(QDateTime(datetime(2026, 3, 1, 8, 0)))
    dialog.dte_end.setDateTime(QDateTime(datetime(2026, 3, 9, 9, 0)))
    dialog.cmb_kind.setCurrentIndex(dialog.cmb_kind.findData(ExposureKind.SELURUH_BASIS_DATA.value))
    assert not dialog.edt_package.isEnabled()
    dialog.chk_categories[DataCategory.DATA_ANAK].setChecked(True)
    dialog.edt_how.setPlainText("Laptop Puskesos dicuri dari kantor desa")
    dialog.edt_contact.setText("Sri Wahyuni, 0812-0000-0000")
    dialog.grab().save(os.environ.get("H5_SHOT", str(tmp_path / "breach.png")))
    monkeypatch.setattr(dialog, "choose_folder", lambda: tmp_path)
    with qtbot.waitSignal(dialog.files_written, timeout=20_000) as written:
        qtbot.mouseClick(dialog.btn_make, Qt.MouseButton.LeftButton)
    list_path, notice_path = (Path(p) for p in written.args)
    assert list_path.name == "warga-terdampak-20260309-0930.xlsx" and notice_path.read_bytes().startswith(b"%PDF")
    rows = [r for r in openpyxl.load_workbook(list_path, read_only=True)["Warga terdampak"]
            .iter_rows(min_row=4, values_only=True) if r[0]]
    assert sorted(r[1] for r in rows) == ["DWI LESTARI", "SITI AMINAH", "SLAMET RIYADI"]
    assert "3 warga dari 1 keluarga" in dialog.lbl_result.text()
    with sqlite3.connect(desk.path) as conn:
        (changes,) = conn.execute("SELECT changes FROM audit_event WHERE action = 'BREACH_NOTICE'").fetchone()
    recorded = json.loads(changes)
    assert recorded["affected"] == 3 and recorded["kind"] == "SELURUH_BASIS_DATA"
    deadline = datetime.fromisoformat(recorded["deadline"])
    assert deadline - datetime.fromisoformat(recorded["discovered_at"]) == timedelta(hours=72)
    assert "SLAMET" not in changes


def test_the_front_office_cannot_make_a_breach_notice(qtbot: Any, desk: Any) -> None:
    dialog = BreachDialog(signed_in(desk, "petugas.fo", FO_PASSWORD))
    qtbot.addWidget(dialog)
    assert not dialog.btn_make.isEnabled() and "Koordinator" in dialog.lbl_result.text()
