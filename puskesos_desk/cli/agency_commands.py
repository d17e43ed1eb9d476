"""CLI verb `outcomes`: agency outcome workbooks.

    puskesos-desk outcomes template --out FILE.xlsx [--service CODE ...] [--organization NAME] [--json]
    puskesos-desk outcomes import FILE.xlsx [--dry-run] [--json]

Exit codes: 0 written / applied / would apply, 3 rejected (nothing applied: every problem is listed with its row
and column), 2 usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.agency_workbook import AgencyImportOutcome, AgencyImportStatus
from puskesos_desk.services.agency_workbook import import_agency_outcomes, write_agency_template
from puskesos_desk.services.bootstrap import open_database

MESSAGE_LINES = 50
_STATUS_WORDS = {
    AgencyImportStatus.APPLIED: "Hasil dari instansi dicatat.",
    AgencyImportStatus.WOULD_APPLY: "Pemeriksaan saja (--dry-run): berkas ini dapat diterapkan; belum ada yang "
                                    "dicatat.",
    AgencyImportStatus.REJECTED: "Berkas ditolak: tidak ada hasil yang dicatat. Perbaiki baris berikut lalu impor "
                                 "lagi.",
}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `outcomes template` and `outcomes import` (`common` adds --json, --unmask and --db)."""
    outcomes = sub.add_parser("outcomes", help="lembar hasil rujukan untuk instansi: buat dan impor")
    verbs = outcomes.add_subparsers(dest="outcomes_command", required=True, metavar="template|import")
    template = verbs.add_parser("template", help="tulis lembar rujukan yang menunggu jawaban, untuk diisi instansi")
    common(template)
    template.add_argument("--out", required=True, metavar="FILE.xlsx")
    template.add_argument("--service", action="append", default=[], metavar="KODE",
                          help="hanya rujukan ke layanan ini (boleh diulang)")
    template.add_argument("--organization", metavar="NAMA", help="hanya rujukan ke lembaga ini")
    importer = verbs.add_parser("import", help="impor lembar yang sudah diisi instansi; semua baris atau tidak sama "
                                               "sekali")
    common(importer)
    importer.add_argument("file", metavar="FILE.xlsx")
    importer.add_argument("--dry-run", action="store_true", help="periksa saja, jangan ubah data")


def cmd_outcomes(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        if args.outcomes_command == "template":
            written = write_agency_template(ctx, Path(args.out), service_codes=args.service,
                                            organization=args.organization)
            emit({"ok": True, **written.as_json()}, as_json=args.json, unmask=args.unmask, lines=[
                f"Lembar untuk instansi ditulis: {written.path} ({written.rows} rujukan menunggu jawaban).",
                "Berkas ini berisi data pribadi warga; pengirimannya tercatat di register ekspor.",
            ])
            return 0
        outcome = import_agency_outcomes(ctx, Path(args.file), dry_run=args.dry_run)
    finally:
        opened.db.dispose()
    emit({"ok": outcome.exit_code == 0, **outcome.as_json()}, as_json=args.json, unmask=args.unmask,
         lines=_lines(outcome))
    return outcome.exit_code


def _lines(outcome: AgencyImportOutcome) -> list[str]:
    lines = [_STATUS_WORDS[outcome.status],
             f"Baris: dicatat {outcome.applied}, sudah tercatat {outcome.unchanged}, kosong {outcome.skipped}, "
             f"salah {outcome.errors}"]
    for message in outcome.messages[:MESSAGE_LINES]:
        lines.append(f"- {message.message} ({message.code.value})")
    if len(outcome.messages) > MESSAGE_LINES:
        lines.append(f"… dan {len(outcome.messages) - MESSAGE_LINES} pesan lain (gunakan --json untuk semuanya).")
    return lines
