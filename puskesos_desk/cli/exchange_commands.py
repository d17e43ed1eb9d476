"""CLI verbs for data exchange between sites: `trust`, `export`, `import` and `conflicts`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.cli.package_password import HOW_TO_GIVE, explicitly_given, given_password, prompted_password
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_batch import BatchImportOutcome
from puskesos_desk.services import exchange_protection
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_batch import import_packages
from puskesos_desk.services.exchange_conflicts import write_conflict_workbook
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import export_all_villages
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


def cmd_export(args: argparse.Namespace, os_user: str) -> int:
    if args.all_villages or args.out_dir:
        return _cmd_export_all(args, os_user)
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        outcome = export_package(ctx, Path(args.out), full=args.full, receiver=args.to, purpose=args.purpose,
                                 password=_export_password(args, ctx))
    finally:
        opened.db.dispose()
    total = sum(outcome.rows.values())
    lines = [f"Paket ke-{outcome.sequence} untuk {outcome.receiver} ditulis: {outcome.path}",
             f"Isi: {total} baris ({'semua data' if outcome.scope == 'FULL' else 'perubahan'})"]
    lines += [f"  {sheet}: {count}" for sheet, count in outcome.rows.items() if count]
    lines.append(f"SHA-256: {outcome.sha256}")
    encrypted = _encrypted(outcome.path)
    if encrypted:
        lines.append(PASSWORD_CHANNEL_NOTE)
    emit({"ok": True, **outcome.as_json(), "encrypted": encrypted}, as_json=args.json, unmask=args.unmask,
         lines=lines)
    return 0


PASSWORD_CHANNEL_NOTE = ("Berkas dilindungi kata sandi. Beritahukan kata sandinya kepada penerima lewat jalur lain "
                         "(telepon atau langsung), jangan di flashdisk atau surel yang sama dengan berkasnya.")


def _encrypted(path: Path) -> bool:
    return exchange_protection.is_protected_file(path)


def _export_password(args: argparse.Namespace, ctx: ServiceContext) -> str | None:
    """--password-file / --password-env / PUSKESOS_PACKAGE_PASSWORD; a prompt (twice) when --encrypt or the
    district's requirement asks for one and none was given; exit 3 without a terminal."""
    password = given_password(args)
    if password is None and args.encrypt:
        password = prompted_password(why="--encrypt memerlukan kata sandi.", confirm=True)
    elif password is None and exchange_protection.password_required(ctx):
        password = prompted_password(why="Kabupaten/kota mewajibkan paket dilindungi kata sandi.", confirm=True)
    return password


def _cmd_export_all(args: argparse.Namespace, os_user: str) -> int:
    """One return package per trusted village; JSON {"packages": […], "failed": […]}; exit 3 when any failed."""
    if not (args.all_villages and args.out_dir):
        raise InputRejected("--all-villages dan --out-dir dipakai bersama: --all-villages --out-dir FOLDER.")
    if args.to:
        raise InputRejected("--to tidak dipakai bersama --all-villages: paket dibuat untuk setiap desa tepercaya.")
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        outcome = export_all_villages(ctx, Path(args.out_dir), full=args.full, password=_export_password(args, ctx))
    finally:
        opened.db.dispose()
    lines = [f"{len(outcome.packages)} paket ditulis ke {args.out_dir}"
             + (f"; {len(outcome.failed)} desa gagal." if outcome.failed else ".")]
    for package in outcome.packages:
        total = sum(package.outcome.rows.values())
        lines.append(f"- {package.name} ({package.village}): paket ke-{package.outcome.sequence}, {total} baris, "
                     f"{package.outcome.path.name}")
    lines += [f"- GAGAL {failure.name} ({failure.village}): {failure.message}" for failure in outcome.failed]
    emit({"ok": outcome.exit_code == 0, **outcome.as_json()}, as_json=args.json, unmask=args.unmask, lines=lines)
    return outcome.exit_code


_CLASS_WORDS = {"new": "baru", "identical": "sama", "changed": "berubah", "conflict": "konflik",
                "edited": "diubah di luar aplikasi", "rejected": "ditolak", "stale": "versi lama"}
_STATUS_WORDS = {"applied": "Paket diterapkan.", "would-apply": "Pemeriksaan selesai; paket dapat diterapkan.",
                 "already-applied": "Paket ini sudah diimpor sebelumnya.", "rejected": "Paket ditolak."}


def cmd_import(args: argparse.Namespace, os_user: str) -> int:
    files = [Path(f) for f in (args.file if isinstance(args.file, list) else [args.file])]
    if len(files) > 1 or files[0].is_dir():
        if getattr(args, "trust_new_sender", False):
            raise InputRejected("--trust-new-sender hanya untuk satu paket: impor paket pertama kabupaten/kota itu "
                                "sendiri, setelah sidik jarinya dicocokkan lewat telepon.")
        return _cmd_import_many(args, os_user, files)
    password = _import_password(args, files[0])
    opened = open_database(args.db)
    try:
        outcome = import_package(context_for(opened.db, os_user), files[0], dry_run=args.dry_run,
                                 accept_edits=args.accept_edits,
                                 report_path=Path(args.report) if args.report else None, password=password,
                                 trust_new_sender=getattr(args, "trust_new_sender", False))
    finally:
        opened.db.dispose()
    data = outcome.as_json()
    lines = [_STATUS_WORDS[data["status"]]]
    if outcome.sequence:
        lines.append(f"Paket ke-{outcome.sequence} dari {outcome.sender_name} ({outcome.sender})")
    elif outcome.package_id:
        lines.append("Lembar keputusan konflik dari situs ini.")
    counts = data["rows"]
    if any(counts.values()):
        lines.append("Baris: " + ", ".join(f"{_CLASS_WORDS[k]} {v}" for k, v in counts.items() if v))
    for message in outcome.messages[:50]:
        where = " ".join(p for p in (message.sheet or "", f"baris {message.row}" if message.row else "",
                                     message.column or "") if p)
        lines.append(f"- {where + ': ' if where else ''}{message.message} [{message.code}]")
    if len(outcome.messages) > 50:
        lines.append(f"… dan {len(outcome.messages) - 50} pesan lain (lihat --report).")
    if outcome.report:
        lines.append(f"Laporan: {outcome.report}")
    if any(message.code == "ENCRYPTED" for message in outcome.messages):
        lines.append(HOW_TO_GIVE)
        data["hint"] = HOW_TO_GIVE
    emit({"ok": outcome.exit_code == 0, **data}, as_json=args.json, unmask=args.unmask, lines=lines)
    return outcome.exit_code


def _import_password(args: argparse.Namespace, path: Path) -> str | None:
    """A protected file takes the password given (or asks on a terminal; exit 3 without one). A plain file gets
    only an explicitly named password (the import then says it needs none); the default variable is ignored."""
    if not exchange_protection.is_protected_file(path):
        return given_password(args, default_env=False) if explicitly_given(args) else None
    password = given_password(args)
    if password is None and sys.stdin.isatty():
        password = prompted_password(why=f"Berkas {path.name} dilindungi kata sandi.", confirm=False)
    return password  # None without a terminal: the import refuses the file at once (ENCRYPTED, exit 3, audited)


_BATCH_STATUS_WORDS = {"applied": "diterapkan", "would-apply": "dapat diterapkan",
                       "already-applied": "sudah diimpor sebelumnya", "rejected": "ditolak",
                       "not-run": "tidak diproses"}


def _cmd_import_many(args: argparse.Namespace, os_user: str, paths: list[Path]) -> int:
    """Several files or a folder: each package on its own, one combined JSON ({"packages": […], "totals": {…}})."""
    if args.accept_edits or explicitly_given(args):
        raise InputRejected("--accept-edits, --password-file dan --password-env hanya dapat dipakai untuk satu berkas "
                            "paket.")
    opened = open_database(args.db)
    try:
        outcome = import_packages(context_for(opened.db, os_user), paths, dry_run=args.dry_run,
                                  report_path=Path(args.report) if args.report else None)
    finally:
        opened.db.dispose()
    emit({"ok": outcome.exit_code == 0, **outcome.as_json()}, as_json=args.json, unmask=args.unmask,
         lines=_batch_lines(outcome))
    return outcome.exit_code


def _batch_lines(outcome: BatchImportOutcome) -> list[str]:
    totals = outcome.totals()
    if not outcome.entries:
        return ["Tidak ada berkas .xlsx untuk diimpor."]
    lines = [f"{totals['files']} berkas: {totals['applied']} diterapkan, {totals['would_apply']} dapat diterapkan, "
             f"{totals['already_applied']} sudah diimpor sebelumnya, {totals['rejected']} ditolak."]
    for entry in outcome.entries:
        result = entry.outcome
        who = f" — paket ke-{result.sequence} dari {result.sender_name or result.sender}" if result and \
            result.sequence else ""
        lines.append(f"- {entry.path.name}: {_BATCH_STATUS_WORDS.get(entry.status, entry.status)}{who}")
        if result is not None and result.status.value == "rejected" and result.messages:
            lines.append(f"    {result.messages[0].message} [{result.messages[0].code}]")
        elif result is not None and any(result.rows.values()):
            lines.append("    Baris: " + ", ".join(f"{_CLASS_WORDS[c.value]} {n}" for c, n in result.rows.items()
                                                    if n))
    lines += [f"- {message.message}" for message in outcome.messages]
    lines += [f"Perhatian: {gap.message().message}" for gap in outcome.gaps]
    if outcome.report:
        lines.append(f"Laporan: {outcome.report}")
    return lines


def cmd_conflicts(args: argparse.Namespace, os_user: str) -> int:
    opened = open_database(args.db)
    try:
        count = write_conflict_workbook(context_for(opened.db, os_user), Path(args.out))
    finally:
        opened.db.dispose()
    lines = [f"{count} konflik menunggu keputusan; lembar keputusan ditulis: {args.out}" if count else
             f"Tidak ada konflik yang menunggu; lembar kosong ditulis: {args.out}"]
    emit({"ok": True, "conflicts": count, "path": str(args.out)}, as_json=args.json, unmask=args.unmask, lines=lines)
    return 0
