"""Where documents are laid out and PDF pages rasterised: in this process, or in the PDF helper process.

The desktop app switches the helper process on at start (`use_helper_process()`). reportlab, the fonts and PDFium
then never load into the desk: a walk-in's slip preview and print used to leave 40-90 MB behind in a process that
stays open all day on a 4 GB PC (benchmarks/walkin.py). The helper starts on the first request and is retired
after IDLE_S seconds without one, giving all of its memory back; a crash in it is an error message, not a closed
desk. The command line and the tests' default keep everything in-process.

Requests are serialised (one at a time, from whichever worker thread asks); all of them are pure functions of their
arguments, so one interrupted by a helper that went away is sent once more to a new helper.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import subprocess
import tempfile
import threading
import time
from collections.abc import Generator, Sequence
from typing import IO, Any

from puskesos_desk.infra import child_process
from puskesos_desk.printing import raster

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

HELPER_FLAG = "--pdf-helper-child"  # argv[1] of a frozen build's helper (frozen_entry.py keeps a literal copy)
IDLE_S = 60.0
PIPE_BYTES = 1 << 20
_EXIT_WAIT_S = 10.0


class HelperFailed(RuntimeError):
    """The helper process stopped or failed in a way that is not the document's fault."""


class _HelperProcess:
    def __init__(self, idle_s: float) -> None:
        self.idle_s = idle_s
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._last_used = 0.0
        self._timer: threading.Timer | None = None
        self._last_words = ""  # the end of the last retired helper's stderr
        self.started = 0  # helpers started so far (tests and benchmarks look)

    # --- requests --------------------------------------------------------------------------------------------------

    def call(self, request: tuple[Any, ...]) -> Any:
        with self._lock:
            for attempt in (1, 2):
                process = self._ensure()
                try:
                    child_process.write_frame(self._stdin(process), request)
                    answer = child_process.read_frame(self._stdout(process))
                except (OSError, child_process.EndOfFrames):
                    failure = self._lost(process)
                    if attempt == 2:
                        raise failure from None
                    log.warning("PDF helper went away (%s); asking a new one", failure)
                    continue
                self._used()
                return _value(answer)
        raise AssertionError("unreachable")

    def stream(self, request: tuple[Any, ...]) -> Generator[Any, None, None]:
        """The items of a streamed answer ("bands"). Stopping early retires the helper: it is still sending."""
        with self._lock:
            process = self._ensure()
            finished = False
            try:
                child_process.write_frame(self._stdin(process), request)
                while True:
                    answer = child_process.read_frame(self._stdout(process))
                    if answer[0] != "item":
                        finished = True
                        _value(answer)
                        return
                    yield answer[1]
            except (OSError, child_process.EndOfFrames):
                finished = True
                raise self._lost(process) from None
            finally:
                if not finished:
                    self._stop(process)
                self._used()

    # --- the process -----------------------------------------------------------------------------------------------

    def _ensure(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is not None and process.poll() is None:
            return process
        if process is not None:
            self._stop(process)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed when the helper is retired)
        process = subprocess.Popen(
            child_process.command("puskesos_desk.printing.helper_child", HELPER_FLAG, []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=child_process.environment(),
            **child_process.NO_WINDOW,
        )
        _widen(process.stdout)
        self._process = process
        self.started += 1
        log.debug("PDF helper started (pid %d)", process.pid)
        return process

    @staticmethod
    def _stdin(process: subprocess.Popen[bytes]) -> IO[bytes]:
        assert process.stdin is not None
        return process.stdin

    @staticmethod
    def _stdout(process: subprocess.Popen[bytes]) -> IO[bytes]:
        assert process.stdout is not None
        return process.stdout

    def _lost(self, process: subprocess.Popen[bytes]) -> HelperFailed:
        """The helper died under a request: reap it and say how it ended."""
        self._stop(process)
        tail = self._last_words
        return HelperFailed(f"the PDF helper stopped (exit code {process.returncode})" + (f": {tail}" if tail else ""))

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        """End the helper: closing its input is how it is told; a helper that does not go is killed."""
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            process.wait(timeout=_EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._stderr is not None:
            self._last_words = _tail(self._stderr)
            self._stderr.close()
            self._stderr = None
        if self._process is process:
            self._process = None

    def _used(self) -> None:
        """Arm the retirement: the helper goes after idle_s seconds without a request."""
        self._last_used = time.monotonic()
        if self._timer is None:
            self._timer = threading.Timer(self.idle_s, self._retire_if_idle)
            self._timer.daemon = True
            self._timer.start()

    def _retire_if_idle(self) -> None:
        with self._lock:
            self._timer = None
            process = self._process
            if process is None:
                return
            left = self._last_used + self.idle_s - time.monotonic()
            if left > 0:
                self._timer = threading.Timer(left, self._retire_if_idle)
                self._timer.daemon = True
                self._timer.start()
                return
            log.debug("PDF helper retired after %.0f s without work", self.idle_s)
            self._stop(process)

    def shutdown(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._process is not None:
                self._stop(self._process)

    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None


def _widen(pipe: IO[bytes] | None) -> None:
    """Linux: a 1 MiB pipe for the answers instead of 64 KiB. A page image or a print band is megabytes; each read
    of a pipe lets go of the GIL, and a busy GUI thread can keep it for a few milliseconds each time it is let go:
    with 64 KiB reads a slip's print took 3 s instead of 0.3 (benchmarks/walkin.py)."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if pipe is None or set_size is None:
        return
    with contextlib.suppress(OSError):  # above /proc/sys/fs/pipe-max-size: keep the default
        fcntl.fcntl(pipe.fileno(), set_size, PIPE_BYTES)


def _value(answer: tuple[Any, ...]) -> Any:
    if answer[0] == "ok":
        return answer[1]
    _, kind, message, portable = answer
    if portable is not None:
        raise pickle.loads(portable)  # our own helper's exception
    raise HelperFailed(f"{kind}: {message}")


def _tail(stream: IO[bytes], size: int = 2000) -> str:
    stream.seek(0, os.SEEK_END)
    stream.seek(max(0, stream.tell() - size))
    return stream.read().decode("utf-8", errors="replace").strip()


_helper: _HelperProcess | None = None


def use_helper_process(enabled: bool = True, *, idle_s: float = IDLE_S) -> None:
    """Lay documents out and rasterise pages in the helper process (the desktop app), or here (the default)."""
    global _helper
    if _helper is not None:
        _helper.shutdown()
    _helper = _HelperProcess(idle_s) if enabled else None


def shutdown() -> None:
    """Retire the helper now (the app is closing); the next request starts a new one."""
    if _helper is not None:
        _helper.shutdown()


def helper_state() -> dict[str, Any]:
    """For tests and benchmarks: whether the helper process is on, its pid while it runs, how many have started."""
    if _helper is None:
        return {"enabled": False, "pid": None, "started": 0}
    return {"enabled": True, "pid": _helper.pid(), "started": _helper.started}


# --- the requests ----------------------------------------------------------------------------------------------------


def render(name: str, *args: Any) -> bytes:
    """The PDF of renderers.RENDERERS[name](*args)."""
    if _helper is None:
        from puskesos_desk.printing.renderers import renderer

        return renderer(name)(*args)
    pdf: bytes = _helper.call(("render", name, args))
    return pdf


def rasterise(pdf: bytes, dpi: float, limit: int | None = None) -> raster.Raster:
    if _helper is None:
        return raster.rasterise(pdf, dpi, limit)
    pages: raster.Raster = _helper.call(("rasterise", pdf, dpi, limit))
    return pages


def print_bands(pdf: bytes, dpi: float) -> Generator[raster.PageStart | raster.Band, None, None]:
    if _helper is None:
        return raster.print_bands(pdf, dpi)
    return _helper.stream(("bands", pdf, dpi))


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    if len(pdfs) == 1:
        return pdfs[0]
    if _helper is None:
        return raster.merge_pdfs(pdfs)
    merged: bytes = _helper.call(("merge", tuple(pdfs)))
    return merged


def page_sizes_pt(pdf: bytes) -> tuple[tuple[float, float], ...]:
    if _helper is None:
        return raster.page_sizes_pt(pdf)
    sizes: tuple[tuple[float, float], ...] = _helper.call(("sizes", pdf))
    return sizes
