"""CLI verb `duplicates` (district only): `list [--limit N] [--offset N]`, `merge --survivor ID --duplicate ID
[--reason T]`, `not-duplicate ID ID --reason T`, each with --json."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.duplicates import PersonSide
from puskesos_desk.services import duplicates
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `duplicates` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    parser = sub.add_parser("duplicates", help="data warga ganda antar desa (kabupaten/kota): daftar dan keputusan")
    verbs = parser.add_subparsers(dest="duplicates_command", required=True, metavar="list|merge|not-duplicate")
    listing = verbs.add_parser("list", help="pasangan data yang kemungkinan orang yang sama, NIK sama dulu")
    common(listing)
    listing.add_argument("--limit", type=int, default=duplicates.DEFAULT_PAGE, metavar="N",
                         help=f"jumlah pasangan per halaman (1–{duplicates.MAX_PAGE})")
    listing.add_argument("--offset", type=int, default=0, metavar="N", help="lewati N pasangan pertama")
    merge = verbs.add_parser("merge", help="gabungkan: data ganda menjadi terhapus dan menunjuk ke data yang "
                                           "dipertahankan (dikirim ke kedua desa)")
    common(merge)
    merge.add_argument("--survivor", required=True, metavar="ID", help="ID warga yang dipertahankan")
    merge.add_argument("--duplicate", required=True, metavar="ID", help="ID warga yang digabungkan")
    merge.add_argument("--reason", default="", metavar="TEKS", help="alasan keputusan")
    different = verbs.add_parser("not-duplicate", help="catat bahwa dua data ini orang yang berbeda")
    common(different)
    different.add_argument("ids", nargs=2, metavar="ID", help="ID kedua warga")
    different.add_argument("--reason", required=True, metavar="TEKS", help="mengapa keduanya orang yang berbeda")


def cmd_duplicates(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        return _VERBS[args.duplicates_command](args, ctx)
    finally:
        opened.db.dispose()


def _list(args: argparse.Namespace, ctx: ServiceContext) -> int:
    page = duplicates.list_candidates(ctx, limit=args.limit, offset=args.offset)
    shown = f"{page.offset + 1}–{page.offset + len(page.candidates)}" if page.candidates else "0"
    lines = [f"{page.total} pasangan kemungkinan data ganda; ditampilkan {shown}."]
    for number, candidate in enumerate(page.candidates, start=page.offset + 1):
        lines.append(f"{number}. [{candidate.match_label}] {_side(candidate.left)}  ↔  {_side(candidate.right)}")
    emit({"ok": True, **page.as_json()}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def _merge(args: argparse.Namespace, ctx: ServiceContext) -> int:
    decision = duplicates.merge(ctx, survivor_id=args.survivor, duplicate_id=args.duplicate, reason=args.reason)
    emit({"ok": True, **decision.as_json()}, as_json=args.json, unmask=args.unmask, lines=[
        f"Digabung: {_side(decision.duplicate)} → {_side(decision.survivor)}. Keputusan dikirim ke kedua desa "
        "dalam paket balasan berikutnya."])
    return 0


def _not_duplicate(args: argparse.Namespace, ctx: ServiceContext) -> int:
    first, second = args.ids
    decision = duplicates.not_duplicate(ctx, first, second, reason=args.reason)
    emit({"ok": True, **decision.as_json()}, as_json=args.json, unmask=args.unmask, lines=[
        f"Dicatat bukan duplikat: {_side(decision.survivor)} dan {_side(decision.duplicate)}."])
    return 0


def _side(side: PersonSide) -> str:
    born = side.birth_date.strftime("%d-%m-%Y") if side.birth_date else "-"
    return (f"{side.name} (lahir {born}, NIK {side.nik_masked or '-'}, {side.village_name}, "
            f"KK {side.household_number or '-'}, ID {side.person_id})")


_VERBS: dict[str, Callable[[argparse.Namespace, ServiceContext], int]] = {
    "list": _list, "merge": _merge, "not-duplicate": _not_duplicate,
}
