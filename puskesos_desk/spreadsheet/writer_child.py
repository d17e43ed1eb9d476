"""The writer process: xlsxwriter writes a large workbook here while the application prepares the next rows.

Writing the cells is most of an export's work and pure Python; in a process of its own it runs on the second core
instead of taking turns with the export (and the GUI thread) for one GIL. Started by writer_process.py as
`python -m puskesos_desk.spreadsheet.writer_child PATH`.

Protocol. The parent writes frames on stdin (a 4-byte little-endian length, then a pickle) of
    ("instructions", title, paragraphs)        ("sheet", name, columns, note)   ("rows", [row mapping, ...])
    ("end_sheet",)   ("hidden", name)    ("properties", {name: value})    ("close",)
(a sheet's or a hidden sheet's rows follow it in "rows" frames, up to "end_sheet")
and reads one answer frame on stdout when the work ends: ("ok", {sheet: rows written}) once the file is in place, or
("error", kind, message, errno) when it is not. After an error every further frame is read and dropped, so the
parent never blocks on a full pipe. End of input without ("close",) abandons the workbook: no file, no temporary
file left behind.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter, WorkbookValueError

FRAME_HEADER = struct.Struct("<I")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from any library must not corrupt the answer
    with os.fdopen(0, "rb", closefd=False) as requests:
        frames = _frames(requests)
        answer = _write(arguments[0], frames)
        for _ in frames:  # drain: the parent may still be sending rows of a sheet that failed
            pass
    payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    answers.write(FRAME_HEADER.pack(len(payload)) + payload)
    answers.flush()
    return 0 if answer[0] == "ok" else 1


def _frames(stream: BinaryIO) -> Iterator[tuple[Any, ...]]:
    while True:
        header = stream.read(FRAME_HEADER.size)
        if len(header) < FRAME_HEADER.size:
            return
        (size,) = FRAME_HEADER.unpack(header)
        payload = stream.read(size)
        if len(payload) < size:
            return
        yield pickle.loads(payload)  # frames from the application that started us


def _write(path: str, frames: Iterator[tuple[Any, ...]]) -> tuple[Any, ...]:
    counts: dict[str, int] = {}
    writer = None
    try:
        writer = ExchangeWorkbookWriter(path)
        for frame in frames:
            match frame:
                case ("instructions", title, paragraphs):
                    writer.add_instructions(title, paragraphs)
                case ("sheet", name, columns, note):
                    counts[name] = writer.add_sheet(name, columns, _sheet_rows(frames), note=note)
                case ("hidden", name):
                    counts[name] = writer.add_hidden_sheet(name, _sheet_rows(frames))
                case ("properties", properties):
                    writer.set_custom_properties(properties)
                case ("close",):
                    writer.close()
                    return ("ok", counts)
                case other:
                    raise ValueError(f"unexpected frame {str(other)[:100]}")
        writer.abort()  # the parent gave up (an error, a cancel) or went away
        return ("error", "Abandoned", "abandoned", None)
    except WorkbookValueError as exc:
        return ("error", "WorkbookValueError", str(exc), None)
    except OSError as exc:
        return ("error", "OSError", exc.strerror or str(exc), exc.errno)
    except Exception as exc:  # reported to the parent, which raises it there
        return ("error", type(exc).__name__, str(exc)[:2000], None)
    finally:
        if writer is not None:
            writer.abort()  # does nothing once closed


def _sheet_rows(frames: Iterator[tuple[Any, ...]]) -> Iterator[Any]:
    for frame in frames:
        if frame[0] == "end_sheet":
            return
        if frame[0] != "rows":
            raise ValueError(f"unexpected frame {frame[0]!r} inside a sheet")
        yield from frame[1]


if __name__ == "__main__":
    raise SystemExit(main())
