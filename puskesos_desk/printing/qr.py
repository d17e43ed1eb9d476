"""The slip's QR code: segno encodes, and all dark modules are drawn as ONE filled PDF path.

reportlab's QrCodeWidget draws one rectangle object per module and encodes twice (~35 ms of a 48 ms slip, see
stack-notes §3); one path of horizontal runs in module units costs a few hundred `re` operators and draws the same
symbol. The token is plain base64url, encoded in byte mode with error correction M exactly (segno would otherwise
raise the level whenever it fits in the same version, which changes nothing for readers but makes the symbol
denser than specified).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

#: The light margin every QR reader needs around the symbol, in modules.
QUIET_MODULES = 4


@dataclass(frozen=True, slots=True)
class QrSymbol:
    modules: int  # modules per side, quiet zone excluded
    operators: str  # PDF path operators of the dark modules, in module units


@lru_cache(maxsize=16)
def qr_symbol(token: str) -> QrSymbol:
    """The encoded symbol, ready to draw. Cached, so the slip and its stub encode their shared token once.

    Each run of dark modules in a row is one `re` operator with integer coordinates; the caller scales the unit
    square to the module size. Writing the operators directly avoids reportlab's per-number float formatting,
    which is most of the cost of a 700-rectangle path.
    """
    matrix = segno.make(token, error="m", mode="byte", boost_error=False, micro=False).matrix
    size = len(matrix)
    operators: list[str] = []
    for row_index, row in enumerate(matrix):
        y = size - 1 - row_index
        column = 0
        while column < size:
            if row[column]:
                start = column
                while column < size and row[column]:
                    column += 1
                operators.append(f"{start} {y} {column - start} 1 re")
            else:
                column += 1
    return QrSymbol(size, "\n".join(operators))


def draw_qr(canvas: Canvas, symbol: QrSymbol, x: float, y: float, symbol_size: float) -> None:
    """Draws the symbol with its lower-left corner at (x, y), `symbol_size` points wide, quiet zone excluded."""
    cell = symbol_size / symbol.modules
    quiet = QUIET_MODULES * cell
    canvas.saveState()
    # A white ground keeps the quiet zone light even over the draft watermark.
    canvas.setFillColor(colors.white)
    canvas.rect(x - quiet, y - quiet, symbol_size + 2 * quiet, symbol_size + 2 * quiet, stroke=0, fill=1)
    canvas.translate(x, y)
    canvas.scale(cell, cell)
    canvas.setFillColor(colors.black)
    canvas.addLiteral(symbol.operators + "\nf")  # one path, filled once
    canvas.restoreState()


class QrCode(Flowable):
    """The QR symbol plus its quiet zone; `symbol_size` is the printed width of the code itself."""

    def __init__(self, token: str, symbol_size: float) -> None:
        super().__init__()
        # Encoded now and kept: a batch builds all its flowables before drawing any, which would outlast the cache.
        self.symbol = qr_symbol(token)
        self.symbol_size = symbol_size
        self.quiet = QUIET_MODULES * symbol_size / self.symbol.modules
        self.width = self.height = symbol_size + 2 * self.quiet

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.symbol, self.quiet, self.quiet, self.symbol_size)
