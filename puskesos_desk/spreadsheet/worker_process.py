"""Starting the spreadsheet worker processes (the reader, child.py, and the writer, writer_child.py).

Both run as `python -P -m <module>` from a source checkout or an installed package. A frozen PyInstaller build has
no `-m`: its entry point must call the worker's main(argv[2:]) when argv[1] is the worker's flag, before anything
else (no Qt, no logging set-up). The flags are defined here so the entry points have one place to look.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

READER_FLAG = "--xlsx-reader-child"
WRITER_FLAG = "--xlsx-writer-child"
NO_WINDOW = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # CREATE_NO_WINDOW: no console flash


def command(module: str, flag: str, arguments: list[str]) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, flag, *arguments]
    # -P: do not put the current directory on sys.path, so a stray python_calamine.py there is never imported.
    return [sys.executable, "-P", "-m", module, *arguments]


def environment() -> dict[str, str]:
    """The parent's environment; in a source checkout without installation, also the checkout on PYTHONPATH."""
    found = dict(os.environ)
    found["RUST_BACKTRACE"] = "0"  # keep calamine's one-line abort reason ("memory allocation of ... failed")
    root = Path(__file__).resolve().parents[2]
    installed = {Path(folder).resolve() for folder in [*site.getsitepackages(), site.getusersitepackages()]}
    if root not in installed:
        found["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), found.get("PYTHONPATH")]))
    return found
