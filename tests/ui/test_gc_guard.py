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


def test_freed_memory_is_handed_back_on_the_collectors_timer(qtbot: Any, monkeypatch: Any) -> None:
    from puskesos_desk.ui import gc_guard

    trims: list[int] = []
    monkeypatch.setattr(gc_guard, "trim", lambda: trims.append(1) or True)
    collector = gc_guard.GuiThreadCollector()
    try:
        for _ in range(gc_guard.TRIM_EVERY * 2):
            collector._on_timer_timeout()
    finally:
        collector.stop()
    assert len(trims) == 2


def test_trim_and_arena_limit_work_on_this_platform() -> None:
    import sys

    from puskesos_desk.infra import heap

    if sys.platform.startswith("linux"):  # glibc: both calls reach malloc
        assert heap._glibc() is not None
        assert heap.limit_arenas() is True
        heap.trim()
    else:
        assert heap.trim() is False


def test_older_generations_wait_while_a_background_op_runs_and_start_up_is_frozen_once(
        qtbot: Any, monkeypatch: Any) -> None:
    """A full collection during a 100,000-row import walked its rows for 0.6 s on the GUI thread."""
    from puskesos_desk.ui import gc_guard

    collector = GuiThreadCollector()
    try:
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)  # each young collection counts towards the oldest generation's threshold
        monkeypatch.setattr(gc_guard, "pending_ops", lambda: 1)
        assert collector.collect_step() == 0
        assert gc.get_count()[2] >= gc.get_threshold()[2]  # still owed: it waits
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(gc_guard, "pending_ops", lambda: 0)
        assert collector.collect_step() == 2
        frozen = gc.get_freeze_count()
        assert frozen > 0  # what start-up built is no longer walked
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)
        assert collector.collect_step() == 2
        assert gc.get_freeze_count() == frozen  # frozen once only: later garbage stays collectable
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
