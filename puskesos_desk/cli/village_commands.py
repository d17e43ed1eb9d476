"""CLI verb `village`: `puskesos-desk village list [--json]` — at a district, each trusted village with its last
package, the packages still missing and how long ago it last sent anything; at a village, its district.
`village add` (set-up file or a village's card) lives in cli/enrolment_commands.py."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from puskesos_desk.cli import enrolment_commands
from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import local_zone
from puskesos_desk.services.villages import village_list


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `village list` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    village = sub.add_parser("village", help="desa/kelurahan yang bertukar data dengan situs ini")
    verbs = village.add_subparsers(dest="village_command", required=True, metavar="list|add")
    listing = verbs.add_parser("list", help="setiap desa tepercaya: paket terakhir, paket yang belum diterima, "
                                            "kapan terakhir mengirim")
    common(listing)
    enrolment_commands.add_parser(verbs, common)


def cmd_village(args: argparse.Namespace, os_user: str) -> int:
    if args.village_command == "add":
        return enrolment_commands.cmd_village_add(args, os_user)
    return cmd_list(args, os_user)


def cmd_list(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        villages = village_list(context_for(opened.db, os_user))
    finally:
        opened.db.dispose()
    emit({"ok": True, "villages": [v.as_json() for v in villages]}, as_json=args.json, unmask=args.unmask,
         lines=lines(villages))
    return 0


def lines(villages: list[VillageStatus]) -> list[str]:
    if not villages:
        return ["Belum ada situs tepercaya. Percayai kartu situs desa dengan `puskesos-desk trust --card FILE`."]
    found = [f"{len(villages)} situs tepercaya; {sum(1 for v in villages if v.has_gaps)} dengan paket yang belum "
             "diterima."]
    for village in villages:
        if village.last_sequence is None:
            last = "belum pernah mengirim paket"
        else:
            sent = village.last_sent_at.astimezone(local_zone()).strftime("%d-%m-%Y") if village.last_sent_at else "?"
            last = (f"paket terakhir ke-{village.last_sequence} ({sent}, {village.days_since_last} hari lalu), "
                    f"{village.packages_received} paket diterima")
        gaps = f"; {village.gap_text()}" if village.has_gaps else ""
        audit = "RIWAYAT AUDIT TERPUTUS, periksa situs ini" if village.audit_broken else \
            f"riwayat audit {village.audit_text()}"
        found.append(f"- {village.name} ({village.code}): {last}{gaps}; {audit}")
    return found
