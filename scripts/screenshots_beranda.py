"""Screenshot of Beranda (the dashboard) from demo data made through the services, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_beranda.py [out_dir] [WIDTHxHEIGHT]

Defaults: docs/screenshots and 1366x768, written as beranda.png; another size is written as beranda_WxH.png so the
small-screen layout (1024x700) can be looked at without replacing the documented picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="beranda-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shots_site import signed_in  # noqa: E402  (scripts/ is on sys.path when run as a script)

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.enums import SiteRole  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import MainWindow  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
SIZE_TEXT = sys.argv[2] if len(sys.argv) > 2 else "1366x768"
width, height = (int(part) for part in SIZE_TEXT.split("x"))
NAME = "beranda.png" if SIZE_TEXT == "1366x768" else f"beranda_{SIZE_TEXT}.png"

app = QApplication([])
apply_style(app)
install_translators(app, "id")

opened = open_database(str(work / "puskesos.db"))
db = opened.db
ctx = context_for(db, "shots")
initialise_site(ctx, code="33.22.01.2007", name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                admin_username="admin", admin_full_name="Admin Puskesos")
ctx = context_for(db, "shots")
result = generate_demo(ctx, households=300, seed=2026)
signed = signed_in(db, result, "koordinator")


def settle(rounds: int = 40) -> None:
    for _ in range(rounds):
        wait_for_ops(10_000)
        app.processEvents()
        if pending_ops() == 0:
            for _ in range(10):  # layout requests post further layout requests
                app.processEvents()
            return


window = MainWindow(db, signed, get_site_info(db))
window.resize(QSize(width, height))
window.show()
settle()
if window.page_beranda.figures is None:
    raise SystemExit("Beranda did not load its figures")
OUT.mkdir(parents=True, exist_ok=True)
window.grab().save(str(OUT / NAME))
print(OUT / NAME)
