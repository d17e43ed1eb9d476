"""The CLI verbs. Each acts as the CLI actor `cli:<os user>`, which holds every permission of its site."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from puskesos_desk.cli.output import emit
from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.site_code import region_name
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import check_demo_size, generate_demo
from puskesos_desk.services.selftest import run_self_test
from puskesos_desk.services.site import get_site_info, initialise_site, site_card

DEMO_SITE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan, Kab. Semarang


def context_for(db: Database, os_user: str) -> ServiceContext:
    try:
        site = get_site_info(db)
        return ServiceContext(db, Actor.cli(os_user, site_code=site.code, site_role=site.role))
    except SiteNotInitialised:
        return ServiceContext(db, Actor.cli(os_user))


def cmd_init(args: argparse.Namespace, os_user: str) -> int:
    from puskesos_desk.cli.encryption_commands import finish_init, open_for_init  # it imports context_for

    opened, new_key = open_for_init(args)  # --encrypt: a new SQLCipher file under a new key
    extra: dict[str, object] = {}
    extra_lines: list[str] = []
    try:
        ctx = context_for(opened.db, os_user)
        result = initialise_site(
            ctx, code=args.site, name=args.name, role=SiteRole(args.role), admin_username=args.admin,
            admin_full_name=args.admin_name, admin_password=os.environ.get("PUSKESOS_ADMIN_PASSWORD") or None,
            address=args.address,
        )
        finish_init(context_for(opened.db, os_user), args, new_key, extra, extra_lines)
    finally:
        opened.db.dispose()
    payload = {
        "ok": True,
        "site": {"code": result.site.code, "name": result.site.name, "role": result.site.role,
                 "region": result.site.region_path, "fingerprint": result.site.fingerprint},
        "admin": {"username": result.admin.username, "password": result.admin_password,
                  "password_generated": result.admin_password is not None},
        "database": opened.db.display_location,
        "reference_loaded": opened.seed.loaded,
        "reference_seconds": {k: round(v, 3) for k, v in opened.seed.seconds.items()},
        **extra,
    }
    lines = [
        f"Situs siap: {result.site.name} ({result.site.code}), {result.site.region_path}",
        f"Sidik jari kunci: {result.site.fingerprint}",
        f"Admin: {result.admin.username}",
    ]
    if result.admin_password:
        lines.append(f"Kata sandi Admin (catat sekarang, hanya ditampilkan sekali): {result.admin_password}")
    lines.append(f"Basis data: {opened.db.display_location}")
    lines += extra_lines
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def cmd_demo(args: argparse.Namespace, os_user: str) -> int:
    check_demo_size(args.households)  # before the site is set up: a refused demo changes nothing
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        created_site = None
        if ctx.actor.site_code is None:
            name = args.name or f"Puskesos Desa {region_name(args.site) or args.site}"
            created_site = initialise_site(ctx, code=args.site, name=name, role=SiteRole.DESA,
                                           admin_username="admin", admin_full_name="Admin Puskesos")
            ctx = context_for(opened.db, os_user)
        result = generate_demo(ctx, households=args.households, seed=args.seed)
    finally:
        opened.db.dispose()
    users = list(result.users)
    if created_site is not None:
        users.insert(0, {"username": created_site.admin.username, "full_name": created_site.admin.full_name,
                         "role": "ADMIN", "password": created_site.admin_password or ""})
    payload = {"ok": True, "site": result.site_code, "already_present": result.already_present,
               "counts": result.counts, "users": users, "database": opened.db.display_location}
    if result.already_present:
        lines = [f"Data demo sudah ada di {opened.db.display_location}; tidak ada yang diubah."]
    else:
        summary = ", ".join(f"{k} {v}" for k, v in result.counts.items())
        lines = [f"Data demo dibuat untuk {result.site_code}: {summary}"]
        lines.append("Pengguna demo (catat kata sandinya, hanya ditampilkan sekali):")
        lines += [f"  {u['username']:<15} {u['role']:<20} {u['password']}" for u in users]
        lines.append("Saat masuk pertama kali, setiap pengguna diminta membuat kata sandi sendiri.")
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def cmd_self_test(args: argparse.Namespace, _os_user: str) -> int:
    report = run_self_test(args.db)
    payload = {"ok": report.ok, "checks": [
        {"name": c.name, "ok": c.ok, "detail": c.detail, "seconds": c.seconds} for c in report.checks
    ]}
    lines = [f"[{'OK' if c.ok else 'GAGAL'}] {c.name}: {c.detail}" for c in report.checks]
    lines.append("Semua pemeriksaan lulus." if report.ok else "Ada pemeriksaan yang gagal.")
    emit(payload, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0 if report.ok else 1


def cmd_site_card(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        card, text = site_card(context_for(opened.db, os_user))
    finally:
        opened.db.dispose()
    target = Path(args.out)
    if target.is_dir():
        raise InputRejected(f"{target} adalah folder; berikan nama berkas, misalnya kartu-situs.json.")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputRejected(f"Tidak dapat menulis {target}: {exc.strerror}.") from exc
    payload = {"ok": True, "path": str(target), "code": card.code, "name": card.name, "role": card.role,
               "fingerprint": card.fingerprint}
    emit(payload, as_json=args.json, unmask=args.unmask,
         lines=[f"Kartu situs {card.name} ({card.code}) ditulis ke {target}", f"Sidik jari: {card.fingerprint}"])
    return 0
