"""The one entry point of every Puskesos Desk process: the app, the command line, and its own helper processes.

A PyInstaller bundle has no `python -m`: every child process the app starts is the bundle's executable again, and
only argv[1] says which role it plays. This module decides, before anything heavy is imported:

    <exe> --xlsx-reader-child ...   the python-calamine reader (spreadsheet/child.py)
    <exe> --xlsx-writer-child ...   the exchange workbook writer (spreadsheet/writer_child.py)
    <exe> --pdf-helper-child        the PDF helper: reportlab and PDFium out of the desk (printing/helper_child.py)
    <exe> _gui-check ...            open the real main window for a moment and report (ui/bundle_check.py)
    <exe> [command ...]             the command line (cli/main.py); no command opens the desktop app

`python -m puskesos_desk` goes through here too, so the dispatch is tested without a bundle.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Literal copies of spreadsheet.worker_process.READER_FLAG / WRITER_FLAG and printing.helper_child.HELPER_FLAG:
# importing those modules here would pull in `site` handling the children do not need (tests/installer asserts the
# copies agree).
READER_FLAG = "--xlsx-reader-child"
WRITER_FLAG = "--xlsx-writer-child"
PDF_HELPER_FLAG = "--pdf-helper-child"
GUI_CHECK = "_gui-check"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):
        # No-op unless a library starts a multiprocessing child; PyInstaller's runtime hook has then already
        # imported multiprocessing, so this costs nothing.
        import multiprocessing

        multiprocessing.freeze_support()
    role = arguments[0] if arguments else ""
    if role == READER_FLAG:
        from puskesos_desk.spreadsheet import child

        return child.main(arguments[1:])
    if role == WRITER_FLAG:
        from puskesos_desk.spreadsheet import writer_child

        return writer_child.main(arguments[1:])
    if role == PDF_HELPER_FLAG:
        from puskesos_desk.printing import helper_child

        return helper_child.main(arguments[1:])
    if role == GUI_CHECK:
        from puskesos_desk.ui import bundle_check

        return bundle_check.main(arguments[1:])
    from puskesos_desk.cli import main as cli_main

    return cli_main(arguments)
