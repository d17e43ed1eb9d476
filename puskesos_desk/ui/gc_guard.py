"""Run Python's cyclic garbage collector on the GUI thread only.

The collector runs in whichever thread happens to allocate. When it runs on a worker of `ui/ops.run_op` it can
destroy Qt objects owned by the GUI thread while that thread is inside Qt, which has crashed PySide (about one
test run in twelve). Automatic collection is switched off and a timer collects here instead (Anki does the same).
Every TRIM_EVERY ticks, freed memory is also handed back to the operating system (infra/heap.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from puskesos_desk.infra.heap import trim

INTERVAL_MS = 1_000
TRIM_EVERY = 20  # ticks: a few milliseconds of malloc_trim every 20 s keeps an idle desk's resident size down


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self._ticks = 0

    def _on_timer_timeout(self) -> None:
        # Collect only as often as automatic collection would have (generation 0 over its threshold).
        if gc.get_count()[0] >= self._thresholds[0]:
            gc.collect()
        self._ticks += 1
        if self._ticks % TRIM_EVERY == 0:
            trim()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
