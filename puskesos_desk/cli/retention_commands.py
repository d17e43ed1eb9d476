"""CLI verb `retention`: the retention schedule and the anonymisation job (domain/retention.py).

    puskesos-desk retention show [--json]
    puskesos-desk retention run --alasan "Berita acara pemusnahan No. 1/2026" [--dry-run] [--json]

`run --dry-run` only counts what is due (nothing is written); `run` anonymises it in one transaction and records
one PURGE audit event.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.retention import AUDIT_BASIS, NOTICE_CONSENT_BASIS, RULES
from puskesos_desk.services import retention
from puskesos_desk.services.bootstrap import open_database


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `retention` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    parser = sub.add_parser("retention", help="masa simpan data dan anonimisasi data yang sudah lewat masa simpannya")
    verbs = parser.add_subparsers(dest="retention_command", required=True, metavar="show|run")
    show = verbs.add_parser("show", help="tampilkan masa simpan tiap jenis data dan jumlah data yang sudah jatuh tempo")
    common(show)
    run = verbs.add_parser("run", help="anonimkan data yang sudah lewat masa simpannya (tidak dapat dibatalkan)")
    common(run)
    run.add_argument("--alasan", required=True, metavar="TEKS",
                     help="alasan, misalnya nomor berita acara pemusnahan arsip (dicatat di log audit)")
    run.add_argument("--dry-run", action="store_true", help="hitung saja, jangan ubah data")


def _preview_lines(preview: retention.RetentionPreview) -> list[str]:
    return [f"  Keluarga: {preview.households} (anggota: {preview.persons})",
            f"  Baris data DTSEN/DTKS yang sudah diganti: {preview.extract_rows}",
            f"  Salinan baris paket yang sudah diputuskan: {preview.parked_rows}"]


def cmd_retention(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if args.retention_command == "show":
            return _show(ctx, args)
        return _run(ctx, args)
    finally:
        opened.db.dispose()


def _show(ctx: Any, args: argparse.Namespace) -> int:
    settings = retention.retention_settings(ctx)
    due = retention.preview(ctx)
    periods = [{"type": rule.record_type.value, "label": rule.label, "period": settings.period(rule.record_type),
                "unit": rule.unit.value, "default": rule.default, "basis": rule.basis} for rule in RULES]
    lines = ["Masa simpan:"]
    lines += [f"  {p['label']}: {p['period']} {p['unit']} (bawaan {p['default']}). {p['basis']}" for p in periods]
    lines += [f"  {NOTICE_CONSENT_BASIS}", f"  {AUDIT_BASIS}", "Jatuh tempo sekarang:", *_preview_lines(due)]
    emit({"ok": True, "periods": periods, "due": asdict(due)}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0


def _run(ctx: Any, args: argparse.Namespace) -> int:
    if args.dry_run:
        retention.check_reason(args.alasan)
        due = retention.preview(ctx)
        emit({"ok": True, "dry_run": True, "due": asdict(due)}, as_json=args.json, unmask=args.unmask,
             lines=["Uji coba: tidak ada data yang diubah. Yang akan dianonimkan:", *_preview_lines(due)])
        return 0
    summary = retention.run(ctx, reason=args.alasan)
    if summary.preview.is_empty:
        lines = ["Tidak ada data yang lewat masa simpannya. Tidak ada yang diubah."]
    else:
        lines = ["Anonimisasi selesai:", *_preview_lines(summary.preview),
                 f"Tercatat di log audit (PURGE, {summary.audit_event_id})."]
    emit({"ok": True, "dry_run": False, "due": asdict(summary.preview), "counts": summary.counts,
          "audit_event_id": summary.audit_event_id}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0
