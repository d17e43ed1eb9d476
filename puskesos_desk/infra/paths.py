"""Where things live: shipped resources, user data, logs, backups.

One `resource_path()` serves a source checkout, an installed wheel and a PyInstaller bundle, so no other
module ever looks at `sys.frozen` or `sys._MEIPASS`.

User folders (data, logs, config) follow the first of:
1. PUSKESOS_HOME=<dir>: everything under <dir>/data, <dir>/logs, <dir>/config (tests, scripted runs);
2. portable mode: a bundle whose executable has a `portable.ini` beside it keeps everything beside the executable
   (<exe dir>/data, logs, config), or under the folder its `[portable] home = ...` names (relative to the
   executable's folder), for PCs where nothing may be installed (docs/packaging.md);
3. the operating system's per-user folders (platformdirs; on Windows %LOCALAPPDATA%\\puskesos-desk).
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

from puskesos_desk import APP_ID

_ENV_HOME = "PUSKESOS_HOME"
PORTABLE_MARKER = "portable.ini"

log = logging.getLogger(__name__)


@cache
def resources_root() -> Path:
    """The folder that holds the shipped resources (reference data, translations, fonts)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    # Installed (wheel or editable): resources/ is mapped to the package puskesos_desk.resources.
    try:
        root = Path(str(resources.files("puskesos_desk.resources")))
        if root.is_dir():
            return root
    except ModuleNotFoundError:
        pass
    # Plain source checkout without installation.
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. resource_path("reference", "programs.json")."""
    return resources_root().joinpath(*parts)


def executable_dir() -> Path | None:
    """The folder of the bundle's executables; None when not running from a PyInstaller bundle."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_home() -> Path | None:
    """Portable mode: the folder every user folder goes under, when `portable.ini` sits beside the executable.

    portable.ini may be empty (the executable's own folder), or name another folder, relative to the
    executable's folder or absolute:
        [portable]
        home = ../PuskesosData
    """
    folder = executable_dir()
    if folder is None:
        return None
    marker = folder / PORTABLE_MARKER
    if not marker.is_file():
        return None
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    try:
        parser.read(marker, encoding="utf-8-sig")  # Notepad may write a byte-order mark
    except (configparser.Error, UnicodeDecodeError, OSError) as exc:  # a broken file still means "portable"
        log.warning("%s cannot be read (%s); using the executable's folder", marker, exc)
        return folder
    home = parser.get("portable", "home", fallback="").strip()
    return (folder / home).resolve() if home else folder


def _home_override() -> Path | None:
    """PUSKESOS_HOME, else portable mode: one directory that holds every user folder; None for the OS folders."""
    value = os.environ.get(_ENV_HOME)
    if value:
        return Path(value)
    return portable_home()


def user_data_dir() -> Path:
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    home = _home_override()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "puskesos.db"
