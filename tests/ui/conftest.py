"""Fixtures for GUI tests: the app style, a database handle whose workers are drained before it is closed,
and helpers to sign in through the real dialog."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.i18n import current_language, install_translators
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.style import BASE_POINT_SIZE, STYLESHEET, apply_style


@pytest.fixture(autouse=True)
def _styled_indonesian_app(qapp: QApplication) -> Iterator[None]:
    """Every GUI test runs with the real stylesheet (a broken one logs a Qt warning, which fails the test), in
    Bahasa Indonesia. Both are set again only when they changed: setting them re-polishes and re-translates every
    live widget, which costs seconds per test while a module-scoped main window is alive."""
    _indonesian_with_style(qapp)
    yield
    _indonesian_with_style(qapp)


def _indonesian_with_style(qapp: QApplication) -> None:
    if qapp.styleSheet() != STYLESHEET or qapp.font().pointSize() != BASE_POINT_SIZE:
        apply_style(qapp)
    if current_language() != "id":
        install_translators(qapp, "id")


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As the application does (ui/gc_guard.py): the cyclic collector must not run on a run_op worker, where it can
    destroy Qt objects owned by the GUI thread (it crashed PySide about one run in twelve)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture
def desk(site_db: Any, qtbot: Any) -> Iterator[Any]:
    """site_db, plus a teardown that lets running ops finish before the database is disposed."""
    yield site_db
    assert wait_for_ops(10_000), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)


@pytest.fixture
def site_info(desk: Any) -> Any:
    return get_site_info(desk.db)

