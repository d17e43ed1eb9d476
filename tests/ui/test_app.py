"""Starting the app: database problems become a clear message and exit code 3; sign-out returns to sign-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk.services.auth import SignedIn, sign_in
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.selfcheck import check_qt_platform

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """main() configures the shared QApplication and sys.excepthook; put both back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    yield messages
    qapp.setQuitOnLastWindowClosed(True)


def test_not_a_database_exits_3_with_message(restore_app: list[str], tmp_path: Path) -> None:
    bogus = tmp_path / "bukan.db"
    bogus.write_text("ini bukan basis data\n" * 10, encoding="utf-8")
    assert app_module.main([], db_target=str(bogus)) == 3
    assert len(restore_app) == 1
    assert "bukan basis data Puskesos Desk" in restore_app[0]


def test_site_not_initialised_opens_the_first_run_wizard(restore_app: list[str], seeded_db: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """No dead-end message: the wizard sets the site up (tests/ui/test_first_run_wizard.py); leaving it exits 3."""
    seeded_db.db.dispose()
    offered: list[object] = []
    monkeypatch.setattr(app_module, "run_first_run", lambda db: offered.append(db))
    assert app_module.main([], db_target=str(seeded_db.path)) == 3
    assert len(offered) == 1
    assert restore_app == []


def test_cancelled_sign_in_exits_0(restore_app: list[str], desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(lambda cls, parent, db, site, **_kw: None))
    assert app_module.main([], db_target=str(desk.path)) == 0
    assert restore_app == []


def test_sign_out_returns_to_sign_in(qapp: QApplication, restore_app: list[str], desk: Any,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_get_sign_in(cls: type[LoginDialog], parent: Any, db: Any, site: Any,
                         **_kw: Any) -> SignedIn | None:
        calls.append(site.code)
        if len(calls) == 1:
            return sign_in(db, username="koordinator", password=KOORDINATOR_PASSWORD)
        return None

    def sign_out_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        window = windows[0]
        if window.page_beranda.figures is not None:
            window.act_sign_out.trigger()
        else:
            window.page_beranda.figures_loaded.connect(lambda _f: window.act_sign_out.trigger())

    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(fake_get_sign_in))
    QTimer.singleShot(0, sign_out_when_ready)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(qapp.quit)
    safety.start(30_000)
    try:
        assert app_module.main([], db_target=str(desk.path)) == 0
    finally:
        was_active = safety.isActive()
        safety.stop()
    assert was_active, "main() did not return by itself"
    assert calls == ["33.22.01.2007", "33.22.01.2007"]
    assert restore_app == []


def test_selfcheck_in_process(qapp: QApplication) -> None:
    result = check_qt_platform()
    assert result["ok"], result
    assert result["platform"] == "offscreen"
    assert result["qt_version"].startswith("6.")


def test_selfcheck_without_display_uses_offscreen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    child = subprocess.run([sys.executable, "-m", "puskesos_desk.ui.selfcheck"], capture_output=True, text=True,
                           timeout=120, env=env, cwd=REPO, check=False)
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["ok"] is True
    assert result["platform"] == "offscreen"


def test_gui_start_imports_only_what_the_sign_in_dialog_needs() -> None:
    """Printing, Excel, the database layer, the log masker and the main window load behind the painted sign-in
    dialog (issue 13's start-up goal; benchmarks/startup.py measures it)."""
    heavy = ("reportlab", "openpyxl", "xlsxwriter", "sqlalchemy", "alembic", "lokal", "puskesos_desk.data",
             "puskesos_desk.ui.main_window", "puskesos_desk.ui.help.viewer", "puskesos_desk.services.auth")
    code = ("import sys; import puskesos_desk.ui.app; "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO,
                           check=False)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "[]"


def test_start_language_comes_from_settings_unless_the_environment_says_otherwise(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from puskesos_desk.ui.desk_settings import store_language

    monkeypatch.delenv("PUSKESOS_LANG", raising=False)
    assert app_module.startup_language() == "id"
    store_language("en")
    assert app_module.startup_language() == "en"
    monkeypatch.setenv("PUSKESOS_LANG", "id")
    assert app_module.startup_language() == "id"
