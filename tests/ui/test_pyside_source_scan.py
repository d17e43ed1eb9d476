"""PySide6 still learns which modules use it, without keeping every module's source in memory (ui/__init__.py)."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

from puskesos_desk.ui.pyside_source_scan import spare_module_sources


def test_modules_imported_after_qt_are_looked_at_but_their_source_is_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert spare_module_sources() is True  # this PySide6 has the hook; adjusting it twice is harmless
    feature = importlib.import_module("shibokensupport.feature")
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n\nBIG = 'x' * 10\n")
    (tmp_path / "plain_module_here.py").write_text("VALUE = 42\n" + "# filler line\n" * 2000)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("uses_qt_here", "plain_module_here"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # an import statement: PySide6's hook sits in builtins.__import__
    # The same answers PySide6 itself would give ...
    assert feature.pyside_feature_dict["uses_qt_here"] == 0
    assert feature.pyside_feature_dict["plain_module_here"] == -1
    # ... and neither file's lines are kept for the rest of the day.
    assert str(tmp_path / "uses_qt_here.py") not in linecache.cache
    assert str(tmp_path / "plain_module_here.py") not in linecache.cache


def test_the_app_package_adjusts_the_hook_before_anything_else_is_imported() -> None:
    import subprocess

    script = (
        "import linecache, sys\n"
        "import puskesos_desk.ui.app\n"
        "import puskesos_desk.ui.main_window\n"
        "sources = [name for name in linecache.cache if name.endswith('.py')]\n"
        "print(len(sources), len(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    kept, modules = map(int, done.stdout.split())
    assert modules > 500  # the desk's start-up imports ...
    # ... and no source kept but the few PySide6 reads while it starts, before its hook can be adjusted (shiboken6,
    # PySide6, enum). It was 840 files, 26 MB, before.
    assert kept <= 5
