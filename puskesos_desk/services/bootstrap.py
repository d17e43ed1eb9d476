"""Opening the application's database: resolve, check, migrate (after a backup), load missing reference data."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import MigrationResult, upgrade_database
from puskesos_desk.data.seed import SeedReport, ensure_reference_data
from puskesos_desk.data.site_key import DatabaseKeyRequired, is_encrypted_file, read_key_file, unwrap
from puskesos_desk.domain.errors import DatabaseProblem, DatabaseReadOnly
from puskesos_desk.services.backups import run_daily_backup

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedDatabase:
    db: Database
    migration: MigrationResult
    seed: SeedReport


STARTUP_WAIT_MS = 300_000
ENV_DB_PASSPHRASE = "PUSKESOS_DB_PASSPHRASE"
# A passphrase the CLI asked for once at its start (kept in this process only, not put into the environment that
# worker processes inherit).
_remembered: dict[str, str] = {}


def remember_passphrase(passphrase: str) -> None:
    _remembered["passphrase"] = passphrase


def _check_sqlite_location(path: Path) -> None:
    if path.is_dir():
        raise DatabaseProblem(f"{path} adalah folder, bukan berkas basis data.")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0 and not is_encrypted_file(path):
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise DatabaseProblem(
                f"Berkas {path} bukan basis data Puskesos Desk (atau rusak). Berkas tidak diubah; "
                "pilih berkas lain atau pulihkan dari cadangan."
            )


def site_data_key(path: Path, *, passphrase: str | None = None) -> bytes | None:
    """The data key of an encrypted site file (None for a plain one), from the passphrase given or else from
    PUSKESOS_DB_PASSPHRASE. Without either: DatabaseKeyRequired, which the CLI reports with exit 3 and the
    desktop app answers with the unlock dialog."""
    if not is_encrypted_file(path):
        return None
    key_file = read_key_file(path)
    secret = passphrase if passphrase is not None else (
        os.environ.get(ENV_DB_PASSPHRASE) or _remembered.get("passphrase"))
    if not secret:
        raise DatabaseKeyRequired(
            f"Basis data {path} terenkripsi. Masukkan frasa sandi basis data (di baris perintah: variabel "
            f"{ENV_DB_PASSPHRASE}, atau ketik saat diminta).")
    return unwrap(key_file, secret)


def open_database(target: str | None = None, *, migrate: bool = True, passphrase: str | None = None,
                  data_key: bytes | None = None) -> OpenedDatabase:
    """Open the database the user chose (or the default), bring it up to date, and make it ready to use.

    An encrypted site opens with `data_key` (already unwrapped, e.g. by the unlock dialog or a recovery key), or
    with the key unwrapped from `passphrase` / PUSKESOS_DB_PASSPHRASE."""
    db = Database.open(target)
    if db.path is not None and (data_key is not None or is_encrypted_file(db.path)):
        key = data_key if data_key is not None else site_data_key(db.path, passphrase=passphrase)
        db.dispose()
        db = Database(db.url, key=key)
    try:
        if db.path is not None:
            _check_sqlite_location(db.path)
        migration = upgrade_database(db) if migrate else MigrationResult(None, "", None)
        if migrate:
            run_daily_backup(db)  # first start of the day; never raises, a failure shows in Pengaturan
        # Several PCs of an office may start a new version together: the others wait for the first one's load.
        with db.transaction(None, wait_ms=STARTUP_WAIT_MS) as session:
            seed = ensure_reference_data(session)
    except DatabaseReadOnly:
        db.dispose()
        raise
    except Exception:
        db.dispose()
        raise
    return OpenedDatabase(db=db, migration=migration, seed=seed)
