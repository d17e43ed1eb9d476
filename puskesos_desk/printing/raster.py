"""PDF pages as bitmaps (pypdfium2): whole pages for the preview on screen, bands of pages for the printer. No Qt.

Bitmaps are RGBX, 8 bits a channel, byte-ordered, so Qt reads them the same way on every CPU; white fill, so no
alpha is needed. PDFium itself is not thread-safe: every call into it holds one lock, and a preview being rendered
while a print is going out simply waits its turn. In the desktop app these functions run in the PDF helper process
(printing/helper.py), so PDFium's memory is never the desk's.
"""

from __future__ import annotations

import importlib
import io
import pickle
import threading
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any, SupportsIndex

POINTS_PER_INCH = 72.0
#: Rows of one band of a printed page: 128 rows of an F4 page at 300 dpi are about 1.3 MB. Drawing a band on a
#: printer holds it three or four times over (its bytes, the QImage, the print engine's copy of the rows it draws
#: and their RGB conversion): 256-row bands made the print the desk's highest point of memory (benchmarks/walkin.py).
BAND_ROWS = 128
OVERLAP_ROWS = 2

_PDFIUM_LOCK = threading.Lock()


def _pdfium() -> ModuleType:
    """pypdfium2, loaded on first use: loading PDFium takes longer than the rest of the window's start-up."""
    return importlib.import_module("pypdfium2")


class PdfUnreadable(Exception):
    """The bytes are not a PDF PDFium can open (a bug upstream: the services always produce one)."""


@dataclass(frozen=True)
class Bitmap:
    """RGBX pixels: `height` rows of `stride` bytes, of which the first 4 × `width` are the row's pixels."""

    width: int
    height: int
    stride: int
    data: bytes | bytearray

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        # Protocol 5: the pixels as a PickleBuffer, which infra/child_process.py sends out of band, uncopied.
        data: Any = pickle.PickleBuffer(self.data) if int(protocol) >= 5 else self.data
        return (Bitmap, (self.width, self.height, self.stride, data))


@dataclass(frozen=True)
class Raster:
    """A PDF rasterised for showing: a bitmap of each of its first pages (all of them, unless a limit was asked
    for), with every page's size in points."""

    sizes_pt: tuple[tuple[float, float], ...]
    pages: tuple[Bitmap, ...]
    dpi: float


@dataclass(frozen=True)
class PageStart:
    """A printed page begins: its index, its size in points and its height in rows at the print's dpi."""

    index: int
    size_pt: tuple[float, float]
    rows: int


@dataclass(frozen=True)
class Band:
    """Rows `first` to `last` (exclusive) of the current page. The bitmap begins at page row `top` and carries
    OVERLAP_ROWS more rows on each side where the page has them: smooth scaling to a 600 dpi printer then blends
    real neighbouring pixels, and no seam shows between bands."""

    first: int
    last: int
    top: int
    bitmap: Bitmap


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


def _bitmap(rendered: Any) -> Bitmap:
    try:
        return Bitmap(rendered.width, rendered.height, rendered.stride, bytearray(rendered.buffer))
    finally:
        rendered.close()


def _sizes(document: Any) -> tuple[tuple[float, float], ...]:
    return tuple((float(w), float(h)) for w, h in (document[i].get_size() for i in range(len(document))))


def page_sizes_pt(pdf: bytes) -> tuple[tuple[float, float], ...]:
    with _opened(pdf) as document:
        return _sizes(document)


def rasterise(pdf: bytes, dpi: float, limit: int | None = None) -> Raster:
    """The pages of `pdf` as bitmaps at `dpi`: every page, or the first `limit` (a batch of a thousand slips would
    need 4 GB of bitmaps at 150 dpi)."""
    with _opened(pdf) as document:
        sizes = _sizes(document)
        shown = len(document) if limit is None else min(limit, len(document))
        pages = []
        for index in range(shown):
            page = document[index]
            try:
                pages.append(_bitmap(page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)))
            finally:
                page.close()
    return Raster(sizes_pt=sizes, pages=tuple(pages), dpi=dpi)


def print_bands(pdf: bytes, dpi: float) -> Generator[PageStart | Band, None, None]:
    """Every page of `pdf` at `dpi`, as a PageStart followed by its bands of BAND_ROWS rows: a print holds a few
    megabytes of bitmap instead of a whole page (an F4 page at 300 dpi is about 40 MB)."""
    scale = dpi / POINTS_PER_INCH
    with _opened(pdf) as document:
        for index in range(len(document)):
            page = document[index]
            try:
                width_pt, height_pt = page.get_size()
                rows = max(1, round(height_pt * scale))
                yield PageStart(index, (float(width_pt), float(height_pt)), rows)
                for first in range(0, rows, BAND_ROWS):
                    last = min(rows, first + BAND_ROWS)
                    top, bottom = max(0, first - OVERLAP_ROWS), min(rows, last + OVERLAP_ROWS)
                    rendered = page.render(scale=scale, crop=(0, max(0.0, height_pt - bottom / scale), 0, top / scale),
                                           rev_byteorder=True, prefer_bgrx=True)
                    yield Band(first, last, top, _bitmap(rendered))
            finally:
                page.close()


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """The pages of several PDFs as one document (a batch preview built from single previews)."""
    if len(pdfs) == 1:
        return pdfs[0]
    pdfium = _pdfium()
    with _PDFIUM_LOCK:
        merged = pdfium.PdfDocument.new()
        try:
            for pdf in pdfs:
                try:
                    source = pdfium.PdfDocument(pdf)
                except pdfium.PdfiumError as exc:
                    raise PdfUnreadable(str(exc)) from exc
                try:
                    merged.import_pages(source)
                finally:
                    source.close()
            buffer = io.BytesIO()
            merged.save(buffer)
            return buffer.getvalue()
        finally:
            merged.close()
