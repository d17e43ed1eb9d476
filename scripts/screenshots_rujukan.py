"""Screenshots of the Rujukan area (1366×768, offscreen) from demo data made through the services.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_rujukan.py [out_dir]   (default: docs/screenshots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="rujukan-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

from PySide6.QtCore import QPoint, QSize  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shots_site import signed_in  # noqa: E402  (scripts/ is on sys.path when run as a script)

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.enums import ReferralStatus, SiteRole  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import AREA_RUJUKAN, MainWindow  # noqa: E402
from puskesos_desk.ui.models.record_table_model import ROW_ROLE  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
SIZE = QSize(1366, 768)

app = QApplication([])
apply_style(app)
install_translators(app, "id")

opened = open_database(str(work / "puskesos.db"))
db = opened.db
ctx = context_for(db, "shots")
initialise_site(ctx, code="33.22.01.2007", name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                admin_username="admin", admin_full_name="Admin Puskesos")
ctx = context_for(db, "shots")
result = generate_demo(ctx, households=150, seed=2026)
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
window.resize(SIZE)
window.show()
settle()
window.show_area(AREA_RUJUKAN)
settle()
page = window.page_rujukan
table = page.tab_list.tbl_referrals


def select_first(status: ReferralStatus) -> None:
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ROW_ROLE).status is status:
            table.setCurrentIndex(model.index(row, 0))
            settle()
            return
    raise SystemExit(f"no referral in status {status}")


select_first(ReferralStatus.SELESAI)
window.resize(SIZE)
settle()
OUT.mkdir(parents=True, exist_ok=True)
window.grab().save(str(OUT / "rujukan.png"))

# The preview of an approved slip, over the window as the officer sees it.
select_first(ReferralStatus.DISETUJUI)
page.tab_list.pnl_detail.btn_preview.click()
settle()
dialog = page.dlg_preview
assert dialog is not None
dialog.resize(980, 700)
settle()
for _ in range(20):  # the fit-width relayout runs on a short timer
    app.processEvents()
    if dialog.pages is not None:
        break
dialog._show_pages()
app.processEvents()
base = window.grab()
shade = QPixmap(base.size())
shade.fill(QColor(0, 0, 0, 0))
painter = QPainter(base)
painter.fillRect(base.rect(), QColor(15, 23, 42, 90))
front = dialog.grab()
painter.drawPixmap(QPoint((base.width() - front.width()) // 2, (base.height() - front.height()) // 2), front)
painter.end()
base.save(str(OUT / "rujukan_preview.png"))
dialog.reject()
settle()
print("written", OUT / "rujukan.png", OUT / "rujukan_preview.png")
