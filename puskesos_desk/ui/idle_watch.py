"""Watching for a desk left alone: any keyboard, mouse, wheel or touch input anywhere in the application restarts
a single-shot timer; when it runs out, `idle` is emitted (the main window then locks itself).

The filter sits on the QApplication, so input in a dialog counts as much as input in the main window. It never
consumes an event. Tests drive `tmr_idle.timeout` directly instead of waiting minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})
MS_PER_MINUTE = 60_000


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tmr_idle = QTimer(self)
        self.tmr_idle.setSingleShot(True)
        self.tmr_idle.setInterval(minutes * MS_PER_MINUTE)
        self.tmr_idle.timeout.connect(self._on_tmr_idle_timeout)
        self._installed = False

    @property
    def minutes(self) -> int:
        return self.tmr_idle.interval() // MS_PER_MINUTE

    def set_minutes(self, minutes: int) -> None:
        self.tmr_idle.setInterval(minutes * MS_PER_MINUTE)
        if self.tmr_idle.isActive():
            self.tmr_idle.start()

    def start(self) -> None:
        """Begin (or resume after an unlock) watching."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.tmr_idle.start()

    def stop(self) -> None:
        """Stop watching (while the screen is locked, and when the window closes)."""
        self.tmr_idle.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.tmr_idle.isActive():
            self.tmr_idle.start()  # restarts the countdown
        return False

    def _on_tmr_idle_timeout(self) -> None:
        self.idle.emit()
