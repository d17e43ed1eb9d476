"""Opening an exchange package: the guard, the `_meta` sheet with its manifest, then the data rows in batches.

Nothing here decides anything about the rows; it turns a file into (meta, manifest, rows keyed by column key) and
refuses, with a code and a Bahasa message, what is not a sound package before any data row is read.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from puskesos_desk.domain.exchange_intake import column_positions, header_text
from puskesos_desk.domain.exchange_package import MANIFEST_HEADER, META_SHEET, PackageRefused
from puskesos_desk.domain.exchange_sheets import ROW_HASH_HEADER, ROW_HASH_KEY, SYSTEM_COLUMNS
from puskesos_desk.domain.exchange_validation import Finding
from puskesos_desk.services.exchange_columns import SheetPlan
from puskesos_desk.spreadsheet.guard import DEFAULT_LIMITS, Limits, WorkbookShape, decrypt_to, inspect_xlsx
from puskesos_desk.spreadsheet.reader import SheetBatch, SheetRead, StandbyReader, TakenRows, read_sheets

_ALWAYS_NEEDED = ("id", "row_version", "base_version")


@dataclass(frozen=True)
class RowsAhead:
    """What the rows pass will ask for, known before `_meta` is read: the data reader process starts (and loads the
    intake code) while the guard scans the data sheets, gets its request as soon as the scan passed, and takes the
    first rows in while `_meta` is read and the signature checked (two reader processes side by side, one per
    core). Nothing read ahead is used before the package verified; a refused package stops it."""

    plans: Mapping[str, SheetPlan]
    today: date
    now: datetime
    batch_rows: int = 5000


@dataclass(frozen=True)
class OpenedPackage:
    path: Path  # the file the reader opens (a decrypted copy when the original had a password)
    shape: WorkbookShape
    meta: dict[str, str]
    manifest: list[tuple[str, str, str]]  # (sheet, record id, row hash) as signed
    ahead: EarlyRows | None = None  # the data read started early (opened(ahead=...))

    def hashes(self) -> dict[str, dict[str, str]]:
        """sheet → record id → signed row hash. Dicts of text only: the collector never has to look at them (tuple
        keys, one per row, cost a 150 ms pause at the first collection after an import of 100,000 persons)."""
        by_sheet: dict[str, dict[str, str]] = {}
        for sheet, record_id, digest in self.manifest:
            rows = by_sheet.get(sheet)
            if rows is None:
                rows = by_sheet[sheet] = {}
            rows[record_id] = digest
        return by_sheet

    def formula_rows(self, sheet: str) -> frozenset[int]:
        """Rows holding a formula (the guard notes every one): an import treats each as edited by hand."""
        shape = self.shape.sheet(sheet)
        return shape.formula_rows if shape is not None else frozenset()


class EarlyRows:
    """A data read started by opened(ahead=...), handed to the first sheet_rows that asks for the same rows."""

    def __init__(self, ahead: RowsAhead, read: SheetRead) -> None:
        self.ahead = ahead
        self.read: SheetRead | None = read

    def take(self, names: list[str], today: date, now: datetime, batch_rows: int) -> SheetRead | None:
        ahead = self.ahead
        if self.read is None or (list(ahead.plans), ahead.today, ahead.now, ahead.batch_rows) != (
                names, today, now, batch_rows):
            return None
        read, self.read = self.read, None
        return read


@contextmanager
def opened(path: Path, *, password: str | None = None, limits: Limits = DEFAULT_LIMITS,
           ahead: RowsAhead | None = None) -> Iterator[OpenedPackage]:
    """Guard the file, decrypt it aside when a password is given, and read `_meta`. Raises UnsafeWorkbook or
    PackageRefused; the decrypted copy (personal data in clear) is removed on leaving, and a read started ahead
    is stopped.

    `_meta` (the manifest: one line per row of the package) is read while the guard scans the data sheets: the
    guard first checks everything but the data sheets' cells, then a reader process takes `_meta` on the other core
    while the scan goes on (benchmarks/exchange_import.py: the import of 100,000 persons waited 2 s for `_meta`
    after the scan). Only after the whole file passed are its rows used, or the data sheets read."""
    workdir: Path | None = None
    early: SheetRead | None = None
    meta_read: _MetaRead | None = None
    standby: StandbyReader | None = None
    try:
        if password:
            workdir = Path(tempfile.mkdtemp(prefix="puskesos-import-"))
            path = decrypt_to(path, password, workdir / "paket.xlsx", limits=limits)
        first = inspect_xlsx(path, limits, sheets=[META_SHEET])
        sheet = first.sheet(META_SHEET)
        if sheet is not None and sheet.kind == "worksheet":
            meta_read = _MetaRead(path, first, limits)
            if ahead is not None:  # starts (and loads the intake code) while the data sheets are scanned
                standby = StandbyReader(limits, intake=True)
        shape = inspect_xlsx(path, limits, after=first)  # an unsound file is refused before "not a package"
        if meta_read is None:
            raise PackageRefused("NOT_A_PACKAGE")
        if ahead is not None and all(shape.sheet(name) is not None for name in ahead.plans):
            early = _start_rows(path, shape, ahead, limits, standby)  # guarded above: calamine may open it now
        meta, manifest = meta_read.result()
        yield OpenedPackage(path=path, shape=shape, meta=meta, manifest=manifest,
                            ahead=EarlyRows(ahead, early) if ahead is not None and early is not None else None)
    finally:
        if meta_read is not None:
            meta_read.close()
        if standby is not None:
            standby.close()  # nothing, once the early read took it over
        if early is not None:
            early.close()
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)


def declared_meta(path: Path, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """The package fields as the workbook's custom document properties mirror them (docs/exchange-format.md §5),
    read by the guard without opening a sheet: no reader process, no cell scanned. Unsigned, so good only for
    ordering a folder of packages before each is opened and verified, never for deciding anything. Raises
    UnsafeWorkbook for a file the guard refuses anyway."""
    return inspect_xlsx(path, limits, sheets=()).custom_properties


class _MetaRead:
    """`_meta` read by a reader process and taken in on a thread of its own, so that the caller can go on guarding
    the rest of the file. result() gives (meta, manifest) or raises what reading it raised."""

    def __init__(self, path: Path, shape: WorkbookShape, limits: Limits) -> None:
        self._read = SheetRead(path, [META_SHEET], limits=limits, shape=shape, batch_rows=20000)
        self._result: tuple[dict[str, str], list[tuple[str, str, str]]] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._take, name="package-meta", daemon=True)
        try:
            self._thread.start()
        except BaseException:  # no thread (out of resources): the reader process must not outlive this
            self._read.close()
            raise

    def _take(self) -> None:
        try:
            self._result = _parsed_meta(self._read.batches())
        except BaseException as exc:  # handed to the caller's thread by result()
            self._error = exc

    def result(self) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def close(self) -> None:
        if self._thread.is_alive():  # the guard refused the file while `_meta` was being read
            self._read.abort()
            self._thread.join()
        self._read.close()


def _parsed_meta(batches: Iterable[SheetBatch]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    meta: dict[str, str] = {}
    manifest: list[tuple[str, str, str]] = []
    in_manifest = False
    for batch in batches:
        for row in batch.rows:
            first, second, third = (header_text(row[i]) if i < len(row) else "" for i in range(3))
            if not in_manifest:
                if (first, second, third) == MANIFEST_HEADER:
                    in_manifest = True
                elif first:
                    if first in meta:
                        raise PackageRefused("META_DAMAGED", detail=f"kunci {first} ganda")
                    meta[first] = second
            elif first:
                if not second or not third:
                    raise PackageRefused("META_DAMAGED", detail="daftar baris")
                manifest.append((first, second, third))
    if not meta:
        raise PackageRefused("NOT_A_PACKAGE")
    if not in_manifest:
        raise PackageRefused("META_DAMAGED", detail="daftar baris tidak ada")
    return meta, manifest


@dataclass(frozen=True, slots=True)
class IncomingRows:
    """One batch of data rows as the reader process took them in (domain.exchange_intake.RowIntake), as parallel
    lists: row i is (numbers[i], digests[i], values[i], findings[i], derived[i]), its cells raws[i].

    No object per row: an importing desk runs the cyclic collector on its GUI thread, and each container a row
    brings along lengthens those pauses (benchmarks/gui_stalls.py)."""

    positions: tuple[tuple[int, str], ...]  # (column index, column key) of the sheet's known columns
    taken: TakenRows

    def __len__(self) -> int:
        return len(self.taken.numbers)

    def __iter__(self) -> Iterator[tuple[int, str, dict[str, Any], tuple[Finding, ...], dict[str, Any]]]:
        """(row number as Excel shows it, row hash, field values, findings without the receiver's database, fields
        the receiver derives itself) per row; NIK and No. KK are without separators in the values."""
        taken = self.taken
        for number, digest, values, findings, derived in zip(taken.numbers, taken.digests, taken.values,
                                                             taken.findings, taken.derived, strict=True):
            yield number, digest, values, tuple(Finding(*f) for f in findings) if findings else (), derived

    def cells(self, row_number: int) -> dict[str, object]:
        """column key → the cell as read in that row (one of this batch); missing columns are absent."""
        raw = self.taken.raws[self._index(row_number)]
        return {key: raw[index] for index, key in self.positions if index < len(raw)}

    def _index(self, row_number: int) -> int:
        numbers = self.taken.numbers
        at = bisect_left(numbers, row_number)  # ascending: rows come in sheet order
        if at == len(numbers) or numbers[at] != row_number:
            raise KeyError(row_number)
        return at


def header_map(plan: SheetPlan, header: tuple[object, ...]) -> tuple[tuple[int, str], ...]:
    """(column index, column key), matching headers people may have moved; extra columns are ignored, missing
    required ones refuse the package."""
    by_header = {column.header: column.key for column in plan.all_columns} | {ROW_HASH_HEADER: ROW_HASH_KEY}
    found = column_positions(header, by_header)
    present = {key for _, key in found}
    required = [c for c in plan.all_columns if c.key in _ALWAYS_NEEDED or c.required]
    for column in [*required, *(c for c in SYSTEM_COLUMNS if c.key == "created_at")]:
        if column.key not in present:
            raise PackageRefused("MISSING_COLUMN", column=column.header, sheet=plan.name)
    return found


def _intake(plans: Mapping[str, SheetPlan], today: date, now: datetime) -> dict[str, dict[str, Any]]:
    return {name: {"sheet": name, "choices": {key: list(codes) for key, codes in plan.choices.items()},
                   "lengths": plan.lengths, "number_field": plan.number_field, "today": today.isoformat(),
                   "now": now.isoformat()}
            for name, plan in plans.items()}


def _start_rows(path: Path, shape: WorkbookShape, ahead: RowsAhead, limits: Limits,
                standby: StandbyReader | None) -> SheetRead:
    return SheetRead(path, list(ahead.plans), limits=limits, shape=shape, batch_rows=ahead.batch_rows,
                     intake=_intake(ahead.plans, ahead.today, ahead.now), standby=standby)


def sheet_rows(package: OpenedPackage, plans: Mapping[str, SheetPlan], *, today: date, now: datetime,
               batch_rows: int = 5000, limits: Limits = DEFAULT_LIMITS,
               ) -> Iterator[tuple[SheetPlan, IncomingRows]]:
    """Batches of rows per data sheet, in the order of `plans` (parents first). Empty rows are skipped. The reader
    process takes the rows in (cells to values, row checks, row hash) while the caller works on the last batch.
    A read started ahead for the same sheets, day and moment is taken over (once); otherwise one starts now."""
    names = list(plans)
    for name in names:
        if package.shape.sheet(name) is None:
            raise PackageRefused("MISSING_SHEET", sheet=name)
    positions: dict[str, tuple[tuple[int, str], ...]] = {}
    early = package.ahead.take(names, today, now, batch_rows) if package.ahead is not None else None
    if early is not None:  # closed by opened() on leaving
        batches = early.batches()
    else:
        batches = read_sheets(package.path, names, limits=limits, shape=package.shape, batch_rows=batch_rows,
                              intake=_intake(plans, today, now))
    for batch in batches:
        plan = plans[batch.sheet]
        if batch.sheet not in positions:
            positions[batch.sheet] = header_map(plan, batch.header or ())
        if batch.taken is not None and batch.taken.numbers:
            yield plan, IncomingRows(positions[batch.sheet], batch.taken)
