"""CLI verb `audit`: check that the audit log is whole, or list its events.

    puskesos-desk audit verify [--json]          exit 0 when whole, 3 when broken (the first broken event is named)
    puskesos-desk audit list --dari 2026-01-01 --sampai 2026-01-31 --pengguna koordinator --aksi UNMASK --batas 50
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.audit_log import AuditFilter, AuditRow, change_lines, describe_check, summary
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services.audit_log import PAGE_SIZE, actors, count_events, list_events, verify_audit
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext, local_zone

EXIT_BROKEN = 3


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `audit verify` and `audit list` (`common` adds --json, --unmask and --db)."""
    audit = sub.add_parser("audit", help="jejak audit: periksa keutuhan log, atau tampilkan peristiwanya")
    verbs = audit.add_subparsers(dest="audit_command", required=True, metavar="verify|list")
    verify = verbs.add_parser("verify", help="hitung ulang rantai hash seluruh log; keluar 3 bila log rusak")
    common(verify)
    listing = verbs.add_parser("list", help="peristiwa audit, terbaru dulu")
    common(listing)
    listing.add_argument("--dari", default="", metavar="YYYY-MM-DD", help="sejak tanggal ini (waktu setempat)")
    listing.add_argument("--sampai", default="", metavar="YYYY-MM-DD", help="sampai tanggal ini (termasuk)")
    listing.add_argument("--pengguna", default="", metavar="U", help="nama pengguna atau ID pelaku")
    listing.add_argument("--aksi", default="", metavar="A", help="jenis peristiwa, misalnya UNMASK, PRINT, UPDATE")
    listing.add_argument("--data", default="", metavar="ID", help="awal ID data, nama tabel, atau #NOMOR peristiwa")
    listing.add_argument("--batas", type=int, default=PAGE_SIZE, metavar="N", help="paling banyak N peristiwa")
    listing.add_argument("--lewati", type=int, default=0, metavar="N", help="lewati N peristiwa terbaru")


def cmd_audit(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if args.audit_command == "verify":
            return _verify(ctx, args)
        return _list(ctx, args)
    finally:
        opened.db.dispose()


def _verify(ctx: ServiceContext, args: argparse.Namespace) -> int:
    check = verify_audit(ctx)
    emit(check.as_json(), as_json=args.json, unmask=args.unmask, lines=describe_check(check, local_zone()))
    return 0 if check.ok else EXIT_BROKEN


def _day(text: str, option: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputRejected(f"{option} {text} bukan tanggal; tulis seperti 2026-01-31.", field=option) from None


def audit_filter(ctx: ServiceContext, args: argparse.Namespace) -> AuditFilter:
    action = args.aksi.strip().upper()
    if action and action not in AuditAction.__members__:
        raise InputRejected(f"--aksi {args.aksi} tidak dikenal; pilih salah satu: {', '.join(AuditAction)}.",
                            field="--aksi")
    who = args.pengguna.strip()
    if who:  # a username is easier to type than an account id
        who = next((a.id for a in actors(ctx) if who in (a.id, a.name)), who)
    return AuditFilter(period_from=_day(args.dari, "--dari"), period_to=_day(args.sampai, "--sampai"),
                       actor_id=who, action=action, record_text=args.data.strip())


def _list(ctx: ServiceContext, args: argparse.Namespace) -> int:
    filt = audit_filter(ctx, args)
    total = count_events(ctx, filt)
    events = list_events(ctx, filt, offset=args.lewati, limit=args.batas)
    emit({"ok": True, "total": total, "offset": args.lewati, "limit": args.batas,
          "events": [_as_json(row) for row in events]},
         as_json=args.json, unmask=args.unmask, lines=_lines(total, args.lewati, events))
    return 0


def _as_json(row: AuditRow) -> dict[str, Any]:
    return {"seq": row.seq, "occurred_at": row.occurred_at.isoformat(), "actor_id": row.actor_id,
            "actor_name": row.actor_name, "device": row.device, "action": row.action, "action_label": row.action_label,
            "entity": row.entity, "entity_id": row.entity_id, "changes": row.changes, "reason": row.reason,
            "recipient": row.recipient, "purpose": row.purpose, "site_code": row.site_code}


def _lines(total: int, offset: int, events: list[AuditRow]) -> list[str]:
    if not events:
        return [f"Tidak ada peristiwa audit yang cocok ({total} peristiwa)."]
    out = [f"{total} peristiwa; ditampilkan {len(events)} mulai ke-{offset + 1} (terbaru dulu)."]
    for row in events:
        when = row.occurred_at.astimezone(local_zone()).strftime("%d-%m-%Y %H:%M:%S")
        out.append(f"#{row.seq}  {when}  {row.actor_name}  {row.action_label}  {row.record_label}  {summary(row)}"
                   .rstrip())
        if row.action in (AuditAction.UPDATE, AuditAction.DELETE):
            out.extend(f"      {line}" for line in change_lines(row)[:10])
    if offset + len(events) < total:
        out.append(f"Berikutnya: --lewati {offset + len(events)}")
    return out
