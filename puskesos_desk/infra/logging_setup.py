"""Logging to a rotating file in the user log folder, with personal data masked before it is written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from lokal.samaran.logging import SamaranFilter

from puskesos_desk.infra.paths import user_log_dir

LOG_FILE_NAME = "puskesos-desk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_configured_path: Path | None = None


def log_file_path() -> Path:
    return user_log_dir() / LOG_FILE_NAME


def configure_logging(*, console: bool = False, level: int = logging.INFO) -> Path:
    """Set up the root logger once per process; returns the log file path.

    The masking filter sits on the handlers, not on loggers, so records from every library pass through it:
    a NIK or phone number in a message or a traceback never reaches the file in plain text (UU PDP).
    """
    global _configured_path
    path = log_file_path()
    if _configured_path == path:
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
        handler.addFilter(SamaranFilter())
        handler._puskesos = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    _configured_path = path
    return path
