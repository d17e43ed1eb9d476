"""Backup files of a site: their names, the list of what is there, the automatic daily backup and its rotation.

Names (the timestamp is the PC's local time, which is what people read):
    puskesos-<site code>-<YYYYmmdd-HHMMSS>-harian.db          automatic, first start of the day (rotated)
    puskesos-<site code>-<YYYYmmdd-HHMMSS>-manual.db[.enc]    "Cadangkan sekarang" / `backup create` (never rotated)
    <db name>-<YYYYmmdd-HHMMSS-ffffff>-sebelum-migrasi-<rev>.db   before a schema migration (data/migrate.py)
    replaced-<YYYYmmdd-HHMMSS>.db                              the live database a restore put aside
`.enc` marks the encrypted container of data/backup_container.py.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from puskesos_desk.data.backup import BackupResult, backup_sqlite, default_backup_folder
from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories.sites import get_site_row
from puskesos_desk.domain.backup_rotation import KEEP_BEFORE_MIGRATION, backups_to_delete, newest

log = logging.getLogger(__name__)

DAILY, MANUAL, BEFORE_MIGRATION, REPLACED = "harian", "manual", "sebelum-migrasi", "diganti"
ENCRYPTED_SUFFIX = ".enc"
_STAMP = "%Y%m%d-%H%M%S"
_SITE_NAME = re.compile(r"^puskesos-(?P<site>[0-9.]+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>harian|manual)\.db(\.enc)?$")
_MIGRATION_NAME = re.compile(r"-(?P<stamp>\d{8}-\d{6})-\d{6}-sebelum-migrasi-[^/]*\.db$")
_REPLACED_NAME = re.compile(r"^replaced-(?P<stamp>\d{8}-\d{6})\.db$")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    kind: str  # DAILY, MANUAL, BEFORE_MIGRATION or REPLACED
    taken_at: datetime  # local time, from the name
    size_bytes: int
    encrypted: bool


def backup_name(site_code: str, moment: datetime, kind: str, *, encrypted: bool = False) -> str:
    return f"puskesos-{site_code}-{moment.strftime(_STAMP)}-{kind}.db" + (ENCRYPTED_SUFFIX if encrypted else "")


def replaced_name(moment: datetime) -> str:
    return f"replaced-{moment.strftime(_STAMP)}.db"


def describe(path: Path) -> BackupFile | None:
    """What a file in a backup folder is, from its name; None for anything else (a .partial, a stranger's file)."""
    name = path.name
    for pattern, kind in ((_SITE_NAME, None), (_MIGRATION_NAME, BEFORE_MIGRATION), (_REPLACED_NAME, REPLACED)):
        match = pattern.search(name)
        if match is None:
            continue
        try:
            taken = datetime.strptime(match.group("stamp"), _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            return None
        return BackupFile(path=path, kind=kind or match.group("kind"), taken_at=taken, size_bytes=size,
                          encrypted=name.endswith(ENCRYPTED_SUFFIX))
    return None


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [item for path in folder.iterdir() if path.is_file() and (item := describe(path)) is not None]
    return sorted(found, key=lambda item: (item.taken_at, item.path.name), reverse=True)


def site_code_of(db: Database) -> str | None:
    with db.reading() as session:
        site = get_site_row(session)
        return site.code if site is not None else None


def ensure_daily_backup(db: Database, now: datetime | None = None) -> BackupResult | None:
    """The first start of a day backs the database up and rotates the folder; later starts only look at names.

    None when today's backup exists already or the database has no site yet (nothing worth keeping)."""
    moment = now or datetime.now()
    code = site_code_of(db)
    if code is None:
        return None
    folder = default_backup_folder(db)
    if any(item.kind == DAILY and item.taken_at.date() == moment.date() for item in list_backups(folder)):
        return None
    result = backup_sqlite(db, reason=DAILY, folder=folder, file_name=backup_name(code, moment, DAILY))
    rotate(folder)
    return result


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; returns what was deleted."""
    found = list_backups(folder)
    daily = {item.path.name: item for item in found if item.kind == DAILY}
    migration = {item.path.name: item for item in found if item.kind == BEFORE_MIGRATION}
    doomed = backups_to_delete((name, item.taken_at) for name, item in daily.items())
    doomed |= set(migration) - newest(((name, item.taken_at) for name, item in migration.items()),
                                      KEEP_BEFORE_MIGRATION)
    deleted: list[Path] = []
    for name in sorted(doomed):
        path = folder / name
        try:
            path.unlink()
            deleted.append(path)
        except OSError as exc:  # a file open in another program: try again tomorrow
            log.warning("could not delete old backup %s: %s", name, exc)
    if deleted:
        log.info("backup rotation deleted %d file(s)", len(deleted))
    return deleted
