"""GUI stalls (issue 13): a timer on the GUI thread records its gaps while the real window imports a 100,000-person
package, exports one, and prints a batch of 1,000 referral slips. Goal: no gap over 100 ms.

    .venv/bin/python benchmarks/gui_stalls.py     # PUSKESOS_BENCH_STALL_ROWS=100000, PUSKESOS_BENCH_STALL_SLIPS=1000
    PUSKESOS_BENCH_STALL_CASES=import,export ...   # some cases only (import, export, batch_print)
    PUSKESOS_BENCH_RESULTS=path                    # write there instead of benchmarks/results.json (the smoke test)
    PUSKESOS_BENCH_STALL_WORK=folder               # keep the databases, the package and the PDF there

Each case runs in a child process of its own (fresh memory, its own timeout: PUSKESOS_BENCH_STALL_TIMEOUT seconds,
default 5400), offscreen, with the application's own set-up: its style, Bahasa Indonesia, and GuiThreadCollector
(the cyclic garbage collector runs on the GUI thread, as in the app). A real MainWindow is signed in through the
services, and the benchmark clicks the real buttons with QTest; only the modal file and print dialogs are replaced
(as the GUI tests replace them), so the work runs exactly as it does for the officer.

- import: the district of exchange_data.py (it trusts the village), its Terima tab: Pilih paket… (the village's
  full package of PUSKESOS_BENCH_STALL_ROWS persons, cached), which always checks first (a dry run), then Terapkan.
- export: the village of exchange_data.py, its Kirim tab: Semua data (lengkap), Buat paket….
- batch_print: a demo village of 60 households with PUSKESOS_BENCH_STALL_SLIPS approved referrals (built through
  the services, cached), its Rujukan tab: Cetak semua yang siap (n) opens the preview of every slip, Cetak… prints
  it (the print dialog replaced by a PDF printer, as the GUI tests do), then the preview is rendered again as
  after any print.

The ticker asks for a tick every 10 ms (a precise timer); a gap is the time between two ticks. Before each case the
same ticker runs for 2 s with nothing to do: that baseline is what the machine's load alone costs (2 shared cores).
A watchdog thread samples the stack of every thread whenever the GUI thread has not ticked for 100 ms, and
gc.callbacks time every garbage collection, so each stall over 100 ms is reported with where the GUI thread was,
which other thread was busy, and how much of it was garbage collection. The watchdog also stops a case whose
resident memory passes PUSKESOS_BENCH_STALL_RSS_LIMIT_MB (default 8000): the machine is shared.

Results are merged into benchmarks/results.json under "gui_stalls": {case: {max_gap_ms, p99_gap_ms,
gaps_over_100ms, duration_s, rows, ..., phases, stalls, idle_baseline}}; a case that failed holds {"error": …}.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

ROWS = int(os.environ.get("PUSKESOS_BENCH_STALL_ROWS", "100000"))
SLIPS = int(os.environ.get("PUSKESOS_BENCH_STALL_SLIPS", "1000"))
CASES = ("import", "export", "batch_print")
CHOSEN = [c for c in os.environ.get("PUSKESOS_BENCH_STALL_CASES", ",".join(CASES)).split(",") if c]
RESULTS = Path(os.environ.get("PUSKESOS_BENCH_RESULTS") or HERE / "results.json")
TIMEOUT_S = float(os.environ.get("PUSKESOS_BENCH_STALL_TIMEOUT", "5400"))
RSS_LIMIT_MB = float(os.environ.get("PUSKESOS_BENCH_STALL_RSS_LIMIT_MB", "8000"))
TICK_MS = 10
STALL_MS = 100.0
IDLE_BASELINE_S = float(os.environ.get("PUSKESOS_BENCH_STALL_IDLE_S", "2"))
PRINT_HOUSEHOLDS = 60
PASSWORD = "bench-stalls-rahasia-1"
NEW_PASSWORD = "bench-stalls-rahasia-2"
CACHE_VERSION = "v1"
REPO_MARKERS = ("puskesos_desk/", "benchmarks/")


def cache_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "puskesos-bench-stalls"
    folder.mkdir(exist_ok=True)
    return folder


# --- the parent: one child per case ----------------------------------------------------------------------------------


def run_case(case: str, work: Path) -> dict[str, Any]:
    """One case in a child process (and process group) of its own; on timeout that group is killed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, __file__, "--case", case, "--work", str(work)], env=env,
                             stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, _ = child.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return {"error": f"timed out after {TIMEOUT_S:.0f} s", "wall_s": round(time.monotonic() - started, 1)}
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    if child.returncode != 0 and "error" not in result:
        result = {"error": f"exit {child.returncode}", "partial": result} if result else \
            {"error": f"exit {child.returncode}"}
    result["wall_s"] = round(time.monotonic() - started, 1)
    result["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    return result


def save(found: dict[str, dict[str, Any]]) -> None:
    """Merge these cases into results.json's "gui_stalls" (other cases and other keys stay as they are)."""
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    entry = data.get("gui_stalls") if isinstance(data.get("gui_stalls"), dict) else {}
    entry.update(found)
    entry["settings"] = {"rows_persons": ROWS, "slips": SLIPS, "tick_ms": TICK_MS, "stall_ms": STALL_MS,
                         "rss_limit_mb": RSS_LIMIT_MB}
    entry["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    data["gui_stalls"] = entry
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    kept = os.environ.get("PUSKESOS_BENCH_STALL_WORK")
    base = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="puskesos-stalls-"))
    found: dict[str, dict[str, Any]] = {}
    try:
        for case in CHOSEN:
            if case not in CASES:
                raise SystemExit(f"unknown case {case!r}; choose from {', '.join(CASES)}")
            work = base / case
            work.mkdir(parents=True, exist_ok=True)
            print(f"gui_stalls: {case} …", file=sys.stderr, flush=True)
            found[case] = run_case(case, work)
            shown = {k: v for k, v in found[case].items() if k not in ("stalls", "phases", "partial")}
            print(f"gui_stalls: {case}: {json.dumps(shown)}", file=sys.stderr, flush=True)
    finally:
        if not kept:
            shutil.rmtree(base, ignore_errors=True)
    save(found)
    return 1 if any("error" in result for result in found.values()) else 0


# --- the child: measuring ---------------------------------------------------------------------------------------------


def _frame_text(frame: traceback.FrameSummary) -> str:
    path = frame.filename.replace("\\", "/")
    for marker in REPO_MARKERS:
        if marker in path:
            path = marker + path.rsplit(marker, 1)[1]
            break
    else:
        path = path.rsplit("/", 1)[-1]
    return f"{path}:{frame.lineno} {frame.name}"


def _where(stack: list[str]) -> str:
    """The innermost frames of a stack (innermost first), the innermost frame of this repository included. The
    benchmark's own frames on the GUI thread (its event loop, its garbage-collection clock) are left out."""
    inner = [f for f in reversed(stack) if not f.startswith("benchmarks/gui_stalls.py")]
    if stack and stack[-1].startswith("benchmarks/gui_stalls.py") and " _on_gc" not in stack[-1]:
        return "Qt's event loop, no Python running (waiting for the GIL, or inside Qt)"
    if not inner:
        return "(no Python frame: in Qt or waiting for the GIL)"
    shown = inner[:3]
    ours = next((f for f in inner if f.startswith("puskesos_desk/")), None)
    if ours and ours not in shown:
        shown.append("… " + ours)
    return " < ".join(shown)


IDLE_FRAMES = ("threading.py", "queue.py", "selectors.py", "connection.py", "_watch ", "wait ", "poll ")


class GapRecorder:
    """The 10 ms ticker on the GUI thread, the stack-sampling watchdog and the garbage-collection clock."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.phase = self._phase_at_last = "idle"
        self.gaps: list[tuple[float, float, str]] = []
        self.last = time.perf_counter()
        self.samples: dict[float, list[dict[str, Any]]] = {}
        self.gc_runs: list[tuple[int, float, float, int]] = []  # thread, start, end, generation
        self._gc_started: dict[int, float] = {}
        self.peak_rss_mb = 0.0
        self.aborted: str | None = None
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)
        self.main_ident = threading.main_thread().ident

    # gaps

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self.last = time.perf_counter()
        self.timer.start()
        self._watchdog.start()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        self._watchdog.join(2)
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _tick(self) -> None:
        """A gap belongs to the phase it began in (a stall that ends after the phase changed is still its)."""
        now = time.perf_counter()
        self.gaps.append((self.last, now, self._phase_at_last))
        self.last = now
        self._phase_at_last = self.phase

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._gc_started[ident] = time.perf_counter()
        elif ident in self._gc_started:
            self.gc_runs.append((ident, self._gc_started.pop(ident), time.perf_counter(), info["generation"]))

    # the watchdog

    def _watch(self) -> None:
        next_rss = 0.0
        while not self._stop.wait(0.02):
            now = time.perf_counter()
            last = self.last
            if (now - last) * 1000 > STALL_MS:
                taken = self.samples.setdefault(last, [])
                if len(taken) < 4 and (not taken or now - taken[-1]["t"] > 0.05):
                    taken.append(self._snapshot(now, last))
            if now >= next_rss:
                next_rss = now + 0.5
                rss = _rss_mb()
                self.peak_rss_mb = max(self.peak_rss_mb, rss)
                if rss > RSS_LIMIT_MB and self.aborted is None:
                    self.aborted = f"resident memory {rss:.0f} MB passed the limit of {RSS_LIMIT_MB:.0f} MB"
                    _emit_and_exit(self, self.aborted)

    def _snapshot(self, now: float, last: float) -> dict[str, Any]:
        names = {t.ident: t.name for t in threading.enumerate()}
        stacks = {}
        for ident, frame in sys._current_frames().items():
            if ident == threading.get_ident():
                continue
            label = "GUI" if ident == self.main_ident else names.get(ident, f"thread-{ident}")
            stacks[label] = [_frame_text(f) for f in traceback.extract_stack(frame)][-14:]
        return {"t": now, "after_ms": round((now - last) * 1000), "stacks": stacks}

    # the figures

    def summary(self, since: float, until: float, top: int = 8) -> dict[str, Any]:
        gaps = [(a, b, phase) for a, b, phase in self.gaps if a >= since and b <= until]
        if not gaps:
            return {"ticks": 0}
        ms = sorted((b - a) * 1000 for a, b, _ in gaps)
        result: dict[str, Any] = {
            "ticks": len(gaps), "max_gap_ms": round(ms[-1], 1), "p99_gap_ms": round(ms[int(0.99 * (len(ms) - 1))], 1),
            "median_gap_ms": round(statistics.median(ms), 1), "gaps_over_50ms": sum(1 for v in ms if v > 50),
            "gaps_over_100ms": sum(1 for v in ms if v > STALL_MS), "duration_s": round(until - since, 2)}
        phases: dict[str, dict[str, Any]] = {}
        for a, b, phase in gaps:
            entry = phases.setdefault(phase, {"start": a, "end": b, "max_gap_ms": 0.0, "gaps_over_100ms": 0})
            entry["end"] = b
            entry["max_gap_ms"] = round(max(entry["max_gap_ms"], (b - a) * 1000), 1)
            entry["gaps_over_100ms"] += (b - a) * 1000 > STALL_MS
        result["phases"] = {phase: {"duration_s": round(e["end"] - e["start"], 2), "max_gap_ms": e["max_gap_ms"],
                                    "gaps_over_100ms": e["gaps_over_100ms"]} for phase, e in phases.items()}
        long = sorted((g for g in gaps if (g[1] - g[0]) * 1000 > STALL_MS), key=lambda g: g[0] - g[1])
        result["gaps_over_100ms_mostly_gc"] = sum(1 for a, b, _ in long if self._gc_ms(a, b) >= (b - a) * 500)
        result["stalls"] = [self._stall(a, b, phase, since, detail=index < 3)
                            for index, (a, b, phase) in enumerate(long[:top])]
        return result

    def _gc_ms(self, start: float, end: float, *, gui: bool = True) -> float:
        """Milliseconds of garbage collection inside [start, end], on the GUI thread (or on the others)."""
        return 1000 * sum(min(e, end) - max(s, start) for ident, s, e, _ in self.gc_runs
                          if (ident == self.main_ident) == gui and e > start and s < end)

    def _stall(self, start: float, end: float, phase: str, since: float, *, detail: bool) -> dict[str, Any]:
        samples = self.samples.get(start, [])
        stall: dict[str, Any] = {"ms": round((end - start) * 1000, 1), "phase": phase,
                                 "at_s": round(start - since, 2), "gc_ms": round(self._gc_ms(start, end), 1),
                                 "gc_other_threads_ms": round(self._gc_ms(start, end, gui=False), 1),
                                 "samples": len(samples)}
        if samples:
            first = samples[0]["stacks"]
            stall["gui_thread"] = _where(first.get("GUI", []))
            busy = [f"{name}: {_where(stack)}" for name, stack in first.items()
                    if name != "GUI" and stack and not any(m in stack[-1] for m in IDLE_FRAMES)]
            stall["busy_thread"] = " | ".join(busy) if busy else None
            if detail:
                stall["stacks"] = [{"after_ms": s["after_ms"], "stacks": s["stacks"]} for s in samples[:2]]
        return stall


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


_partial: dict[str, Any] = {}


def _emit_and_exit(recorder: GapRecorder, reason: str) -> None:
    """From the watchdog: report what was measured so far and leave at once (the GUI thread may be stuck)."""
    figures = dict(_partial)
    try:
        figures.update(recorder.summary(_partial.get("_since", 0.0), time.perf_counter()))
    except Exception as exc:
        figures["summary_error"] = repr(exc)
    figures.pop("_since", None)
    print(json.dumps({"error": reason, "partial": figures, "peak_rss_mb": round(recorder.peak_rss_mb)}),
          flush=True)
    os._exit(3)


class SignalWaiter:
    """Collects a signal's emissions from now on; wait() runs the event loop until one is accepted."""

    def __init__(self, signal: Any, accept: Callable[..., bool] = lambda *_: True,
                 then: Callable[..., None] | None = None) -> None:
        self.signal, self.accept, self.then = signal, accept, then
        self.seen: list[tuple[Any, ...]] = []
        self._loop: Any = None
        signal.connect(self._slot)

    def _slot(self, *args: Any) -> None:
        if self.accept(*args):
            self.seen.append(args)
            if self.then is not None:
                self.then(*args)
            if self._loop is not None:
                self._loop.quit()

    def wait(self, what: str, timeout_s: float = TIMEOUT_S) -> tuple[Any, ...]:
        from PySide6.QtCore import QEventLoop, QTimer

        if not self.seen:
            self._loop = QEventLoop()
            QTimer.singleShot(int(timeout_s * 1000), self._loop.quit)
            self._loop.exec()
            self._loop = None
        self.signal.disconnect(self._slot)
        if not self.seen:
            raise TimeoutError(f"{what}: nothing after {timeout_s:.0f} s")
        return self.seen[0]


def pump_until(done: Callable[[], bool], what: str, timeout_s: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not after {timeout_s:.0f} s")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def click(widget: Any) -> None:
    """A left click where a user clicks: a button's middle, a check box's box (its middle may be empty room)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QCheckBox

    if not widget.isEnabled():
        raise RuntimeError(f"{widget.objectName() or type(widget).__name__} {widget.text()!r} is not enabled")
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else QPoint()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def signed_in(db: Any, ctx: Any, username: str, role: Any) -> Any:
    """A personal account made through the services, signed in, its first password changed (as on day one)."""
    from puskesos_desk.services.accounts import create_user
    from puskesos_desk.services.auth import change_own_password, sign_in

    create_user(ctx, username=username, full_name="Pengguna Uji Kinerja", role=role, password=PASSWORD)
    first = sign_in(db, username=username, password=PASSWORD)
    return change_own_password(db, first, old_password=PASSWORD, new_password=NEW_PASSWORD)


@contextmanager
def desk_window(path: Path, make_user: Callable[[Any], Any]) -> Iterator[Any]:
    """The application's set-up and a signed-in MainWindow on the site database at `path`, settled."""
    from PySide6.QtWidgets import QApplication

    from puskesos_desk.infra.heap import limit_arenas
    from puskesos_desk.printing import helper as pdf_helper
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.site import get_site_info
    from puskesos_desk.ui.gc_guard import GuiThreadCollector
    from puskesos_desk.ui.i18n import install_translators
    from puskesos_desk.ui.main_window import MainWindow
    from puskesos_desk.ui.ops import pending_ops, wait_for_ops
    from puskesos_desk.ui.style import apply_style

    limit_arenas()  # as ui/app.py does: before the first worker thread ...
    pdf_helper.use_helper_process()  # ... and documents laid out and rasterised in the PDF helper process
    app = QApplication.instance() or QApplication([])
    apply_style(app)
    collector = GuiThreadCollector(app)  # as ui/app.py does, before any background op
    install_translators(app, "id")
    db = open_database(str(path)).db
    try:
        signed = make_user(db)
        window = MainWindow(db, signed, get_site_info(db))
        window.resize(1366, 728)
        beranda = SignalWaiter(window.page_beranda.figures_loaded)
        window.show()
        beranda.wait("Beranda's figures", 300)
        pump_until(lambda: pending_ops() == 0, "the window to settle", 300)
        yield window
        window.close()
        wait_for_ops(60_000)
        pump_until(lambda: pending_ops() == 0, "the last callbacks", 60)
    finally:
        collector.stop()
        db.dispose()
        pdf_helper.shutdown()


def measured(window: Any, drive: Callable[[GapRecorder], dict[str, Any]]) -> dict[str, Any]:
    """The idle baseline, then `drive` with the ticker and the watchdog running."""
    recorder = GapRecorder()
    recorder.start()
    started = time.perf_counter()
    pump_until(lambda: time.perf_counter() - started >= IDLE_BASELINE_S, "the idle baseline")
    idle_end = time.perf_counter()
    idle = recorder.summary(started, idle_end)
    recorder.phase = "operation"
    _partial["_since"] = idle_end
    extra = drive(recorder)
    ended = time.perf_counter()
    recorder.stop()
    figures = recorder.summary(idle_end, ended)
    figures["idle_baseline"] = {k: idle.get(k) for k in ("max_gap_ms", "p99_gap_ms", "median_gap_ms")}
    figures["peak_rss_mb"] = round(max(recorder.peak_rss_mb, _rss_mb()))
    figures["gc_on_gui_thread"] = {
        "runs": sum(1 for ident, s, _e, _g in recorder.gc_runs if ident == recorder.main_ident and s >= idle_end),
        "longest_ms": round(max([(e - s) * 1000 for ident, s, e, _g in recorder.gc_runs
                                 if ident == recorder.main_ident and s >= idle_end] or [0.0]), 1)}
    figures.update(extra)
    return figures


# --- the cases --------------------------------------------------------------------------------------------------------


def case_import(work: Path) -> dict[str, Any]:
    import exchange_data

    from puskesos_desk.domain.enums import Role
    from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
    from puskesos_desk.ui.areas import AREA_PERTUKARAN

    sites = exchange_data.bench_sites(ROWS)
    package = exchange_data.bench_package(sites)
    district = exchange_data.fresh_copy(sites.district, work / "district.db")
    with desk_window(district, lambda db: signed_in(db, exchange_data.district_context(db), "operator.kab",
                                                    Role.OPERATOR_KABUPATEN)) as window:
        window.show_area(AREA_PERTUKARAN)
        page = window.page_pertukaran
        page.tab_sections.setCurrentWidget(page.tab_import)
        tab = page.tab_import
        tab.choose_open_path = lambda: str(package)  # the file dialog, as the GUI tests replace it

        def drive(recorder: GapRecorder) -> dict[str, Any]:
            recorder.phase = "check"
            checked = SignalWaiter(tab.outcome_shown)
            click(tab.btn_choose)
            (outcome,) = checked.wait("the check of the package")
            if outcome.status is not ImportStatus.WOULD_APPLY:
                raise RuntimeError(f"the check said {outcome.status}: {outcome.messages[:3]}")
            recorder.phase = "apply"
            applied = SignalWaiter(tab.outcome_shown)
            click(tab.btn_apply)
            (outcome,) = applied.wait("the import of the package")
            if outcome.status is not ImportStatus.APPLIED:
                raise RuntimeError(f"the import said {outcome.status}: {outcome.messages[:3]}")
            recorder.phase = "after"
            return {"rows": outcome.rows.get(RowClass.NEW, 0),
                    "rows_identical": outcome.rows.get(RowClass.IDENTICAL, 0), "persons": sites.persons,
                    "package_bytes": package.stat().st_size}

        figures = measured(window, drive)
    with closing(sqlite3.connect(district)) as conn:
        figures["persons_in_database"] = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    return figures


def case_export(work: Path) -> dict[str, Any]:
    import exchange_data

    from puskesos_desk.domain.enums import Role
    from puskesos_desk.ui.areas import AREA_PERTUKARAN

    sites = exchange_data.bench_sites(ROWS)
    village = exchange_data.fresh_copy(sites.village, work / "village.db")
    out = work / "paket.xlsx"
    with desk_window(village, lambda db: signed_in(db, exchange_data.village_context(db), "koordinator",
                                                   Role.KOORDINATOR)) as window:
        page = window.page_pertukaran
        tab = page.tab_export
        receivers = SignalWaiter(tab.receivers_loaded)
        window.show_area(AREA_PERTUKARAN)
        page.tab_sections.setCurrentWidget(tab)
        receivers.wait("the receiver of the package", 120)
        tab.choose_save_path = lambda _suggested: str(out)  # the save dialog, as the GUI tests replace it
        click(tab.chk_full)
        if not tab.chk_full.isChecked():
            raise RuntimeError("Semua data (lengkap) did not get checked")

        def drive(recorder: GapRecorder) -> dict[str, Any]:
            recorder.phase = "export"
            done = SignalWaiter(tab.exported)
            click(tab.btn_export)
            (outcome,) = done.wait("the export")
            recorder.phase = "after"
            return {"rows": sum(outcome.rows.values()), "persons": sites.persons, "file_bytes": out.stat().st_size}

        return measured(window, drive)


def print_village(slips: int) -> Path:
    """A demo village with `slips` approved referrals never printed, built through the services once and cached."""
    path = cache_folder() / f"print-{slips}-{CACHE_VERSION}.db"
    if path.exists():
        return path
    from puskesos_desk.cli.commands import context_for
    from puskesos_desk.domain.enums import SiteRole
    from puskesos_desk.domain.referrals import ReferralDraft
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.demo import generate_demo
    from puskesos_desk.services.reference import directory_services
    from puskesos_desk.services.referral_queries import ready_to_print
    from puskesos_desk.services.referrals import approve_referral, create_referral_in
    from puskesos_desk.services.site import initialise_site

    started = time.monotonic()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = open_database(str(partial)).db
    try:
        cli = context_for(db, "bench-stalls")
        initialise_site(cli, code="33.22.01.2007", name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                        admin_username="admin", admin_full_name="Admin Puskesos")
        cli = context_for(db, "bench-stalls")
        generate_demo(cli, households=PRINT_HOUSEHOLDS, seed=2026)
        services = [s for s in directory_services(cli) if not s.needs_explicit_consent
                    and s.organization_kind != "non_pemerintah"]
        missing = slips - len(ready_to_print(cli))
        with closing(sqlite3.connect(partial)) as conn:
            persons = conn.execute("SELECT id, household_id FROM person WHERE deleted_at IS NULL "
                                   "ORDER BY household_id, id").fetchall()
        made = []
        for start in range(0, max(0, missing), 100):
            with db.transaction(cli.actor) as session:
                for n in range(start, min(missing, start + 100)):
                    person_id, household_id = persons[n % len(persons)]
                    service = services[n % len(services)]
                    made.append(create_referral_in(session, cli, ReferralDraft(
                        household_id=household_id, person_id=person_id, service_id=service.id,
                        requested_service=service.name,
                        problem_summary=f"Warga membutuhkan layanan: {service.name.lower()}. Mohon dibantu sesuai "
                                        "ketentuan.")).id)
        for referral_id in made:
            approve_referral(cli, referral_id)
        ready = len(ready_to_print(cli))
        if ready != slips:
            raise RuntimeError(f"{ready} referrals ready to print, not {slips}")
    finally:
        db.dispose()
    with closing(sqlite3.connect(partial)) as conn:  # one self-contained file: no -wal beside it
        conn.execute("PRAGMA journal_mode=DELETE")
    partial.replace(path)
    print(f"print village with {slips} ready slips built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return path


def case_batch_print(work: Path) -> dict[str, Any]:
    import exchange_data
    from PySide6.QtPrintSupport import QPrinter

    from puskesos_desk.domain.enums import Role
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.services.context import ServiceContext
    from puskesos_desk.ui.areas import AREA_RUJUKAN
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
    from puskesos_desk.ui.pdf_pages import page_count

    village = exchange_data.fresh_copy(print_village(SLIPS), work / "village.db")
    out = work / "slips.pdf"

    def to_pdf_file(_dialog: Any, printer: QPrinter) -> bool:  # the print dialog, as the GUI tests replace it
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    PdfPreviewDialog.exec_print_dialog = to_pdf_file  # type: ignore[method-assign]

    def koordinator(db: Any) -> Any:
        from puskesos_desk.domain.enums import SiteRole

        cli = ServiceContext(db, Actor.cli("bench-stalls", site_code="33.22.01.2007", site_role=SiteRole.DESA))
        return signed_in(db, cli, "koordinator.uji", Role.KOORDINATOR)

    with desk_window(village, koordinator) as window:
        page = window.page_rujukan
        tab = page.tab_list
        window.show_area(AREA_RUJUKAN)
        pump_until(lambda: len(tab.ready_ids) == SLIPS and tab.btn_print_ready.isEnabled(),
                   f"{SLIPS} referrals ready to print in the list", 300)
        holder: dict[str, Any] = {}

        def opened(dialog: Any) -> None:  # connected while the dialog is being opened: nothing is missed
            holder["dialog"] = dialog
            holder["rendered"] = SignalWaiter(dialog.pages_rendered)

        def drive(recorder: GapRecorder) -> dict[str, Any]:
            recorder.phase = "preview"
            preview = SignalWaiter(page.preview_opened, then=opened)
            click(tab.btn_print_ready)
            preview.wait("the preview dialog", 60)
            (pages,) = holder["rendered"].wait("the preview of every slip")
            dialog = holder["dialog"]
            recorder.phase = "print"
            printed = SignalWaiter(dialog.output_finished)
            again = SignalWaiter(dialog.pages_rendered)
            click(dialog.btn_print)
            printed.wait("the print")
            recorder.phase = "preview_again"
            again.wait("the preview after printing")
            recorder.phase = "after"
            dialog.reject()
            return {"rows": SLIPS, "slips": SLIPS, "preview_pages": pages}

        figures = measured(window, drive)
    figures["printed_pages"] = page_count(out.read_bytes())
    figures["file_bytes"] = out.stat().st_size
    return figures


def child(case: str, work: Path) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PUSKESOS_AUTO_BACKUP"] = "0"
    os.environ["PUSKESOS_HOME"] = str(work / "home")  # logs and settings of this run stay in its folder
    try:
        figures = {"import": case_import, "export": case_export, "batch_print": case_batch_print}[case](work)
    except Exception as exc:  # reported to the parent, which records it
        traceback.print_exc()
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
        return 1
    print(json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--case"]:
        sys.exit(child(sys.argv[2], Path(sys.argv[4])))
    sys.exit(main())
