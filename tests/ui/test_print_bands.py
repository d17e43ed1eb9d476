"""Printing renders each page in bands (a few megabytes instead of a 40 MB page bitmap) without seams."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import raster
from puskesos_desk.ui import pdf_pages
from puskesos_desk.ui.pdf_pages import prepare_printer, print_pdf, rasterise


def _black_block_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFillColorRGB(0, 0, 0)
    page.rect(100, 100, 300, 600, stroke=0, fill=1)  # 100 pt from the left and bottom, 300 x 600 pt
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.parametrize("resolution", [QPrinter.PrinterMode.ScreenResolution, QPrinter.PrinterMode.HighResolution])
def test_a_page_printed_in_bands_is_whole_and_no_band_is_larger_than_asked(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resolution: QPrinter.PrinterMode) -> None:
    monkeypatch.setattr(raster, "BAND_ROWS", 40)  # many band edges across the block (in-process: the tests' default)
    rendered: list[tuple[int, int]] = []
    real_draw = pdf_pages._draw_band

    def counting(painter: Any, band: raster.Band, target: Any, rows: int) -> None:
        rendered.append((band.bitmap.width, band.bitmap.height))
        real_draw(painter, band, target, rows)

    monkeypatch.setattr(pdf_pages, "_draw_band", counting)
    out = tmp_path / "cetak.pdf"
    printer = QPrinter(resolution)
    prepare_printer(printer, Paper.A4)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_pdf(printer, _black_block_pdf()) == 1

    dpi = min(float(printer.resolution()), pdf_pages.MAX_PRINT_DPI)
    page_rows = round(A4[1] * dpi / 72)
    assert len(rendered) == -(-page_rows // 40)
    assert max(height for _, height in rendered) <= 40 + 2 * raster.OVERLAP_ROWS
    image = rasterise(out.read_bytes(), dpi=100).images[0]
    per_pt = 100 / 72
    column = round(250 * per_pt)
    top, bottom = round((A4[1] - 700) * per_pt) + 2, round((A4[1] - 100) * per_pt) - 2
    seams = [y for y in range(top, bottom) if image.pixelColor(column, y).lightness() > 80]
    assert seams == []  # dark all the way down: no white line where two bands meet
    # ... and the block starts and ends where it should (each band drawn from its own rows, at its own place).
    assert image.pixelColor(column, top - 5).lightness() > 200
    assert image.pixelColor(column, bottom + 5).lightness() > 200
    assert image.pixelColor(round(50 * per_pt), round(400 * per_pt)).lightness() > 200  # white beside the block
    assert image.pixelColor(round(450 * per_pt), round(400 * per_pt)).lightness() > 200
