"""Screenshots of the DTSEN extract screens (1366×768, offscreen), from demo data made through the services.

The district's file is written the way district offices send it (title rows with the as-of date, the header on
row 4, a column the importer does not know), from the demo's own extract: the import dialog with its mapping (one
column mapped by hand), the Data DTSEN tab after the import, and a household's Cek DTSEN tab with differences.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_dtsen.py [out_dir]   (default: docs/screenshots)
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="dtsen-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

import xlsxwriter  # noqa: E402
from PySide6.QtCore import QPoint, QSize  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from shots_site import signed_in  # noqa: E402  (scripts/ is on sys.path when run as a script)

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.enums import SiteRole  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import AREA_PERTUKARAN, MainWindow  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
SIZE = QSize(1366, 768)

app = QApplication([])
apply_style(app)
install_translators(app, "id")

db_path = work / "puskesos.db"
db = open_database(str(db_path)).db
ctx = context_for(db, "shots")
initialise_site(ctx, code="33.22.01.2007", name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                admin_username="admin", admin_full_name="Admin Puskesos")
ctx = context_for(db, "shots")
result = generate_demo(ctx, households=150, seed=2026)


def settle(rounds: int = 60) -> None:
    for _ in range(rounds):
        wait_for_ops(20_000)
        app.processEvents()
        if pending_ops() == 0:
            for _ in range(10):  # layout requests post further layout requests
                app.processEvents()
            return


def district_file(path: Path) -> Path:
    """The demo extract as a district office sends it."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT nik, kk_number, name, birth_date, sex, relation, address, rt, rw, village_name, "
                            "desil_national, programs, family_id FROM register_record ORDER BY id").fetchall()
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("DTSEN Getasan")
    bold = workbook.add_format({"bold": True, "font_size": 13})
    head = workbook.add_format({"bold": True, "bg_color": "#d9e1f2", "border": 1})
    text = workbook.add_format({"num_format": "@"})
    sheet.merge_range(0, 0, 0, 9, "DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL (DTSEN) — KECAMATAN GETASAN", bold)
    sheet.write(1, 0, "Keadaan per tanggal: 01 Oktober 2026")
    headers = ["NO", "ID KELUARGA", "NO KK", "NIK", "NAMA", "TGL LAHIR", "JENIS KELAMIN", "HUB KELUARGA", "ALAMAT",
               "RT", "RW", "DESA/KELURAHAN", "KECAMATAN", "DESIL NASIONAL", "PKH", "BPNT", "KIS", "PEKERJAAN UTAMA"]
    sheet.write_row(3, 0, headers, head)
    for number, (nik, kk, name, born, sex, relation, address, rt, rw, village, desil, programs, family) in \
            enumerate(rows, start=1):
        flags = json.loads(programs or "{}")
        values = [family, kk, nik, name, "-".join(reversed(born.split("-"))) if born else "", sex,
                  (relation or "").replace("_", " "), address, rt, rw, village or "SUMOGAWE", "GETASAN"]
        sheet.write_number(3 + number, 0, number)
        for column, value in enumerate(values, start=1):
            sheet.write_string(3 + number, column, value or "", text)
        sheet.write_number(3 + number, 13, desil)
        for column, code in ((14, "PKH"), (15, "SEMBAKO"), (16, "PBI_JK")):
            sheet.write_string(3 + number, column, "YA" if flags.get(code) else "TIDAK")
        sheet.write_string(3 + number, 17, "BURUH TANI")
    sheet.set_column(0, 17, 14)
    workbook.close()
    return path


def over(window: QWidget, dialog: QWidget) -> QPixmap:
    """The dialog over the shaded window, as the officer sees it."""
    base = window.grab()
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(15, 23, 42, 90))
    front = dialog.grab()
    painter.drawPixmap(QPoint((base.width() - front.width()) // 2, (base.height() - front.height()) // 2), front)
    painter.end()
    return base


window = MainWindow(db, signed_in(db, result, "koordinator"), get_site_info(db))
window.resize(SIZE)
window.show()
settle()
window.show_area(AREA_PERTUKARAN)
window.page_pertukaran.show_dtsen()
settle()
page = window.page_pertukaran.tab_dtsen
source = district_file(work / "DTSEN Kec Getasan 01-10-2026.xlsx")
page.choose_open_path = lambda: str(source)  # type: ignore[method-assign]
page.btn_import.click()
settle()
dialog = page.import_dialog
assert dialog is not None, "no dialog"
assert dialog.preview is not None, dialog.lbl_error.text()
combo = dialog.field_combo("KIS")
combo.setCurrentIndex(combo.findData("program:PBI_JK"))  # this district writes PBI-JK as KIS
settle()
dialog.tbl_mapping.scrollToBottom()  # the column mapped by hand, and the one left out
settle()
OUT.mkdir(parents=True, exist_ok=True)
over(window, dialog).save(str(OUT / "dtsen_import.png"))

dialog.btn_import.click()
settle()
assert dialog.outcome is not None, dialog.lbl_error.text()
assert dialog.outcome.imported, dialog.lbl_status.text()
over(window, dialog).save(str(OUT / "dtsen_import_done.png"))
dialog.accept()
settle()
window.grab().save(str(OUT / "dtsen_page.png"))


def household_shot(sql: str, name: str) -> None:
    with sqlite3.connect(db_path) as conn:
        (household_id,) = conn.execute(sql).fetchone()
    window.open_household(household_id)
    settle()
    household = window.page_household
    household.tabs.setCurrentWidget(household.tab_extract)
    settle()
    window.grab().save(str(OUT / name))


# The demo's deliberate differences: a member the extract lacks (with the way to a proposal), a birth date typed
# differently at the district.
household_shot("SELECT p.household_id FROM person p JOIN household h ON h.id = p.household_id "
               "WHERE p.residence_status = 'ADA' AND p.nik IS NOT NULL AND p.nik NOT IN "
               "(SELECT nik FROM register_record WHERE nik IS NOT NULL) AND h.kk_number IN "
               "(SELECT kk_number FROM register_record) LIMIT 1", "dtsen_household.png")
household_shot("SELECT p.household_id FROM person p JOIN register_record r ON r.nik = p.nik "
               "WHERE r.birth_date != p.birth_date LIMIT 1", "dtsen_household_berbeda.png")

# The desk with the extract's date and age beside the status line, and hits from the extract.
window.show_search()
with sqlite3.connect(db_path) as conn:
    (name,) = conn.execute("SELECT name FROM register_record ORDER BY id DESC LIMIT 1").fetchone()
window.page_search.edt_search.setText(name.split()[0].title())
for _ in range(30):  # the search runs 150 ms after the last key
    time.sleep(0.02)
    app.processEvents()
settle()
window.grab().save(str(OUT / "dtsen_desk.png"))
window.close()
settle()
print("written", *(OUT / f"dtsen_{name}.png" for name in ("import", "import_done", "page", "household",
                                                          "household_berbeda", "desk")))
