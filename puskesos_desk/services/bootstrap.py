"""Opening the application's database: resolve, check, migrate (after a backup), load missing reference data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import MigrationResult, upgrade_database
from puskesos_desk.data.seed import SeedReport, ensure_reference_data
from puskesos_desk.domain.errors import DatabaseProblem, DatabaseReadOnly

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedDatabase:
    db: Database
    migration: MigrationResult
    seed: SeedReport


STARTUP_WAIT_MS = 300_000


def _check_sqlite_location(path: Path) -> None:
    if path.is_dir():
        raise DatabaseProblem(f"{path} adalah folder, bukan berkas basis data.")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise DatabaseProblem(
                f"Berkas {path} bukan basis data Puskesos Desk (atau rusak). Berkas tidak diubah; "
                "pilih berkas lain atau pulihkan dari cadangan."
            )


def open_database(target: str | None = None, *, migrate: bool = True) -> OpenedDatabase:
    """Open the database the user chose (or the default), bring it up to date, and make it ready to use."""
    db = Database.open(target)
    try:
        if db.path is not None:
            _check_sqlite_location(db.path)
        migration = upgrade_database(db) if migrate else MigrationResult(None, "", None)
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
