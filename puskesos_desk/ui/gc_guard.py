"""Run Python's cyclic garbage collector on the GUI thread only, in steps that never stall the window.

The collector runs in whichever thread happens to allocate. When it runs on a worker of `ui/ops.run_op` it can
destroy Qt objects owned by the GUI thread while that thread is inside Qt, which has crashed PySide (about one
test run in twelve). Automatic collection is switched off and a timer collects here instead (Anki does the same).

A collection walks its generation's tracked objects. During a 100,000-row import the worker keeps hundreds of
thousands of live rows: a full collection took 0.4-0.65 s and even a once-a-second young one 0.2 s, a frozen window
each time (benchmarks/gui_stalls.py). So the timer ticks every 50 ms; while a background op runs it collects only
the youngest generation (a twentieth of a second's allocations), and otherwise the generation the automatic collector
would pick. The first full collection freezes what start-up built (modules, classes, the main window), which lives
all day and need not be walked again. Every TRIM_EVERY ticks, freed memory is also handed back to the operating system
(infra/heap.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from puskesos_desk.infra.heap import trim
from puskesos_desk.ui.ops import pending_ops

INTERVAL_MS = 50
TRIM_EVERY = 400  # ticks (20 s): a few milliseconds of malloc_trim keep an idle desk's resident size down


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
        self._frozen = False

    def _on_timer_timeout(self) -> None:
        # Collect only as often as automatic collection would have (generation 0 over its threshold).
        if gc.get_count()[0] >= self._thresholds[0]:
            self.collect_step()
        self._ticks += 1
        if self._ticks % TRIM_EVERY == 0:
            trim()

    def collect_step(self) -> int:
        """One collection of the generation the automatic collector would pick; while a background op runs, of the
        youngest only (the op's working set would make an older pass long). Returns the generation collected."""
        if pending_ops():
            gc.collect(0)
            return 0
        _young, collections_0, collections_1 = gc.get_count()
        if collections_1 >= self._thresholds[2]:
            gc.collect()
            if not self._frozen:
                gc.freeze()
                self._frozen = True
            return 2
        generation = 1 if collections_0 >= self._thresholds[1] else 0
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        self._timer.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        gc.enable()
