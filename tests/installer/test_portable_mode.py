"""Where a bundle keeps its user folders: the OS folders, PUSKESOS_HOME, or (portable mode) beside the executable
when portable.ini is there. A fake frozen executable: sys.frozen, sys.executable and sys._MEIPASS patched."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from puskesos_desk.infra import paths


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundle folder on a USB stick, running frozen; the OS folders point into tmp_path/os-home."""
    folder = tmp_path / "usb" / "puskesos-desk"
    (folder / "_internal" / "resources").mkdir(parents=True)
    executable = folder / ("puskesos-desk.exe" if sys.platform == "win32" else "puskesos-desk")
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    monkeypatch.setattr(sys, "_MEIPASS", str(folder / "_internal"), raising=False)
    monkeypatch.delenv("PUSKESOS_HOME", raising=False)
    os_home = tmp_path / "os-home"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(os_home / "data"))
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(os_home / "logs"))
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(os_home / "config"))
    paths.resources_root.cache_clear()
    yield folder
    paths.resources_root.cache_clear()


def test_installed_bundle_uses_the_os_folders(bundle: Path, tmp_path: Path) -> None:
    assert paths.portable_home() is None
    assert paths.user_data_dir() == tmp_path / "os-home" / "data"
    assert paths.user_log_dir() == tmp_path / "os-home" / "logs"
    assert not (bundle / "data").exists()


def test_portable_ini_keeps_every_user_folder_beside_the_executable(bundle: Path, tmp_path: Path) -> None:
    (bundle / "portable.ini").write_text("[portable]\n", encoding="utf-8")
    assert paths.portable_home() == bundle.resolve()
    assert paths.user_data_dir() == bundle.resolve() / "data"
    assert paths.user_log_dir() == bundle.resolve() / "logs"
    assert paths.user_config_dir() == bundle.resolve() / "config"
    assert paths.backup_dir() == bundle.resolve() / "data" / "backups"
    assert paths.default_database_path() == bundle.resolve() / "data" / "puskesos.db"
    assert not (tmp_path / "os-home").exists()


def test_an_empty_or_unreadable_portable_ini_still_means_portable(bundle: Path) -> None:
    marker = bundle / "portable.ini"
    marker.write_bytes(b"")
    assert paths.portable_home() == bundle.resolve()
    marker.write_bytes(b"home = no section header\n\xff\xfe")
    assert paths.portable_home() == bundle.resolve()


def test_portable_ini_can_name_a_folder_outside_the_program(bundle: Path) -> None:
    (bundle / "portable.ini").write_text("; data survives replacing the program folder\n[portable]\n"
                                         "home = ../PuskesosData   ; beside the program folder\n", encoding="utf-8")
    expected = (bundle.parent / "PuskesosData").resolve()
    assert paths.portable_home() == expected
    assert paths.user_data_dir() == expected / "data"
    # As Notepad saves it: a byte-order mark first.
    (bundle / "portable.ini").write_bytes(b"\xef\xbb\xbf[portable]\r\nhome = ../Data Desa\r\n")
    assert paths.portable_home() == (bundle.parent / "Data Desa").resolve()


def test_the_shipped_portable_ini_means_the_executables_folder(bundle: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "installer" / "windows" / "portable.ini"
    (bundle / "portable.ini").write_bytes(shipped.read_bytes())
    assert paths.portable_home() == bundle.resolve()


def test_puskesos_home_wins_over_portable_mode(bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (bundle / "portable.ini").write_text("[portable]\n", encoding="utf-8")
    monkeypatch.setenv("PUSKESOS_HOME", str(tmp_path / "elsewhere"))
    assert paths.user_data_dir() == tmp_path / "elsewhere" / "data"


def test_portable_ini_is_ignored_when_not_frozen(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's python.exe folder with a portable.ini in it changes nothing."""
    (bundle / "portable.ini").write_text("[portable]\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", False)
    assert paths.portable_home() is None and paths.executable_dir() is None


def test_a_bundle_finds_its_resources_in_its_own_folder(bundle: Path) -> None:
    assert paths.resources_root() == bundle / "_internal" / "resources"
    assert paths.resource_path("icons", "x.svg") == bundle / "_internal" / "resources" / "icons" / "x.svg"
