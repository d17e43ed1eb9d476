"""Render the application icon (resources/icons/puskesos-desk.svg) into the files installers need; commit the output.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py

installer/icons/puskesos-desk-<N>.png for N in SIZES (Linux: hicolor theme sizes, the .desktop icon) and
installer/icons/puskesos-desk.ico (Windows: the executables, shortcuts and the installer; 16-256 px in one file).
Run again after the SVG changes; tests/installer checks that every size exists and matches its name.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "puskesos-desk.svg"
OUT = HERE / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    OUT.mkdir(exist_ok=True)
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        data = bytes(buffer.data())
        (OUT / f"puskesos-desk-{size}.png").write_bytes(data)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    largest = images[max(ICO_SIZES)]
    largest.save(OUT / "puskesos-desk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    del app
    print(f"wrote {len(SIZES)} PNG sizes and puskesos-desk.ico to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
