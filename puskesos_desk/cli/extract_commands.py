"""CLI verb `dtsen`: `puskesos-desk dtsen import FILE.xlsx [--as-of YYYY-MM-DD] [--mapping FILE.json]
[--dataset DTSEN|DTKS] [--password-env VAR] [--json]`.

Exit codes: 0 imported (also when damaged or rejected rows are reported), 3 refused (nothing changed), 2 usage
(a bad --as-of or --mapping). Only an ambiguity about a required column (NIK, name) refuses a file here; the UI
asks the person instead.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit, emit_error
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.extract_layout import invalid_mapping_keys
from puskesos_desk.domain.extract_records import ExtractOutcome
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.extract_import import import_extract

EXIT_USAGE = 2
MESSAGE_LINES = 50
_COUNT_WORDS = (("imported", "diimpor"), ("other_desa", "desa lain"), ("nik_damaged", "NIK rusak"),
                ("rejected", "ditolak"), ("warnings", "dengan peringatan"), ("total", "jumlah"))


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `dtsen import` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    dtsen = sub.add_parser("dtsen", help="ekstrak DTSEN/DTKS dari Dinas Sosial kabupaten/kota")
    verbs = dtsen.add_subparsers(dest="dtsen_command", required=True, metavar="import")
    importer = verbs.add_parser("import", help="impor berkas ekstrak DTSEN/DTKS (.xlsx); menggantikan ekstrak "
                                               "sebelumnya dari jenis data yang sama")
    common(importer)
    importer.add_argument("file", metavar="FILE.xlsx")
    importer.add_argument("--as-of", metavar="YYYY-MM-DD", help="tanggal keadaan data (bila tidak tertulis di judul "
                                                                 "berkas)")
    importer.add_argument("--mapping", metavar="FILE.json", help='pemetaan kolom: JSON {"judul kolom": "isian"}')
    importer.add_argument("--dataset", choices=["DTSEN", "DTKS"], help="jenis data (bawaan: DTSEN bila ada kolom "
                                                                        "desil, selain itu DTKS)")
    importer.add_argument("--password-env", metavar="NAMA_VARIABEL",
                          help="nama variabel lingkungan berisi kata sandi berkas (bila berkas dilindungi)")


def cmd_dtsen(args: argparse.Namespace, os_user: str) -> int:
    return cmd_import(args, os_user)  # `import` is the only dtsen verb so far


def cmd_import(args: argparse.Namespace, os_user: str) -> int:
    try:
        as_of = _as_of(args.as_of)
        mapping = _mapping(args.mapping)
    except ValueError as exc:
        emit_error(str(exc), code=EXIT_USAGE, as_json=args.json)
        return EXIT_USAGE
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if not password:
            raise InputRejected(f"Variabel lingkungan {args.password_env} kosong; isi dengan kata sandi berkas.")
    opened = open_database(args.db)
    try:
        outcome = import_extract(context_for(opened.db, os_user), Path(args.file), as_of=as_of, mapping=mapping,
                                 password=password, dataset=args.dataset)
    finally:
        opened.db.dispose()
    emit({"ok": outcome.exit_code == 0, **outcome.as_json()}, as_json=args.json, unmask=args.unmask,
         lines=_lines(outcome))
    return outcome.exit_code


def _as_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--as-of: tanggal '{text}' tidak sah; tulis sebagai YYYY-MM-DD, misalnya 2026-10-01.") \
            from None


def _mapping(path_text: str | None) -> dict[str, str] | None:
    if not path_text:
        return None
    path = Path(path_text)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValueError(f"--mapping: berkas {path} tidak dapat dibaca ({exc.strerror or exc}).") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(f"--mapping: berkas {path} bukan JSON yang sah.") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str))
                                             for k, v in data.items()):
        raise ValueError(f'--mapping: berkas {path} harus berisi satu objek JSON {{"judul kolom": "isian"}}.')
    bad = invalid_mapping_keys(data)
    if bad:
        raise ValueError(f"--mapping: isian tidak dikenal: {', '.join(bad)} (contoh isian: nik, name, kk_number, "
                         "birth_date, village_code, desil_national, program:PKH; kosong untuk mengabaikan kolom).")
    return {key: value or "" for key, value in data.items()}


def _lines(outcome: ExtractOutcome) -> list[str]:
    if outcome.imported:
        lines = [f"Ekstrak {outcome.dataset} keadaan {outcome.as_of:%d-%m-%Y} diimpor dari {outcome.file_name} "
                 f"(lembar {outcome.sheet}); ekstrak {outcome.dataset} sebelumnya diganti."]
    else:
        lines = [f"Berkas {outcome.file_name} tidak diimpor; data DTSEN/DTKS tidak berubah."]
    if outcome.rows.get("total"):
        lines.append("Baris: " + ", ".join(f"{word} {outcome.rows.get(key, 0)}" for key, word in _COUNT_WORDS))
    if outcome.mapping:
        lines.append("Pemetaan kolom: " + "; ".join(f"{header} → {key}" for header, key in outcome.mapping.items()))
    for message in outcome.messages[:MESSAGE_LINES]:
        where = f"[{message.column}] " if message.column and not message.row else ""
        lines.append(f"- {where}{message.message} ({message.code})")
    if len(outcome.messages) > MESSAGE_LINES:
        lines.append(f"… dan {len(outcome.messages) - MESSAGE_LINES} pesan lain (gunakan --json untuk semuanya).")
    return lines
