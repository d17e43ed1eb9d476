"""Rows of a guarded workbook, read by python-calamine in a separate process and handed over in batches.

    for batch in read_sheets(path, ["Rumah Tangga", "Anggota Keluarga"]):
        for number, row in enumerate(batch.rows, start=batch.first_row):
            ...

read_sheets runs the guard itself (or accepts the shape inspect_xlsx returned for the same, unchanged file), so
no caller can reach calamine with an unchecked file. The reader process (child.py) is started before the guard
runs, so its start-up costs no time; it receives the request only once the guard passed.

Why a subprocess and not multiprocessing (spawn): the child sets RLIMIT_AS before python-calamine is imported and
imports nothing else, whereas spawn re-imports the parent's __main__ (in the app, the GUI and Qt). Measured from a
main module that imports PySide6, a small workbook took 0.105 s from start to last row through this subprocess and
0.244 s through a spawned Process (medians of 7). A plain pipe also lets the parent unpickle with a whitelist of
value types, and a killed child leaves no manager or resource tracker behind. The price: a frozen PyInstaller
build has no `-m`, so its entry point must hand `child.FROZEN_FLAG` over to child.main (see _command).

The child converts and normalises the values, so the parent (which shares its GIL with the GUI thread) only
unpickles: 10-20 ms for a batch of 5,000 rows x 20 columns. The parent holds one frame at a time; the child's
memory is capped by Limits.reader_memory_bytes on POSIX. Time is bounded by Limits.reader_timeout_s, counted
while the caller waits for the reader, not while it works on a batch.
"""

from __future__ import annotations

import io
import json
import logging
import os
import pickle
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import IO, Any, NamedTuple

from puskesos_desk.spreadsheet import child, worker_process
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.guard import DEFAULT_LIMITS, Limits, WorkbookShape, inspect_xlsx, is_current

log = logging.getLogger(__name__)

CellValue = str | int | float | bool | date | datetime | time_of_day | timedelta | None
Row = tuple[CellValue, ...]

MAX_FRAME_BYTES = 64 << 20  # one pickled batch; the parent refuses anything larger
_EXIT_WAIT_S = 5.0
_in_process = False  # see read_in_this_process: never set by the application


class SheetBatch(NamedTuple):
    sheet: str
    first_row: int  # 1-based row number of rows[0]; rows are consecutive (0: a sheet read with `intake`)
    rows: list[Row]  # index 0 of every row is column A; all rows of a sheet have the same length (empty: `intake`)
    header: Row | None = None  # a sheet read with `intake`: its first row
    taken: TakenRows | None = None  # a sheet read with `intake`: its rows as taken in


class TakenRows(NamedTuple):
    """Rows of a sheet read with `intake`, as parallel lists (child._taken_in): row i is numbers[i], raws[i], …"""

    numbers: list[int]  # as Excel shows them (the header is row 1)
    raws: list[Row]  # the cells as read, index 0 is column A
    digests: list[str]  # row hashes
    values: list[dict[str, Any]]  # field values
    findings: list[tuple[tuple[str | None, str, str], ...]]  # (column key, code, message) of the row checks
    derived: list[dict[str, Any]]  # fields the receiver derives itself


def read_sheets(
    path: str | os.PathLike[str],
    sheets: Sequence[str] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    batch_rows: int = 5000,
    shape: WorkbookShape | None = None,
    intake: dict[str, dict[str, Any]] | None = None,
) -> Iterator[SheetBatch]:
    """Batches of the named worksheets, in the order asked (None: every worksheet in workbook order).

    Values: text as str (never converted), numbers as int when integral else float, dates as date or datetime,
    booleans as bool, empty cells as None. An empty sheet yields no batch. Raises UnsafeWorkbook.

    `intake` asks the reader process to take the rows of exchange data sheets in as an import does
    (domain.exchange_intake.RowIntake): {sheet: {"sheet": name, "choices": {key: [codes]}, "number_field": key or
    None, "today": ISO date, "now": ISO moment}}. Batches of such a sheet have first_row 0, the sheet's first row
    as `header`, and `taken` (TakenRows: row numbers, cells as read, row hashes, values, findings, derived fields).
    """
    read = SheetRead(path, sheets, limits=limits, batch_rows=batch_rows, shape=shape, intake=intake)
    try:
        yield from read.batches()
    finally:
        read.close()


class SheetRead:
    """A read that starts at once: the reader process gets its request now and works ahead (up to the pipe's
    buffer) while the caller does something else, such as checking the signature of the package whose rows these
    are. read_sheets is this, started when the first batch is asked for. The caller must close() it, also when it
    never takes a batch: that is what stops the reader process."""

    def __init__(self, path: str | os.PathLike[str], sheets: Sequence[str] | None = None, *,
                 limits: Limits = DEFAULT_LIMITS, batch_rows: int = 5000, shape: WorkbookShape | None = None,
                 intake: dict[str, dict[str, Any]] | None = None, standby: StandbyReader | None = None) -> None:
        """`standby`: a reader process started earlier under the same limits, taken over instead of starting one."""
        if batch_rows < 1:
            raise ValueError("batch_rows must be at least 1")
        self.sheets = tuple(sheets) if sheets is not None else None
        self._reader = standby.take(limits) if standby is not None else _new_reader(limits, intake=bool(intake))
        try:
            if shape is None or not is_current(shape, path, limits):
                shape = inspect_xlsx(path, limits)
            self._reader.ask(
                {
                    "path": str(Path(path).resolve()),
                    "sheets": _wanted(shape, sheets),
                    "batch_rows": batch_rows,
                    "max_cells": limits.max_cells,
                    "intake": intake or {},
                }
            )
        except BaseException:
            self._reader.close()
            raise

    def batches(self) -> Iterator[SheetBatch]:
        yield from self._reader.batches()

    def abort(self) -> None:
        """Stop the reader now, from any thread: a thread waiting in batches() then gets UnsafeWorkbook at once.
        close() must still follow."""
        self._reader.abort()

    def close(self) -> None:
        self._reader.close()


class StandbyReader:
    """A reader process started before its file passed the guard, so that its start-up (for an import, loading the
    intake code as well: a quarter of a second) happens on the other core while the guard scans. It receives no
    request until a SheetRead takes it over (`standby=`), which needs the guard's shape of the file: nothing reaches
    calamine unchecked. close() stops it when nobody took it (the file was refused); after a take it does nothing."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS, *, intake: bool = False) -> None:
        self._limits = limits
        self._reader: _ReaderProcess | _ReaderHere | None = _new_reader(limits, intake=intake)

    def take(self, limits: Limits) -> _ReaderProcess | _ReaderHere:
        reader, self._reader = self._reader, None
        if reader is None:
            raise ValueError("this standby reader was taken or closed")
        if limits != self._limits:  # its memory limit was set when it started
            reader.close()
            raise ValueError("a standby reader runs under the limits it was started with")
        return reader

    def close(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()


def _new_reader(limits: Limits, *, intake: bool) -> _ReaderProcess | _ReaderHere:
    return _ReaderHere() if _in_process else _ReaderProcess(limits, intake=intake)


def read_in_this_process(enabled: bool) -> None:
    """Run the reader's code in this process instead of a child (off by default, and the application never turns
    it on). Only for a harness that is itself a sacrificial process whose exit status is checked — the package
    fuzzer, where starting ~15 readers per mutant would cost a second each. Everything but the transport is the
    same: the guard, the reader's conversions and intake, the pickle round trip with the value whitelist, and any
    reader failure becomes UnsafeWorkbook("READER_FAILED"). What it gives up is the protection itself: an abort or
    a runaway allocation now takes this process down."""
    global _in_process
    _in_process = enabled


class _ReaderHere:
    """child.py's work done in this process, frame for frame (see read_in_this_process)."""

    def __init__(self) -> None:
        self._request: dict[str, Any] = {}

    def ask(self, request: dict[str, Any]) -> None:
        self._request = request

    def batches(self) -> Iterator[SheetBatch]:
        import python_calamine

        try:
            workbook = python_calamine.CalamineWorkbook.from_path(self._request["path"])
            frames = child._batches(workbook, self._request)
            for frame in frames:
                match _ValueUnpickler(io.BytesIO(pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))).load():
                    case ("batch", str(sheet), int(first_row), list(rows)):
                        yield SheetBatch(sheet, first_row, rows)
                    case ("intake", str(sheet), header, taken):
                        yield SheetBatch(sheet, 0, [], header, _taken_rows(taken))
        except python_calamine.CalamineError as exc:
            raise UnsafeWorkbook("READER_FAILED", detail=f"{type(exc).__name__}: {exc}") from exc
        except (UnsafeWorkbook, GeneratorExit, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # in a child, any exception ends the process: the same refusal here. Not only
            # Exception: a Rust panic in calamine arrives as pyo3's PanicException, a BaseException.
            raise UnsafeWorkbook("READER_FAILED", detail=f"reader failed: {exc!r}") from exc

    def abort(self) -> None:
        pass  # the reading thread is this process: it finishes the rows it is on

    def close(self) -> None:
        self._request = {}


def _wanted(shape: WorkbookShape, names: Sequence[str] | None) -> list[dict[str, Any]]:
    if names is None:
        names = [sheet.name for sheet in shape.sheets if sheet.kind == "worksheet"]
    wanted = []
    for name in names:
        sheet = shape.sheet(name)
        if sheet is None or sheet.kind != "worksheet":
            raise UnsafeWorkbook("NO_SHEET", sheet=name)
        if not shape.scanned_sheet(name):  # a partial guard (inspect_xlsx(sheets=...)) left its cells unchecked
            raise ValueError(f"sheet {name!r} was not scanned by the guard")
        wanted.append({"name": name, "cells": sheet.max_row * sheet.max_col})
    return wanted


class _ReaderProcess:
    """One child.py process: started at once, given one request, read frame by frame, always reaped."""

    def __init__(self, limits: Limits, *, intake: bool = False) -> None:
        self._limits = limits
        self._budget_s = limits.reader_timeout_s
        self._timed_out = False
        self._ended = False
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close(), after the process is reaped)
        try:
            self._process = subprocess.Popen(
                _command(limits, intake=intake),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=worker_process.environment(),
                **worker_process.NO_WINDOW,
            )
        except OSError as exc:
            self._stderr.close()
            raise UnsafeWorkbook("READER_FAILED", detail=f"cannot start the reader: {exc!r}") from exc

    def ask(self, request: dict[str, Any]) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(request).encode("utf-8"))
            stdin.close()
        except OSError as exc:  # the reader died before reading its request
            raise self._failure() from exc

    def batches(self) -> Iterator[SheetBatch]:
        while True:
            match self._next_frame():
                case ("batch", str(sheet), int(first_row), list(rows)):
                    yield SheetBatch(sheet, first_row, rows)
                case ("intake", str(sheet), header, taken) if header is None or isinstance(header, tuple):
                    yield SheetBatch(sheet, 0, [], header, self._taken(taken))
                case ("end",):
                    return
                case ("error", kind, detail):
                    log.warning("xlsx reader refused the workbook: %s: %s", kind, detail)
                    raise UnsafeWorkbook("READER_FAILED", detail=f"{kind}: {detail}")
                case other:
                    self._process.kill()
                    raise UnsafeWorkbook("READER_FAILED", detail=f"unexpected frame {str(other)[:200]}")

    def abort(self) -> None:
        self._process.kill()  # its pipe then ends, and a reader waiting for a frame gets a READER_FAILED refusal

    def close(self) -> None:
        process = self._process
        if process.poll() is None:
            if self._ended:  # it is only tearing down: let it exit on its own
                try:
                    process.wait(timeout=_EXIT_WAIT_S)
                except subprocess.TimeoutExpired:
                    process.kill()
            else:  # refused by the guard, abandoned by the caller, or failed
                process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None and not stream.closed:
                stream.close()
        self._stderr.close()

    def _next_frame(self) -> Any:
        stdout = self._process.stdout
        assert stdout is not None
        with self._waiting():
            header = stdout.read(child.FRAME_HEADER.size)
            if len(header) < child.FRAME_HEADER.size:
                raise self._failure()
            (size,) = child.FRAME_HEADER.unpack(header)
            if size > MAX_FRAME_BYTES:
                self._process.kill()
                raise UnsafeWorkbook("READER_FAILED", detail=f"frame of {size} bytes")
            payload = stdout.read(size)
            if len(payload) < size:
                raise self._failure()
        try:
            frame = _ValueUnpickler(io.BytesIO(payload)).load()
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            self._process.kill()
            raise UnsafeWorkbook("READER_FAILED", detail=f"bad frame: {exc!r}") from exc
        self._ended = frame == ("end",)
        return frame

    @contextmanager
    def _waiting(self) -> Iterator[None]:
        """Kill the reader when the time spent waiting for it reaches the budget."""
        watchdog = threading.Timer(max(self._budget_s, 0.0), self._expire)
        watchdog.daemon = True
        started = time.monotonic()
        watchdog.start()
        try:
            yield
        finally:
            watchdog.cancel()
            self._budget_s -= time.monotonic() - started

    def _taken(self, columns: object) -> TakenRows:
        try:
            return _taken_rows(columns)
        except ValueError as exc:
            self._process.kill()
            raise UnsafeWorkbook("READER_FAILED", detail=f"unexpected frame: {exc}") from exc

    def _expire(self) -> None:
        self._timed_out = True
        self._process.kill()

    def _failure(self) -> UnsafeWorkbook:
        """The reader stopped without finishing: timed out, killed (memory limit, abort) or crashed."""
        self._process.kill()
        code = self._process.wait()
        if self._timed_out:
            seconds = f"{self._limits.reader_timeout_s:g}"
            log.warning("xlsx reader stopped after %s s", seconds)
            return UnsafeWorkbook("TIMEOUT", seconds=seconds, detail=f"reader killed after {seconds} s")
        detail = f"reader exit status {code}: {_tail(self._stderr)}"
        log.warning("xlsx reader failed: %s", detail)
        return UnsafeWorkbook("READER_FAILED", detail=detail)


def _taken_rows(columns: object) -> TakenRows:
    """The six lists of an intake frame, checked to be six lists of one length."""
    if not isinstance(columns, tuple) or len(columns) != len(TakenRows._fields) or not all(
            isinstance(column, list) and len(column) == len(columns[0]) for column in columns):
        raise ValueError("intake rows are not six lists of one length")
    return TakenRows(*columns)


class _ValueUnpickler(pickle.Unpickler):
    """Frames hold only tuples, lists, dicts, str, numbers, bool, None and these datetime types."""

    _ALLOWED = frozenset({("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")})

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a cell value")
        return super().find_class(module, name)


def _command(limits: Limits, *, intake: bool) -> list[str]:
    arguments = ["--memory-bytes", str(limits.reader_memory_bytes), "--max-frame-bytes", str(MAX_FRAME_BYTES)]
    if intake:
        arguments.append("--intake")
    return worker_process.command("puskesos_desk.spreadsheet.child", child.FROZEN_FLAG, arguments)


def _tail(stream: IO[bytes], size: int = 2000) -> str:
    """The end of what the reader wrote on stderr: its last words (a traceback, an abort reason)."""
    stream.seek(0, os.SEEK_END)
    stream.seek(max(0, stream.tell() - size))
    return stream.read().decode("utf-8", errors="replace").strip()
