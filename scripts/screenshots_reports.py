"""Renders of the reports from demo data made through the services, offscreen: the Laporan page after a save, page 1
of each kind's PDF (F4), and each kind's workbook as LibreOffice Calc prints it (the first sheet, the cover, and
the first data sheet).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_reports.py [out_dir]

Writes laporan_page.png, report_<kind>_pdf.png, report_<kind>_xlsx.png and report_<kind>_xlsx_data.png into
docs/screenshots (or out_dir). LibreOffice (`soffice`) must be installed for the workbook renders.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="report-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

import openpyxl  # noqa: E402
import pypdfium2  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shots_site import signed_in  # noqa: E402  (scripts/ is on sys.path when run as a script)

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.domain.documents import Paper  # noqa: E402
from puskesos_desk.domain.enums import SiteRole  # noqa: E402
from puskesos_desk.domain.reports import ReportFormat, ReportKind, ReportMonth, ReportRequest  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.context import ServiceContext, local_zone  # noqa: E402
from puskesos_desk.services.demo import generate_demo  # noqa: E402
from puskesos_desk.services.reports import build_report, render_pdf  # noqa: E402
from puskesos_desk.services.site import get_site_info, initialise_site  # noqa: E402
from puskesos_desk.spreadsheet.report_workbook import write_report_workbook  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import AREA_LAPORAN, MainWindow  # noqa: E402
from puskesos_desk.ui.ops import pending_ops, wait_for_ops  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
PDF_SCALE = 1.6  # 115 dpi: small text stays readable in the PNG
MAX_PIXELS = 2400  # a long sheet (the BNBA register) is drawn smaller rather than as a 5 MB picture
MONTH = ReportMonth.of(datetime.now(local_zone()).date()).previous()

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
coordinator = ServiceContext(db, signed.actor)


def settle(rounds: int = 80) -> None:
    for _ in range(rounds):
        wait_for_ops(30_000)
        app.processEvents()
        if pending_ops() == 0:
            for _ in range(10):  # layout requests post further layout requests
                app.processEvents()
            return


def pdf_page_png(pdf: bytes | Path, target: Path, index: int = 0) -> None:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[index]
        scale = min(PDF_SCALE, MAX_PIXELS / max(page.get_size()))
        page.render(scale=scale).to_pil().save(target, optimize=True)
    finally:
        document.close()


def libreoffice_pages(workbook: Path) -> Path:
    """The workbook as LibreOffice Calc prints it, one page per sheet (the no-GUI LibreOffice has no PNG export, so
    it goes through PDF). Its own profile folder keeps it apart from any LibreOffice already running."""
    profile = (work / "lo-profile").as_uri()
    pdf_filter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", pdf_filter,
                    "--outdir", str(work / "calc"), str(workbook)], check=True, capture_output=True, timeout=180)
    return work / "calc" / (workbook.stem + ".pdf")


OUT.mkdir(parents=True, exist_ok=True)
for kind in ReportKind:
    day = coordinator.today() if kind is ReportKind.HARIAN else None
    request = ReportRequest(kind=kind, month=ReportMonth.of(day) if day else MONTH, day=day)
    document = build_report(coordinator, request)
    # Musdes are held now and then: show the latest month (this one included) that had one.
    for month in (MONTH.shifted(1), *(MONTH.shifted(-back) for back in range(1, 12))):
        if not document.is_empty or kind not in (ReportKind.USULAN, ReportKind.MUSDES):
            break
        request = ReportRequest(kind=kind, month=month)
        document = build_report(coordinator, request)
    pdf_page_png(render_pdf(document, Paper.F4), OUT / f"report_{kind.value}_pdf.png")
    workbook = work / f"report_{kind.value}.xlsx"
    write_report_workbook(document, workbook)
    sheets = libreoffice_pages(workbook)
    pdf_page_png(sheets, OUT / f"report_{kind.value}_xlsx.png")
    if len(openpyxl.load_workbook(workbook, read_only=True).sheetnames) > 1:
        pdf_page_png(sheets, OUT / f"report_{kind.value}_xlsx_data.png", index=1)
    print(kind.value, "done")

window = MainWindow(db, signed, get_site_info(db))
window.resize(QSize(1366, 768))
window.show()
window.show_area(AREA_LAPORAN)
page = window.page_laporan
page.form.cmb_month.setCurrentIndex(page.form.cmb_month.findData(MONTH.key))
page.choose_save_path = lambda suggested, fmt: str(work / suggested.name)  # type: ignore[method-assign]
page.save(ReportFormat.XLSX)
settle()
if page.result is None:
    raise SystemExit("the recap was not saved: " + page.lbl_status.text())
window.grab().save(str(OUT / "laporan_page.png"))
print(OUT / "laporan_page.png")
