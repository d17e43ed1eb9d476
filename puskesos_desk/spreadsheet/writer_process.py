"""ExchangeWorkbookWriter's interface, with the writing done in a separate process (writer_child.py).

    with WorkbookWriterProcess(path) as writer:
        writer.add_instructions(title, paragraphs)
        writer.add_sheet(name, columns, rows)      # rows are sent in batches while the child writes
        ...

For the large workbooks of an export: the caller turns database rows into cells on one core while xlsxwriter
writes them on the other (benchmarks/exchange_export.py). The same guarantees as the in-process writer: the file
appears only when complete, and an error or an abandoned export leaves no file and no temporary file. Errors the
writer meets (a text too long for a cell, a full disk) are raised here, at the latest when the workbook is closed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from puskesos_desk.spreadsheet import worker_process
from puskesos_desk.spreadsheet.columns import Column
from puskesos_desk.spreadsheet.writer import WorkbookValueError
from puskesos_desk.spreadsheet.writer_child import FRAME_HEADER

_BATCH_ROWS = 2000
_EXIT_WAIT_S = 30.0


class WorkbookWriterProcess:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)
        if not self._path.parent.is_dir():
            raise FileNotFoundError(f"folder does not exist: {self._path.parent}")
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the process is reaped)
        self._process = subprocess.Popen(
            worker_process.command("puskesos_desk.spreadsheet.writer_child", worker_process.WRITER_FLAG,
                                   [str(self._path)]),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=worker_process.environment(),
            **worker_process.NO_WINDOW,
        )
        self._counts: dict[str, int] = {}
        self._done = False
        self._last_words = ""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def add_instructions(self, title: str, paragraphs: Sequence[str]) -> None:
        self._send(("instructions", title, tuple(paragraphs)))

    def add_sheet(self, name: str, columns: Sequence[Column], rows: Iterable[Mapping[str, object]], *,
                  note: str = "") -> int:
        """Send a data sheet's rows and return how many were sent (the child writes each one or fails)."""
        self._send(("sheet", name, tuple(columns), note))
        return self._send_rows(rows)

    def add_hidden_sheet(self, name: str, rows: Iterable[Sequence[str | None]]) -> int:
        self._send(("hidden", name))
        return self._send_rows(tuple(row) for row in rows)

    def _send_rows(self, rows: Iterable[Any]) -> int:
        """The rows of the sheet just announced, in frames of _BATCH_ROWS, then its end. Never in one frame:
        pickling a 236,000-row manifest at once held the GIL for 0.3 s, and the window froze for as long
        (benchmarks/gui_stalls.py)."""
        count = 0
        batch: list[Any] = []
        for row in rows:
            batch.append(row)
            if len(batch) == _BATCH_ROWS:
                self._send(("rows", batch))
                count += len(batch)
                batch = []
        if batch:
            self._send(("rows", batch))
            count += len(batch)
        self._send(("end_sheet",))
        return count

    def set_custom_properties(self, properties: Mapping[str, str]) -> None:
        self._send(("properties", dict(properties)))

    def close(self) -> None:
        """Wait until the workbook is written; raise what the writer met."""
        if self._done:
            return
        self._send(("close",))
        answer = self._finish()
        if answer[0] != "ok":
            raise _error(answer, self._stderr_tail())

    def abort(self) -> None:
        """Give up: the child removes its partial file and temporary folder and exits."""
        if not self._done:
            self._finish()

    # --- the pipe -------------------------------------------------------------------------------------------------

    def _send(self, frame: tuple[Any, ...]) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        payload = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            stdin.write(FRAME_HEADER.pack(len(payload)))
            stdin.write(payload)
        except (BrokenPipeError, OSError):
            answer = self._finish()
            raise _error(answer, self._stderr_tail()) from None

    def _finish(self) -> tuple[Any, ...]:
        """Close our end, read the child's one answer and reap it."""
        self._done = True
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        with contextlib.suppress(OSError):  # the child is gone already; its answer (or its absence) says why
            process.stdin.close()
        answer: tuple[Any, ...] = ("error", "WriterFailed", "the writer process ended without an answer", None)
        header = process.stdout.read(FRAME_HEADER.size)
        if len(header) == FRAME_HEADER.size:
            (size,) = FRAME_HEADER.unpack(header)
            payload = process.stdout.read(size)
            if len(payload) == size:
                answer = pickle.loads(payload)  # our own child's answer
        try:
            process.wait(timeout=_EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._last_words = _tail(self._stderr)
        self._stderr.close()
        return answer

    def _stderr_tail(self) -> str:
        return self._last_words


def _error(answer: tuple[Any, ...], stderr: str) -> Exception:
    _, kind, message, errno = answer
    if kind == "WorkbookValueError":
        return WorkbookValueError(message)
    if kind == "OSError":
        return OSError(errno, message)
    detail = f"{kind}: {message}" + (f" ({stderr})" if stderr else "")
    return RuntimeError(f"the workbook writer failed: {detail}")


def _tail(stream: IO[bytes], size: int = 2000) -> str:
    stream.seek(0, os.SEEK_END)
    stream.seek(max(0, stream.tell() - size))
    return stream.read().decode("utf-8", errors="replace").strip()
