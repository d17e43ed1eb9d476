"""The GUI-thread garbage collector: automatic collection off, timed collection on the GUI thread instead."""

from __future__ import annotations

import gc
from typing import Any

from puskesos_desk.ui.gc_guard import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collects_cycles_on_the_timer_and_restores_automatic_collection(qtbot: Any) -> None:
    gc.enable()
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        for _ in range(gc.get_threshold()[0] + 10):
            _Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected them automatically
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=3_000)
    finally:
        collector.stop()
    assert gc.isenabled()
