"""Argument parsing, dispatch and exit codes: 0 ok, 2 usage, 3 input rejected, 1 unexpected (log path printed)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence

from puskesos_desk import __version__
from puskesos_desk.cli import (
    agency_commands,
    audit_commands,
    backup_commands,
    changes_commands,
    commands,
    database_commands,
    duplicates_commands,
    encryption_commands,
    enrolment_commands,
    exchange_commands,
    extract_commands,
    guide_commands,
    records_commands,
    referral_commands,
    report_commands,
    retention_commands,
    village_commands,
)
from puskesos_desk.cli.output import emit_error
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.infra.logging_setup import configure_logging

log = logging.getLogger(__name__)
EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that writes usage errors in Bahasa Indonesia and exits 2."""

    json_requested = False

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        text = f"{self.prog}: kesalahan penggunaan: {_in_bahasa(message)}"
        if _Parser.json_requested:
            emit_error(text, code=EXIT_USAGE, as_json=True)
            self.exit(EXIT_USAGE)
        self.exit(EXIT_USAGE, f"{text}\n")


# argparse's own messages, in the user's language (the argument names stay as typed).
_ARGPARSE_BAHASA = (
    (re.compile(r"the following arguments are required: (.*)"), r"isian wajib belum diberikan: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
     r"\1: pilihan \2 tidak dikenal (pilih \3)"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"\1: \2 bukan bilangan bulat"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumen tidak dikenal: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 memerlukan satu nilai"),
    (re.compile(r"one of the arguments (.*) is required"), r"salah satu isian wajib diberikan: \1"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"\1 tidak dapat dipakai bersama \2"),
)


def _in_bahasa(message: str) -> str:
    for pattern, replacement in _ARGPARSE_BAHASA:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
    parser.add_argument("--unmask", action="store_true", help="tampilkan NIK dan No. KK tanpa disamarkan")
    # SUPPRESS: an unset --db after the verb must not overwrite one given before it.
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                        help="berkas SQLite atau URL postgresql:// (atau PUSKESOS_DB)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="puskesos-desk", description="Puskesos Desk: meja layanan Puskesos dan Sekretariat SLRT.")
    parser.set_defaults(db=None)
    parser.add_argument("--version", action="version", version=f"puskesos-desk {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="berkas SQLite atau URL postgresql:// (atau PUSKESOS_DB)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", help="siapkan situs baru (desa/kelurahan atau kabupaten/kota)")
    _common(init)
    init.add_argument("--site", metavar="KODE", help="kode Kemendagri: PP.KK.CC.DDDD atau PP.KK")
    init.add_argument("--name", help='nama situs, misalnya "Puskesos Desa Sumogawe"')
    init.add_argument("--setup", metavar="FILE", help="siapkan desa dari berkas penyiapan kabupaten/kota "
                      "(tanpa --site dan --name)")
    init.add_argument("--role", choices=["desa", "kabupaten"], default="desa")
    init.add_argument("--admin", default="admin", metavar="NAMA", help="nama pengguna Admin pertama")
    init.add_argument("--admin-name", default="", help="nama lengkap Admin")
    init.add_argument("--address", default="", help="alamat kantor")
    init.add_argument("--encrypt", action="store_true", help="enkripsi basis data (frasa sandi dari "
                      "PUSKESOS_DB_PASSPHRASE atau diketik); memerlukan --recovery-sheet")
    init.add_argument("--recovery-sheet", metavar="FILE.pdf", help="lembar kunci pemulihan untuk kabupaten/kota")

    demo = sub.add_parser("demo", help="buat data contoh 12 bulan sampai hari ini")
    _common(demo)
    demo.add_argument("--households", type=int, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=2026, metavar="S")
    demo.add_argument("--site", default=commands.DEMO_SITE, metavar="KODE",
                      help="kode desa bila basis data belum disiapkan")
    demo.add_argument("--name", default="", help="nama situs bila basis data belum disiapkan")

    selftest = sub.add_parser("self-test", help="periksa apakah komputer ini dapat menjalankan aplikasi")
    _common(selftest)

    card = sub.add_parser("site-card", help="tulis kartu situs (kunci publik) untuk dipercaya situs lain")
    _common(card)
    card.add_argument("--out", required=True, metavar="FILE")

    referral = sub.add_parser("referral", help="daftar rujukan")
    referral_sub = referral.add_subparsers(dest="referral_command", parser_class=_Parser, required=True)
    referral_list = referral_sub.add_parser("list", help="daftar rujukan, terbaru dulu")
    _common(referral_list)
    referral_list.add_argument("--status", metavar="STATUS", help="DRAFT, DISETUJUI, DIKIRIM, DITERIMA, DIPROSES, "
                               "SELESAI, DITOLAK, DIBATALKAN atau TIDAK_ADA_KABAR")
    referral_list.add_argument("--limit", type=int, default=1000, metavar="N")

    slip = sub.add_parser("slip", help="tulis surat rujukan (PDF); cetakan pertama menandai rujukan dikirim")
    _common(slip)
    slip.add_argument("number", metavar="NOMOR_SURAT")
    slip.add_argument("--out", required=True, metavar="FILE.pdf")
    slip.add_argument("--paper", choices=[p.value for p in Paper], default=Paper.F4.value)

    receipt = sub.add_parser("receipt", help="tulis bukti pendaftaran kunjungan (PDF)")
    _common(receipt)
    receipt.add_argument("number", metavar="NOMOR_REGISTRASI")
    receipt.add_argument("--out", required=True, metavar="FILE.pdf")
    receipt.add_argument("--paper", choices=[p.value for p in Paper], default=Paper.A5.value)

    trust = sub.add_parser("trust", help="percayai kunci situs lain dari kartu situsnya (untuk pertukaran data)")
    _common(trust)
    trust.add_argument("--card", required=True, metavar="FILE", help="kartu situs dari perintah site-card")

    export = sub.add_parser("export", help="buat paket pertukaran data (.xlsx bertanda tangan) untuk situs lain")
    _common(export)
    export_target = export.add_mutually_exclusive_group(required=True)
    export_target.add_argument("--out", metavar="FILE.xlsx")
    export_target.add_argument("--out-dir", metavar="FOLDER", help="folder untuk paket semua desa (--all-villages)")
    export.add_argument("--all-villages", action="store_true",
                        help="di kabupaten/kota: satu paket balasan untuk setiap desa tepercaya, ke --out-dir")
    export.add_argument("--full", action="store_true", help="semua data, bukan hanya perubahan sejak paket terakhir "
                        "yang diakui penerima")
    export.add_argument("--to", metavar="KODE", help="kode situs penerima (wajib di kabupaten/kota: kode desa)")
    export.add_argument("--purpose", default="", metavar="TEKS", help="tujuan pengiriman, untuk register ekspor")
    export.add_argument("--encrypt", action="store_true", help="lindungi berkas dengan kata sandi (ditanyakan di "
                        "terminal bila tidak diberikan lewat --password-file atau PUSKESOS_PACKAGE_PASSWORD)")
    export.add_argument("--password-file", metavar="FILE", help="lindungi berkas dengan kata sandi dari berkas ini")
    export.add_argument("--password-env", metavar="NAMA_VARIABEL",
                        help="lindungi berkas dengan kata sandi dari variabel lingkungan ini")

    import_ = sub.add_parser("import", help="impor paket pertukaran data (.xlsx) atau lembar keputusan konflik")
    _common(import_)
    import_.add_argument("file", nargs="+", metavar="FILE.xlsx|FOLDER",
                         help="satu paket, beberapa paket, atau folder berisi paket (laporan gabungan)")
    import_.add_argument("--dry-run", action="store_true", help="periksa saja, jangan ubah data")
    import_.add_argument("--report", metavar="OUT.xlsx", help="simpan laporan pemeriksaan sebagai buku kerja")
    import_.add_argument("--accept-edits", action="store_true",
                         help="terapkan juga baris yang diubah di luar aplikasi")
    import_.add_argument("--trust-new-sender", action="store_true", help="percayai kabupaten/kota pengirim yang "
                         "belum dipercaya, setelah sidik jarinya dicocokkan lewat telepon")
    import_.add_argument("--password-env", metavar="NAMA_VARIABEL",
                         help="nama variabel lingkungan berisi kata sandi berkas (bila berkas dilindungi)")
    import_.add_argument("--password-file", metavar="FILE", help="berkas berisi kata sandi berkas paket (atau "
                         "variabel PUSKESOS_PACKAGE_PASSWORD)")

    conflicts = sub.add_parser("conflicts", help="tulis lembar keputusan untuk konflik yang menunggu")
    _common(conflicts)
    conflicts.add_argument("--out", required=True, metavar="FILE.xlsx")

    extract_commands.add_parser(sub, _common)
    agency_commands.add_parser(sub, _common)
    village_commands.add_parser(sub, _common)
    changes_commands.add_parser(sub, _common)
    records_commands.add_parser(sub, _common)
    duplicates_commands.add_parser(sub, _common)
    report_commands.add_parser(sub, _common)
    database_commands.add_parser(sub, _common)
    retention_commands.add_parser(sub, _common)
    audit_commands.add_parser(sub, _common)
    encryption_commands.add_parser(sub, _common)
    backup_commands.add_parser(sub, _common)
    guide_commands.add_parser(sub, _common)

    sub.add_parser("_qt-check", help=argparse.SUPPRESS)
    return parser


HANDLERS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init": enrolment_commands.cmd_init,  # --setup FILE, else commands.cmd_init
    "demo": commands.cmd_demo,
    "self-test": commands.cmd_self_test,
    "site-card": commands.cmd_site_card,
    "referral": referral_commands.cmd_referral_list,  # the only referral verb so far: list
    "slip": referral_commands.cmd_slip,
    "receipt": referral_commands.cmd_receipt,
    "trust": exchange_commands.cmd_trust,
    "export": exchange_commands.cmd_export,
    "import": exchange_commands.cmd_import,
    "conflicts": exchange_commands.cmd_conflicts,
    "dtsen": extract_commands.cmd_dtsen,  # the only dtsen verb so far: import
    "outcomes": agency_commands.cmd_outcomes,
    "village": village_commands.cmd_village,  # list, add
    "changes": changes_commands.cmd_changes,  # list, decide (district)
    "records": records_commands.cmd_records,  # consolidated lists at a district
    "duplicates": duplicates_commands.cmd_duplicates,  # list, merge, not-duplicate (district)
    "report": report_commands.cmd_report,  # monthly and daily reports, Excel or PDF
    "db-copy": database_commands.cmd_db_copy,  # the whole database into a new one (file -> office server)
    "retention": retention_commands.cmd_retention,  # show, run
    "audit": audit_commands.cmd_audit,  # verify, list
    "encryption": encryption_commands.cmd_encryption,  # status, enable, change-passphrase, recovery-sheet, recover
    "backup": backup_commands.cmd_backup,  # create, list, restore
    "panduan": guide_commands.cmd_panduan,  # the one-page service desk guide (PDF)
}


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME", "unknown")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    _Parser.json_requested = "--json" in args_list
    args = parser.parse_args(args_list)
    if args.command is None:
        from puskesos_desk.ui.app import main as gui_main

        return gui_main(db_target=args.db)
    if args.command == "_qt-check":
        from puskesos_desk.ui.selfcheck import main as qt_check

        return qt_check()
    log_path = configure_logging()
    as_json = bool(getattr(args, "json", False))
    try:
        encryption_commands.ask_site_passphrase(args)  # an encrypted site: asked once at a terminal, else env
        return HANDLERS[args.command](args, _os_user())
    except PuskesosError as exc:
        log.info("command %s rejected: %s", args.command, exc.message)
        emit_error(exc.message, code=exc.exit_code, as_json=as_json, detail=exc.detail)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); the work itself is done and committed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        emit_error("Dibatalkan.", code=EXIT_UNEXPECTED, as_json=as_json)
        return EXIT_UNEXPECTED
    except Exception as exc:
        log.exception("command %s failed", args.command)
        emit_error(f"Terjadi kesalahan yang tidak terduga ({type(exc).__name__}).", code=EXIT_UNEXPECTED,
                   as_json=as_json, detail=f"Rincian tercatat di {log_path}")
        return EXIT_UNEXPECTED


