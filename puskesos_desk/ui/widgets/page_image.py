"""One page of a print preview, painted straight from its image.

A QLabel would need a QPixmap: a second copy of a page that is already 5-10 MB (an F4 page at 108-150 dpi), held
for as long as the preview is open, on a desk whose memory budget is 200 MB (benchmarks/walkin.py). This widget
keeps the image it is given (which shares its pixels with the PDF helper's answer) and draws it, scaled when the
zoom asks for another size, inside a one-pixel frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

BORDER = 1
FRAME_COLOR = QColor("#9aa5b1")


class PageImage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted: no background first

    def show_image(self, image: QImage, width: int) -> None:
        """Show `image` `width` logical pixels wide (its frame adds BORDER on each side), keeping its proportions."""
        self.image = image
        height = max(1, round(image.height() * width / max(1, image.width())))
        self.setFixedSize(width + 2 * BORDER, height + 2 * BORDER)
        self.update()

    def clear(self) -> None:
        self.image = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), FRAME_COLOR)
        inner = QRectF(BORDER, BORDER, self.width() - 2 * BORDER, self.height() - 2 * BORDER)
        if self.image is None:
            painter.fillRect(inner, Qt.GlobalColor.white)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(inner, self.image)
