"""A progress bar with a Batal button for one long piece of work running through run_op.

The worker never touches the widget: it reports into a `TaskSink` (a ProgressSink guarded by a lock), and a timer
on the GUI thread copies the latest values into the bar. Batal only raises a flag that the service reads through
`cancelled()`; the service stops at its next check and the op's failure callback receives `Cancelled`.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.exchange_records import ProgressSink

POLL_INTERVAL_MS = 100


class TaskSink(ProgressSink):
    """Written by the worker thread, read by the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[int, int, str] = (0, 0, "")
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, label: str) -> None:
        with self._lock:
            self._state = (done, total, label)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def snapshot(self) -> tuple[int, int, str]:
        with self._lock:
            return self._state


class ProgressTask(QWidget):
    """Hidden until `start()`; `finish()` hides it again. `cancel_requested` is emitted when Batal is pressed."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink: TaskSink | None = None
        self._title = ""

        # Widgets
        self.lbl_task = QLabel("")
        self.lbl_task.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(self.tr("Kemajuan"))
        self.btn_cancel = QPushButton(self.tr("Batal"))
        self.btn_cancel.setAutoDefault(False)
        self.tmr_poll = QTimer(self)
        self.tmr_poll.setInterval(POLL_INTERVAL_MS)

        # Signals
        self.btn_cancel.clicked.connect(self._on_btn_cancel_clicked)
        self.tmr_poll.timeout.connect(self._on_tmr_poll_timeout)

        # Assemble
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.lbl_task)
        layout.addLayout(row)
        self.setVisible(False)

    def start(self, title: str) -> TaskSink:
        """Show the bar (busy until the first report) and hand out the sink the worker reports into."""
        self.sink = TaskSink()
        self._title = title
        self.lbl_task.setText(title)
        self.bar.setRange(0, 0)
        self.btn_cancel.setEnabled(True)
        self.setVisible(True)
        self.tmr_poll.start()
        return self.sink

    def finish(self) -> None:
        self.tmr_poll.stop()
        self.sink = None
        self.setVisible(False)

    def is_running(self) -> bool:
        return self.sink is not None

    def cancel(self) -> None:
        """What Batal does (also for tests): ask the worker to stop at its next check."""
        if self.sink is None or self.sink.cancelled():
            return
        self.sink.cancel()
        self.btn_cancel.setEnabled(False)
        self.lbl_task.setText(self.tr("Membatalkan…"))
        self.cancel_requested.emit()

    def _on_btn_cancel_clicked(self) -> None:
        self.cancel()

    def _on_tmr_poll_timeout(self) -> None:
        sink = self.sink
        if sink is None:
            return
        done, total, label = sink.snapshot()
        if total <= 0:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        self.bar.setFormat(self.tr("%v dari %m baris"))
        if not sink.cancelled():
            self.lbl_task.setText(f"{self._title} — {label}" if label else self._title)
