"""CLI verbs for data exchange between sites: `trust` (and, as the exchange grows, export and import)."""

from __future__ import annotations

import argparse
from pathlib import Path

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.trust import trust_site


def cmd_trust(args: argparse.Namespace, os_user: str) -> int:
    path = Path(args.card)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected(f"Kartu situs {path} tidak dapat dibaca: {getattr(exc, 'strerror', None) or exc}.") \
            from exc
    opened = open_database(args.db)
    try:
        info, already = trust_site(context_for(opened.db, os_user), text)
    finally:
        opened.db.dispose()
    verb = "sudah dipercaya sebelumnya" if already else "sekarang dipercaya"
    emit({"ok": True, "code": info.code, "name": info.name, "role": info.role, "fingerprint": info.fingerprint,
          "already_trusted": already}, as_json=args.json, unmask=args.unmask,
         lines=[f"{info.name} ({info.code}) {verb}.", f"Sidik jari kunci: {info.fingerprint}",
                "Cocokkan sidik jari ini lewat telepon dengan petugas situs tersebut."])
    return 0
