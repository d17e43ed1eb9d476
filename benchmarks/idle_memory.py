"""Idle memory of the running app on village-scale data (issue 13: <= 200 MB RSS).

    .venv/bin/python benchmarks/idle_memory.py     # PUSKESOS_BENCH_IDLE_HOUSEHOLDS=4000 (about 15,000 persons)

A child prepares a demo village (the demo's year of activity; 4,000 households is about 15,000 persons) and sets
the Koordinator's password. The app itself is then started as a user starts it (`puskesos_desk.ui.app.main()`,
offscreen, in a fresh process): a first start that remembers the site card, closed at the sign-in, then the
measured start: sign in, wait for the main window and Beranda's figures, leave the desk idle for
PUSKESOS_BENCH_IDLE_SECONDS (default 10), then read VmRSS and VmHWM. Results are merged into
benchmarks/results.json under "idle_memory".
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"
HOUSEHOLDS = int(os.environ.get("PUSKESOS_BENCH_IDLE_HOUSEHOLDS", "4000"))
IDLE_SECONDS = float(os.environ.get("PUSKESOS_BENCH_IDLE_SECONDS", "10"))
# A folder to keep the prepared village in between runs (preparing 4,000 households takes minutes).
CACHE = os.environ.get("PUSKESOS_BENCH_IDLE_CACHE", "")
GOAL_RSS_MB = 200.0
SITE_CODE = "33.22.01.2007"
PASSWORD = "koordinator-idle-1"

PREPARE = """
import sys
from puskesos_desk.cli.commands import context_for
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.services.auth import change_own_password, sign_in
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.site import initialise_site
db = open_database(sys.argv[1]).db
initialise_site(context_for(db, "bench"), code=sys.argv[2], name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                admin_username="admin", admin_full_name="Admin Puskesos")
demo = generate_demo(context_for(db, "bench"), households=int(sys.argv[3]), seed=2026)
password = next(user["password"] for user in demo.users if user["username"] == "koordinator")
change_own_password(db, sign_in(db, username="koordinator", password=password), old_password=password,
                    new_password=sys.argv[4])
with db.reading() as session:
    from sqlalchemy import text
    print(session.execute(text("select count(*) from person")).scalar_one())
db.dispose()
"""

DESK = """
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
IDLE = float(os.environ["BENCH_IDLE_SECONDS"])
MEASURE = os.environ.get("BENCH_MEASURE") == "1"

def memory():
    values = {}
    for line in open("/proc/self/status").read().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values

state = {}

def drive():
    from puskesos_desk.ui.login_dialog import LoginDialog
    widgets = QApplication.topLevelWidgets()
    login = [w for w in widgets if isinstance(w, LoginDialog) and w.isVisible()]
    if login and "signed" not in state:
        if not MEASURE:
            login[0].reject()
            return
        state["signed"] = time.perf_counter()
        login[0].edt_username.setText("koordinator")
        login[0].edt_password.setText(os.environ["BENCH_PASSWORD"])
        login[0].btn_sign_in.click()
    windows = [w for w in widgets if type(w).__name__ == "MainWindow" and w.isVisible()]
    if windows and windows[0].page_beranda.figures is not None and "shown" not in state:
        state["shown"] = time.perf_counter()
        state["at_window"] = memory()
        QTimer.singleShot(int(IDLE * 1000), lambda: finish(windows[0]))
        return
    QTimer.singleShot(20, drive)

def finish(window):
    from puskesos_desk.ui.ops import pending_ops
    result = {"idle": memory(), "at_window": state["at_window"], "pending_ops": pending_ops(),
              "modules": len(sys.modules),
              "loaded": sorted(m for m in ("reportlab", "openpyxl", "xlsxwriter", "pypdfium2", "lokal", "alembic",
                                            "sqlalchemy", "calamine", "python_calamine") if m in sys.modules)}
    print("RESULT " + json.dumps(result), flush=True)
    os._exit(0)

QTimer.singleShot(0, drive)
from puskesos_desk.ui.app import main
sys.exit(main(db_target=os.environ["BENCH_DB"]))
"""


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="puskesos-idle-"))
    try:
        db = home / "village.db"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PUSKESOS_HOME": str(home), "BENCH_DB": str(db),
               "BENCH_PASSWORD": PASSWORD, "BENCH_IDLE_SECONDS": str(IDLE_SECONDS)}
        started = time.perf_counter()
        cached = Path(CACHE) / f"idle-village-{HOUSEHOLDS}.db" if CACHE else None
        if cached is not None and cached.exists():
            shutil.copyfile(cached, db)
            persons = int(json.loads(cached.with_suffix(".json").read_text())["persons"])
        else:
            prepared = subprocess.run([sys.executable, "-c", PREPARE, str(db), SITE_CODE, str(HOUSEHOLDS), PASSWORD],
                                      env=env, check=True, capture_output=True, text=True)
            persons = int(prepared.stdout.strip().splitlines()[-1])
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(db, cached)
                cached.with_suffix(".json").write_text(json.dumps({"persons": persons}))
        setup_s = time.perf_counter() - started
        subprocess.run([sys.executable, "-c", DESK], env=env, check=True, capture_output=True, timeout=600)
        child = subprocess.run([sys.executable, "-c", DESK], env={**env, "BENCH_MEASURE": "1"}, check=True,
                               capture_output=True, text=True, timeout=600)
        line = next(x for x in child.stdout.splitlines() if x.startswith("RESULT "))
        measured = json.loads(line.removeprefix("RESULT "))
        database_mb = round(db.stat().st_size / 1_048_576, 1)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result = {
        "persons": persons,
        "households": HOUSEHOLDS,
        "database_mb": database_mb,
        "idle_seconds": IDLE_SECONDS,
        "rss_mb": measured["idle"]["VmRSS"],
        "peak_rss_mb": measured["idle"]["VmHWM"],
        "rss_at_window_mb": measured["at_window"]["VmRSS"],
        "modules_loaded": measured["modules"],
        "heavy_modules_loaded": measured["loaded"],
        "goal_rss_mb": GOAL_RSS_MB,
        "met": measured["idle"]["VmRSS"] <= GOAL_RSS_MB,
        "setup_s": round(setup_s, 1),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, Python "
                   f"{platform.python_version()}, offscreen",
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["idle_memory"] = result
    RESULTS.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
