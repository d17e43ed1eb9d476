"""Restore mechanics: a private working copy of the chosen file, what that copy is, and the swap into place.

The chosen file is never opened where it lies (a USB stick, a file that is itself someone's live database): it is
copied, or decrypted, next to the live database first, so the swap is a rename on one file system. The live file
is hard-linked (or copied) aside before the copy replaces it with one os.replace, so at no moment is there no
database at the live path; its -wal and -shm go aside with it, since a stale WAL next to another database file
would be replayed into it. Every file is opened through `db.connect_file`, which keys it for an encrypted site.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from puskesos_desk.data.backup_container import decrypt_file, is_container
from puskesos_desk.data.db import Database
from puskesos_desk.domain.errors import InputRejected

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class BackupFacts:
    """What a candidate database holds, read before anything is replaced."""

    integrity: str  # "ok" or SQLite's first complaint
    is_database: bool
    revision: str | None
    site_code: str | None
    site_name: str | None
    last_event_at: str | None  # the newest audit event: when the data in the file were last changed
    households: int | None


@dataclass(frozen=True, slots=True)
class Swap:
    live: Path
    aside: Path
    moved_side_files: tuple[tuple[Path, Path], ...]


def working_copy(db: Database, source: Path, password: str | None, *, progress: Callable[[int, int], None] | None
                 = None) -> Path:
    """Copy or decrypt `source` next to the live database; the caller deletes the copy when done."""
    if db.path is None:
        raise InputRejected("Pemulihan dari berkas hanya untuk basis data SQLite.")
    if not source.is_file():
        raise InputRejected(f"Berkas {source} tidak ditemukan.")
    target = db.path.with_name(f".pemulihan-{datetime.now():%Y%m%d-%H%M%S-%f}.db")
    if is_container(source):
        if not password:
            raise InputRejected("Berkas cadangan ini dilindungi kata sandi. Masukkan kata sandi cadangan.",
                                field="password")
        decrypt_file(source, target, password, progress=progress)
    else:
        shutil.copyfile(source, target)
    return target


def _one(connection: sqlite3.Connection, sql: str) -> object:
    row = connection.execute(sql).fetchone()
    return row[0] if row else None


def read_facts(db: Database, path: Path) -> BackupFacts:
    """Integrity, schema revision and site of a candidate; a file that is no database at all says so."""
    try:
        connection = db.connect_file(path)
    except sqlite3.DatabaseError:
        return BackupFacts("bukan basis data", False, None, None, None, None, None)
    try:
        integrity = str(_one(connection, "PRAGMA integrity_check"))
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        is_ours = {"alembic_version", "site"} <= tables
        if integrity != "ok" or not is_ours:
            return BackupFacts(integrity, is_ours, None, None, None, None, None)
        revision = _one(connection, "SELECT version_num FROM alembic_version")
        site = connection.execute("SELECT code, name FROM site WHERE deleted_at IS NULL LIMIT 1").fetchone()
        last = _one(connection, "SELECT max(occurred_at) FROM audit_event") if "audit_event" in tables else None
        households = _one(connection, "SELECT count(*) FROM household") if "household" in tables else None
        return BackupFacts(integrity, True, str(revision) if revision else None, site[0] if site else None,
                           site[1] if site else None, str(last) if last else None,
                           int(households) if isinstance(households, int) else None)
    except sqlite3.DatabaseError as exc:  # a damaged file may pass the header and fail on the first page read
        return BackupFacts(str(exc), False, None, None, None, None, None)
    finally:
        connection.close()


def _checkpoint(db: Database) -> None:
    """Fold the WAL into the main file, so the file put aside is whole by itself."""
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    except sqlite3.DatabaseError as exc:
        log.warning("checkpoint before restore failed: %s", exc)
    finally:
        raw.close()


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def swap_in(db: Database, candidate: Path, aside: Path) -> Swap:
    """Put `candidate` at the live path; the live database (and its -wal/-shm) ends up at `aside`."""
    if db.path is None:
        raise InputRejected("Pemulihan dari berkas hanya untuk basis data SQLite.")
    live = db.path
    _checkpoint(db)
    db.dispose()
    aside.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(live, aside)
    except OSError:  # a file system without hard links: a copy (the pool is closed, nobody writes now)
        shutil.copy2(live, aside)
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in SIDE_FILES:
            if _side(live, suffix).exists():
                os.replace(_side(live, suffix), _side(aside, suffix))
                moved.append((_side(live, suffix), _side(aside, suffix)))
        os.replace(candidate, live)
    except BaseException:
        for original, moved_to in reversed(moved):
            os.replace(moved_to, original)
        aside.unlink(missing_ok=True)
        raise
    log.info("restore: live database put aside as %s", aside.name)
    return Swap(live=live, aside=aside, moved_side_files=tuple(moved))


def swap_back(db: Database, swap: Swap) -> None:
    """Undo `swap_in` after a later step failed: the original database returns to the live path."""
    db.dispose()
    for suffix in SIDE_FILES:
        _side(swap.live, suffix).unlink(missing_ok=True)  # the restored file's, never the original's
    for original, moved_to in swap.moved_side_files:
        os.replace(moved_to, original)
    os.replace(swap.aside, swap.live)
    log.warning("restore undone: the original database is back in place")
