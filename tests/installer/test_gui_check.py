"""_gui-check, the bundle's look at the real main window (installer/smoke-test.sh runs it frozen): it signs in,
shows every area the user may see, opens the help, renders a PDF as the preview does, and says what failed."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD
from reportlab.pdfgen import canvas

from puskesos_desk.ui import bundle_check
from puskesos_desk.ui.help.key_filter import uninstall_help
from puskesos_desk.ui.i18n import install_translators
from puskesos_desk.ui.ops import pending_ops, wait_for_ops


@pytest.fixture
def checked_app(qapp: Any, qtbot: Any) -> Any:
    yield qapp
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    uninstall_help(qapp)
    install_translators(qapp, "id")


def _report(capsys: pytest.CaptureFixture) -> dict[str, Any]:
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_opens_every_area_and_the_preview(site_db: Any, checked_app: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("KOOR", KOORDINATOR_PASSWORD)
    pdf = tmp_path / "uji.pdf"
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Puskesos Desk")
    page.save()
    pdf.write_bytes(buffer.getvalue())
    shot = tmp_path / "jendela.png"
    rc = bundle_check.main(["--db", str(site_db.path), "--user", "koordinator", "--password-env", "KOOR",
                            "--pdf", str(pdf), "--shot", str(shot)])
    report = _report(capsys)
    assert rc == 0, report
    assert report["areas"][0] == "BerandaPage" and "SettingsPage" in report["areas"] and len(report["areas"]) >= 6
    assert [step["step"] for step in report["steps"]] == ["qt", "sign_in", "areas", "help", "pdf_preview", "shot"]
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_a_failure_is_reported_not_raised(site_db: Any, checked_app: Any, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("KOOR", "salah-sandi")
    rc = bundle_check.main(["--db", str(site_db.path), "--user", "koordinator", "--password-env", "KOOR"])
    report = _report(capsys)
    assert rc == 1 and report["ok"] is False and report["error"]
