"""CLI verb `changes`, at a district: `puskesos-desk changes list [--village KODE] [--status S] [--json]` lists the
household change requests the villages sent; `puskesos-desk changes decide ID (--approve|--reject) [--reason T]`
records the district's decision, which travels back to the village in its next return package."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.district_changes import STATUS_FILTERS, DistrictChangeItem, kind_words
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.district_changes import (
    PAGE_SIZE,
    decide_district_change,
    get_district_change,
    list_district_changes,
)

_STATUS_WORDS = {"MENUNGGU": "menunggu", "DISETUJUI": "disetujui", "DITOLAK": "ditolak"}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `changes list` and `changes decide` (`common` adds --json, --unmask and --db)."""
    changes = sub.add_parser("changes", help="permintaan perubahan KK dari desa (di kabupaten/kota)")
    verbs = changes.add_subparsers(dest="changes_command", required=True, metavar="list|decide")
    listing = verbs.add_parser("list", help="permintaan perubahan KK dari desa, yang menunggu lebih dulu")
    common(listing)
    listing.add_argument("--village", metavar="KODE", help="hanya dari desa/kelurahan ini (PP.KK.CC.DDDD)")
    listing.add_argument("--status", metavar="STATUS", default="MENUNGGU",
                         help=f"{', '.join(STATUS_FILTERS)}, DISETUJUI atau DITOLAK (bawaan: MENUNGGU)")
    listing.add_argument("--offset", type=int, default=0, metavar="N")
    listing.add_argument("--limit", type=int, default=PAGE_SIZE, metavar="N")
    decide = verbs.add_parser("decide", help="setujui atau tolak satu permintaan (Manajer SLRT)")
    common(decide)
    decide.add_argument("id", metavar="ID", help="ID permintaan (lihat `changes list`)")
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true", help="setujui")
    choice.add_argument("--reject", action="store_true", help="tolak (wajib dengan --reason)")
    decide.add_argument("--reason", default="", metavar="TEKS", help="alasan keputusan")


def cmd_changes(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if args.changes_command == "decide":
            return _decide(ctx, args)
        return _list(ctx, args)
    finally:
        opened.db.dispose()


def _list(ctx: ServiceContext, args: argparse.Namespace) -> int:
    page = list_district_changes(ctx, status=args.status.strip().upper(), village=args.village,
                                 offset=args.offset, limit=args.limit)
    lines = [f"{page.total} permintaan; ditampilkan {len(page.items)} mulai ke-{page.offset + 1}."
             if page.items else "Tidak ada permintaan perubahan KK dengan saringan ini."]
    lines += [line for item in page.items for line in _lines(item)]
    emit({"ok": True, "total": page.total, "offset": page.offset, "limit": page.limit,
          "changes": [item.as_json() for item in page.items]}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def _decide(ctx: ServiceContext, args: argparse.Namespace) -> int:
    current = get_district_change(ctx, args.id)  # the CLI decides on the version it has just read
    decided = decide_district_change(ctx, request_id=current.id, expected_version=current.row_version,
                                     approve=bool(args.approve), reason=args.reason)
    verb = "disetujui" if decided.status == "DISETUJUI" else "ditolak"
    emit({"ok": True, "change": decided.as_json()}, as_json=args.json, unmask=args.unmask,
         lines=[f"Permintaan {decided.number} {verb}. Keputusan dikirim ke {decided.village_name} dalam paket "
                "balasan berikutnya."])
    return 0


def _lines(item: DistrictChangeItem) -> list[str]:
    asked = item.requested_at.astimezone(local_zone()).strftime("%d-%m-%Y") if item.requested_at else "?"
    head = (f"- {item.number} [{_STATUS_WORDS.get(item.status, item.status)}] {item.village_name}, "
            f"{item.household_number} ({item.head_name}): {kind_words(item.kind)}, diajukan {asked}; "
            f"alasan: {item.reason}")
    lines = [head, f"  ID {item.id}"] + [f"  {line}" for line in item.summary]
    if item.decided_at is not None:
        lines.append(f"  Keputusan ({item.decided_where}): {item.decision_reason or '-'}")
    return lines
