"""Screenshots of the areas and main dialogs as a 1366×768 PC shows them (issue 12), offscreen, from a demo desa and
a kabupaten made through the services, opened by the screen-fit catalogue (tests/ui/fit/screens.py: the screens the
fit test checks, each opened the way a user opens it).

    .venv/bin/python scripts/screenshots_fit.py [out_dir] [--all] [--only NAME,NAME]

Each screen is written as NAME.png: the main window at 1366×768, a dialog drawn over its dimmed window. By default
only screens without a picture in out_dir yet are written: many existing pictures come from their own scripts in
richer states (packages checked, a duplicate pair selected, a filled dialog) and stay theirs. `--all` writes every
screen; `--only` the named ones. The checks' findings at this size are printed too (tests/ui/test_screen_fit.py runs
them at the size the window really has on that PC).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the catalogue and the site builders live with the tests
work = Path(tempfile.mkdtemp(prefix="fit-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")
os.environ["PUSKESOS_AUTO_BACKUP"] = "0"

from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from tests.ui.fit import probe  # noqa: E402
from tests.ui.fit.screens import SCREENS  # noqa: E402
from tests.ui.fit.sites import build_desa, build_kabupaten  # noqa: E402
from tests.ui.fit.stage import DESA, KABUPATEN  # noqa: E402

HOUSEHOLDS = 120  # a fuller desk than the test's
# Small confirmations with nothing of the desk in them: not worth a picture in the docs.
MINOR = frozenset({"ganti_kata_sandi", "password_note_dialog", "unlock_database_dialog", "error_dialog",
                   "reject_reason_dialog", "new_village_dialog", "person_data_requester", "household_reveal_dialog"})

parser = argparse.ArgumentParser()
parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
parser.add_argument("--all", action="store_true")
parser.add_argument("--only", default="")
args = parser.parse_args()
args.out.mkdir(parents=True, exist_ok=True)
if args.only:
    names = [name for name in args.only.split(",") if name]
else:
    names = [s.name for s in SCREENS if s.name not in MINOR and (args.all or not (args.out / f"{s.name}.png").exists())]
if not names:
    raise SystemExit(f"every screen has a picture in {args.out} already (--all rewrites them)")

seeded = work / "seeded.db"
open_database(str(seeded)).db.dispose()
sites = {DESA: build_desa(seeded, work / "desa.db", households=HOUSEHOLDS),
         KABUPATEN: build_kabupaten(seeded, work / "kabupaten.db")}
spec = work / "sites.json"
spec.write_text(json.dumps({name: site.to_json() for name, site in sites.items()}), encoding="utf-8")
result = work / "result.json"
probe.main([str(spec), str(result), "--shots", str(args.out), "--window", "1366x768", "--only", ",".join(names)])
for name, problems in json.loads(result.read_text("utf-8"))["results"].items():
    found = [problem for problem in problems if not problem.startswith("MainWindow is")]  # 1366×768 is the picture's
    print(args.out / f"{name}.png", *(f"\n    {problem}" for problem in found))
shutil.rmtree(work, ignore_errors=True)
