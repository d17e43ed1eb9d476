"""Import many packages at once: several files, or a whole folder from a USB stick, with one combined outcome.

    expand folders → each package's sender, sequence and rows (document properties, else _meta) → order per
    sender by sequence
    → import_package each, one transaction each → the gaps each sender's ledger still has → one report

One bad file never stops the others nor half-applies anything: each package is applied whole or refused by
import_package itself. Batal stops the batch: the package being read is rolled back, the packages already applied
stay applied, and the files not reached are listed as such.
"""

from __future__ import annotations

import logging
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from puskesos_desk.data.repositories import exchange_ledger
from puskesos_desk.domain.errors import Cancelled, PuskesosError
from puskesos_desk.domain.exchange_batch import GAP_CODE, BatchEntry, BatchImportOutcome, SenderGap
from puskesos_desk.domain.exchange_package import ImportStatus, PackageMeta, PackageRefused, missing_sequences
from puskesos_desk.domain.exchange_records import ImportMessage, ImportOutcome, ProgressSink
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_batch_report import write_batch_report
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_read import declared_meta, opened
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook

log = logging.getLogger(__name__)

CANCELLED_TEXT = ("Impor dibatalkan. Paket yang sudah diterapkan sebelum Batal tetap diterapkan; paket yang sedang "
                  "dibaca dan berkas sesudahnya tidak diubah.")


def package_files(paths: list[Path]) -> list[Path]:
    """The files to import: each file as given, each folder's *.xlsx (sorted by name, not its subfolders), without
    Office lock files ("~$…"), hidden files ("._…" that macOS leaves on USB sticks) or the same file twice."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted((p for p in path.iterdir() if p.suffix.lower() == ".xlsx" and p.is_file()
                                 and not _lock_or_hidden(p)), key=lambda p: p.name.casefold())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _lock_or_hidden(path: Path) -> bool:
    if path.name.startswith(("~$", ".")):
        return True
    attributes = getattr(path.stat(), "st_file_attributes", 0)  # Windows only
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


@dataclass(frozen=True)
class _Planned:
    path: Path
    meta: PackageMeta | None  # None: not readable as a package here; import_package says why
    rows: int


def _plan(paths: list[Path], sink: ProgressSink) -> list[_Planned]:
    """Each file with its meta, packages ordered per sender by sequence, the others after them in file order."""
    planned: list[_Planned] = []
    for number, path in enumerate(paths, 1):
        if sink.cancelled():
            raise Cancelled(CANCELLED_TEXT)
        sink.progress(0, 0, f"{path.name} ({number}/{len(paths)})")
        meta = _declared(path)
        planned.append(_Planned(path, meta, sum(meta.rows.values()) if meta else 0))
    packages = sorted((p for p in planned if p.meta), key=lambda p: (p.meta.sender_site, p.meta.sequence)
                      if p.meta else ("", 0))
    return packages + [p for p in planned if p.meta is None]


def _declared(path: Path) -> PackageMeta | None:
    """A package's meta for ordering: from its document properties when they hold a sound one (the guard's first
    look, no reader: a folder of 250 packages is planned in seconds, where opening each took a minute), else from
    `_meta` as an import reads it (a program that dropped the properties). None: import_package will say why.
    Trusting nothing: each package is verified when it is imported, and a wrong order is only classified."""
    try:
        return PackageMeta.parse(declared_meta(path))
    except PackageRefused:
        pass
    except (UnsafeWorkbook, OSError):
        return None
    try:
        with opened(path) as package:
            return PackageMeta.parse(package.meta)
    except (UnsafeWorkbook, PackageRefused, OSError):
        return None


class _OverallSink(ProgressSink):
    """One package's progress as part of the whole batch: rows done before it plus its own."""

    def __init__(self, outer: ProgressSink, before: int, total: int, label: str) -> None:
        self.outer, self.before, self.total, self.label = outer, before, total, label

    def progress(self, done: int, total: int, label: str) -> None:
        self.outer.progress(self.before + done, self.total, f"{self.label} — {label}" if label else self.label)

    def cancelled(self) -> bool:
        return self.outer.cancelled()


def import_packages(ctx: ServiceContext, paths: list[Path], *, dry_run: bool = False, report_path: Path | None = None,
                    sink: ProgressSink | None = None) -> BatchImportOutcome:
    """Import every package among `paths` (files and folders), each on its own; see the module docstring."""
    ctx.require(Permission.IMPORT_DATA)
    sink = sink or ProgressSink()
    files = package_files(paths)
    entries: list[BatchEntry] = []
    cancelled = False
    try:
        planned = _plan(files, sink)
    except Cancelled:
        planned, cancelled = [_Planned(p, None, 0) for p in files], True
    total = sum(max(p.rows, 1) for p in planned) or 1
    done = 0
    for number, item in enumerate(planned, 1):
        if cancelled or sink.cancelled():
            cancelled = True
            entries.append(BatchEntry(item.path, None))
            continue
        part = _OverallSink(sink, done, total, f"{item.path.name} ({number}/{len(planned)})")
        try:
            outcome = _one(ctx, item.path, dry_run=dry_run, sink=part)
        except Cancelled:
            cancelled = True
            entries.append(BatchEntry(item.path, None))
            continue
        entries.append(BatchEntry(item.path, outcome))
        done += max(item.rows, 1)
        sink.progress(done, total, part.label)
    messages = [ImportMessage(None, None, None, "DIBATALKAN", CANCELLED_TEXT, "warning")] if cancelled else []
    outcome = BatchImportOutcome(entries=entries, gaps=_gaps(ctx, entries, dry_run=dry_run), dry_run=dry_run,
                                 cancelled=cancelled, messages=messages)
    return _with_report(outcome, report_path)


def _one(ctx: ServiceContext, path: Path, *, dry_run: bool, sink: ProgressSink) -> ImportOutcome:
    """import_package, with what it cannot refuse itself (a file gone from the stick, a system error) turned into a
    rejected outcome, so the batch goes on. Its gap warnings are dropped: the batch reports gaps once, after all."""
    try:
        outcome = import_package(ctx, path, dry_run=dry_run, sink=sink)
    except Cancelled:
        raise
    except (PuskesosError, OSError) as exc:
        text = exc.message if isinstance(exc, PuskesosError) else \
            f"Berkas tidak dapat dibaca ({exc.strerror or type(exc).__name__})."
        outcome = _failed(text, "TIDAK_DAPAT_DIBACA")
    except Exception:
        log.exception("batch import: %s failed", path.name)
        outcome = _failed("Berkas ini tidak dapat diproses karena kesalahan sistem (rincian di log); berkas lain "
                          "tetap diproses.", "KESALAHAN_SISTEM")
    return replace(outcome, messages=[m for m in outcome.messages if m.code != GAP_CODE])


def _failed(text: str, code: str) -> ImportOutcome:
    return ImportOutcome(status=ImportStatus.REJECTED, package_id="", sender="", sender_name="", sequence=0,
                         rows={}, sheets={}, messages=[ImportMessage(None, None, None, code, text)])


def _gaps(ctx: ServiceContext, entries: list[BatchEntry], *, dry_run: bool) -> list[SenderGap]:
    """Per sender met in the batch: the sequences below its highest one still not received. A dry run counts the
    packages that would apply as received, so checking a complete folder reports no gap."""
    senders: dict[str, str] = {}
    would: dict[str, set[int]] = {}
    for entry in entries:
        outcome = entry.outcome
        if outcome is None or not outcome.sender or outcome.status is ImportStatus.REJECTED:
            continue
        senders.setdefault(outcome.sender, outcome.sender_name)
        if dry_run and outcome.status is ImportStatus.WOULD_APPLY:
            would.setdefault(outcome.sender, set()).add(outcome.sequence)
    gaps: list[SenderGap] = []
    with ctx.db.reading() as session:
        for sender, name in sorted(senders.items()):
            received = exchange_ledger.received_sequences(session, sender) | would.get(sender, set())
            missing = missing_sequences(received, max(received, default=0))
            if missing:
                gaps.append(SenderGap(sender, name, tuple(missing)))
    return gaps


def _with_report(outcome: BatchImportOutcome, report_path: Path | None) -> BatchImportOutcome:
    """The combined report; the packages are already applied or refused, so a failure to write it is a message."""
    if report_path is None:
        return outcome
    try:
        write_batch_report(Path(report_path), outcome)
    except (OSError, ValueError) as exc:
        log.exception("batch import report not written")
        message = ImportMessage(None, None, None, "LAPORAN_GAGAL", f"Laporan tidak dapat disimpan ke {report_path} "
                                f"({getattr(exc, 'strerror', None) or 'galat'}); hasil impor di atas tetap berlaku.",
                                "warning")
        return replace(outcome, messages=[*outcome.messages, message])
    return replace(outcome, report=Path(report_path))
