"""CLI verb `db-copy`: copy this database, whole, into a new empty one on another backend.

    puskesos-desk --db puskesos.db db-copy --to postgresql://puskesos@server/puskesos

The usual move is a secretariat that began on one PC's file and now has several staff on an office server
(docs/postgresql.md §11). The source is only read; the target must hold no site or case data.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.services.bootstrap import open_database


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    copy = sub.add_parser("db-copy", help="salin seluruh basis data ke basis data baru yang kosong (misalnya dari "
                                          "berkas ke server PostgreSQL kantor)")
    common(copy)
    copy.add_argument("--to", required=True, metavar="PATH|URL",
                      help="basis data tujuan: URL postgresql://… atau berkas SQLite baru")


class _Dots(ProgressSink):
    """A line of progress on stderr per table, so a long copy is visibly alive (stdout stays for the result)."""

    def __init__(self) -> None:
        self._table = ""

    def progress(self, done: int, total: int, label: str) -> None:
        if label != self._table:
            self._table = label
            sys.stderr.write(f"  {label}… ({done:,}/{total:,} baris)\n".replace(",", "."))
            sys.stderr.flush()


def cmd_db_copy(args: argparse.Namespace, os_user: str) -> int:
    from puskesos_desk.services.database_copy import copy_database

    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        result = copy_database(ctx, args.to, sink=None if args.json else _Dots())
    finally:
        opened.db.dispose()
    copied = f"{result.total:,}".replace(",", ".")
    lines = [f"Basis data disalin ke {result.target}: {copied} baris dari {len(result.rows)} tabel dalam "
             f"{result.seconds:.1f} detik. Jumlah baris setiap tabel sama dan rantai jejak audit utuh."]
    emit({"ok": True, "target": result.target, "rows": result.rows, "total_rows": result.total,
          "seconds": round(result.seconds, 2)}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0
