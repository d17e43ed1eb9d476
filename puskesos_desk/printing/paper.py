"""Page sizes and margins per paper, and the few sizes that depend on it (QR width, base font size)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.units import mm

from puskesos_desk.domain.documents import PAPER_MM, Paper


@dataclass(frozen=True, slots=True)
class PageGeometry:
    paper: Paper
    width: float  # points
    height: float
    left: float
    right: float
    top: float
    bottom: float
    compact: bool  # A5: smaller type, the slip's return stub on its own page
    qr_size: float  # printed width of the QR symbol without its quiet zone, points

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


@cache
def geometry(paper: Paper) -> PageGeometry:
    width_mm, height_mm = PAPER_MM[paper]
    if paper is Paper.A5:
        # Phone cameras and the desk's USB scanner read 25 mm codes reliably; 26 mm leaves a margin for cheap printers.
        return PageGeometry(paper, width_mm * mm, height_mm * mm, left=12 * mm, right=11 * mm, top=10 * mm,
                            bottom=14 * mm, compact=True, qr_size=26 * mm)
    # Office letters keep a wider left margin for the binder holes.
    return PageGeometry(paper, width_mm * mm, height_mm * mm, left=22 * mm, right=16 * mm, top=12 * mm,
                        bottom=16 * mm, compact=False, qr_size=28 * mm)
