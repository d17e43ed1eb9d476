"""PDF pages for the screen and for the printer: pypdfium2 rasterises, Qt shows or paints the images.

Everything here may run on a run_op worker: it builds QImages (never QPixmaps) and paints on a QPrinter, both of
which Qt allows outside the GUI thread. PDFium itself is not thread-safe, so every call into it holds one lock; a
preview being rendered while a print is going out simply waits its turn.
"""

from __future__ import annotations

import importlib
import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from puskesos_desk.domain.documents import PAPER_MM, Paper

POINTS_PER_INCH = 72.0
MM_PER_POINT = 25.4 / POINTS_PER_INCH
INCHES_PER_METRE = 1000 / 25.4
#: Sharp enough on a 1366×768 screen at 100 %, and a page stays about 10 MB in memory.
PREVIEW_DPI = 150.0
#: Printers ask for 600 or 1200 dpi; above 300 the bitmap only grows (an F4 page is already about 40 MB).
MAX_PRINT_DPI = 300.0
#: Rows of one band of a printed page: 256 rows of an F4 page at 300 dpi are about 2.6 MB.
BAND_ROWS = 256
OVERLAP_ROWS = 2

_PDFIUM_LOCK = threading.Lock()


def _pdfium() -> ModuleType:
    """pypdfium2, loaded on first use: loading PDFium takes longer than the rest of the window's start-up."""
    return importlib.import_module("pypdfium2")


class PdfUnreadable(Exception):
    """The bytes are not a PDF PDFium can open (a bug upstream: the services always produce one)."""


class PrintFailed(Exception):
    """The printer refused the job (no printer, a full spooler, a file that cannot be written)."""


@dataclass(frozen=True)
class PdfPages:
    """A PDF rasterised for showing: an image of each of its first pages (all of them, unless a limit was asked
    for), with every page's size in points."""

    images: tuple[QImage, ...]
    sizes_pt: tuple[tuple[float, float], ...]
    dpi: float

    @property
    def page_count(self) -> int:
        """Pages in the PDF."""
        return len(self.sizes_pt)

    @property
    def shown_count(self) -> int:
        """Pages with an image (the first ones)."""
        return len(self.images)

    def size_mm(self, index: int) -> tuple[float, float]:
        width, height = self.sizes_pt[index]
        return width * MM_PER_POINT, height * MM_PER_POINT


@contextmanager
def _opened(pdf: bytes) -> Iterator[Any]:
    """The document (a pypdfium2 PdfDocument), with the PDFium lock held for as long as it is open."""
    pdfium = _pdfium()
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(str(exc)) from exc
        try:
            yield document
        finally:
            document.close()


def _page_image(document: Any, index: int, dpi: float) -> QImage:
    page = document[index]
    try:
        # RGBx is byte-ordered, so QImage reads it the same way on every CPU; white fill: no alpha channel needed.
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()  # copy: the bitmap's memory is freed below
        finally:
            bitmap.close()
    finally:
        page.close()
    dots_per_metre = round(dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def page_count(pdf: bytes) -> int:
    with _opened(pdf) as document:
        return len(document)


def page_sizes_pt(pdf: bytes) -> list[tuple[float, float]]:
    with _opened(pdf) as document:
        return [tuple(document[i].get_size()) for i in range(len(document))]  # type: ignore[misc]


def rasterise(pdf: bytes, dpi: float = PREVIEW_DPI, *, limit: int | None = None) -> PdfPages:
    """The pages of `pdf` as images at `dpi`: every page, or the first `limit` (a batch of a thousand slips would
    need 4 GB of images at 150 dpi)."""
    with _opened(pdf) as document:
        sizes = tuple((float(w), float(h)) for w, h in (document[i].get_size() for i in range(len(document))))
        shown = len(document) if limit is None else min(limit, len(document))
        images = tuple(_page_image(document, i, dpi) for i in range(shown))
    return PdfPages(images=images, sizes_pt=sizes, dpi=dpi)


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """The pages of several PDFs as one document (a batch preview built from single previews)."""
    if len(pdfs) == 1:
        return pdfs[0]
    pdfium = _pdfium()
    with _PDFIUM_LOCK:
        merged = pdfium.PdfDocument.new()
        try:
            for pdf in pdfs:
                source = pdfium.PdfDocument(pdf)
                try:
                    merged.import_pages(source)
                finally:
                    source.close()
            buffer = io.BytesIO()
            merged.save(buffer)
            return buffer.getvalue()
        finally:
            merged.close()


# --- printing --------------------------------------------------------------------------------------------------------


def page_size_for(paper: Paper) -> QPageSize:
    """Qt's page size for our paper. F4 is not a Qt standard size (Qt's "Folio" is 210 mm wide), so it is a custom
    215 × 330 mm size that must not be snapped to a near standard one."""
    if paper is Paper.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper is Paper.A5:
        return QPageSize(QPageSize.PageSizeId.A5)
    width, height = PAPER_MM[paper]
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "F4 / Folio",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def prepare_printer(printer: QPrinter, paper: Paper) -> None:
    """Paper size, portrait, and the whole sheet as the drawing area: the PDF brings its own margins."""
    printer.setPageSize(page_size_for(paper))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _target_rect(page_pt: tuple[float, float], device_width: int, device_height: int, resolution: int) -> QRectF:
    """Where a page goes on the sheet, in device pixels: true size when it fits (a 30 mm QR code stays 30 mm),
    shrunk to fit otherwise (the officer chose smaller paper in the print dialog); centred either way."""
    width = page_pt[0] / POINTS_PER_INCH * resolution
    height = page_pt[1] / POINTS_PER_INCH * resolution
    # Half a millimetre of tolerance: the sheet a driver reports is often a pixel or two short of the nominal size.
    slack = resolution / 25.4 * 0.5
    scale = min(1.0, (device_width + slack) / width, (device_height + slack) / height)
    width, height = width * scale, height * scale
    return QRectF(max(0.0, (device_width - width) / 2), max(0.0, (device_height - height) / 2), width, height)


def _paint_page(painter: QPainter, page: Any, target: QRectF, dpi: float) -> None:
    """Paint one page into `target` in bands of BAND_ROWS pixel rows, so a print holds a few megabytes of bitmap
    instead of a whole page (an F4 page at 300 dpi is about 40 MB, twice that while it is copied). Each band is
    rendered with OVERLAP_ROWS extra rows on both sides and only its own rows are drawn: smooth scaling to a
    600 dpi printer then blends real neighbouring pixels, and no seam shows between bands."""
    scale = dpi / POINTS_PER_INCH
    _width_pt, height_pt = page.get_size()
    rows = max(1, round(height_pt * scale))
    per_row = target.height() / rows
    for first in range(0, rows, BAND_ROWS):
        last = min(rows, first + BAND_ROWS)
        top, bottom = max(0, first - OVERLAP_ROWS), min(rows, last + OVERLAP_ROWS)
        bitmap = page.render(scale=scale, crop=(0, max(0.0, height_pt - bottom / scale), 0, top / scale),
                             rev_byteorder=True, prefer_bgrx=True)
        try:
            band = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                          QImage.Format.Format_RGBX8888).copy()  # copy: a print engine may keep the image
        finally:
            bitmap.close()
        source = QRectF(0, first - top, band.width(), min(last - first, band.height() - (first - top)))
        painter.drawImage(QRectF(target.x(), target.y() + first * per_row, target.width(), (last - first) * per_row),
                          band, source)


def print_pdf(printer: QPrinter, pdf: bytes, *, max_dpi: float = MAX_PRINT_DPI) -> int:
    """Paint every page of `pdf` on `printer`, one page per sheet; the number of pages printed.

    Pages are rasterised one band at a time at min(printer dpi, `max_dpi`), so memory stays at a few megabytes.
    """
    resolution = printer.resolution()
    dpi = min(float(resolution), max_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be opened")
    printed = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        with _opened(pdf) as document:
            for index in range(len(document)):
                if index and not printer.newPage():
                    raise PrintFailed("the printer refused a new page")
                page = document[index]
                try:
                    target = _target_rect(page.get_size(), printer.width(), printer.height(), resolution)
                    _paint_page(painter, page, target, dpi)
                finally:
                    page.close()
                printed += 1
    except BaseException:
        printer.abort()  # half a job must not come out of the printer
        painter.end()
        raise
    if not painter.end():
        raise PrintFailed("the print job could not be finished")
    return printed


def paper_of(pages: PdfPages, index: int = 0) -> Paper | None:
    """Which of our papers a rendered page is (within 1 mm), or None."""
    width, height = pages.size_mm(index)
    for paper, (paper_width, paper_height) in PAPER_MM.items():
        if abs(width - paper_width) < 1 and abs(height - paper_height) < 1:
            return paper
    return None
