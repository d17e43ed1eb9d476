"""Which database the app opens, worked out without loading SQLAlchemy (start-up reads it before first paint).

`--db PATH|URL`, else PUSKESOS_DB, else the stored server connection, else the SQLite file in the user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from puskesos_desk.infra.paths import default_database_path, user_config_dir

ENV_DB = "PUSKESOS_DB"
SERVER_SETTINGS_FILE = "database-server.json"  # written by services.database_settings
_SQLITE_URL = "sqlite:///"
_SQLITE_MAGIC = b"SQLite format 3\x00"  # an encrypted (SQLCipher) file has random bytes here


def server_settings_path() -> Path:
    return user_config_dir() / SERVER_SETTINGS_FILE


def chosen_location(target: str | None) -> str:
    """`target`, else PUSKESOS_DB, else the default file: a path or a URL (a stored server is not looked at)."""
    return target or os.environ.get(ENV_DB) or str(default_database_path())


def sqlite_url(location: str) -> str:
    """A plain path as a SQLite URL with an absolute path; a URL unchanged."""
    return location if "://" in location else f"{_SQLITE_URL}{Path(location).expanduser().resolve()}"


def plain_sqlite_file(target: str | None) -> Path | None:
    """The SQLite file the app would open, when it exists and is a plain (not encrypted) SQLite database; None for
    a server (given or stored), a file that does not exist yet, or an encrypted one."""
    if not target and not os.environ.get(ENV_DB) and server_settings_path().exists():
        return None
    url = sqlite_url(chosen_location(target))
    if not url.startswith(_SQLITE_URL):
        return None
    path = Path(url[len(_SQLITE_URL):])
    try:
        with path.open("rb") as handle:
            return path if handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC else None
    except OSError:
        return None
