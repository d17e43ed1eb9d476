"""The letterhead (kop surat): logo on the left, the organisation centred, a double rule underneath."""

from __future__ import annotations

import io
import logging
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from puskesos_desk.domain.documents import Letterhead
from puskesos_desk.printing.flowables import DoubleRule, TextLine
from puskesos_desk.printing.styles import Styles

log = logging.getLogger(__name__)
MAX_LOGO_ASPECT = 2.2  # width / height; a wider logo is scaled down to keep the text column wide enough


@lru_cache(maxsize=4)
def _logo_pixels(png: bytes) -> tuple[int, int] | None:
    """Width and height of a logo that decodes in full; None for bytes that are no readable image."""
    try:
        reader = ImageReader(io.BytesIO(png))
        reader.getRGBData()
        width, height = reader.getSize()
    except (OSError, ValueError, SyntaxError):  # what PIL raises for unreadable or truncated images
        return None
    return (width, height) if width > 0 and height > 0 else None


def _logo(png: bytes, height: float) -> Image | None:
    """The logo at `height`, or narrower for a very wide one; None, and a warning in the log, when unreadable:
    a broken logo in the settings must not stop the desk from printing letters."""
    pixels = _logo_pixels(png)
    if pixels is None:
        log.warning("letterhead logo (%d bytes) is not a readable image; printing without it", len(png))
        return None
    width = height * pixels[0] / pixels[1]
    if width > MAX_LOGO_ASPECT * height:
        width = MAX_LOGO_ASPECT * height
        height = width * pixels[1] / pixels[0]
    return Image(io.BytesIO(png), width=width, height=height)


def letterhead_flowables(head: Letterhead, styles: Styles, width: float, *, compact: bool = False) -> list[Flowable]:
    """Letterhead lines; `compact` (receipts) gives a smaller logo and one line for the region."""
    lines: list[Flowable] = [TextLine(head.organisation, styles.org)]
    if compact and head.region_lines:
        lines.append(TextLine(" · ".join(head.region_lines), styles.org_detail))
    else:
        lines += [TextLine(line, styles.subtitle) for line in head.region_lines]
    details = [part for part in (head.address, head.contact) if part]
    if details:
        lines.append(TextLine(" · ".join(details), styles.org_detail))

    logo = _logo(head.logo_png, (12 if compact else 18) * mm) if head.logo_png else None
    if logo is not None:
        side = logo.drawWidth + 2 * mm
        # An empty column as wide as the logo on the right keeps the text centred on the page, as on printed kop.
        table = Table([[logo, lines, ""]], colWidths=[side, width - 2 * side, side])
    else:
        table = Table([[lines]], colWidths=[width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table, Spacer(1, 1.5 * mm), DoubleRule(), Spacer(1, (2 if compact else 3) * mm)]
