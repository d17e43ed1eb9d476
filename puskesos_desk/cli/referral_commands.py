"""CLI verbs for referrals and printed documents: `referral list`, `slip`, `receipt`."""

from __future__ import annotations

import argparse
from pathlib import Path

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.referrals import STATUS_LABELS, ReferralRecord
from puskesos_desk.services import printouts, referral_queries, referrals, slips
from puskesos_desk.services.bootstrap import open_database


def _referral_json(record: ReferralRecord) -> dict[str, object]:
    return {
        "id": record.id, "number": record.number, "status": record.status.value,
        "service": record.service_name, "service_code": record.service_code, "organization": record.organization,
        "person": record.person_name, "household": record.household_number,
        "created": record.created_at.isoformat(), "letter_date": record.letter_date.isoformat(),
        "approved_by": record.approved_by, "response_due": record.response_due.isoformat()
        if record.response_due else None, "working_days_late": record.working_days_late,
        "outcome": record.outcome.value if record.outcome else None, "print_count": record.print_count,
    }


def cmd_referral_list(args: argparse.Namespace, os_user: str) -> int:
    statuses: tuple[ReferralStatus, ...] = ()
    if args.status:
        wanted = args.status.strip().upper().replace(" ", "_")
        if wanted not in ReferralStatus.__members__:
            choices = ", ".join(s.value for s in ReferralStatus)
            raise InputRejected(f"Status \"{args.status}\" tidak dikenal. Pilih salah satu: {choices}.")
        statuses = (ReferralStatus(wanted),)
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        referrals.mark_overdue(ctx)
        records = referral_queries.list_referrals(ctx, statuses=statuses, limit=args.limit)
    finally:
        opened.db.dispose()
    lines = [f"{r.number}  {STATUS_LABELS[r.status]:<16} {r.organization} — {r.person_name}" for r in records]
    empty = "Belum ada rujukan" + (f" berstatus {STATUS_LABELS[statuses[0]].lower()}" if statuses else "")
    emit({"referrals": [_referral_json(r) for r in records]}, as_json=args.json, unmask=args.unmask,
         lines=lines or [empty])
    return 0


def _write(target: Path, data: bytes) -> None:
    if target.is_dir():
        raise InputRejected(f"{target} adalah folder; berikan nama berkas, misalnya surat.pdf.")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InputRejected(f"Tidak dapat menulis {target}: {exc.strerror}.") from exc


def cmd_slip(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        number, pdf = slips.issue_slip_by_number(ctx, args.number, paper=Paper(args.paper),
                                                 channel=OutputChannel.SIMPAN_PDF)
        record = referral_queries.find_referral(ctx, number)
    finally:
        opened.db.dispose()
    target = Path(args.out)
    _write(target, pdf)
    emit({"ok": True, "path": str(target), "number": number, "status": record.status.value,
          "paper": args.paper, "copy": record.print_count, "bytes": len(pdf)},
         as_json=args.json, unmask=args.unmask,
         lines=[f"Surat rujukan {number} ditulis ke {target} ({args.paper.upper()})",
                f"Status: {STATUS_LABELS[record.status]}; cetakan ke-{record.print_count}"])
    return 0


def cmd_receipt(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        pdf = printouts.receipt_pdf(ctx, args.number, paper=Paper(args.paper), channel=OutputChannel.SIMPAN_PDF)
    finally:
        opened.db.dispose()
    target = Path(args.out)
    _write(target, pdf)
    emit({"ok": True, "path": str(target), "number": args.number.strip(), "paper": args.paper, "bytes": len(pdf)},
         as_json=args.json, unmask=args.unmask,
         lines=[f"Bukti pendaftaran {args.number.strip()} ditulis ke {target} ({args.paper.upper()})"])
    return 0
