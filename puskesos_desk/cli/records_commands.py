"""CLI verb `records`: at a district, one page of the consolidated list of one kind of record across all villages.

    puskesos-desk records keluhan --kecamatan 33.22.01 --status BARU --from 2026-01-01 --limit 50 --json

KIND is written in English (persons, households, visits, complaints, needs, proposals, referrals) or in Bahasa
(warga, keluarga, kunjungan, keluhan, kebutuhan, usulan, rujukan). The total is counted by its own query.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.consolidated import (
    PAGE_SIZE,
    ComplaintRow,
    ConsolidatedRow,
    HouseholdRow,
    NeedRow,
    PersonRow,
    ProposalRow,
    RecordFilter,
    RecordKind,
    RecordPage,
    ReferralRow,
    VisitRow,
)
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.consolidated import record_page
from puskesos_desk.services.context import local_zone

KIND_WORDS: dict[str, RecordKind] = {
    **{kind.value: kind for kind in RecordKind},
    "warga": RecordKind.PERSONS, "keluarga": RecordKind.HOUSEHOLDS, "kunjungan": RecordKind.VISITS,
    "keluhan": RecordKind.COMPLAINTS, "kebutuhan": RecordKind.NEEDS, "usulan": RecordKind.PROPOSALS,
    "rujukan": RecordKind.REFERRALS,
}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `records` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    records = sub.add_parser("records", help="di kabupaten/kota: data gabungan semua desa (warga, keluarga, "
                                             "kunjungan, keluhan, kebutuhan, usulan, rujukan), per halaman")
    common(records)
    records.add_argument("kind", choices=list(KIND_WORDS), metavar="JENIS",
                         help="warga, keluarga, kunjungan, keluhan, kebutuhan, usulan atau rujukan "
                              "(atau persons, households, visits, complaints, needs, proposals, referrals)")
    records.add_argument("--village", default="", metavar="KODE", help="kode desa/kelurahan PP.KK.CC.DDDD")
    records.add_argument("--kecamatan", default="", metavar="KODE", help="kode kecamatan PP.KK.CC")
    records.add_argument("--program", default="", metavar="KODE", help="kode program, misalnya PKH")
    records.add_argument("--category", default="", metavar="KODE",
                         help="kode PPKS (warga), kategori keluhan, atau bidang kebutuhan / PPKS (kebutuhan)")
    records.add_argument("--urgency", default="", metavar="U", help="DARURAT, SEGERA atau BIASA (keluhan)")
    records.add_argument("--status", default="", metavar="S", help="status data, misalnya BARU atau SELESAI")
    records.add_argument("--from", dest="period_from", default="", metavar="YYYY-MM-DD", help="awal periode")
    records.add_argument("--to", dest="period_to", default="", metavar="YYYY-MM-DD", help="akhir periode")
    records.add_argument("--limit", type=int, default=PAGE_SIZE, metavar="N", help="baris per halaman")
    records.add_argument("--offset", type=int, default=0, metavar="N", help="lewati N baris pertama")


def _day(text: str, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputRejected(f"{option} {text} bukan tanggal; tulis seperti 2026-01-31.", field=option) from None


def record_filter(args: argparse.Namespace) -> RecordFilter:
    return RecordFilter(
        kind=KIND_WORDS[args.kind], village_code=args.village.strip(), kecamatan_code=args.kecamatan.strip(),
        program_code=args.program.strip().upper(), category_code=args.category.strip().upper(),
        urgency=args.urgency.strip().upper(), status=args.status.strip().upper().replace(" ", "_"),
        period_from=_day(args.period_from, "--from"), period_to=_day(args.period_to, "--to"),
    )


def cmd_records(args: argparse.Namespace, os_user: str) -> int:
    flt = record_filter(args)
    opened = open_database(args.db)
    try:
        page = record_page(context_for(opened.db, os_user), flt, offset=args.offset, limit=args.limit)
    finally:
        opened.db.dispose()
    emit({"ok": True, "kind": page.kind.value, "total": page.total, "offset": page.offset, "limit": page.limit,
          "rows": [asdict(row) for row in page.rows]}, as_json=args.json, unmask=args.unmask, lines=lines(page))
    return 0


def _when(row: ConsolidatedRow) -> str:
    moment = getattr(row, "occurred_at", None) or getattr(row, "created_at", None)
    if isinstance(row, ReferralRow):
        return row.letter_date.strftime("%d-%m-%Y")
    return moment.astimezone(local_zone()).strftime("%d-%m-%Y") if moment else ""


def _describe(row: ConsolidatedRow) -> str:
    if isinstance(row, PersonRow):
        return f"{row.name} ({row.relation}) — KK {row.household_number}"
    if isinstance(row, HouseholdRow):
        return f"KK {row.household_number} {row.head_name}, {row.address} RT {row.rt}/RW {row.rw}"
    if isinstance(row, VisitRow):
        return f"{row.number} {row.status} {row.channel} — {row.head_name}"
    if isinstance(row, ComplaintRow):
        return f"{row.number} {row.status} {row.category_code} {row.urgency} — {row.head_name}"
    if isinstance(row, NeedRow):
        return f"{row.number} {row.status} {row.domain_code} {row.proposed_program} — {row.head_name}"
    if isinstance(row, ProposalRow):
        return f"{row.number} {row.status} {', '.join(row.requested_programs)} — {row.head_name}"
    return f"{row.number} {row.status} {row.service_name} — {row.head_name}"


def lines(page: RecordPage) -> list[str]:
    if not page.rows:
        return [f"Tidak ada data yang cocok ({page.total or 0} data)."]
    first, last = page.offset + 1, page.offset + len(page.rows)
    out = [f"{page.total} data; baris {first}–{last}."]
    out.extend(f"{row.village_name or '-'} ({row.village_code or '-'})  {_when(row)}  {_describe(row)}"
               for row in page.rows)
    if page.has_next:
        out.append(f"Halaman berikutnya: --offset {last}")
    return out
