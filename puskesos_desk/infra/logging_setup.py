"""Logging to a rotating file in the user log folder, with personal data masked before it is written."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from puskesos_desk.infra.paths import user_log_dir

LOG_FILE_NAME = "puskesos-desk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_configured_path: Path | None = None
_gate: MaskingGate | None = None


def log_file_path() -> Path:
    return user_log_dir() / LOG_FILE_NAME


def _masking_filter() -> logging.Filter:
    from lokal.samaran.logging import SamaranFilter  # 0.3 s to import: its detectors compile on load

    return SamaranFilter()


class MaskingGate(logging.Handler):
    """Holds records until the masking filter is loaded, then hands them, masked, to the real handlers.

    The desktop app paints its sign-in dialog before the masker is imported; `open_gate()` (from a background
    thread after the first paint) loads it. Nothing reaches a file unmasked: a record that arrives before the gate
    opens waits in memory, and closing the gate (process exit) opens it first.
    """

    def __init__(self, targets: list[logging.Handler]) -> None:
        super().__init__()
        self.targets = targets
        self.held: list[logging.LogRecord] = []
        self.opened = False
        self._opening = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if self.opened:
            self._pass_on(record)
        else:
            self.held.append(record)  # under this handler's own lock (Handler.handle)

    def _pass_on(self, record: logging.LogRecord) -> None:
        for target in self.targets:
            if record.levelno >= target.level:
                target.handle(record)

    def open(self) -> None:
        with self._opening:
            if self.opened:
                return
            for target in self.targets:
                target.addFilter(_masking_filter())
            self.acquire()
            try:
                held, self.held = self.held, []
                for record in held:
                    self._pass_on(record)
                self.opened = True
            finally:
                self.release()

    def flush(self) -> None:
        for target in self.targets:
            target.flush()

    def close(self) -> None:
        self.open()
        for target in self.targets:
            target.close()
        super().close()


def open_gate() -> None:
    """Load the masker and write what was held (no-op when logging was configured without a gate)."""
    if _gate is not None:
        _gate.open()


def configure_logging(*, console: bool = False, level: int = logging.INFO, defer_masking: bool = False) -> Path:
    """Set up the root logger once per process; returns the log file path.

    The masking filter sits on the handlers, not on loggers, so records from every library pass through it:
    a NIK or phone number in a message or a traceback never reaches the file in plain text (UU PDP).
    `defer_masking`: records wait in a MaskingGate until `open_gate()` (the desktop app's first paint).
    """
    global _configured_path, _gate
    path = log_file_path()
    if _configured_path == path and (_gate is not None) == defer_masking:
        return path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_puskesos", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
    if defer_masking:
        _gate = MaskingGate(handlers)
        handlers = [_gate]
    else:
        _gate = None
        for handler in handlers:
            handler.addFilter(_masking_filter())
    for handler in handlers:
        handler._puskesos = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    _configured_path = path
    return path
