"""run_op: results come back on the GUI thread, failures go to on_failure, writes run one at a time."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.ui import ops
from puskesos_desk.ui.ops import busy_cursor_shown, pending_ops, run_op, wait_for_ops


@pytest.fixture
def owner(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_success_is_delivered_on_the_gui_thread(qtbot: Any, owner: QWidget) -> None:
    seen: list[tuple[str, int]] = []
    worker: list[str] = []

    def op() -> int:
        worker.append(threading.current_thread().name)
        return 42

    run_op(owner, op, lambda value: seen.append((threading.current_thread().name, value)))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(threading.main_thread().name, 42)]
    assert worker and worker[0] != threading.main_thread().name
    assert pending_ops() == 0


def test_failure_goes_to_on_failure(qtbot: Any, owner: QWidget) -> None:
    failures: list[BaseException] = []

    def op() -> None:
        raise InputRejected("Akun ini dinonaktifkan.")

    run_op(owner, op, lambda _v: pytest.fail("no success expected"), failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], InputRejected)
    assert failures[0].message == "Akun ini dinonaktifkan."


def test_default_failure_shows_the_error(qtbot: Any, owner: QWidget, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("puskesos_desk.ui.error_dialog.show_error", lambda _parent, error: shown.append(error))
    run_op(owner, lambda: 1 / 0, lambda _v: None)
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(shown[0], ZeroDivisionError)


def test_busy_cursor_only_for_slow_ops(qtbot: Any, owner: QWidget) -> None:
    release = threading.Event()
    done: list[int] = []
    run_op(owner, lambda: 1, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert not busy_cursor_shown()
    run_op(owner, lambda: release.wait(5) and 2, done.append)
    qtbot.waitUntil(busy_cursor_shown, timeout=3_000)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2)
    assert not busy_cursor_shown()


def test_writes_run_one_at_a_time(qtbot: Any, owner: QWidget) -> None:
    active = 0
    peak = 0
    lock = threading.Lock()
    finished: list[int] = []

    def write(n: int) -> int:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1
        return n

    for n in range(5):
        run_op(owner, lambda n=n: write(n), finished.append, writes=True)
    assert wait_for_ops(5_000)
    qtbot.waitUntil(lambda: len(finished) == 5)
    assert peak == 1
    assert finished == [0, 1, 2, 3, 4]
    assert ops.write_pool().maxThreadCount() == 1


def test_result_is_dropped_when_the_owner_is_gone(qtbot: Any) -> None:
    widget = QWidget()
    release = threading.Event()
    seen: list[int] = []
    run_op(widget, lambda: release.wait(5) and 7, seen.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not ops.shiboken6.isValid(widget))
    release.set()
    qtbot.waitUntil(lambda: pending_ops() == 0)
    assert seen == []
