"""`report --month YYYY-MM [--kind K] [--village KODE] [--day D] [--paper P] --out FILE [--json]` on a year of
demo data: every kind in both formats, the JSON fields, an empty month (exit 0, said plainly), and the refusals
(bad month, day, extension or village) with exit code 3."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from backends import DbLocation, clone, drop

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import ReportKind, ReportMonth
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.site import initialise_site
from tests.cli._helpers import scalar

SITE_CODE = "33.22.01.2007"


@pytest.fixture(scope="module")
def demo_template(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbLocation]:
    location = clone(seeded_location, tmp_path_factory.mktemp("report-cli"), "demo.db")
    db = Database(location.url)
    try:
        initialise_site(ServiceContext(db, Actor.cli("pytest")), code=SITE_CODE, name="Puskesos Desa Sumogawe",
                        role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Desa",
                        admin_password="admin-desa-rahasia-1", address="Jl. Raya Sumogawe No. 1")
        generate_demo(ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)),
                      households=40, seed=3)
    finally:
        db.dispose()
    yield location
    drop(location)


@pytest.fixture
def demo_db(demo_template: DbLocation, tmp_path: Path) -> Iterator[str]:
    """A fresh copy of the demo database, as the URL `--db` takes on either backend."""
    location = clone(demo_template, tmp_path, "demo.db")
    yield location.url
    drop(location)


def last_month() -> str:
    return ReportMonth.of(datetime.now(local_zone()).date()).previous().key


@pytest.mark.parametrize("kind", [kind.value for kind in ReportKind])
def test_every_kind_in_both_formats(run_cli, demo_db: str, tmp_path: Path, kind: str) -> None:
    for suffix in ("xlsx", "pdf"):
        target = tmp_path / f"{kind}.{suffix}"
        result = run_cli("report", "--month", last_month(), "--kind", kind, "--out", target, "--db", demo_db)
        assert result.rc == 0, result.err
        assert target.stat().st_size > 0
        assert str(target.resolve()) in result.out or str(target) in result.out
    assert openpyxl.load_workbook(tmp_path / f"{kind}.xlsx", read_only=True).sheetnames[0] == "Sampul"
    assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF")
    assert scalar(demo_db, "SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND entity = 'report'") == 2


def test_json_fields_and_the_default_kind(run_cli, demo_db: str, tmp_path: Path) -> None:
    target = tmp_path / "rekap.pdf"
    result = run_cli("report", "--month", last_month(), "--paper", "a4", "--out", target, "--db", demo_db,
                     "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True
    assert {key: payload[key] for key in ("format", "kind", "month", "village", "empty")} == {
        "format": "pdf", "kind": "recap", "month": last_month(), "village": "", "empty": False}
    assert Path(payload["path"]).resolve() == target.resolve()
    assert payload["sections"] >= 1 and payload["rows"] > 0


def test_the_daily_list_for_a_day(run_cli, demo_db: str, tmp_path: Path) -> None:
    target = tmp_path / "tugas.xlsx"
    result = run_cli("report", "--kind", "harian", "--day", "2026-11-02", "--out", target, "--db", demo_db,
                     "--json")
    assert result.rc == 0, result.err
    assert (result.json()["month"], result.json()["day"]) == ("2026-11", "2026-11-02")
    assert target.exists()


def test_an_empty_month_gives_a_report_and_exit_0(run_cli, demo_db: str, tmp_path: Path) -> None:
    target = tmp_path / "kosong.xlsx"
    result = run_cli("report", "--month", "2024-01", "--out", target, "--db", demo_db)
    assert result.rc == 0, result.err
    assert "Tidak ada data pada Januari 2024" in result.out
    assert target.exists()
    as_json = run_cli("report", "--month", "2024-01", "--kind", "bnba", "--out", tmp_path / "kosong.pdf",
                      "--db", demo_db, "--json").json()
    assert as_json["empty"] is True and as_json["rows"] == 0


@pytest.mark.parametrize(("arguments", "said"), [
    (("--month", "11-2026", "--out", "rekap.xlsx"), "2026-11"),
    (("--month", "2026-13", "--out", "rekap.xlsx"), "tidak valid"),
    (("--out", "rekap.xlsx"), "--month"),
    (("--month", "2026-10", "--out", "rekap.docx"), ".xlsx"),
    (("--month", "2026-10", "--village", "33.22.01.2008", "--out", "rekap.xlsx"), "desanya sendiri"),
    (("--kind", "harian", "--day", "23-11-2026", "--out", "tugas.pdf"), "2026-11-23"),
])
def test_refusals_exit_3(run_cli, demo_db: str, tmp_path: Path, arguments: tuple[str, ...], said: str) -> None:
    args = [str(tmp_path / a) if a.startswith(("rekap.", "tugas.")) else a for a in arguments]
    result = run_cli("report", *args, "--db", demo_db, "--json")
    assert result.rc == 3, result.err
    assert said in result.json()["error"]
    assert not any(tmp_path.glob("rekap.*")) and not any(tmp_path.glob("tugas.*"))


def test_an_unknown_kind_is_a_usage_error(run_cli, demo_db: str, tmp_path: Path) -> None:
    assert run_cli("report", "--month", "2026-10", "--kind", "semua", "--out", tmp_path / "x.xlsx",
                   "--db", demo_db).rc == 2
