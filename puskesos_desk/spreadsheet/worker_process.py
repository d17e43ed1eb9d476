"""The flags of the spreadsheet worker processes (the reader, child.py, and the writer, writer_child.py).

How they are started is infra/child_process.py's, shared with the PDF helper; a frozen build's entry point
(frozen_entry.py) keeps literal copies of these flags.
"""

from __future__ import annotations

from puskesos_desk.infra.child_process import NO_WINDOW, command, environment

__all__ = ["NO_WINDOW", "READER_FLAG", "WRITER_FLAG", "command", "environment"]

READER_FLAG = "--xlsx-reader-child"
WRITER_FLAG = "--xlsx-writer-child"
