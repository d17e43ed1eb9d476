"""Removing what an interrupted write left behind.

A power cut or a killed process during an export leaves the writer's hidden temporary files: a half workbook
(`.<name>.<hex>.part`), the plain copy of a workbook about to be encrypted (`.<stem>.<hex>.tmp.xlsx`), a half
encrypted file (`<name>.xlsx.partial`), a finished package not yet recorded (`.<name>.<hex>.staged`) and xlsxwriter's
row files (`puskesos-xlsx-*` in the temporary folder). Some hold personal data in clear, possibly on a USB stick, so
they are removed the next time the app writes there. Only names these writers make are touched, and only when they
are older than an hour: a colleague's export into the same shared folder may still be running.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

STALE_AFTER_SECONDS = 3600.0
_OUR_NAMES = (
    re.compile(r"^\..+\.[0-9a-f]{32}\.part$"),
    re.compile(r"^\..+\.[0-9a-f]{12}\.tmp\.xlsx$"),
    re.compile(r"^.+\.xlsx\.partial$"),
    re.compile(r"^\..+\.[0-9a-f]{12}\.staged$"),
)
_ROW_FOLDERS = "puskesos-xlsx-*"


def _stale(path: Path, now: float, older_than: float) -> bool:
    try:
        return now - path.stat().st_mtime > older_than
    except OSError:  # gone meanwhile
        return False


def sweep_leftovers(folder: Path, *, older_than: float = STALE_AFTER_SECONDS, now: float | None = None) -> int:
    """Remove stale temporary files of ours in `folder` and stale row folders in the temporary folder; returns how
    many were removed. Never raises: a file that cannot be removed now is tried again next time."""
    now = time.time() if now is None else now
    removed = 0
    candidates: list[Path] = []
    with contextlib.suppress(OSError):  # a folder that cannot be listed has nothing we could remove either
        candidates = [entry for entry in Path(folder).iterdir()
                      if entry.is_file() and any(pattern.match(entry.name) for pattern in _OUR_NAMES)]
    for entry in candidates:
        if _stale(entry, now, older_than):
            try:
                entry.unlink()
                removed += 1
            except OSError:
                log.warning("could not remove a stale temporary file: %s", entry.name)
    for row_folder in Path(tempfile.gettempdir()).glob(_ROW_FOLDERS):
        if row_folder.is_dir() and _stale(row_folder, now, older_than):
            shutil.rmtree(row_folder, ignore_errors=True)
            removed += not row_folder.exists()
    if removed:
        log.info("removed %d stale temporary file(s) of an interrupted write", removed)
    return removed
