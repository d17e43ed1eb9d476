"""A walk-in served in two minutes on a low-end PC (issue 12): the scripted walk-in of tests/ui/walkin_script.py,
repeated in one process on one main window, with its actions, scripted time and memory.

    .venv/bin/python benchmarks/walkin.py     # PUSKESOS_WALKIN_REPEATS=50 (default); PUSKESOS_WALKIN_HOUSEHOLDS=500
                                              # PUSKESOS_WALKIN_RESULTS=path: write there (the CI smoke does)

A demo village (`demo`, PUSKESOS_WALKIN_HOUSEHOLDS households with a year of activity) is made first, the known
household is added to it, and the Koordinator signs in; then the same walk-in is played again and again, as a desk
open all day serves resident after resident. Each repetition's scripted time and resident memory (VmRSS) are
recorded. Goals: ≤ 40 actions, ≤ 120 s scripted per walk-in, ≤ 200 MB RSS.

Memory, as the app runs: the PDF helper process is on (printing/helper.py), so slips are laid out and rasterised
beside the desk. Reported:
  - the desk's peak through the walk-ins (the kernel's VmHWM, reset once the window is shown: signing in hashes the
    password with argon2, 64 MiB for a moment, before the first resident), and its peak since start;
  - the helper's peak (its own VmHWM, read every 20 ms while it runs) and the peak of desk + helper together
    (sampled every 20 ms), so the whole footprint on the PC is in the results too.
Offscreen, on one 1366×728 screen (a 1366×768 display less its task bar, as tests/ui/fit/probe.py gives the screen
fit test), so the window, the dialogs and the preview are the size they are on a low-end PC. Results are merged
into benchmarks/results.json under "walkin".
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PUSKESOS_AUTO_BACKUP"] = "0"
# One temporary folder for this run, shared with the child that prepares the village; removed at the end.
HOME = Path(os.environ.get("PUSKESOS_WALKIN_HOME") or tempfile.mkdtemp(prefix="puskesos-walkin-"))
os.environ["PUSKESOS_WALKIN_HOME"] = os.environ["PUSKESOS_HOME"] = str(HOME)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import puskesos_desk.ui  # noqa: E402, F401  (first, as in the app: it adjusts PySide6's import hook)
from puskesos_desk.infra.heap import limit_arenas  # noqa: E402
from puskesos_desk.printing import helper as pdf_helper  # noqa: E402
from puskesos_desk.services.auth import SignedIn, change_own_password, sign_in  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.context import Database  # noqa: E402
from puskesos_desk.services.site import get_site_info  # noqa: E402
from puskesos_desk.ui.gc_guard import GuiThreadCollector  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import MainWindow  # noqa: E402
from puskesos_desk.ui.ops import wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402
from tests.ui.fit.probe import use_small_screen  # noqa: E402
from tests.ui.walkin_script import (  # noqa: E402
    ACTIONS_GOAL,
    CountingUser,
    KnownHousehold,
    emitted,
    play_walkin,
    prepare_known_household,
    print_dialog_prints_to,
    window_manager_activates,
)

RESULTS = Path(os.environ.get("PUSKESOS_WALKIN_RESULTS", Path(__file__).resolve().parent / "results.json"))
REPEATS = int(os.environ.get("PUSKESOS_WALKIN_REPEATS", "50"))
HOUSEHOLDS = int(os.environ.get("PUSKESOS_WALKIN_HOUSEHOLDS", "500"))
SITE_CODE = "33.22.01.2007"
GOAL_SECONDS = 120.0
GOAL_RSS_MB = 200.0
NEW_PASSWORD = "koordinator-walkin-1"


def memory_mb(pid: int | str = "self") -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak so far) of a process, in MB (Linux); {} when it is gone."""
    values: dict[str, float] = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return values
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def reset_peak() -> bool:
    """Start this process's VmHWM again from its current RSS (Linux ≥ 4.0: clear_refs 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


class FootprintSampler(threading.Thread):
    """Every 20 ms: the desk's RSS plus the PDF helper's (while one runs); the peaks of the helper and of the sum."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.halt = threading.Event()
        self.helper_peak = 0.0
        self.sum_peak = 0.0
        self.helpers: set[int] = set()

    def run(self) -> None:
        while not self.halt.wait(0.02):
            desk = memory_mb().get("VmRSS", 0.0)
            pid = pdf_helper.helper_state()["pid"]
            helper = memory_mb(pid) if pid else {}
            if pid and helper:
                self.helpers.add(pid)
                self.helper_peak = max(self.helper_peak, helper.get("VmHWM", 0.0))
            self.sum_peak = max(self.sum_peak, desk + helper.get("VmRSS", 0.0))


def prepare_site(path: Path) -> None:
    """In a child process (its memory is not the desk's): a demo village with the known household, and the
    Koordinator's own password set. Prints the known household as JSON."""
    from puskesos_desk.cli.commands import context_for  # the desk process never imports what only this needs
    from puskesos_desk.domain.enums import SiteRole
    from puskesos_desk.services.demo import generate_demo
    from puskesos_desk.services.site import initialise_site

    opened = open_database(str(path))
    db = opened.db
    cli = context_for(db, "walkin-benchmark")
    initialise_site(cli, code=SITE_CODE, name="Puskesos Desa Sumogawe", role=SiteRole.DESA, admin_username="admin",
                    admin_full_name="Admin Puskesos")
    cli = context_for(db, "walkin-benchmark")
    demo = generate_demo(cli, households=HOUSEHOLDS, seed=2026)
    password = next(user["password"] for user in demo.users if user["username"] == "koordinator")
    known = prepare_known_household(cli)
    signed = sign_in(db, username="koordinator", password=password)
    change_own_password(db, signed, old_password=password, new_password=NEW_PASSWORD)
    db.dispose()
    print(json.dumps(dataclasses.asdict(known)))


def open_site(path: Path) -> tuple[Database, SignedIn, KnownHousehold]:
    child = subprocess.run([sys.executable, __file__, "--prepare", str(path)], check=True, capture_output=True,
                           text=True)
    known = KnownHousehold(**json.loads(child.stdout.strip().splitlines()[-1]))
    db = open_database(str(path)).db
    return db, sign_in(db, username="koordinator", password=NEW_PASSWORD), known


def serve(window: MainWindow, known: KnownHousehold) -> list[dict[str, Any]]:
    """The walk-in REPEATS times on the same window, as residents follow each other at the desk."""
    runs = []
    for repetition in range(1, REPEATS + 1):
        slip = HOME / f"slip-{repetition:03d}.pdf"
        user = CountingUser(QTest)
        with print_dialog_prints_to(slip):
            played = play_walkin(window, user, known)
        memory = memory_mb()
        runs.append({"repetition": repetition, "actions": user.count, "seconds": round(played.seconds, 2),
                     "rss_mb": memory["VmRSS"], "slip_bytes": slip.stat().st_size})
        print(f"{repetition:3d}: {user.count} actions, {played.seconds:6.2f} s, RSS {memory['VmRSS']:.1f} MB",
              flush=True)
        slip.unlink()
    return runs


def summary(runs: list[dict[str, Any]], before: dict[str, float], after: dict[str, float],
            sampler: FootprintSampler, setup_s: float) -> dict[str, Any]:
    seconds = [run["seconds"] for run in runs]
    actions = sorted({run["actions"] for run in runs})
    return {
        "repetitions": len(runs),
        "demo_households": HOUSEHOLDS,
        "actions": actions[0] if len(actions) == 1 else actions,
        "scripted_s": {"median": round(statistics.median(seconds), 2), "max": round(max(seconds), 2),
                       "first": seconds[0]},
        # before_first: the window shown and signed in; peak_before_first includes opening the database and the
        # argon2 sign-in. peak: the desk process through the walk-ins (VmHWM reset after the sign-in).
        "rss_mb": {"before_first": before["VmRSS"], "peak_before_first": before["VmHWM"], "final": after["VmRSS"],
                   "peak": after["VmHWM"], "pdf_helper_peak": sampler.helper_peak,
                   "desk_and_helper_peak": round(sampler.sum_peak, 1), "pdf_helpers_started": len(sampler.helpers)},
        "goals": {"actions": ACTIONS_GOAL, "scripted_s": GOAL_SECONDS, "rss_mb": GOAL_RSS_MB},
        "met": {"actions": max(actions) <= ACTIONS_GOAL, "scripted_s": max(seconds) <= GOAL_SECONDS,
                "rss_mb": after["VmHWM"] <= GOAL_RSS_MB},
        "per_repetition": runs,
        "setup_s": round(setup_s, 1),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, Python "
                   f"{platform.python_version()}, offscreen 1366×728 screen",
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def main() -> None:
    if sys.argv[1:2] == ["--prepare"]:
        prepare_site(Path(sys.argv[2]))
        return
    limit_arenas()  # as the application does before its first worker thread (ui/app.py)
    pdf_helper.use_helper_process()  # as the application does (ui/app.py)
    try:
        started = time.perf_counter()
        db, signed, known = open_site(HOME / "walkin.db")
        setup_s = time.perf_counter() - started
        use_small_screen(HOME)  # before the QApplication: the offscreen screen of a 1366×768 PC
        app = QApplication.instance() or QApplication([])
        apply_style(app)
        install_translators(app, "id")
        collector = GuiThreadCollector(app)  # as the application does
        window = MainWindow(db, signed, get_site_info(db))
        with emitted(window.page_beranda.figures_loaded, "Beranda's figures"):
            window.show()
        window_manager_activates(window)
        before = memory_mb()
        reset_peak()
        sampler = FootprintSampler()
        sampler.start()
        runs = serve(window, known)
        after = memory_mb()
        sampler.halt.set()
        sampler.join()
        assert wait_for_ops(10_000)
        collector.stop()
        window.close()
        db.dispose()
        pdf_helper.shutdown()
    finally:
        shutil.rmtree(HOME, ignore_errors=True)
    result = summary(runs, before, after, sampler, setup_s)
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["walkin"] = result
    RESULTS.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps({key: value for key, value in result.items() if key != "per_repetition"}, indent=2))


if __name__ == "__main__":
    main()
