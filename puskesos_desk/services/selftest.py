"""`self-test`: can this machine run Puskesos Desk? Each check reports ok/detail; all must pass."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from puskesos_desk.data.migrate import current_revision, head_revision
from puskesos_desk.data.repositories import regions
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.bootstrap import open_database

EXPECTED_VILLAGES = 83_762


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelfTestReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def _run(report: SelfTestReport, name: str, check: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail, ok = check(), True
    except PuskesosError as exc:
        detail, ok = exc.message, False
    except RuntimeError as exc:  # our own findings, already in Bahasa
        detail, ok = str(exc), False
    except Exception as exc:  # a self-test reports every failure instead of stopping at the first
        detail, ok = f"{type(exc).__name__}: {exc}", False
    report.checks.append(Check(name, ok, detail, round(time.perf_counter() - started, 3)))


def self_command() -> list[str]:
    """How to start this application again in a child process (source, wheel or frozen bundle)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "puskesos_desk"]


def run_self_test(db_target: str | None) -> SelfTestReport:
    report = SelfTestReport()
    opened: dict[str, Any] = {}

    def database() -> str:
        result = open_database(db_target)
        opened["db"] = result.db
        revision = current_revision(result.db)
        if revision != head_revision():
            raise RuntimeError(f"schema at {revision}, expected {head_revision()}")
        return f"{result.db.display_location} (skema {revision})"

    def reference() -> str:
        db = opened.get("db")
        if db is None:
            raise RuntimeError("basis data tidak terbuka")
        with db.reading() as session:
            levels = regions.count_by_level(session)
        if levels.get(4) != EXPECTED_VILLAGES:
            raise RuntimeError(f"{levels.get(4, 0)} desa/kelurahan, diharapkan {EXPECTED_VILLAGES}")
        return f"{levels.get(1, 0)} provinsi, {levels.get(2, 0)} kab/kota, {levels[4]} desa/kelurahan"

    def qt() -> str:
        env = dict(os.environ)
        if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        child = subprocess.run([*self_command(), "_qt-check"], capture_output=True, text=True, timeout=120, env=env,
                               check=False)
        lines = child.stdout.strip().splitlines()
        if child.returncode != 0 or not lines:
            raise RuntimeError(f"Qt gagal dimuat (kode {child.returncode}): {child.stderr.strip()[-400:]}")
        result = json.loads(lines[-1])
        if not result.get("ok"):
            raise RuntimeError(str(result.get("detail")))
        return f"platform {result['platform']}, Qt {result['qt_version']}"

    def pdf() -> str:
        # A real slip through the printing layer: proves the bundled fonts, reportlab and segno all load here.
        from puskesos_desk import printing
        from puskesos_desk.domain import documents as doc
        from puskesos_desk.domain.referrals import RegisterKnowledge, RegisterSnapshot

        sample = doc.SlipDocument(
            letterhead=doc.Letterhead("PUSKESOS UJI", ("Desa Uji",)), number="001/RJK/UJI/I/2026",
            letter_date=date(2026, 1, 5), recipient=doc.Recipient("Dinas Sosial", "Layanan uji", ""),
            resident=doc.ResidentIdentity("Ñoman Śląsk", "3322••••••••0003", "-", "-", None, "-", "-"),
            register=RegisterSnapshot(RegisterKnowledge.TIDAK_DIKETAHUI), problem_summary="Uji cetak",
            requested_service="Uji", documents=(), officer_name="Petugas", officer_title="Petugas",
            signer_name=None, signer_title="Koordinator Puskesos", token="A" * 150, response_days=5,
        )
        data = printing.render_slip(sample, doc.Paper.A5)
        if not data.startswith(b"%PDF") or b"DejaVu" not in data:
            raise RuntimeError("PDF tidak terbentuk atau huruf bawaan tidak termuat")
        return f"surat rujukan A5 dengan huruf bawaan, {len(data)} byte"

    def excel() -> str:
        import openpyxl
        from python_calamine import CalamineWorkbook

        buffer = io.BytesIO()
        workbook = openpyxl.Workbook()
        workbook.active.append(["NIK", "NAMA"])
        workbook.active.append(["3322011505800003", "UJI"])
        workbook.save(buffer)
        rows = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue())).get_sheet_by_index(0).to_python()
        if rows[1][0] != "3322011505800003":
            raise RuntimeError("NIK tidak terbaca kembali sebagai teks")
        return "openpyxl tulis, python-calamine baca"

    _run(report, "database", database)
    _run(report, "reference_data", reference)
    _run(report, "qt_platform", qt)
    _run(report, "pdf", pdf)
    _run(report, "excel", excel)
    if "db" in opened:
        opened["db"].dispose()
    return report
