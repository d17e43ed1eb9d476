"""CLI verb `panduan`: the one-page service desk guide for the office wall, as a PDF under the site's letterhead.

    puskesos-desk panduan --out panduan.pdf
    puskesos-desk panduan --out guide.pdf --paper A4 --lang en

A paper or language other than those offered is a usage error (exit 2) with argparse's message in Bahasa.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.quick_guide import GUIDE_PAPERS, GuideLanguage
from puskesos_desk.services.bootstrap import open_database

LANGUAGE_NAMES = {GuideLanguage.ID: "Bahasa Indonesia", GuideLanguage.EN: "English"}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `panduan` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    guide = sub.add_parser("panduan", help="tulis panduan singkat meja layanan (PDF satu halaman untuk ditempel)")
    common(guide)
    guide.add_argument("--out", required=True, metavar="FILE.pdf", help="berkas PDF tujuan")
    # Offices write the paper as "F4"; the values are the lower-case Paper values.
    guide.add_argument("--paper", type=str.lower, choices=[paper.value for paper in GUIDE_PAPERS],
                       default=Paper.F4.value, help="kertas: f4 (bawaan) atau a4")
    guide.add_argument("--lang", type=str.lower, choices=[language.value for language in GuideLanguage],
                       default=GuideLanguage.ID.value, help="bahasa: id (bawaan) atau en")


def _write(target: Path, data: bytes) -> None:
    """Written aside and renamed: an interrupted run never leaves half a PDF under the chosen name."""
    if target.is_dir():
        raise InputRejected(f"{target} adalah folder; berikan nama berkas, misalnya panduan.pdf.", field="out")
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputRejected(f"Tidak dapat menulis {target}: {exc.strerror}.", field="out") from exc


def cmd_panduan(args: argparse.Namespace, os_user: str) -> int:
    from puskesos_desk.services.quick_guide import quick_guide_pdf  # reportlab: only when a guide is made

    paper, language = Paper(args.paper), GuideLanguage(args.lang)
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        pdf = quick_guide_pdf(ctx, paper=paper, language=language)
    finally:
        opened.db.dispose()
    target = Path(args.out)
    _write(target, pdf)
    emit({"ok": True, "path": str(target), "paper": paper.value, "language": language.value, "bytes": len(pdf)},
         as_json=args.json, unmask=args.unmask,
         lines=[f"Panduan singkat meja layanan ditulis ke {target} ({paper.value.upper()}, "
                f"{LANGUAGE_NAMES[language]})."])
    return 0
