"""Can Qt start and draw here? Used by the CLI's self-test (in a subprocess, because a Qt abort kills it).

    python -m puskesos_desk.ui.selfcheck   →  {"ok": true, "platform": "offscreen", ...}, exit 0 or 1
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def _choose_platform() -> None:
    # Without a display Qt aborts the whole process (SIGABRT); offscreen still proves that Qt can draw.
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_qt_platform() -> dict[str, Any]:
    """Create (or reuse) the QApplication, render a small widget, and report what happened."""
    _choose_platform()
    result: dict[str, Any] = {"ok": False, "platform": "", "qt_version": "", "detail": ""}
    try:
        import PySide6
        from PySide6.QtCore import qVersion
        from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage
        from PySide6.QtWidgets import QApplication, QLabel

        result["qt_version"] = qVersion()
        result["pyside_version"] = PySide6.__version__
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "selfcheck"])
        result["platform"] = QGuiApplication.platformName()
        families = QFontDatabase.families()
        label = QLabel("Puskesos Desk · Sumogawe 1.234")
        label.setStyleSheet("background: white; color: black;")
        label.resize(240, 40)
        image: QImage = label.grab().toImage()
        label.deleteLater()
        white = QColor("white").rgb()
        ink = sum(
            1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixel(x, y) != white
        )
        if image.isNull() or image.width() < 240:
            result["detail"] = "rendering produced no image"
        elif not families:
            result["detail"] = "no fonts found (text would show as boxes); install fonts-dejavu-core"
        elif ink == 0:
            result["detail"] = "text was not drawn"
        else:
            result["ok"] = True
            result["detail"] = f"rendered {image.width()}x{image.height()}, {len(families)} font families"
        del app
    except Exception as exc:  # the report is the point: say what broke instead of crashing
        result["detail"] = f"{type(exc).__name__}: {exc}"
    return result


def main() -> int:
    result = check_qt_platform()
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
