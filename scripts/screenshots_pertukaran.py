"""Screenshots of the Pertukaran Data area (1280×800, offscreen), from a village and its district made through the
services: the village sends a package from tab Kirim, the district checks a hand-edited copy in tab Terima, applies
it, and shows the ledger and the rows waiting for a decision in tab Riwayat & Konflik.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_pertukaran.py [out_dir]   (default: docs/screenshots)
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="pertukaran-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

import openpyxl  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shots_site import signed_in  # noqa: E402  (scripts/ is on sys.path when run as a script)

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.enums import Role, SiteRole  # noqa: E402
from puskesos_desk.services.auth import create_user, sign_in  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.context import ServiceContext  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.exchange_export import export_package  # noqa: E402
from puskesos_desk.services.exchange_import import import_package  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site, site_card  # noqa: E402
from puskesos_desk.services.trust import trust_site  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import AREA_PERTUKARAN, MainWindow  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
SIZE = QSize(1280, 800)
VILLAGE, DISTRICT = "33.22.01.2007", "33.22"
MANAGER_PASSWORD = "manajer-slrt-rahasia-1"

app = QApplication([])
apply_style(app)
install_translators(app, "id")


def settle(rounds: int = 60) -> None:
    for _ in range(rounds):
        wait_for_ops(20_000)
        app.processEvents()
        if pending_ops() == 0:
            for _ in range(10):  # layout requests post further layout requests
                app.processEvents()
            return


def site(name: str, code: str, title: str, role: SiteRole) -> ServiceContext:
    db = open_database(str(work / name)).db
    initialise_site(context_for(db, "shots"), code=code, name=title, role=role, admin_username="admin",
                    admin_full_name="Admin", admin_password="admin-rahasia-12345")
    return context_for(db, "shots")


village = site("desa.db", VILLAGE, "Puskesos Desa Sumogawe", SiteRole.DESA)
demo = generate_demo(village, households=60, seed=2026)
district = site("kabupaten.db", DISTRICT, "Sekretariat SLRT Kabupaten Semarang", SiteRole.KABUPATEN)
create_user(district, username="manajer", full_name="Dwi Lestari", role=Role.MANAJER_SLRT, password=MANAGER_PASSWORD)
trust_site(district, site_card(village)[1])
trust_site(village, site_card(district)[1])

# The first package arrives, is applied and acknowledged; then the same household is changed at both sites (a
# conflict), and the village updates a few people's telephone numbers (changed rows the second package carries).
first = export_package(village, work / "paket-1.xlsx")
import_package(district, first.path)
answer = export_package(district, work / "balasan-1.xlsx", receiver=VILLAGE)  # acknowledges the first package
import_package(village, answer.path)
workbook = openpyxl.load_workbook(first.path, read_only=True)
household_id = next(workbook["Rumah Tangga"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
person_ids = [row[0] for row in workbook["Anggota Keluarga"].iter_rows(min_row=2, max_row=4, values_only=True)]
workbook.close()
for name, address in (("desa.db", "Dusun Krajan RT 02/RW 01"), ("kabupaten.db", "Dsn. Krajan, RT 2 RW 1")):
    with sqlite3.connect(work / name) as connection:
        connection.execute("UPDATE household SET address = ?, row_version = row_version + 1 WHERE id = ?",
                           (address, household_id))
with sqlite3.connect(work / "desa.db") as connection:
    connection.executemany("UPDATE person SET phone = ?, row_version = row_version + 1 WHERE id = ?",
                           [(f"08122500{index:04d}", person_id) for index, person_id in enumerate(person_ids)])

# Kirim, in the village: the second package, made through the page.
window = MainWindow(village.db, signed_in(village.db, demo, "koordinator"),
                    get_site_info(village.db))
window.resize(SIZE)
window.show()
settle()
window.show_area(AREA_PERTUKARAN)
settle()
page = window.page_pertukaran
second = work / "paket-2.xlsx"
page.tab_export.choose_save_path = lambda _suggested: str(second)
page.tab_export.edt_purpose.setText("Laporan bulanan November")
page.tab_export.btn_export.click()
settle()
assert page.tab_export.outcome is not None, page.tab_export.lbl_notice.text()
OUT.mkdir(parents=True, exist_ok=True)
window.grab().save(str(OUT / "pertukaran_kirim.png"))
window.close()

# Someone "tidied" the package in Excel before sending it on: one changed person's name retyped, another's NIK cut
# short.
edited = work / "paket-2-diedit.xlsx"
workbook = openpyxl.load_workbook(second)
sheet = workbook["Anggota Keluarga"]
headers = {cell.value: cell.column for cell in sheet[1]}
rows = {sheet.cell(row=n, column=headers["ID"]).value: n for n in range(2, sheet.max_row + 1)}
sheet.cell(row=rows[person_ids[0]], column=headers["NAMA"]).value = "Siti Aminah (sudah dicek)"
sheet.cell(row=rows[person_ids[1]], column=headers["NIK"]).value = "33220112"
workbook.save(edited)

# Terima, in the district: the dry run of the edited package.
window = MainWindow(district.db, sign_in(district.db, username="manajer", password=MANAGER_PASSWORD),
                    get_site_info(district.db))
window.resize(SIZE)
window.show()
settle()
window.show_area(AREA_PERTUKARAN)
settle()
page = window.page_pertukaran
page.show_import()
settle()
page.tab_import.choose_open_path = lambda: str(edited)
page.tab_import.btn_choose.click()
settle()
table = page.tab_import.tbl_messages
table.selectRow(0)
settle()
window.grab().save(str(OUT / "pertukaran_terima.png"))

# Riwayat & Konflik, after applying it.
page.tab_import.btn_apply.click()
settle()
page.show_history()
settle()
window.grab().save(str(OUT / "pertukaran_riwayat.png"))
window.close()
settle()
print("written", *(OUT / f"pertukaran_{name}.png" for name in ("kirim", "terima", "riwayat")))
