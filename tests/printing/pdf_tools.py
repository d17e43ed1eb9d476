"""Looking inside the PDFs the way a reader does: pypdfium2 renders and extracts text, zxing-cpp reads QR codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from PIL import Image

MM_PER_INCH = 25.4
POINTS_PER_MM = 72 / MM_PER_INCH


@dataclass(frozen=True)
class DecodedQr:
    text: str
    width_mm: float  # printed width of the symbol, from its corners in the rendered image


@dataclass(frozen=True)
class CharBox:
    char: str
    left: float  # points from the page's left edge
    right: float
    bottom: float
    top: float


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(data)


def page_count(data: bytes) -> int:
    return len(open_pdf(data))


def page_texts(data: bytes) -> list[str]:
    pdf = open_pdf(data)
    return [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]


def all_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as one space: wrapped paragraphs compare as written."""
    return " ".join(text.split())


def digits_joined(text: str) -> str:
    """Spaces and dots between digits removed, so "3322 0145 0580 0003" or "3322.0145..." shows as one run."""
    return re.sub(r"(?<=\d)[\s.]+(?=\d)", "", text)


def sixteen_digit_runs(text: str) -> list[str]:
    return re.findall(r"\d{16,}", digits_joined(text))


def render(data: bytes, page: int, dpi: float) -> Image.Image:
    return open_pdf(data)[page].render(scale=dpi / 72).to_pil()


def render_all(data: bytes, dpi: float) -> list[Image.Image]:
    pdf = open_pdf(data)
    return [pdf[index].render(scale=dpi / 72).to_pil() for index in range(len(pdf))]


def decode_qr_codes(image: Image.Image, dpi: float) -> list[DecodedQr]:
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        position = barcode.position
        width_px = ((position.top_right.x - position.top_left.x) ** 2
                    + (position.top_right.y - position.top_left.y) ** 2) ** 0.5
        found.append(DecodedQr(barcode.text, width_px * MM_PER_INCH / dpi))
    return found


def char_boxes(data: bytes, page: int) -> list[CharBox]:
    textpage = open_pdf(data)[page].get_textpage()
    text = textpage.get_text_range()
    boxes = []
    for index in range(textpage.count_chars()):
        char = text[index] if index < len(text) else ""
        if char.isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        boxes.append(CharBox(char, left, right, bottom, top))
    return boxes


def text_box(data: bytes, page: int, needle: str) -> CharBox:
    """The box around the first occurrence of `needle` on the page (one line of text)."""
    textpage = open_pdf(data)[page].get_textpage()
    start = textpage.get_text_range().index(needle)
    boxes = [textpage.get_charbox(index) for index in range(start, start + len(needle))]
    return CharBox(needle, min(b[0] for b in boxes), max(b[2] for b in boxes), min(b[1] for b in boxes),
                   max(b[3] for b in boxes))


def image_count(data: bytes, page: int) -> int:
    return len(list(open_pdf(data)[page].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))))


def page_size_mm(data: bytes, page: int = 0) -> tuple[float, float]:
    width, height = open_pdf(data)[page].get_size()
    return round(width / POINTS_PER_MM, 1), round(height / POINTS_PER_MM, 1)
