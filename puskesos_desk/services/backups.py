"""Backups and restore (issue 11; docs/backup.md).

- `run_daily_backup(db)`: the automatic backup on the first start of a day, called by bootstrap after migration.
  It never stops the start: a failure is logged and kept in `automatic_status()` for Pengaturan to show.
- `create_backup(ctx, folder, password)`: "Cadangkan sekarang" / `backup create`, to any folder or USB stick.
  When the site has a backup password, the copy must be sealed with it (data/backup_container.py).
- `restore(ctx, file, password)`: checks the file before the live database is touched, swaps it in, migrates an
  older schema, and records the restore in the restored audit chain. Any failure after the swap puts the
  original back.

The backup password is never stored: the site keeps only its argon2id hash, to catch a mistyped password before
a backup nobody can open is written. It is asked for at each backup and restore.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from puskesos_desk.data import backup_files
from puskesos_desk.data.audit import append_event
from puskesos_desk.data.backup import BackupResult, backup_sqlite, default_backup_folder
from puskesos_desk.data.backup_container import BackupFileDamaged, check_password, encrypt_file, is_container
from puskesos_desk.data.backup_restore import BackupFacts, read_facts, swap_back, swap_in, working_copy
from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import head_revision, known_revisions, upgrade_database
from puskesos_desk.data.repositories import sites
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import DatabaseProblem, InputRejected, PermissionDenied
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.passwords import check_password_policy, hash_password, verify_password

log = logging.getLogger(__name__)

PASSWORD_SETTING = "backup.password_hash"
RECENT_SETTING = "backup.recent_manual"
RECENT_KEPT = 10
# "0" turns the automatic daily backup off: the test suite (hundreds of fresh databases a run), and a site whose
# PC is backed up by other means. Documented in docs/backup.md.
ENV_AUTO_BACKUP = "PUSKESOS_AUTO_BACKUP"
AUDIT_ENTITY = "cadangan"
POSTGRES_MESSAGE = (
    "Basis data ini ada di server PostgreSQL: cadangkan dan pulihkan dengan pg_dump dan pg_restore di server "
    "(lihat docs/postgresql.md, bagian pg_dump). Aplikasi tidak membuat cadangan server."
)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AutomaticStatus:
    """The outcome of this start's automatic backup, for Pengaturan."""

    ok: bool
    message: str
    path: Path | None = None


@dataclass(frozen=True)
class CreatedBackup:
    path: Path
    size_bytes: int
    sha256: str
    encrypted: bool
    site_code: str


@dataclass(frozen=True)
class BackupInfo:
    """What a chosen file is, shown before the restore is confirmed."""

    path: Path
    size_bytes: int
    encrypted: bool
    facts: BackupFacts
    schema_state: str  # "sama", "lama" (migrated after restore) — anything else is refused before this is built


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    replaced_path: Path
    migrated_from: str | None
    audit_event_id: str


_status_lock = threading.Lock()
_automatic: AutomaticStatus | None = None


def automatic_status() -> AutomaticStatus | None:
    with _status_lock:
        return _automatic


def _set_automatic(status: AutomaticStatus) -> None:
    global _automatic
    with _status_lock:
        _automatic = status


def run_daily_backup(db: Database, now: datetime | None = None) -> BackupResult | None:
    """The first start of the day makes one backup and rotates the folder; a failure never blocks the start."""
    if not db.is_sqlite or db.path is None or os.environ.get(ENV_AUTO_BACKUP, "1").strip() in {"0", "off"}:
        return None
    try:
        result = backup_files.ensure_daily_backup(db, now)
    except Exception as exc:  # a full disk or a locked folder must not keep the office from working
        log.exception("automatic daily backup failed")
        _set_automatic(AutomaticStatus(False, f"Cadangan otomatis hari ini gagal dibuat: {exc}. Buat cadangan "
                                              "manual dengan Cadangkan sekarang, lalu periksa ruang disk."))
        return None
    if result is not None and not result.integrity_ok:
        _set_automatic(AutomaticStatus(False, "Cadangan otomatis hari ini tidak lolos pemeriksaan keutuhan. "
                                              "Basis data mungkin rusak: hubungi operator kabupaten.", result.path))
    elif result is not None:
        _set_automatic(AutomaticStatus(True, "Cadangan otomatis hari ini sudah dibuat.", result.path))
    return result


def _require_sqlite(ctx: ServiceContext) -> Path:
    if not ctx.db.is_sqlite or ctx.db.path is None:
        raise DatabaseProblem(POSTGRES_MESSAGE)
    return ctx.db.path


def _require_any(ctx: ServiceContext, *permissions: Permission) -> None:
    if not any(ctx.actor.can(permission) for permission in permissions):
        raise PermissionDenied("Hanya Admin yang dapat mengelola cadangan basis data.")


# --- the backup password ------------------------------------------------------------------------------------------


def backup_password_set(ctx: ServiceContext) -> bool:
    with ctx.db.reading() as session:
        return bool(sites.get_setting(session, PASSWORD_SETTING))


def set_backup_password(ctx: ServiceContext, password: str | None) -> None:
    """Set (or with None/"" remove) the site's backup password; only its hash is kept."""
    ctx.require(Permission.MANAGE_SETTINGS)
    if password:
        check_password_policy(password)
    value = hash_password(password) if password else None
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, PASSWORD_SETTING, value)


def _checked_password(ctx: ServiceContext, password: str | None) -> str | None:
    with ctx.db.reading() as session:
        stored = sites.get_setting(session, PASSWORD_SETTING)
    if not stored:
        return password or None
    if not password:
        raise InputRejected("Situs ini memakai kata sandi cadangan: cadangan ke folder lain selalu dienkripsi. "
                            "Masukkan kata sandi cadangan.", field="password")
    if not verify_password(stored, password):
        raise InputRejected("Kata sandi cadangan salah. Tidak ada berkas yang ditulis.", field="password")
    return password


# --- backing up ---------------------------------------------------------------------------------------------------


def create_backup(ctx: ServiceContext, folder: Path, *, password: str | None = None,
                  progress: Progress | None = None) -> CreatedBackup:
    """A backup to `folder` named with the site code and time; sealed when the site has a backup password."""
    ctx.require(Permission.MANAGE_SETTINGS)
    _require_sqlite(ctx)
    secret = _checked_password(ctx, password)
    code = backup_files.site_code_of(ctx.db) or "tanpa-situs"
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputRejected(f"Folder {folder} tidak dapat dipakai: {exc.strerror or exc}.") from exc
    moment = ctx.now().astimezone().replace(tzinfo=None)
    name = backup_files.backup_name(code, moment, backup_files.MANUAL, encrypted=secret is not None)
    target = folder / name
    if secret is None:
        result = backup_sqlite(ctx.db, reason=backup_files.MANUAL, folder=folder, file_name=name, progress=progress)
        path, size, digest = result.path, result.size_bytes, result.sha256
    else:
        plain = backup_sqlite(ctx.db, reason=backup_files.MANUAL, folder=default_backup_folder(ctx.db),
                              file_name=f".{name}.tmp", progress=None)
        try:
            encrypt_file(plain.path, target, secret, progress=progress)
        finally:
            plain.path.unlink(missing_ok=True)
        path, size, digest = target, target.stat().st_size, plain.sha256
    created = CreatedBackup(path=path, size_bytes=size, sha256=digest, encrypted=secret is not None, site_code=code)
    with ctx.db.transaction(ctx.actor) as session:
        append_event(session, AuditAction.BACKUP, entity=AUDIT_ENTITY, entity_id=path.name,
                     changes={"operation": "backup", "file": str(path), "size_bytes": size, "sha256": digest,
                              "encrypted": created.encrypted})
        recent = [item for item in (sites.get_setting(session, RECENT_SETTING) or []) if item != str(path)]
        sites.set_setting(session, RECENT_SETTING, [str(path), *recent][:RECENT_KEPT])
    return created


def list_backups(ctx: ServiceContext) -> list[backup_files.BackupFile]:
    """The site folder's backups and the recent manual ones that still exist, newest first."""
    _require_any(ctx, Permission.MANAGE_SETTINGS, Permission.RESTORE_BACKUP)
    _require_sqlite(ctx)
    found = {item.path: item for item in backup_files.list_backups(default_backup_folder(ctx.db))}
    with ctx.db.reading() as session:
        recent = sites.get_setting(session, RECENT_SETTING) or []
    for text in recent:
        item = backup_files.describe(Path(text))
        if item is not None:
            found.setdefault(item.path, item)
    return sorted(found.values(), key=lambda item: (item.taken_at, item.path.name), reverse=True)


def backup_folder(ctx: ServiceContext) -> Path:
    _require_sqlite(ctx)
    return default_backup_folder(ctx.db)


# --- restoring ----------------------------------------------------------------------------------------------------


def _live_site(ctx: ServiceContext) -> tuple[str, str]:
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        return (site.code, site.name) if site is not None else ("", "")


def _refuse_unless_restorable(name: str, facts: BackupFacts, live: tuple[str, str]) -> str:
    """The checks made before the live database is touched; returns "sama" or "lama" (older schema)."""
    untouched = "Basis data yang sedang dipakai tidak diubah."
    if facts.integrity != "ok":
        raise InputRejected(f"Berkas {name} rusak atau bukan cadangan basis data Puskesos Desk (pemeriksaan "
                            f"keutuhan: {facts.integrity[:120]}). {untouched}")
    if not facts.is_database or facts.revision is None:
        raise InputRejected(f"Berkas {name} bukan cadangan basis data Puskesos Desk. {untouched}")
    if facts.revision not in known_revisions():
        raise InputRejected(f"Cadangan {name} dibuat oleh versi Puskesos Desk yang lebih baru (skema "
                            f"{facts.revision}; aplikasi ini mengenal sampai skema {head_revision()}). Pasang versi "
                            f"aplikasi yang terbaru, lalu pulihkan lagi. {untouched}")
    if facts.site_code != live[0]:
        other = f"{facts.site_code} ({facts.site_name})" if facts.site_code else "tanpa situs"
        raise InputRejected(f"Cadangan {name} milik situs {other}, sedangkan basis data ini milik situs {live[0]} "
                            f"({live[1]}). Cadangan situs lain tidak dapat dipulihkan di sini. {untouched}")
    return "sama" if facts.revision == head_revision() else "lama"


def _prepare(ctx: ServiceContext, source: Path, password: str | None,
             progress: Progress | None) -> tuple[Path, BackupInfo]:
    try:
        copy = working_copy(ctx.db, source, password, progress=progress)
    except BackupFileDamaged:
        raise
    except OSError as exc:
        raise InputRejected(f"Berkas {source.name} tidak dapat dibaca: {exc.strerror or exc}.") from exc
    try:
        facts = read_facts(ctx.db, copy)
        state = _refuse_unless_restorable(source.name, facts, _live_site(ctx))
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    info = BackupInfo(path=source, size_bytes=source.stat().st_size, encrypted=is_container(source), facts=facts,
                      schema_state=state)
    return copy, info


def needs_password(file: Path) -> bool:
    return is_container(Path(file))


def check_backup_password(file: Path, password: str) -> None:
    """Raise BackupPasswordWrong unless the password opens the sealed file (cheap: the header only)."""
    check_password(Path(file), password)


def inspect(ctx: ServiceContext, file: Path, *, password: str | None = None) -> BackupInfo:
    """What the file is and whether it may be restored here (refusals raise InputRejected); nothing changes."""
    ctx.require(Permission.RESTORE_BACKUP)
    _require_sqlite(ctx)
    copy, info = _prepare(ctx, Path(file), password, None)
    copy.unlink(missing_ok=True)
    return info


def _aside_path(ctx: ServiceContext) -> Path:
    folder = default_backup_folder(ctx.db)
    moment = datetime.now()
    path = folder / backup_files.replaced_name(moment)
    while path.exists():  # two restores within one second
        moment = moment.replace(second=(moment.second + 1) % 60)
        path = folder / backup_files.replaced_name(moment)
    return path


def restore(ctx: ServiceContext, file: Path, password: str | None = None, *,
            progress: Progress | None = None) -> RestoreResult:
    """Replace the live database with a checked backup; the replaced one stays in the backup folder."""
    from puskesos_desk.data.seed import ensure_reference_data  # the seed pulls in the reference files

    ctx.require(Permission.RESTORE_BACKUP)
    _require_sqlite(ctx)
    source = Path(file)
    copy, info = _prepare(ctx, source, password, progress)
    try:
        swap = swap_in(ctx.db, copy, _aside_path(ctx))
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    try:
        migration = upgrade_database(ctx.db)
        with ctx.db.transaction(None) as session:
            ensure_reference_data(session)
        with ctx.db.transaction(ctx.actor) as session:
            event = append_event(
                session, AuditAction.BACKUP, entity=AUDIT_ENTITY, entity_id=source.name,
                reason="Pemulihan basis data dari cadangan",
                changes={"operation": "restore", "file": str(source), "replaced_database": str(swap.aside),
                         "schema_of_backup": info.facts.revision, "schema_now": migration.to_revision,
                         "data_until": info.facts.last_event_at, "encrypted": info.encrypted})
            event_id = event.id
    except BaseException:
        log.exception("restore failed after the swap; putting the original database back")
        swap_back(ctx.db, swap)
        raise
    log.info("restored %s (schema %s -> %s); replaced database kept as %s", source.name, info.facts.revision,
             migration.to_revision, swap.aside.name)
    return RestoreResult(info=info, replaced_path=swap.aside,
                         migrated_from=migration.from_revision if migration.changed else None,
                         audit_event_id=event_id)
