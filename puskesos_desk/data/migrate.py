"""Schema migrations with Alembic: upgrade on start, backup first, refuse a database from a newer version."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import DBAPIError

from puskesos_desk.data.backup import BackupResult, backup_sqlite
from puskesos_desk.data.db import Database, translate_db_error
from puskesos_desk.data.locks import lock_key
from puskesos_desk.domain.errors import DatabaseProblem, SchemaTooNew

log = logging.getLogger(__name__)
SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: BackupResult | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found")
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except DBAPIError as exc:
        problem = translate_db_error(exc, db.url)
        if problem is not None:
            raise problem from exc
        raise


def _has_foreign_tables(db: Database) -> bool:
    with db.engine.connect() as connection:
        names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"})


def upgrade_database(db: Database, *, backup: bool = True) -> MigrationResult:
    """Bring the schema to head. An existing database is backed up first; a newer one is refused untouched."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        db.enable_wal()
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"Basis data ini dibuat oleh versi Puskesos Desk yang lebih baru (skema {current}). "
            "Pasang versi aplikasi yang terbaru. Berkas basis data tidak diubah."
        )
    if current is None and _has_foreign_tables(db):
        raise DatabaseProblem(
            f"Berkas {db.display_location} berisi tabel lain dan bukan basis data Puskesos Desk. "
            "Berkas tidak diubah; pilih berkas lain."
        )
    db.enable_wal()
    saved: BackupResult | None = None
    if current is not None and backup and db.is_sqlite:
        saved = backup_sqlite(db, reason=f"sebelum-migrasi-{current}")
        if not saved.integrity_ok:
            raise DatabaseProblem(
                "Pemeriksaan basis data sebelum pembaruan skema gagal (integrity check). Pembaruan dibatalkan; "
                f"cadangan tersimpan di {saved.path}."
            )
    config = alembic_config()
    try:
        writer = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine
        with writer.begin() as connection:
            if not db.is_sqlite:
                # Several PCs of an office may start a new version at once: one migrates, the others wait here and
                # then find the schema at head (Alembic reads the version after the lock, so its upgrade is a no-op).
                connection.execute(select(func.pg_advisory_xact_lock(lock_key("schema-migration"))))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as exc:
        problem = translate_db_error(exc, db.url)
        if problem is not None:
            raise problem from exc
        raise
    log.info("database schema upgraded from %s to %s", current, head)
    return MigrationResult(current, head, saved)
