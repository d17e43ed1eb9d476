"""Schema migrations with Alembic: upgrade on start, backup first, refuse a database from a newer version.

Alembic (and through it every migration script) is imported only when the schema is not at HEAD_REVISION: a start
on an up-to-date database reads the version row with one query and skips 25 MB of imports (issue 13's idle memory).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from puskesos_desk.data.backup import BackupResult, backup_sqlite
from puskesos_desk.data.db import Database, translate_db_error
from puskesos_desk.data.locks import lock_key
from puskesos_desk.domain.errors import DatabaseProblem, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. A new migration changes it in the same commit; tests/data/test_migrations.py
# fails until it does, so a start never mistakes an old schema for the current one.
HEAD_REVISION = "0013"


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: BackupResult | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def head_revision() -> str:
    """The head as the migration scripts say (Alembic); HEAD_REVISION is the copy a start compares with."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found")
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    """The revision stored in the database (Alembic's version table), None for a database without one."""
    return _schema_state(db)[0]


def _schema_state(db: Database) -> tuple[str | None, bool]:
    """(stored revision, whether the file holds tables that are not ours), read in one transaction: another program
    creating the schema at this very moment must not be seen half-way (no version yet, then tables)."""
    try:
        with db.engine.connect() as connection, connection.begin():
            names = set(inspect(connection).get_table_names())
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() \
                if "alembic_version" in names else []
    except DBAPIError as exc:
        problem = translate_db_error(exc, db.url)
        if problem is not None:
            raise problem from exc
        raise
    if len(versions) > 1:  # the history is linear; more than one head means the file was edited by hand
        raise DatabaseProblem(f"Basis data {db.display_location} mencatat lebih dari satu versi skema "
                              f"({', '.join(sorted(versions))}). Berkas tidak diubah; hubungi operator kabupaten.")
    return (versions[0] if versions else None), not versions and bool(names - {"alembic_version"})


def upgrade_database(db: Database, *, backup: bool = True) -> MigrationResult:
    """Bring the schema to head. An existing database is backed up first; a newer one is refused untouched."""
    current, foreign_tables = _schema_state(db)
    if current == HEAD_REVISION:
        db.enable_wal()
        return MigrationResult(current, HEAD_REVISION, None)
    from alembic import command

    head = head_revision()
    if current == head:  # HEAD_REVISION is behind the scripts (a test catches this); still nothing to do
        db.enable_wal()
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"Basis data ini dibuat oleh versi Puskesos Desk yang lebih baru (skema {current}). "
            "Pasang versi aplikasi yang terbaru. Berkas basis data tidak diubah."
        )
    if current is None and foreign_tables:
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
