"""Where things live: shipped resources, user data, logs, backups.

One `resource_path()` serves a source checkout, an installed wheel and a PyInstaller bundle, so no other
module ever looks at `sys.frozen` or `sys._MEIPASS`.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

from puskesos_desk import APP_ID

_ENV_HOME = "PUSKESOS_HOME"


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


def _home_override() -> Path | None:
    """PUSKESOS_HOME moves every user folder under one directory (tests, portable installs)."""
    value = os.environ.get(_ENV_HOME)
    return Path(value) if value else None


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
