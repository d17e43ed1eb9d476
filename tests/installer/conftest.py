"""Loading the installer's own scripts (installer/*.py, the spec) without PyInstaller or Windows."""

from __future__ import annotations

import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def load_script(name: str) -> ModuleType:
    """installer/<name>.py as a module of its own (not on sys.path, so nothing else can import it by accident)."""
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


class _Target:
    """Stands for PyInstaller's Analysis/PYZ/EXE/COLLECT: records what the spec asked for."""

    made: list[_Target]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        type(self).made.append(self)


class FakeAnalysis(_Target):
    made: list[_Target] = []

    def __init__(self, scripts: list[str], **kwargs: Any) -> None:
        super().__init__(scripts, **kwargs)
        self.scripts = [("entry", scripts[0], "PYSOURCE")]
        self.pure: list[tuple] = []
        self.binaries = list(BINARIES)
        self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs["datas"]]


class FakePyz(_Target):
    made: list[_Target] = []


class FakeExe(_Target):
    made: list[_Target] = []


class FakeCollect(_Target):
    made: list[_Target] = []


# What PyInstaller's analysis would have collected from PySide6 (Linux layout), for the file rules to act on.
BINARIES = [
    ("PySide6/Qt/lib/libQt6Core.so.6", "/x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "/x", "BINARY"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
]


class FakeQtLibraryInfo:
    """The two methods of PyInstaller's QtLibraryInfo that bundle_rules.patch_qt_collection wraps."""

    def collect_plugins(self, plugin_type: str) -> list[tuple[str, str]]:
        names = {"platforms": ["libqxcb.so", "libqwayland.so", "libqoffscreen.so"],
                 "tls": ["libqopensslbackend.so"]}[plugin_type]
        return [(f"/site/PySide6/Qt/plugins/{plugin_type}/{name}", f"PySide6/Qt/plugins/{plugin_type}")
                for name in names]

    def collect_module(self, module_name: str) -> tuple[list[str], list[tuple], list[tuple[str, str]]]:
        datas = [(f"/site/PySide6/Qt/translations/qtbase_{lang}.qm", "PySide6/Qt/translations")
                 for lang in ("de", "en", "ja")]
        return ["PySide6.QtDBus"], [], datas


def _fake_pyinstaller(calls: dict[str, list[str]]) -> dict[str, ModuleType]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package: calls["data"].append(package) or [(f"/site/{package}/x.dat", package)]
    hooks.collect_submodules = lambda package: calls["submodules"].append(package) or [package]
    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    qt.QtLibraryInfo = FakeQtLibraryInfo
    hooks.qt = qt
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
                 "VarStruct"):
        setattr(versioninfo, name, lambda *args, _kind=name, **kwargs: SimpleNamespace(
            kind=_kind, args=args, kwargs=kwargs))
    win32 = types.ModuleType("PyInstaller.utils.win32")
    win32.versioninfo = versioninfo
    utils = types.ModuleType("PyInstaller.utils")
    utils.hooks, utils.win32 = hooks, win32
    package = types.ModuleType("PyInstaller")
    package.utils = utils
    return {"PyInstaller": package, "PyInstaller.utils": utils, "PyInstaller.utils.hooks": hooks,
            "PyInstaller.utils.hooks.qt": qt, "PyInstaller.utils.win32": win32,
            "PyInstaller.utils.win32.versioninfo": versioninfo}


@pytest.fixture
def run_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """run_spec(platform) executes installer/puskesos-desk.spec as PyInstaller would, with recording fakes."""

    def run(platform: str = "linux") -> SimpleNamespace:
        calls: dict[str, list[str]] = {"data": [], "submodules": []}
        for module_name, module in _fake_pyinstaller(calls).items():
            monkeypatch.setitem(sys.modules, module_name, module)
        for name in ("bundle_rules", "app_version"):  # the spec imports them from installer/ by these names
            monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.setattr(sys, "path", list(sys.path))
        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setattr(FakeQtLibraryInfo, "collect_plugins", FakeQtLibraryInfo.collect_plugins)
        monkeypatch.setattr(FakeQtLibraryInfo, "collect_module", FakeQtLibraryInfo.collect_module)
        for target in (FakeAnalysis, FakePyz, FakeExe, FakeCollect):
            monkeypatch.setattr(target, "made", [])
        spec_file = INSTALLER / "puskesos-desk.spec"
        namespace = {"__name__": "__main__", "__file__": str(spec_file), "SPECPATH": str(INSTALLER),
                     "Analysis": FakeAnalysis, "PYZ": FakePyz, "EXE": FakeExe, "COLLECT": FakeCollect}
        exec(compile(spec_file.read_text(encoding="utf-8"), str(spec_file), "exec"), namespace)
        return SimpleNamespace(namespace=namespace, calls=calls, analysis=FakeAnalysis.made[0],
                               executables=list(FakeExe.made), collect=FakeCollect.made[0])

    yield run
    for name in ("bundle_rules", "app_version"):
        sys.modules.pop(name, None)
