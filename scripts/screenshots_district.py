"""Screenshots of the district secretariat's screens (1280×800, offscreen), from two villages and their district made
through the services: a folder of village packages checked at once in tab Terima (one package missing), the Desa tab
after applying them, return packages for all villages from tab Kirim, and an agency's filled-in outcome sheet
checked in Rujukan → Hasil dari instansi; the Data Desa area's four tabs (data across villages, a person registered
in both villages, pending household changes, the service directory).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_district.py [out_dir]   (default: docs/screenshots)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="district-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

import openpyxl  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.enums import Role, SiteRole  # noqa: E402
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft  # noqa: E402
from puskesos_desk.services.agency_workbook import write_agency_template  # noqa: E402
from puskesos_desk.services.auth import create_user, sign_in  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.context import ServiceContext  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.exchange_export import export_package  # noqa: E402
from puskesos_desk.services.registration import register_household  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site, site_card  # noqa: E402
from puskesos_desk.services.trust import trust_site  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import AREA_KABUPATEN, AREA_PERTUKARAN, AREA_RUJUKAN, MainWindow  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
SIZE = QSize(1280, 800)
DISTRICT = "33.22"
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


district = site("kabupaten.db", DISTRICT, "Sekretariat SLRT Kabupaten Semarang", SiteRole.KABUPATEN)
create_user(district, username="manajer", full_name="Dwi Lestari", role=Role.MANAJER_SLRT, password=MANAGER_PASSWORD)
usb = work / "flashdisk"
usb.mkdir()
for file_name, code, title, households, seed in (("sumogawe.db", "33.22.01.2007", "Puskesos Desa Sumogawe", 60, 2026),
                                                  ("getasan.db", "33.22.01.2005", "Puskesos Desa Getasan", 40, 7)):
    village = site(file_name, code, title, SiteRole.DESA)
    generate_demo(village, households=households, seed=seed)
    if code.endswith("2005"):  # a Sumogawe resident registered in Getasan too: a pair for Kemungkinan duplikat
        with sqlite3.connect(work / "sumogawe.db") as connection:
            nik, name, born, sex = connection.execute(
                "SELECT nik, name, birth_date, sex FROM person WHERE nik IS NOT NULL AND relation = 'ANAK' "
                "ORDER BY nik LIMIT 1").fetchone()
        register_household(village, HouseholdDraft(
            members=(MemberDraft(name="Sutrisno", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1961, 3, 2),
                                 nik="", no_nik_reason="HILANG", birth_place="Kab. Semarang"),
                     MemberDraft(name=name.title(), relation="FAMILI_LAIN", sex=sex,
                                 birth_date=date.fromisoformat(born),
                                 nik=nik, birth_place="Kab. Semarang")),
            kk_number="", no_kk_reason="TIDAK_TAHU", address="Dusun Ngrawan", rt="2", rw="1", hamlet="Ngrawan"))
    trust_site(district, site_card(village)[1])
    trust_site(village, site_card(district)[1])
    first = export_package(village, work / f"{code}-1.xlsx")
    shutil.copy(first.path, usb / first.path.name)
    if code.endswith("2007"):  # two more packages; the second never reaches the district
        with sqlite3.connect(work / file_name) as connection:
            connection.execute("UPDATE person SET phone = '081225000001', row_version = row_version + 1 "
                               "WHERE id = (SELECT id FROM person LIMIT 1)")
        export_package(village, work / f"{code}-2.xlsx")
        with sqlite3.connect(work / file_name) as connection:
            connection.execute("UPDATE person SET phone = '081225000002', row_version = row_version + 1 "
                               "WHERE id = (SELECT id FROM person LIMIT 1)")
        third = export_package(village, work / f"{code}-3.xlsx")
        shutil.copy(third.path, usb / third.path.name)

window = MainWindow(district.db, sign_in(district.db, username="manajer", password=MANAGER_PASSWORD),
                    get_site_info(district.db))
window.resize(SIZE)
window.show()
settle()
window.show_area(AREA_PERTUKARAN)
settle()
page = window.page_pertukaran
page.show_import()
page.tab_import.check_many([usb])
settle()
window.grab().save(str(OUT / "district_terima_folder.png"))

page.tab_import._apply_many()
settle()
page.show_villages()
settle()
window.grab().save(str(OUT / "district_desa.png"))

# Data Desa: the villages' data across villages, the pair registered twice, change requests, the directory.
window.show_area(AREA_KABUPATEN)
kabupaten = window.page_kabupaten
assert kabupaten is not None
for index, name in ((kabupaten.TAB_DATA, "district_data_gabungan.png"),
                    (kabupaten.TAB_DUPLICATES, "district_duplikat.png"),
                    (kabupaten.TAB_CHANGES, "district_perubahan_kk.png"),
                    (kabupaten.TAB_DIRECTORY, "district_direktori.png")):
    kabupaten.tab_sections.setCurrentIndex(index)
    settle()
    if index == kabupaten.TAB_DUPLICATES and kabupaten.tab_duplicates.tbl_duplicates.model().rowCount():
        kabupaten.tab_duplicates.tbl_duplicates.selectRow(0)
    if index == kabupaten.TAB_CHANGES:
        kabupaten.tab_changes.tbl_changes.selectRow(0)
    settle()
    window.grab().save(str(OUT / name))
window.show_area(AREA_PERTUKARAN)
settle()

# Kirim: one return package per village, into one folder.
returns = work / "balasan"
returns.mkdir()
page.tab_sections.setCurrentWidget(page.tab_export)
page.tab_export.pnl_all.choose_folder = lambda _suggested: str(returns)
page.tab_export.pnl_all.btn_export_all.click()
settle()
window.grab().save(str(OUT / "district_kirim_semua.png"))

# An agency answers: one referral served, one refused without the reason (the sheet is refused as a whole).
sheet = work / "lembar-instansi.xlsx"
write_agency_template(district, sheet)
workbook = openpyxl.load_workbook(sheet)
rows = workbook["Rujukan"]
headers = {cell.value: cell.column for cell in rows[1]}
answers = [("SELESAI", "TERLAYANI_PENUH", "Kartu sudah aktif kembali", ""), ("DITOLAK", "", "", "")]
for row, (status, outcome, notes, reason) in zip(range(2, 4), answers, strict=True):
    rows.cell(row, headers["STATUS"], status)
    rows.cell(row, headers["HASIL"], outcome or None)
    rows.cell(row, headers["TANGGAL TINDAKAN"], date(2026, 11, 20))
    rows.cell(row, headers["KETERANGAN"], notes or None)
    rows.cell(row, headers["ALASAN DITOLAK"], reason or None)
workbook.save(sheet)
window.show_area(AREA_RUJUKAN)
settle()
rujukan = window.page_rujukan
rujukan.tab_sections.setCurrentWidget(rujukan.tab_agency)
settle()
import puskesos_desk.ui.pages.rujukan_agency_tab as agency_tab  # noqa: E402

agency_tab.QFileDialog.getOpenFileName = staticmethod(lambda *_args, **_kwargs: (str(sheet), ""))
rujukan.tab_agency.btn_import.click()
settle()
window.grab().save(str(OUT / "district_hasil_instansi.png"))
print("screenshots in", OUT)
