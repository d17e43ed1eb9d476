"""PDF pages for the screen and for the printer: the bitmaps come from printing/raster.py (PDFium, in the PDF helper
process when the app has switched it on), Qt shows them or paints them on a printer.

Everything here may run on a run_op worker: it builds QImages (never QPixmaps) and paints on a QPrinter, both of
which Qt allows outside the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from puskesos_desk.domain.documents import PAPER_MM, Paper
from puskesos_desk.printing import helper
from puskesos_desk.printing.raster import POINTS_PER_INCH, Band, Bitmap, PageStart, PdfUnreadable

__all__ = ["MAX_PRINT_DPI", "PREVIEW_DPI", "PdfPages", "PdfUnreadable", "PrintFailed", "merge_pdfs", "page_count",
           "page_size_for", "page_sizes_pt", "paper_of", "prepare_printer", "print_pdf", "rasterise"]

MM_PER_POINT = 25.4 / POINTS_PER_INCH
INCHES_PER_METRE = 1000 / 25.4
#: The most a preview page is rasterised at (the preview asks for what it shows, pdf_preview_dialog.preview_dpi):
#: sharp in a maximised window on a 1366×768 screen, and an F4 page stays about 10 MB in memory.
PREVIEW_DPI = 150.0
#: Printers ask for 600 or 1200 dpi; above 300 the bitmap only grows (an F4 page is already about 40 MB).
MAX_PRINT_DPI = 300.0


class PrintFailed(Exception):
    """The printer refused the job (no printer, a full spooler, a file that cannot be written)."""


@dataclass(frozen=True)
class PdfPages:
    """A PDF rasterised for showing: an image of each of its first pages (all of them, unless a limit was asked
    for), with every page's size in points."""

    images: tuple[QImage, ...]
    sizes_pt: tuple[tuple[float, float], ...]
    dpi: float
    # The pixels the images are drawn from (shared, not copied: a page is 10 MB), kept for as long as the images.
    pixels: tuple[bytes | bytearray, ...] = field(default=(), repr=False, compare=False)

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


def _image(bitmap: Bitmap, dpi: float | None = None) -> QImage:
    """An image over the bitmap's bytes, not a copy of them (RGBX is byte-ordered, so QImage reads it the same way
    on every CPU): whoever keeps the image keeps the bitmap's bytes too."""
    image = QImage(bitmap.data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
    if dpi is not None:
        dots_per_metre = round(dpi * INCHES_PER_METRE)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
    return image


def page_count(pdf: bytes) -> int:
    return len(helper.page_sizes_pt(pdf))


def page_sizes_pt(pdf: bytes) -> list[tuple[float, float]]:
    return list(helper.page_sizes_pt(pdf))


def rasterise(pdf: bytes, dpi: float = PREVIEW_DPI, *, limit: int | None = None) -> PdfPages:
    """The pages of `pdf` as images at `dpi`: every page, or the first `limit` (a batch of a thousand slips would
    need 4 GB of images at 150 dpi)."""
    raster = helper.rasterise(pdf, dpi, limit)
    return PdfPages(images=tuple(_image(page, dpi) for page in raster.pages), sizes_pt=raster.sizes_pt, dpi=dpi,
                    pixels=tuple(page.data for page in raster.pages))


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """The pages of several PDFs as one document (a batch preview built from single previews)."""
    return helper.merge_pdfs(pdfs)


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


def _draw_band(painter: QPainter, band: Band, target: QRectF, rows: int) -> None:
    """Draw the band's own rows (not its overlap) where they go on the sheet."""
    per_row = target.height() / rows
    image = _image(band.bitmap).copy()  # the print engine may keep the image after this band's bytes are gone
    source = QRectF(0, band.first - band.top, image.width(), min(band.last - band.first,
                                                                 image.height() - (band.first - band.top)))
    painter.drawImage(QRectF(target.x(), target.y() + band.first * per_row, target.width(),
                             (band.last - band.first) * per_row), image, source)


def print_pdf(printer: QPrinter, pdf: bytes, *, max_dpi: float = MAX_PRINT_DPI) -> int:
    """Paint every page of `pdf` on `printer`, one page per sheet; the number of pages printed.

    Pages come one band at a time at min(printer dpi, `max_dpi`) (printing/raster.py), so memory stays at a few
    megabytes.
    """
    resolution = printer.resolution()
    dpi = min(float(resolution), max_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be opened")
    printed = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        target, rows = QRectF(), 1
        with contextlib.closing(helper.print_bands(pdf, dpi)) as items:
            for item in items:
                if isinstance(item, PageStart):
                    if item.index and not printer.newPage():
                        raise PrintFailed("the printer refused a new page")
                    target = _target_rect(item.size_pt, printer.width(), printer.height(), resolution)
                    rows = item.rows
                    printed += 1
                else:
                    _draw_band(painter, item, target, rows)
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
