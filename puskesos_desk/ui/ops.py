"""The one way to run slow work (database, files, password hashing) off the GUI thread.

    run_op(self, lambda: beranda_figures(ctx), on_success=self._show_figures)

`op` runs on a worker thread and must never touch widgets. Its result (or exception) is handed to a QObject that
lives in the GUI thread, and a signal (queued connection) tells it, where `on_success` / `on_failure` run.
Reads share Qt's global pool; writes (`writes=True`) queue on a pool with a single thread so two writes never
race. A busy cursor appears only if the op is still running after 300 ms, so fast ops never flicker. If
`parent` has been deleted by the time the result arrives, the callbacks are skipped.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_CURSOR_DELAY_MS = 300
WRITE_POOL_EXPIRY_MS = 30_000


@dataclass
class _Job:
    id: int
    parent: QObject
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None
    started: float = field(default_factory=time.monotonic)
    timer: QTimer | None = None
    cursor_shown: bool = False


class _Dispatcher(QObject):
    """Lives in the GUI thread; workers emit `finished` on it, so delivery is always a queued call."""

    finished = Signal(int)  # job id; its outcome waits in `outcomes`

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, _Job] = {}
        # job id → (succeeded, result or exception), put here by the worker. The worker hands its references over
        # instead of sending them with the signal, so that it holds none once the GUI thread can see the outcome
        # (see _OpRunnable.run).
        self.outcomes: dict[int, tuple[bool, object]] = {}
        self.cursor_count = 0
        self.finished.connect(self._on_self_finished, Qt.ConnectionType.QueuedConnection)

    def show_busy(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job is None or job.cursor_shown:
            return
        job.cursor_shown = True
        self.cursor_count += 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def _release(self, job: _Job) -> None:
        if job.timer is not None:
            job.timer.stop()
            job.timer.deleteLater()
            job.timer = None
        if job.cursor_shown:
            job.cursor_shown = False
            self.cursor_count -= 1
            QGuiApplication.restoreOverrideCursor()

    @Slot(int)
    def _on_self_finished(self, job_id: int) -> None:
        succeeded, payload = self.outcomes.pop(job_id)
        job = self.jobs.pop(job_id, None)
        if job is None:
            return
        self._release(job)
        log.debug("op %d finished in %.0f ms (ok=%s)", job_id, (time.monotonic() - job.started) * 1000, succeeded)
        if not shiboken6.isValid(job.parent):
            log.info("op %d finished after its window was closed; result dropped", job_id)
            return
        if succeeded:
            job.on_success(payload)
            return
        error = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
        if job.on_failure is not None:
            job.on_failure(error)
        else:
            _default_failure(job.parent, error)


class _OpRunnable(QRunnable):
    def __init__(self, dispatcher: _Dispatcher, job_id: int, op: Callable[[], Any]) -> None:
        super().__init__()
        self._dispatcher = dispatcher
        self._job_id = job_id
        self._op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        """Run the op, then let go of everything it touched before the GUI thread is told.

        The op (often a bound method of a dialog), its result and an exception's traceback can hold the last
        reference to a Qt object once the GUI thread has handled the outcome and the window has gone. Released on
        this thread, PySide defers the C++ deletion to the GUI thread, and that deferred deletion has crashed the
        tests (SIGSEGV in BindingManager::runDeletionInMainThread). So the op is dropped while the job still holds
        its parent, and the outcome is handed over in `outcomes` rather than kept here until the signal is sent."""
        op, self._op = self._op, None  # type: ignore[assignment]
        dispatcher, job_id = self._dispatcher, self._job_id
        try:
            dispatcher.outcomes[job_id] = (True, op())
        except BaseException as exc:  # delivered to on_failure; nothing may escape a worker thread
            log.info("op %d failed: %s", job_id, type(exc).__name__)
            dispatcher.outcomes[job_id] = (False, exc)
        del op
        dispatcher.finished.emit(job_id)


_dispatcher: _Dispatcher | None = None
_write_pool: QThreadPool | None = None
_ids = itertools.count(1)


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("run_op needs a QApplication")
        _dispatcher = _Dispatcher()  # created on the GUI thread (run_op is only called there), so it lives there
    return _dispatcher


def read_pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def write_pool() -> QThreadPool:
    """A single worker thread: database writes run one after another, in the order they were asked for."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setObjectName("puskesos-write-pool")
        _write_pool.setMaxThreadCount(1)
        _write_pool.setExpiryTimeout(WRITE_POOL_EXPIRY_MS)
    return _write_pool


def _default_failure(parent: QObject, error: BaseException) -> None:
    from puskesos_desk.ui.error_dialog import show_error  # lazy: the dialog is only needed when something fails

    show_error(parent, error)


def run_op(
    parent: QObject,
    op: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    writes: bool = False,
    busy_cursor: bool = True,
) -> None:
    """Run `op` on a worker; call `on_success(result)` or `on_failure(exc)` on the GUI thread afterwards.

    Without `on_failure`, an expected failure (PuskesosError) is shown as a message and anything else in the
    error dialog. `busy_cursor=False`: work the user need not wait for (the database opening behind the sign-in
    dialog while the officer types). Call this from the GUI thread only.
    """
    dispatcher = _get_dispatcher()
    job = _Job(id=next(_ids), parent=parent, on_success=on_success, on_failure=on_failure)
    dispatcher.jobs[job.id] = job
    timer = QTimer(dispatcher)
    timer.setSingleShot(True)
    timer.setInterval(BUSY_CURSOR_DELAY_MS)
    job_id = job.id
    timer.timeout.connect(lambda: dispatcher.show_busy(job_id))
    if busy_cursor:
        timer.start()
    job.timer = timer
    pool = write_pool() if writes else read_pool()
    pool.start(_OpRunnable(dispatcher, job.id, op))


def pending_ops() -> int:
    """Ops whose callbacks have not run yet (still working, or result queued for the GUI thread)."""
    return 0 if _dispatcher is None or not shiboken6.isValid(_dispatcher) else len(_dispatcher.jobs)


def busy_cursor_shown() -> bool:
    return _dispatcher is not None and shiboken6.isValid(_dispatcher) and _dispatcher.cursor_count > 0


def wait_for_ops(timeout_ms: int = 10_000) -> bool:
    """Block until both pools are idle (tests, and shutdown before the database is closed).

    Results already computed are still delivered through the event loop afterwards; tests that need the
    callbacks to have run wait with `qtbot.waitUntil(lambda: pending_ops() == 0)`.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    done = write_pool().waitForDone(timeout_ms)
    remaining = max(0, int((deadline - time.monotonic()) * 1000))
    return read_pool().waitForDone(remaining) and done
