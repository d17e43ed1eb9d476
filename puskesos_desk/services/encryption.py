"""Encryption at rest for a site's SQLite file (opt-in): status, enabling, passphrase, recovery key and sheet.

The site file becomes a SQLCipher database under a random data key; `<database>.key` keeps that key wrapped under
the site passphrase (data/site_key.py). Changing the passphrase rewraps the key and leaves the database alone; the
recovery key (the data key on paper, kept by the district) opens the site when the passphrase or the key file is
lost and sets a new passphrase. Lose both and the data is gone: nobody can open it.

A PostgreSQL site is not covered: its protection is the server's (disk encryption, access control).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import Database
from puskesos_desk.data.encrypted_copy import export_encrypted
from puskesos_desk.data.site_key import (
    DatabaseKeyRequired,
    DatabaseKeyWrong,
    check_passphrase_strength,
    has_plain_header,
    is_encrypted_file,
    key_file_path,
    key_id,
    new_data_key,
    parse_recovery_key,
    read_key_file,
    recovery_key_text,
    unwrap,
    wrap,
    write_key_file,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import DatabaseProblem, InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.bootstrap import ENV_DB_PASSPHRASE
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import letterhead
from puskesos_desk.services.site import get_site_info

__all__ = ["ENV_DB_PASSPHRASE", "DatabaseKeyRequired", "DatabaseKeyWrong", "EncryptionStatus", "NewSiteKey",
           "change_passphrase", "check_passphrase_strength", "database_path", "enable_encryption",
           "enable_with_recovery_sheet", "encryption_status", "is_encrypted_target", "prepare_new_encrypted_site",
           "recover_with_key", "recovery_sheet_pdf", "unlock", "write_recovery_sheet"]

log = logging.getLogger(__name__)

AUDIT_ENTITY = "enkripsi_basis_data"
NOT_SQLITE = ("Enkripsi basis data hanya untuk berkas SQLite di komputer ini. Basis data di server PostgreSQL "
              "dilindungi di server (enkripsi disk dan hak akses), lihat docs/security.md.")


@dataclass(frozen=True)
class EncryptionStatus:
    supported: bool  # a SQLite file (a server is protected on the server)
    encrypted: bool
    database: str
    key_id: str | None = None
    key_created: str | None = None
    key_file: str | None = None


@dataclass(frozen=True)
class NewSiteKey:
    key_id: str
    recovery_key: str  # shown or printed once here, then only through the recovery sheet
    data_key: bytes = field(repr=False)


def database_path(target: str | None) -> Path | None:
    """The SQLite file `target` names (as --db, PUSKESOS_DB or the default resolve it); None for a server."""
    db = Database.open(target)
    try:
        return db.path
    finally:
        db.dispose()


def is_encrypted_target(target: str | None) -> bool:
    path = database_path(target)
    return path is not None and is_encrypted_file(path)


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise InputRejected(NOT_SQLITE)
    return db.path


def encryption_status(ctx: ServiceContext) -> EncryptionStatus:
    ctx.require(Permission.MANAGE_SETTINGS)
    path = ctx.db.path
    if path is None:
        return EncryptionStatus(supported=False, encrypted=False, database=ctx.db.display_location)
    if not is_encrypted_file(path):
        return EncryptionStatus(supported=True, encrypted=False, database=str(path))
    key_file = read_key_file(path)
    return EncryptionStatus(supported=True, encrypted=True, database=str(path), key_id=key_file.key_id,
                            key_created=key_file.created, key_file=str(key_file_path(path)))


def unlock(target: str | None, passphrase: str) -> bytes:
    """The data key of the encrypted site `target`, checked against the database itself."""
    path = database_path(target)
    if path is None or not is_encrypted_file(path):
        raise InputRejected("Basis data ini tidak terenkripsi; tidak perlu frasa sandi.")
    data_key = unwrap(read_key_file(path), passphrase)
    _check_key_opens(path, data_key)
    return data_key


def _check_key_opens(path: Path, data_key: bytes) -> None:
    Database(f"sqlite:///{path}", key=data_key).connect_file(path).close()  # raises DatabaseKeyWrong


def prepare_new_encrypted_site(target: str | None, passphrase: str) -> NewSiteKey:
    """`init --encrypt`: a new data key and its key file, before the (still empty) database is created with it.
    Open the database afterwards with `open_database(target, data_key=…)`."""
    check_passphrase_strength(passphrase)
    path = database_path(target)
    if path is None:
        raise InputRejected(NOT_SQLITE)
    if path.exists() and path.stat().st_size > 0:
        raise InputRejected(f"{path} sudah berisi basis data. Untuk mengenkripsi situs yang sudah ada, pakai "
                            "`puskesos-desk encryption enable` (atau Pengaturan › Enkripsi basis data).")
    path.parent.mkdir(parents=True, exist_ok=True)
    data_key = new_data_key()
    write_key_file(path, wrap(data_key, passphrase))
    return NewSiteKey(key_id=key_id(data_key), recovery_key=recovery_key_text(data_key), data_key=data_key)


def _record(db: Database, action: AuditAction, changes: dict[str, object], reason: str,
            ctx: ServiceContext | None = None) -> None:
    with db.transaction(ctx.actor if ctx else None) as session:
        append_event(session, action, entity=AUDIT_ENTITY, entity_id=str(changes.get("key_id", "")),
                     changes=changes, reason=reason)


def enable_encryption(ctx: ServiceContext, passphrase: str) -> NewSiteKey:
    """Encrypt an existing plain site: an encrypted copy is made and checked (integrity, every table's row count),
    the key file written, then the copy takes the file's name and the plain -wal/-shm are deleted.

    `ctx.db` is disposed and must not be used again: reopen the site with the passphrase. The plain file's old
    blocks on disk and any earlier plain backups are NOT erased by this (docs/security.md)."""
    ctx.require(Permission.MANAGE_SETTINGS)
    check_passphrase_strength(passphrase)
    path = _require_file(ctx.db)
    if is_encrypted_file(path):
        raise InputRejected("Basis data ini sudah terenkripsi.")
    if not has_plain_header(path):
        raise DatabaseProblem(f"{path} bukan basis data SQLite biasa; tidak diubah.")
    site = get_site_info(ctx.db)  # only a set-up site is encrypted here; `init --encrypt` covers a new one
    data_key = new_data_key()
    ctx.db.dispose()
    partial = path.with_name(path.name + ".encrypting")
    partial.unlink(missing_ok=True)  # a copy left by an interrupted attempt was never used
    counts = export_encrypted(path, partial, data_key)
    write_key_file(path, wrap(data_key, passphrase))
    for suffix in ("-wal", "-shm"):  # checkpointed into the copy; a stale -wal next to the new file would be read
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    partial.replace(path)
    opened = Database(f"sqlite:///{path}", key=data_key)
    try:
        opened.enable_wal()
        _record(opened, AuditAction.STATUS_CHANGE,
                {"encrypted": True, "key_id": key_id(data_key), "tables": len(counts),
                 "rows": sum(counts.values())},
                f"Enkripsi basis data diaktifkan untuk {site.code}", ctx)
    finally:
        opened.dispose()
    log.info("site %s encrypted (key id %s, %d rows)", site.code, key_id(data_key), sum(counts.values()))
    return NewSiteKey(key_id=key_id(data_key), recovery_key=recovery_key_text(data_key), data_key=data_key)


def change_passphrase(ctx: ServiceContext, current: str, new: str) -> str:
    """Rewrap the same data key under a new passphrase (the database file is not touched); the key id."""
    ctx.require(Permission.MANAGE_SETTINGS)
    path = _require_file(ctx.db)
    if not is_encrypted_file(path):
        raise InputRejected("Basis data ini tidak terenkripsi; belum ada frasa sandi untuk diganti.")
    check_passphrase_strength(new)
    data_key = unwrap(read_key_file(path), current)
    if ctx.db.key is not None and data_key != ctx.db.key:
        raise DatabaseKeyWrong("Berkas kunci tidak cocok dengan basis data yang sedang dibuka.")
    write_key_file(path, wrap(data_key, new))
    _record(ctx.db, AuditAction.STATUS_CHANGE, {"passphrase_changed": True, "key_id": key_id(data_key)},
            "Frasa sandi basis data diganti", ctx)
    return key_id(data_key)


def recover_with_key(target: str | None, recovery_text: str, new_passphrase: str) -> bytes:
    """The recovery key opens the site and a new key file is written under `new_passphrase`; the data key.
    Works also when the key file is missing or damaged."""
    check_passphrase_strength(new_passphrase)
    path = database_path(target)
    if path is None or has_plain_header(path):
        raise InputRejected("Basis data ini tidak terenkripsi; kunci pemulihan tidak diperlukan.")
    data_key = parse_recovery_key(recovery_text)
    _check_key_opens(path, data_key)
    write_key_file(path, wrap(data_key, new_passphrase))
    db = Database(f"sqlite:///{path}", key=data_key)
    try:
        _record(db, AuditAction.STATUS_CHANGE, {"recovered": True, "key_id": key_id(data_key)},
                "Frasa sandi basis data baru dibuat dengan kunci pemulihan")
    finally:
        db.dispose()
    return data_key


def recovery_sheet_pdf(ctx: ServiceContext) -> tuple[bytes, str]:
    """The one-page recovery sheet of the open (encrypted) site and its key id; the printing is audited."""
    from puskesos_desk.printing.recovery_key import RecoverySheet, render_recovery_sheet  # reportlab: on use only

    ctx.require(Permission.MANAGE_SETTINGS)
    path = _require_file(ctx.db)
    if ctx.db.key is None:
        raise InputRejected("Basis data ini tidak terenkripsi; tidak ada kunci pemulihan.")
    site = get_site_info(ctx.db)
    ident = key_id(ctx.db.key)
    sheet = RecoverySheet(letterhead=letterhead(ctx), site_code=site.code, site_name=site.name, key_id=ident,
                          recovery_key=recovery_key_text(ctx.db.key), made_on=ctx.today(), database=str(path))
    pdf = render_recovery_sheet(sheet)
    _record(ctx.db, AuditAction.PRINT, {"document": "lembar kunci pemulihan", "key_id": ident},
            "Lembar kunci pemulihan basis data dibuat", ctx)
    return pdf, ident


def write_recovery_sheet(ctx: ServiceContext, out: Path) -> str:
    """The recovery sheet of the open site written to `out`; the key id."""
    pdf, ident = recovery_sheet_pdf(ctx)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise InputRejected(f"Tidak dapat menulis {out}: {exc.strerror}.") from exc
    return ident


def enable_with_recovery_sheet(ctx: ServiceContext, passphrase: str, sheet: Path) -> NewSiteKey:
    """Enabling as staff do it: encrypt, then write the recovery sheet from the encrypted site at once. `ctx.db`
    is disposed (see enable_encryption); if the sheet cannot be written the site is still encrypted and the sheet
    can be written again from Pengaturan or `encryption recovery-sheet`."""
    if sheet.is_dir() or not sheet.parent.is_dir():
        raise InputRejected(f"{sheet}: berikan nama berkas PDF di folder yang sudah ada, misalnya kunci.pdf.")
    path = _require_file(ctx.db)
    new_key = enable_encryption(ctx, passphrase)
    reopened = ServiceContext(Database(f"sqlite:///{path}", key=new_key.data_key), ctx.actor, ctx.clock)
    try:
        write_recovery_sheet(reopened, sheet)
    finally:
        reopened.db.dispose()
    return new_key
