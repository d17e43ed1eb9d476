"""CLI verb `backup`: backups of a SQLite site and restoring one (docs/backup.md).

    puskesos-desk backup create [--to FOLDER] [--password-file FILE] [--json]
    puskesos-desk backup list [--json]
    puskesos-desk backup restore FILE [--password-file FILE] [--yes] [--json]

`create` writes into the site's backup folder unless --to names another (a USB stick); a site with a backup
password needs it (--password-file) and gets a sealed `.db.enc`. `restore` checks the file first (integrity,
schema, site) and asks for confirmation on a terminal; without a terminal it needs --yes and never waits.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.cli.package_password import given_password
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services import backups
from puskesos_desk.services.bootstrap import open_database

CONFIRM_WORD = "PULIHKAN"


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = sub.add_parser("backup", help="cadangan basis data (SQLite): buat, daftar, pulihkan")
    verbs = parser.add_subparsers(dest="backup_command", required=True, metavar="create|list|restore")
    create = verbs.add_parser("create", help="buat cadangan sekarang")
    common(create)
    create.add_argument("--to", metavar="FOLDER", help="folder tujuan, misalnya flashdisk (bawaan: folder cadangan "
                        "di samping basis data)")
    create.add_argument("--password-file", metavar="FILE", help="berkas berisi kata sandi cadangan situs")
    listing = verbs.add_parser("list", help="daftar cadangan yang ada")
    common(listing)
    restore = verbs.add_parser("restore", help="pulihkan basis data dari berkas cadangan (basis data yang sekarang "
                               "disimpan di folder cadangan)")
    common(restore)
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--password-file", metavar="FILE", help="berkas berisi kata sandi cadangan (berkas .enc)")
    restore.add_argument("--yes", action="store_true", help="pulihkan tanpa bertanya (wajib bila tidak di terminal)")


def _size(size_bytes: int) -> str:
    return f"{size_bytes / (1 << 20):.1f} MB".replace(".", ",")


def cmd_backup(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if args.backup_command == "create":
            return _create(ctx, args)
        if args.backup_command == "list":
            return _list(ctx, args)
        return _restore(ctx, args)
    finally:
        opened.db.dispose()


def _create(ctx: Any, args: argparse.Namespace) -> int:
    folder = Path(args.to) if args.to else backups.backup_folder(ctx)
    made = backups.create_backup(ctx, folder, password=given_password(args, default_env=False))
    lock = " (terenkripsi)" if made.encrypted else ""
    emit({"ok": True, "path": str(made.path), "size_bytes": made.size_bytes, "sha256": made.sha256,
          "encrypted": made.encrypted, "site_code": made.site_code}, as_json=args.json, unmask=args.unmask,
         lines=[f"Cadangan{lock} tersimpan: {made.path} ({_size(made.size_bytes)}).", f"SHA-256: {made.sha256}"])
    return 0


def _list(ctx: Any, args: argparse.Namespace) -> int:
    found = backups.list_backups(ctx)
    items = [{"path": str(item.path), "kind": item.kind, "taken_at": item.taken_at, "size_bytes": item.size_bytes,
              "encrypted": item.encrypted} for item in found]
    lines = [f"{item.taken_at:%d-%m-%Y %H:%M}  {item.kind:<16} {_size(item.size_bytes):>9}  {item.path}"
             for item in found] or ["Belum ada cadangan."]
    emit({"ok": True, "folder": str(backups.backup_folder(ctx)), "backups": items}, as_json=args.json,
         unmask=args.unmask, lines=lines)
    return 0


def _restore(ctx: Any, args: argparse.Namespace) -> int:
    file = Path(args.file)
    password = given_password(args, default_env=False)
    if backups.needs_password(file) and not password:
        raise InputRejected("Berkas cadangan ini dienkripsi. Berikan kata sandi cadangan dengan --password-file FILE.")
    info = backups.inspect(ctx, file, password=password)
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputRejected("Pemulihan mengganti seluruh basis data. Tambahkan --yes untuk memulihkan tanpa "
                                "bertanya; perintah ini tidak menunggu ketikan karena tidak dijalankan di terminal.")
        sys.stderr.write(f"Situs {info.facts.site_code} ({info.facts.site_name}), data sampai "
                         f"{info.facts.last_event_at or '-'}, skema {info.facts.revision}, {_size(info.size_bytes)}.\n"
                         f"Basis data sekarang akan diganti (disimpan di folder cadangan). Ketik {CONFIRM_WORD} "
                         "untuk melanjutkan: ")
        sys.stderr.flush()
        if sys.stdin.readline().strip() != CONFIRM_WORD:
            raise InputRejected("Pemulihan dibatalkan; tidak ada yang diubah.")
    result = backups.restore(ctx, file, password)
    migrated = f" Skema diperbarui dari {result.migrated_from}." if result.migrated_from else ""
    emit({"ok": True, "restored_from": str(file), "replaced_database": str(result.replaced_path),
          "site_code": info.facts.site_code, "schema_of_backup": info.facts.revision,
          "migrated_from": result.migrated_from, "audit_event_id": result.audit_event_id},
         as_json=args.json, unmask=args.unmask,
         lines=[f"Basis data dipulihkan dari {file}.{migrated}",
                f"Basis data sebelumnya disimpan sebagai {result.replaced_path}."])
    return 0
