"""CLI for a village joining its district: `village add` (at the district) and `init --setup` (at the village).

    puskesos-desk village add --site KODE_DESA --name NAMA --setup-out FILE [--json]   set-up file + one-time code
    puskesos-desk village add --card FILE [--json]                                   same as `trust --card`
    puskesos-desk init --setup FILE [--admin NAMA] [--json]                           a village from a set-up file
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from puskesos_desk.cli import commands, exchange_commands
from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.enrolment import initialise_from_setup, write_setup_file


class UsageError(PuskesosError):
    """Options that argparse cannot check on its own (one of two sets of flags): exit 2 and worded like argparse's
    own usage errors (cli/main.py `_Parser.error`)."""

    exit_code = 2

    def __init__(self, verb: str, message: str) -> None:
        super().__init__(f"puskesos-desk {verb}: kesalahan penggunaan: {message}")


def add_parser(verbs: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `village add` on the `village` verbs."""
    add = verbs.add_parser("add", help="daftarkan desa: buat berkas penyiapan (--setup-out) atau percayai kartu "
                                       "situsnya (--card)")
    common(add)
    add.add_argument("--site", metavar="KODE_DESA", help="kode Kemendagri desa/kelurahan: PP.KK.CC.DDDD")
    add.add_argument("--name", metavar="NAMA", help='nama situs desa, misalnya "Puskesos Desa Sumogawe"')
    add.add_argument("--setup-out", metavar="FILE", help="tulis berkas penyiapan (berisi kode pendaftaran "
                                                          "sekali pakai) ke berkas ini")
    add.add_argument("--card", metavar="FILE", help="kartu situs desa yang sudah menyiapkan dirinya sendiri")


def cmd_village_add(args: argparse.Namespace, os_user: str) -> int:
    if args.card:
        if args.site or args.name or args.setup_out:
            raise UsageError("village add", "gunakan --card saja, atau --site, --name dan --setup-out (bukan "
                                            "keduanya)")
        return exchange_commands.cmd_trust(args, os_user)
    missing = [flag for flag, value in (("--site", args.site), ("--name", args.name),
                                        ("--setup-out", args.setup_out)) if not value]
    if missing:
        raise UsageError("village add", f"isian wajib belum diberikan: {', '.join(missing)} (atau --card FILE)")
    opened = open_database(args.db)
    try:
        result = write_setup_file(context_for(opened.db, os_user), site_code=args.site, name=args.name,
                                  out=Path(args.setup_out))
    finally:
        opened.db.dispose()
    payload = {"ok": True, "site": result.site_code, "name": result.name, "path": str(result.path),
               "enrolment_code": result.enrolment_code, "district_fingerprint": result.district_fingerprint,
               "services": result.services, "holidays": result.holidays}
    lines = [f"Berkas penyiapan untuk {result.name} ({result.site_code}) ditulis: {result.path}",
             f"Kode pendaftaran (catat sekarang, hanya ditampilkan sekali; berlaku sekali): {result.enrolment_code}",
             f"Sidik jari kunci kabupaten/kota: {result.district_fingerprint}",
             f"Isi: {result.services} layanan, {result.holidays} hari libur.",
             "Di desa: puskesos-desk init --setup BERKAS. Kunci desa terdaftar saat paket pertamanya diimpor di sini."]
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def cmd_init(args: argparse.Namespace, os_user: str) -> int:
    """`init` with --setup FILE, or the usual --site/--name."""
    if not args.setup:
        missing = [flag for flag, value in (("--site", args.site), ("--name", args.name)) if not value]
        if missing:
            raise UsageError("init", f"isian wajib belum diberikan: {', '.join(missing)} (atau --setup FILE)")
        return commands.cmd_init(args, os_user)
    if args.site or args.name or args.role != "desa":
        raise UsageError("init", "dengan --setup, kode, nama dan peran situs diambil dari berkas penyiapan; "
                                 "jangan beri --site, --name atau --role")
    path = Path(args.setup)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected(f"Berkas penyiapan {path} tidak dapat dibaca: {getattr(exc, 'strerror', None) or exc}.") \
            from exc
    from puskesos_desk.cli.encryption_commands import finish_init, open_for_init  # it imports cli.commands

    opened, new_key = open_for_init(args)  # --encrypt: a new SQLCipher file under a new key
    extra: dict[str, Any] = {}
    extra_lines: list[str] = []
    try:
        result = initialise_from_setup(context_for(opened.db, os_user), text, admin_username=args.admin,
                                       admin_full_name=args.admin_name,
                                       admin_password=os.environ.get("PUSKESOS_ADMIN_PASSWORD") or None)
        finish_init(context_for(opened.db, os_user), args, new_key, extra, extra_lines)
    finally:
        opened.db.dispose()
    site, admin, district = result.init.site, result.init.admin, result.district
    payload = {
        "ok": True,
        "site": {"code": site.code, "name": site.name, "role": site.role, "region": site.region_path,
                 "fingerprint": site.fingerprint},
        "admin": {"username": admin.username, "password": result.init.admin_password,
                  "password_generated": result.init.admin_password is not None},
        "district": {"code": district.code, "name": district.name, "fingerprint": district.fingerprint},
        "services": result.services, "holidays": result.holidays, "database": opened.db.display_location,
        **extra,
    }
    lines = [f"Situs siap: {site.name} ({site.code}), {site.region_path}",
             f"Sidik jari kunci desa: {site.fingerprint}",
             f"Kabupaten/kota dipercaya: {district.name} ({district.code}), sidik jari {district.fingerprint}",
             "Cocokkan sidik jari kabupaten/kota ini lewat telepon.",
             f"Direktori layanan: {result.services} layanan; hari libur baru: {result.holidays}.",
             f"Admin: {admin.username}"]
    if result.init.admin_password:
        lines.append(f"Kata sandi Admin (catat sekarang, hanya ditampilkan sekali): {result.init.admin_password}")
    lines.append("Paket pertama desa ini membawa kartu situsnya; kabupaten/kota mendaftarkannya saat mengimpor.")
    lines += extra_lines
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0
