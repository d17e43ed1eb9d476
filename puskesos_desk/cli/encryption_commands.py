"""CLI for encryption at rest (opt-in per site; docs/security.md).

    puskesos-desk init --encrypt --recovery-sheet KUNCI.pdf --site KODE --name NAMA   a new encrypted site
    puskesos-desk encryption status [--json]
    puskesos-desk encryption enable --recovery-sheet KUNCI.pdf                       encrypt an existing site
    puskesos-desk encryption change-passphrase
    puskesos-desk encryption recovery-sheet --out KUNCI.pdf
    puskesos-desk encryption recover                                                 recovery key -> new passphrase

Secrets never come from arguments (they would sit in the shell history and the process list): the site passphrase
from PUSKESOS_DB_PASSPHRASE, a new one from PUSKESOS_DB_NEW_PASSPHRASE, the recovery key from
PUSKESOS_DB_RECOVERY_KEY, else typed at the terminal (a new passphrase twice). Without a terminal and without the
variable the command stops with exit 3 and never waits. Every other command on an encrypted site takes the
passphrase the same way (`ask_site_passphrase`, called once by cli/main.py).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.services import encryption
from puskesos_desk.services.bootstrap import ENV_DB_PASSPHRASE, OpenedDatabase, open_database, remember_passphrase
from puskesos_desk.services.context import ServiceContext

ENV_NEW_PASSPHRASE = "PUSKESOS_DB_NEW_PASSPHRASE"
ENV_RECOVERY_KEY = "PUSKESOS_DB_RECOVERY_KEY"
LOSS_WARNING = ("Bila frasa sandi DAN lembar kunci pemulihan sama-sama hilang, data tidak dapat dibuka lagi oleh "
                "siapa pun. Serahkan lembar kunci pemulihan ke Sekretariat SLRT kabupaten/kota dalam amplop "
                "tertutup.")


class _UsageError(PuskesosError):
    exit_code = 2


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = sub.add_parser("encryption", help="enkripsi basis data (berkas SQLite situs ini)")
    verbs = parser.add_subparsers(dest="encryption_command", required=True,
                                  metavar="status|enable|change-passphrase|recovery-sheet|recover")
    common(verbs.add_parser("status", help="apakah basis data terenkripsi, dan ID kuncinya"))
    enable = verbs.add_parser("enable", help="enkripsi basis data situs yang sudah ada (frasa sandi dari "
                                             f"{ENV_DB_PASSPHRASE} atau diketik)")
    common(enable)
    enable.add_argument("--recovery-sheet", required=True, metavar="FILE.pdf",
                        help="tulis lembar kunci pemulihan (untuk kabupaten/kota) ke berkas ini")
    common(verbs.add_parser("change-passphrase", help=f"ganti frasa sandi (baru dari {ENV_NEW_PASSPHRASE} atau "
                                                      "diketik dua kali)"))
    sheet = verbs.add_parser("recovery-sheet", help="tulis ulang lembar kunci pemulihan (PDF)")
    common(sheet)
    sheet.add_argument("--out", required=True, metavar="FILE.pdf")
    common(verbs.add_parser("recover", help=f"buka dengan kunci pemulihan ({ENV_RECOVERY_KEY} atau diketik) dan "
                                            "buat frasa sandi baru"))


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def read_secret(env_name: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment variable, else typed at the terminal; never waits on a pipe or a service."""
    value = os.environ.get(env_name)
    if value:
        return value
    if not _interactive():
        raise InputRejected(f"{prompt} diperlukan, tetapi tidak ada terminal untuk mengetiknya. Setel variabel "
                            f"lingkungan {env_name}.")
    typed = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"Ulangi {prompt.lower()}: ") != typed:
        raise InputRejected(f"{prompt} yang diketik dua kali tidak sama; tidak ada yang diubah.")
    if not typed:
        raise InputRejected(f"{prompt} kosong; tidak ada yang diubah.")
    return typed


def ask_site_passphrase(args: argparse.Namespace) -> None:
    """Before any command opens an encrypted site: ask once at the terminal when PUSKESOS_DB_PASSPHRASE is unset.
    Without a terminal nothing is asked; opening the site then fails with exit 3 (DatabaseKeyRequired)."""
    if args.command in {"init", "_qt-check"} or getattr(args, "encryption_command", None) in {"recover", "enable"}:
        return
    if os.environ.get(ENV_DB_PASSPHRASE) or not _interactive():
        return
    if encryption.is_encrypted_target(getattr(args, "db", None)):
        remember_passphrase(read_secret(ENV_DB_PASSPHRASE, "Frasa sandi basis data"))


def _checked_pdf_target(value: str) -> Path:
    target = Path(value)
    if target.is_dir() or not target.parent.is_dir():
        raise InputRejected(f"{target}: berikan nama berkas PDF di folder yang sudah ada, misalnya kunci.pdf.")
    return target


def _write_sheet(ctx: ServiceContext, target: Path) -> str:
    return encryption.write_recovery_sheet(ctx, target)


def open_for_init(args: argparse.Namespace) -> tuple[OpenedDatabase, encryption.NewSiteKey | None]:
    """`init` (plain, or with --encrypt a new SQLCipher file under a new key and key file)."""
    if not getattr(args, "encrypt", False):
        return open_database(args.db), None
    if not getattr(args, "recovery_sheet", None):
        raise _UsageError("puskesos-desk init: kesalahan penggunaan: --encrypt memerlukan --recovery-sheet "
                          "FILE.pdf (lembar kunci pemulihan untuk kabupaten/kota)")
    _checked_pdf_target(args.recovery_sheet)
    passphrase = read_secret(ENV_DB_PASSPHRASE, "Frasa sandi basis data", confirm=True)
    new_key = encryption.prepare_new_encrypted_site(args.db, passphrase)
    return open_database(args.db, data_key=new_key.data_key), new_key


def finish_init(ctx: ServiceContext, args: argparse.Namespace, new_key: encryption.NewSiteKey | None,
                payload: dict[str, Any], lines: list[str]) -> None:
    """After an encrypted `init`: the recovery sheet, and what to do with it, in the output."""
    if new_key is None:
        return
    target = _checked_pdf_target(args.recovery_sheet)
    _write_sheet(ctx, target)
    payload["encryption"] = {"encrypted": True, "key_id": new_key.key_id, "recovery_sheet": str(target)}
    lines += [f"Basis data terenkripsi (ID kunci {new_key.key_id}). Lembar kunci pemulihan: {target}", LOSS_WARNING]


def cmd_encryption(args: argparse.Namespace, os_user: str) -> int:
    verb = args.encryption_command
    if verb == "recover":
        return _recover(args)
    if verb == "enable":
        target = _checked_pdf_target(args.recovery_sheet)
        passphrase = read_secret(ENV_DB_PASSPHRASE, "Frasa sandi basis data baru", confirm=True)
        opened = open_database(args.db)
        # Disposes opened.db: the file under it is now the encrypted one.
        enabled = encryption.enable_with_recovery_sheet(context_for(opened.db, os_user), passphrase, target)
        lines = [f"Basis data {opened.db.display_location} kini terenkripsi (ID kunci {enabled.key_id}).",
                 f"Lembar kunci pemulihan: {target}", LOSS_WARNING,
                 "Catatan: cadangan lama yang belum terenkripsi dan sisa berkas lama di disk TIDAK ikut terhapus; "
                 "musnahkan cadangan lama itu sendiri."]
        emit({"ok": True, "encrypted": True, "key_id": enabled.key_id, "recovery_sheet": str(target)},
             as_json=args.json, unmask=args.unmask, lines=lines)
        return 0
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if verb == "status":
            status = encryption.encryption_status(ctx)
            payload: dict[str, Any] = {"ok": True, "supported": status.supported, "encrypted": status.encrypted,
                                       "database": status.database, "key_id": status.key_id,
                                       "key_file": status.key_file, "key_created": status.key_created}
            lines = [f"Basis data: {status.database}",
                     f"Terenkripsi: ya (ID kunci {status.key_id}, berkas kunci {status.key_file})" if status.encrypted
                     else "Terenkripsi: tidak" + ("" if status.supported else " (server: dilindungi di server)")]
        elif verb == "change-passphrase":
            current = read_secret(ENV_DB_PASSPHRASE, "Frasa sandi basis data saat ini")
            new = read_secret(ENV_NEW_PASSPHRASE, "Frasa sandi basis data baru", confirm=True)
            ident = encryption.change_passphrase(ctx, current, new)
            payload, lines = {"ok": True, "key_id": ident}, [f"Frasa sandi diganti (ID kunci {ident} tetap sama; "
                                                             "lembar kunci pemulihan lama tetap berlaku)."]
        else:  # recovery-sheet
            target = _checked_pdf_target(args.out)
            ident = _write_sheet(ctx, target)
            payload, lines = {"ok": True, "key_id": ident, "path": str(target)}, [
                f"Lembar kunci pemulihan (ID kunci {ident}) ditulis ke {target}", LOSS_WARNING]
    finally:
        opened.db.dispose()
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def _recover(args: argparse.Namespace) -> int:
    recovery_key = read_secret(ENV_RECOVERY_KEY, "Kunci pemulihan")
    new = read_secret(ENV_NEW_PASSPHRASE, "Frasa sandi basis data baru", confirm=True)
    encryption.recover_with_key(args.db, recovery_key, new)
    emit({"ok": True}, as_json=args.json, unmask=args.unmask,
         lines=["Basis data terbuka dengan kunci pemulihan; frasa sandi baru sudah berlaku. Simpan kembali lembar "
                "kunci pemulihan dalam amplop bersegel yang baru."])
    return 0
