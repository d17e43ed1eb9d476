"""A known household's walk-in, played on the real main window by a user whose every key press, typed character
and click is counted (issue 12). Shared by tests/ui/test_walkin_scenario.py (asserts the count and the database)
and benchmarks/walkin.py (repeats it and measures time and memory).

The user touches the application only through `CountingUser`: key presses go to the widget that has the keyboard
focus (as a real keyboard's do), clicks go to a visible, enabled widget. Everything else here only waits for the
application or reads its state. One thing stands in for the window manager: when a dialog closes, the main window
is activated again (the offscreen platform has no window manager to do it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QPoint, Qt, QTimer, SignalInstance
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from puskesos_desk.domain.enums import VisitChannel
from puskesos_desk.domain.records import MemberDraft, VisitDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.dialogs.need_dialog import NeedDialog
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.referral_dialog import ReferralDialog
from puskesos_desk.ui.dialogs.visit_dialog import VisitDialog
from puskesos_desk.ui.main_window import MainWindow
from tests.services.factories import family

ACTIONS_GOAL = 40
WAIT_MS = 30_000

HEAD_NAME = "Kasimin Wiryosentono"  # a name the demo's vocabulary does not use, so the first hit is this household
SEARCH_TEXT = "kasimin"
LAST_PURPOSE = "PBI-JK nonaktif, ditolak berobat di puskesmas"  # what he came about two weeks ago, and again today
COMPLAINT_CATEGORY_KEYS = "kep"  # "Kepesertaan PBI-JK Nonaktif (Reaktivasi)"
NEED_DOMAIN_KEYS = "jam"  # "Jaminan dan Layanan Kesehatan"
SERVICE_FILTER = "pbi"  # the directory search for "Reaktivasi Kepesertaan PBI-JK"
SERVICE_CODE = "DINSOS-PBI-REAKTIVASI"


class InputDriver(Protocol):
    """What the user needs of qtbot (or of QTest itself, outside pytest)."""

    def keyClick(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = ...) -> None: ...

    def keyClicks(self, widget: QWidget, text: str) -> None: ...

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton, modifier: Any = ..., pos: QPoint = ...) -> None:
        ...


# --- the known household ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownHousehold:
    id: str
    number: str
    head_id: str


def prepare_known_household(ctx: ServiceContext) -> KnownHousehold:
    """The household as the desk knows it before today: registered, and a walk-in two weeks ago about the PBI-JK
    card (the head came for himself). `ctx` must be allowed to register and record visits."""
    draft = family()
    head = replace(draft.members[0], name=HEAD_NAME)
    members: tuple[MemberDraft, ...] = (head, *draft.members[1:])
    home = register_household(ctx, replace(draft, members=members)).household
    head_id = home.members[0].id
    record_visit(ctx, VisitDraft(
        household_id=home.id, applicant_person_id=head_id, applicant_relation="DIRI_SENDIRI", purpose=LAST_PURPOSE,
        channel=VisitChannel.DATANG_LANGSUNG, subject_person_ids=(head_id,), occurred_at=ctx.now() - timedelta(days=14),
    ))
    return KnownHousehold(id=home.id, number=home.number, head_id=head_id)


# --- waiting (not user actions) ---------------------------------------------------------------------------------------


def wait_until(predicate: Callable[[], object], what: str, timeout_ms: int = WAIT_MS) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        QTest.qWait(5)


@contextmanager
def emitted(signal: SignalInstance, what: str, accept: Callable[..., bool] = lambda *_: True) -> Iterator[list[Any]]:
    """Wait, after the block, until `signal` was emitted with arguments `accept` takes; yields those arguments."""
    seen: list[Any] = []

    def slot(*args: Any) -> None:
        if not seen and accept(*args):
            seen.extend(args)
            seen.append(True)  # marks "emitted", also for a signal without arguments

    signal.connect(slot)
    try:
        yield seen
        wait_until(lambda: seen, what)
    finally:
        signal.disconnect(slot)
    seen.pop()


def ids(rows: Sequence[Any]) -> set[str]:
    """The ids of a page's rows: a new row shows as an id not seen before, however long the list is kept."""
    return {row.id for row in rows}


def active_dialog(kind: type) -> Any:
    wait_until(lambda: isinstance(QApplication.activeWindow(), kind), f"the {kind.__name__} to be active")
    return QApplication.activeWindow()


def window_manager_activates(window: QWidget) -> None:
    """What the window manager does when a dialog closes: the window under it becomes active again."""
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window, "the main window to be active again")


# --- the user ---------------------------------------------------------------------------------------------------------


@dataclass
class CountingUser:
    """Key presses, typed characters and clicks: the only way the scenario acts on the application."""

    driver: InputDriver
    actions: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.actions)

    @staticmethod
    def _keyboard_target() -> QWidget:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None and target.isVisible(), "no visible widget receives the keyboard"
        return target

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = self._keyboard_target()
        name = key.name.removeprefix("Key_")
        prefix = "Ctrl+" if modifier & Qt.KeyboardModifier.ControlModifier else ""
        self.actions.append(f"key {prefix}{name} → {_describe(target)}")
        self.driver.keyClick(target, key, modifier)

    def type(self, text: str) -> None:
        for character in text:
            target = self._keyboard_target()
            self.actions.append(f"type {character!r} → {_describe(target)}")
            self.driver.keyClicks(target, character)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"{_describe(widget)} cannot be clicked now"
        self.actions.append(f"click {_describe(widget)}")
        self.driver.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               pos if pos is not None else widget.rect().center())

    def when_message_box(self, act: Callable[[QMessageBox], None]) -> None:
        """Act on the next message box the application opens (its exec() runs inside the click that opened it)."""
        deadline = time.monotonic() + WAIT_MS / 1000

        def look() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box.isVisible():
                act(box)
            elif time.monotonic() < deadline:
                QTimer.singleShot(10, look)

        QTimer.singleShot(0, look)


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text!r}" if isinstance(text, str) and text and len(text) < 40 else name


# --- printing to a file -----------------------------------------------------------------------------------------------


@contextmanager
def print_dialog_prints_to(path: Path) -> Iterator[None]:
    """The preview's print step without the system's modal print dialog: the printer writes `path` (a test hook,
    not a user action; the user's action is pressing Cetak)."""

    def to_pdf_file(_dialog: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    original = PdfPreviewDialog.exec_print_dialog
    PdfPreviewDialog.exec_print_dialog = to_pdf_file  # type: ignore[method-assign]
    try:
        yield
    finally:
        PdfPreviewDialog.exec_print_dialog = original  # type: ignore[method-assign]


# --- the walk-in ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WalkinResult:
    actions: tuple[str, ...]
    seconds: float
    referral_id: str
    referral_number: str


def play_walkin(window: MainWindow, user: CountingUser, household: KnownHousehold) -> WalkinResult:
    """Search → household → visit → complaint → need → referral → approval → preview → print, on `window` (signed
    in as a Koordinator, shown and active). The PDF goes where `print_dialog_prints_to` says."""
    started = time.perf_counter()
    search, page, rujukan = window.page_search, window.page_household, window.page_rujukan

    # Find him by name; Enter opens the first hit.
    user.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: search.edt_search.hasFocus(), "the search box to have the focus")
    user.type(SEARCH_TEXT)
    with emitted(page.loaded, "the household page", lambda detail: detail.household.id == household.id):
        user.press(Qt.Key.Key_Return)

    # Today's visit.
    visits_before = ids(page.detail.visits)  # the page lists the latest 50 visits: a count stops growing
    user.press(Qt.Key.Key_Space)  # "Catat kunjungan" has the focus once the household is open
    visit = active_dialog(VisitDialog)
    user.click(visit.chk_notice)  # channel, who came and the purpose are those of his last visit
    with emitted(page.loaded, "the page after the visit", lambda d: len(ids(d.visits) - visits_before) == 1):
        user.press(Qt.Key.Key_Return)
    window_manager_activates(window)

    # The complaint of this visit.
    user.press(Qt.Key.Key_Space)
    active_dialog(ComplaintDialog)
    user.type(COMPLAINT_CATEGORY_KEYS)  # the description is the visit's purpose, in his words
    complaints_before = ids(page.detail.complaints)
    with emitted(page.loaded, "the page after the complaint",
                 lambda d: len(ids(d.complaints) - complaints_before) == 1):
        user.press(Qt.Key.Key_Return)
    window_manager_activates(window)

    # Its need.
    user.press(Qt.Key.Key_Space)
    active_dialog(NeedDialog)
    user.type(NEED_DOMAIN_KEYS)
    needs_before = ids(page.detail.needs)
    with emitted(page.loaded, "the page after the need", lambda d: len(ids(d.needs) - needs_before) == 1):
        user.press(Qt.Key.Key_Return)
    window_manager_activates(window)

    # Refer the need to the directory's service: offered as soon as the need is saved.
    user.press(Qt.Key.Key_Space)
    active_dialog(ReferralDialog)
    user.type(SERVICE_FILTER)
    with emitted(page.referrals.created, "the referral to be saved") as created:
        user.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record = created[0]
    wait_until(lambda: getattr(page.referrals.tab.selected(), "id", None) == record.id,
               "the new referral to be selected")
    window_manager_activates(window)

    # The Koordinator approves it in Rujukan.
    panel = rujukan.tab_list.pnl_detail
    with emitted(rujukan.tab_list.detail_loaded, "the referral in Rujukan",
                 lambda detail: detail is not None and detail.referral.id == record.id):
        user.click(page.referrals.btn_open)
    user.when_message_box(lambda box: user.click(box.button(QMessageBox.StandardButton.Yes)))
    with emitted(rujukan.changed, "the approval"):
        user.click(panel.btn_approve)
    wait_until(lambda: panel.detail is not None and panel.detail.referral.id == record.id
               and panel.detail.referral.approved_by, "the approved referral to be shown")

    # Preview, print, close.
    with emitted(rujukan.preview_opened, "the preview") as opened:
        user.click(panel.btn_preview)
    preview: PdfPreviewDialog = opened[0]
    wait_until(lambda: preview.btn_print.isEnabled() and QApplication.activeWindow() is preview,
               "the preview to be ready")
    with emitted(preview.output_finished, "the print"):
        user.press(Qt.Key.Key_Return)
    wait_until(lambda: preview.btn_close.isEnabled(), "the preview to be idle")
    user.press(Qt.Key.Key_Escape)
    wait_until(lambda: rujukan.dlg_preview is None, "the preview to close")
    window_manager_activates(window)
    return WalkinResult(actions=tuple(user.actions), seconds=time.perf_counter() - started,
                        referral_id=record.id, referral_number=record.number)
