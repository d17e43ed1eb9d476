"""The one backup routine: SQLite's online backup API, never a file copy of a live WAL database.

Used before migrations now, and by the backup features later. The copy is checked with PRAGMA integrity_check
before it is reported as good.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.domain.errors import DatabaseProblem

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size_bytes: int
    sha256: str
    integrity_ok: bool


def default_backup_folder(db: Database) -> Path:
    if db.path is None:
        raise DatabaseProblem("Cadangan otomatis hanya untuk basis data SQLite; gunakan pg_dump untuk PostgreSQL.")
    folder = db.path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup_sqlite(db: Database, *, reason: str, folder: Path | None = None, file_name: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> BackupResult:
    """Copy the live database page by page into a new file; readers and writers may keep working meanwhile.

    `file_name` (default: the database's name, a timestamp and the reason) names the copy; `progress(done, total)`
    is called with page counts while copying."""
    if not db.is_sqlite or db.path is None:
        raise DatabaseProblem("Cadangan otomatis hanya untuk basis data SQLite; gunakan pg_dump untuk PostgreSQL.")
    target_folder = folder or default_backup_folder(db)
    target_folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reason)[:40]
    target = target_folder / (file_name or f"{db.path.stem}-{stamp}-{safe_reason}.db")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a copy that was interrupted
    raw = db.engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        destination = db.connect_file(partial)
        try:
            if progress is None:
                source.backup(destination, pages=1024)
            else:
                source.backup(destination, pages=1024,
                              progress=lambda _status, remaining, total: progress(total - remaining, total))
            ok = destination.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            destination.close()
    finally:
        raw.close()
    partial.replace(target)  # only a complete copy carries the .db name
    result = BackupResult(path=target, size_bytes=target.stat().st_size, sha256=_sha256(target), integrity_ok=ok)
    log.info("backup written: %s (%d bytes, integrity %s)", target.name, result.size_bytes, ok)
    return result
