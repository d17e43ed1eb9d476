"""The size yardstick: the smallest PySide6 window, bundled by installer/build.sh with PyInstaller's defaults.

dist/bundle-size.json compares the app's bundle with this one built in the same run (goal: at most 30 MiB more).
Run with --quit to close at once (build.sh checks that the bundle starts).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Puskesos Desk")
label.show()
if "--quit" in sys.argv:
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
