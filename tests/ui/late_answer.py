"""A service call whose first answer comes late: for the tests of widgets whose loads overlap (a page reloads them on
every change), where an earlier load's answer must never replace a later one's."""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

from puskesos_desk.ui.ops import pending_ops


class FirstAnswerHeld:
    """Replaces `module.name`: its first call reads at once but answers only after release(); later calls answer
    as they come."""

    def __init__(self, monkeypatch: Any, module: ModuleType, name: str) -> None:
        self._real = getattr(module, name)
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.reads = 0
        monkeypatch.setattr(module, name, self._call)

    def _call(self, *args: Any, **kwargs: Any) -> Any:
        found = self._real(*args, **kwargs)
        with self._lock:
            self.reads += 1
            first = self.reads == 1
        if first:
            assert self._released.wait(10)
        return found

    def wait_first_read(self, qtbot: Any) -> None:
        """Until the first call has read (what it answers later is what was there at this moment)."""
        qtbot.waitUntil(lambda: self.reads >= 1)

    def release_unannounced(self, qtbot: Any, signal: Any) -> None:
        """Let the first call answer; the widget must not announce that stale answer on `signal`."""
        with qtbot.assertNotEmitted(signal, wait=500):
            self._released.set()
            qtbot.waitUntil(lambda: pending_ops() == 0)
