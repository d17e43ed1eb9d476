"""Cold start: from process start until the sign-in dialog is painted, against a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py            # 10 runs each (PUSKESOS_BENCH_RUNS to change)

Each run is a fresh process, offscreen, on a database that `demo` prepared once. The app path is the real
`puskesos_desk.ui.app.main()`; the child stops at the first paint event of the LoginDialog. Results are merged
into benchmarks/results.json under "startup".
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("PUSKESOS_BENCH_RUNS", "10"))
RESULTS = Path(__file__).resolve().parent / "results.json"

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("Puskesos Desk"); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == "LoginDialog":
            sys.stdout.flush()
            os._exit(0)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
from puskesos_desk.ui.app import main
main(db_target=os.environ["BENCH_DB"])
os._exit(3)
"""


def _time(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="puskesos-bench-"))
    db = home / "bench.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PUSKESOS_HOME": str(home), "BENCH_DB": str(db)}
    subprocess.run([sys.executable, "-m", "puskesos_desk", "demo", "--households", "1000", "--db", str(db)],
                   env=env, check=True, capture_output=True)
    bare = [_time(BARE, env) for _ in range(RUNS)]
    app = [_time(APP, env) for _ in range(RUNS)]
    result = {
        "runs": RUNS,
        "bare_window_s": {"median": round(statistics.median(bare), 3), "min": round(min(bare), 3)},
        "sign_in_painted_s": {"median": round(statistics.median(app), 3), "min": round(min(app), 3)},
        "ratio_median": round(statistics.median(app) / statistics.median(bare), 2),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["startup"] = result
    RESULTS.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
