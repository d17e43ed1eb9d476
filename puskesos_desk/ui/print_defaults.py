"""This PC's default paper and printer (QSettings, per Windows user): chosen in the first-run wizard or in
Pengaturan → Kertas dan printer, and used by the print preview (the paper preselected, the printer chosen in the
print dialog).

"PDF" stands for "no printer": the office has none yet, so documents are saved as PDF files. A stored printer that
has since been removed from the PC is ignored rather than sending a job into the void.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from puskesos_desk.domain.documents import Paper
from puskesos_desk.ui.desk_settings import desk_settings
from puskesos_desk.ui.pdf_pages import prepare_printer

log = logging.getLogger(__name__)

PAPER_KEY = "printing/default_paper"
PRINTER_KEY = "printing/default_printer"
PDF_PRINTER = "PDF"
DEFAULT_PAPER = Paper.F4  # Folio is the usual office paper in Indonesia


@dataclass(frozen=True)
class PrintDefaults:
    paper: Paper
    printer: str  # a printer name, or PDF_PRINTER


def _settings() -> QSettings:
    return desk_settings()


def printer_names() -> list[str]:
    """The printers installed on this PC, the system's default first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


def stored_paper() -> Paper | None:
    value = _settings().value(PAPER_KEY)
    try:
        return Paper(value) if isinstance(value, str) else None
    except ValueError:
        return None


def stored_printer() -> str | None:
    value = _settings().value(PRINTER_KEY)
    return value if isinstance(value, str) and value else None


def load_defaults() -> PrintDefaults:
    """What was stored, else F4 and the system's default printer (PDF when there is none)."""
    installed = printer_names()
    printer = stored_printer()
    if printer != PDF_PRINTER and printer not in installed:
        printer = installed[0] if installed else PDF_PRINTER
    return PrintDefaults(paper=stored_paper() or DEFAULT_PAPER, printer=printer)


def store_defaults(defaults: PrintDefaults) -> None:
    settings = _settings()
    settings.setValue(PAPER_KEY, defaults.paper.value)
    settings.setValue(PRINTER_KEY, defaults.printer)
    settings.sync()
    log.info("print defaults stored: paper %s, printer %s", defaults.paper.value, defaults.printer)


def preferred_paper(papers: tuple[Paper, ...] | list[Paper]) -> Paper:
    """The stored default when the document can be printed on it, else the document's first paper."""
    paper = stored_paper() or DEFAULT_PAPER
    return paper if paper in papers or not papers else papers[0]


def new_printer(paper: Paper, printer_name: str | None = None) -> QPrinter:
    """A high-resolution printer for `paper`, set to `printer_name` (default: the stored one) when that printer is
    installed here. For PDF the system's default stays selected: the print dialog lets the officer choose."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = printer_name if printer_name is not None else stored_printer()
    if name and name != PDF_PRINTER and name in printer_names():
        printer.setPrinterName(name)
    prepare_printer(printer, paper)
    return printer


def pdf_printer(paper: Paper, path: str) -> QPrinter:
    """A printer that writes a PDF file (the "PDF" choice; also the test print when the office has no printer)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    prepare_printer(printer, paper)
    return printer
