"""Referral slips: how long one takes against a minimal page, the QR technique, and a 1,000-slip batch.

    .venv/bin/python benchmarks/slips.py          # PUSKESOS_BENCH_SLIPS=200 for a shorter batch

Everything runs in this one process, after a warm-up that registers the fonts (as the running app has done after
its first print). Every timed slip or QR gets a token of its own, so no cache hides the QR encoding. Results are
merged into benchmarks/results.json under "slips".
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import platform
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import reportlab
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.slip_token import SlipClaim, encode, pack
from puskesos_desk.printing import render_slip, render_slips
from puskesos_desk.printing.fonts import REGULAR
from puskesos_desk.printing.qr import draw_qr, qr_symbol
from tests.printing.samples import SLIP

RESULTS = Path(__file__).resolve().parent / "results.json"
BATCH = int(os.environ.get("PUSKESOS_BENCH_SLIPS", "1000"))
REPEATS = 40
QR_SIZE = 28 * mm
_serial = 0


def fresh_token() -> str:
    """A real-shaped token (packed claim + 64-byte signature) never used before in this run."""
    global _serial
    _serial += 1
    claim = SlipClaim(str(uuid.UUID(int=_serial)), "33.22.01.2007", "DINSOS-PBI-JK", date(2027, 11, 22))
    return encode(pack(claim), _serial.to_bytes(64, "big"))


def minimal_page(token: str) -> bytes:
    """(a) One TTF paragraph and one QR drawn as a single path, straight on a reportlab canvas."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(215 * mm, 330 * mm), invariant=1)
    paragraph = Paragraph("Surat rujukan untuk Ñoman Śląsk Nguyễn", ParagraphStyle("p", fontName=REGULAR,
                                                                                   fontSize=10))
    paragraph.wrapOn(canvas, 170 * mm, 50 * mm)
    paragraph.drawOn(canvas, 20 * mm, 300 * mm)
    draw_qr(canvas, qr_symbol(token), 20 * mm, 250 * mm, QR_SIZE)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def widget_qr(canvas: Canvas, token: str) -> None:
    widget = QrCodeWidget(token, barLevel="M", barWidth=QR_SIZE, barHeight=QR_SIZE)
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, 20 * mm, 250 * mm)


def segno_qr(canvas: Canvas, token: str) -> None:
    draw_qr(canvas, qr_symbol(token), 20 * mm, 250 * mm, QR_SIZE)


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def qr_ms(draw: Callable[[Canvas, str], None]) -> float:
    """(c) Encoding and drawing one code on a page of its own; the document is saved once, outside the timing."""
    canvas = Canvas(io.BytesIO(), invariant=1)

    def one() -> None:
        draw(canvas, fresh_token())
        canvas.showPage()

    result = median_ms(one)
    canvas.save()
    return result


def main() -> None:
    for _ in range(3):  # warm-up: fonts registered, styles built, modules imported
        render_slip(dataclasses.replace(SLIP, token=fresh_token()), Paper.F4)
        minimal_page(fresh_token())

    minimal = median_ms(lambda: minimal_page(fresh_token()))
    slip = median_ms(lambda: render_slip(dataclasses.replace(SLIP, token=fresh_token()), Paper.F4))
    widget, segno_path = qr_ms(widget_qr), qr_ms(segno_qr)

    docs = [dataclasses.replace(SLIP, number=f"{n:03d}/RJK/PUSKESOS-3322012007/XI/2026", token=fresh_token())
            for n in range(1, BATCH + 1)]
    started = time.perf_counter()
    batch = render_slips(docs, Paper.F4)
    batch_seconds = time.perf_counter() - started

    result = {
        "paper": "F4",
        "minimal_page_ms": round(minimal, 2),
        "slip_ms": round(slip, 2),
        "ratio_slip_to_minimal": round(slip / minimal, 2),
        "ratio_goal": 2.0,
        "single_slip_pdf_bytes": len(render_slip(SLIP, Paper.F4)),
        "qr_ms": {"reportlab_qrcodewidget": round(widget, 2), "segno_one_path": round(segno_path, 2),
                  "speedup": round(widget / segno_path, 2)},
        "batch": {"slips": BATCH, "total_s": round(batch_seconds, 2),
                  "ms_per_slip": round(batch_seconds * 1000 / BATCH, 2), "file_bytes": len(batch)},
        "repeats_median_of": REPEATS,
        "reportlab": reportlab.Version,
        "python": platform.python_version(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["slips"] = result
    RESULTS.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
