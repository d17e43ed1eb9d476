"""The bulk check: every registered household against the extract, written as a workbook with its sheets "Tidak di
DTSEN", "Data berbeda", "Desil 1-5 tanpa bansos" and "Ringkasan"; masked NIKs unless an authorised officer asks;
recorded as a disclosure; nothing written when cancelled."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.casework import ParticipationDraft
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import Cancelled, InputRejected, PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord, MemberDraft
from puskesos_desk.services.casework import record_participation
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.extract_check import bulk_check
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.site import initialise_site
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.services.test_casework import as_role

SIXTEEN_DIGITS = re.compile(r"\d{16}")
AS_OF = date(2026, 10, 1)


@pytest.fixture
def ctx(site_db: Any) -> ServiceContext:
    return replace(site_db.cli, clock=lambda: datetime(2026, 11, 23, 3, 0, tzinfo=UTC))


def single(name: str, nik: str, born: date, kk: str, sex: str = "L") -> Any:
    return family(members=(MemberDraft(name=name, relation="KEPALA_KELUARGA", sex=sex, birth_date=born, nik=nik),),
                  kk_number=kk, address=f"Dusun {name.split()[0]}")


@pytest.fixture
def village(ctx: ServiceContext) -> dict[str, HouseholdRecord]:
    """Four households: Slamet's (the wife's birth date differs, the child is missing, a grandfather is only in the
    extract; desil 2, nothing recorded), Painem (desil 4, PKH recorded), Karto (desil 9) and Sarmi (not in it)."""
    households = {
        "slamet": register_household(ctx, family()).household,
        "painem": register_household(ctx, single("Painem", "3322015203550009", date(1955, 3, 12),
                                                  "3322011203550002", sex="P")).household,
        "karto": register_household(ctx, single("Karto Wiyono", "3322010106600004", date(1960, 6, 1),
                                                 "3322010106600001")).household,
        "sarmi": register_household(ctx, single("Sarmi", "3322014101700001", date(1970, 1, 1),
                                                 "3322010202020002", sex="P")).household,
    }
    record_participation(ctx, ParticipationDraft(household_id=households["painem"].id, program_code="PKH",
                                                 source="KARTU_DILIHAT"))
    rows = [
        {"nik": HEAD_NIK, "name": "SLAMET RIYADI", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1980, 5, 15), "sex": "L", "relation": "1", "programs": {"PKH": False}},
        {"nik": WIFE_NIK, "name": "SITI AMINAH", "kk_number": KK_NUMBER, "family_id": "F-1", "desil_national": 2,
         "birth_date": date(1985, 7, 2), "sex": "P", "relation": "2"},
        {"nik": "3322010101460001", "name": "KARSO", "kk_number": KK_NUMBER, "family_id": "F-1",
         "desil_national": 2, "birth_date": date(1946, 1, 1), "sex": "L", "relation": "6"},
        {"nik": "3322015203550009", "name": "PAINEM", "kk_number": "3322011203550002", "family_id": "F-2",
         "desil_national": 4, "birth_date": date(1955, 3, 12), "sex": "P", "relation": "1"},
        {"nik": "3322010106600004", "name": "KARTO WIYONO", "kk_number": "3322010106600001", "family_id": "F-3",
         "desil_national": 9, "birth_date": date(1960, 6, 1), "sex": "L", "relation": "1"},
    ]
    with ctx.db.transaction(ctx.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=AS_OF, file_name="DTSEN_332201.xlsx", rows=rows)
    return households


def sheet_rows(path: Path, name: str) -> list[dict[str, Any]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        values = list(workbook[name].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def all_text(path: Path) -> str:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return "\n".join(str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    finally:
        workbook.close()


def test_bulk_check_workbook(ctx: ServiceContext, village: dict[str, HouseholdRecord], tmp_path: Path) -> None:
    out = tmp_path / "cek-dtsen.xlsx"
    outcome = bulk_check(ctx, out)
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook.sheetnames == ["Petunjuk", "Ringkasan", "Tidak di DTSEN", "Data berbeda",
                                   "Desil 1-5 tanpa bansos"]
    workbook.close()

    missing = sheet_rows(out, "Tidak di DTSEN")
    assert [(r["No. Keluarga"], r["Nama"], r["NIK"], r["Seluruh keluarga tidak ada"]) for r in missing] == [
        (village["slamet"].number, "DWI LESTARI", "3322••••••••0001", "TIDAK"),
        (village["sarmi"].number, "SARMI", "3322••••••••0001", "YA"),
    ]
    assert missing[1]["No. KK"] == "3322••••••••0002"
    assert missing[1]["Tanggal lahir"] == datetime(1970, 1, 1)
    assert "usulan baru" in missing[1]["Saran tindak lanjut"]

    different = sheet_rows(out, "Data berbeda")
    assert [(r["Nama di Puskesos"], r["Isian"], r["Di Puskesos"], r["Di data DTSEN/DTKS"], r["Dicocokkan lewat"])
            for r in different] == [
        ("SITI AMINAH", "Tanggal lahir", "20-07-1985", "02-07-1985", "NIK"),
        (None, "Anggota hanya di data DTSEN/DTKS", "tidak tercatat di Puskesos", "KARSO 3322••••••••0001",
         "No. KK / ID keluarga"),
    ]

    low = sheet_rows(out, "Desil 1-5 tanpa bansos")  # Painem has desil 4 but PKH is recorded; Karto is desil 9
    assert [(r["No. Keluarga"], r["Kepala keluarga"], r["Desil"], r["Program di data DTSEN"], r["Anggota"])
            for r in low] == [(village["slamet"].number, "SLAMET RIYADI", 2, "tidak ada", 3)]

    summary = {r["Keterangan"]: r["Nilai"] for r in sheet_rows(out, "Ringkasan")}
    assert summary["Data yang dipakai"] == "DTSEN"
    assert summary["Keadaan data per tanggal"] == "01-10-2026"
    assert summary["Umur data"] == "1 bulan"
    assert summary["Keluarga terdaftar di Puskesos yang diperiksa"] == "4"
    assert summary["NIK dan No. KK"] == "disamarkan"

    assert not SIXTEEN_DIGITS.search(all_text(out))  # masked everywhere, including the differences
    assert (outcome.households, outcome.persons, outcome.not_in_extract, outcome.households_not_in_extract,
            outcome.differences, outcome.low_desil_without_aid, outcome.masked) == (4, 6, 2, 1, 2, 1, True)
    assert len(outcome.sha256) == 64


def test_the_file_is_recorded_as_a_disclosure(site_db: Any, ctx: ServiceContext,
                                              village: dict[str, HouseholdRecord], tmp_path: Path) -> None:
    outcome = bulk_check(ctx, tmp_path / "cek.xlsx", purpose="Bahan musdes Desember")
    with sqlite3.connect(site_db.path) as conn:
        records = conn.execute("SELECT kind, file_name, sha256, purpose, masked FROM export_record").fetchall()
        events = conn.execute("SELECT entity, purpose FROM audit_event WHERE action = 'EXPORT'").fetchall()
    assert records == [("CEK_DTSEN", "cek.xlsx", outcome.sha256, "Bahan musdes Desember", 1)]
    assert events == [("register_batch", "Bahan musdes Desember")]


def test_unmasked_only_for_officers_allowed_to_see_numbers(ctx: ServiceContext,
                                                           village: dict[str, HouseholdRecord],
                                                           tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        bulk_check(as_role(ctx, Role.OPERATOR_SIKS), tmp_path / "a.xlsx", unmask=True)
    with pytest.raises(PermissionDenied):
        bulk_check(as_role(ctx, Role.PETUGAS_BO), tmp_path / "b.xlsx")
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "b.xlsx").exists()
    operator = bulk_check(as_role(ctx, Role.OPERATOR_SIKS), tmp_path / "c.xlsx")
    assert operator.masked
    out = tmp_path / "d.xlsx"
    bulk_check(as_role(ctx, Role.KOORDINATOR), out, unmask=True)
    missing = sheet_rows(out, "Tidak di DTSEN")
    assert [r["NIK"] for r in missing] == [CHILD_NIK, "3322014101700001"]
    assert {r["Nilai"] for r in sheet_rows(out, "Ringkasan")} >= {"ditulis lengkap (data pribadi)"}


class _CancelAtOnce(ProgressSink):
    def cancelled(self) -> bool:
        return True


def test_cancelled_or_without_extract_writes_nothing(ctx: ServiceContext, tmp_path: Path,
                                                     site_db: Any) -> None:
    register_household(ctx, family())
    with pytest.raises(InputRejected, match="Belum ada data DTSEN/DTKS"):
        bulk_check(ctx, tmp_path / "none.xlsx")
    with ctx.db.transaction(ctx.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=AS_OF, file_name="x.xlsx",
                           rows=[{"nik": HEAD_NIK, "name": "SLAMET RIYADI", "desil_national": 1}])
    with pytest.raises(Cancelled):
        bulk_check(ctx, tmp_path / "stopped.xlsx", sink=_CancelAtOnce())
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == []
    with sqlite3.connect(site_db.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM export_record").fetchone() == (0,)


def test_the_demo_extract_differs_from_the_demo_households_on_purpose(seeded_db: Any, tmp_path: Path) -> None:
    """A member missing from the extract, a birth date typed differently, an old spelling, desil 1–5 families
    without any recorded aid, and families that are only in the extract."""
    cli = seeded_db.cli
    initialise_site(cli, code="33.22.01.2007", name="Puskesos Demo", role=SiteRole.DESA, admin_username="admin",
                    admin_password="admin-rahasia-12345")
    ctx = ServiceContext(seeded_db.db, Actor.cli("pytest", site_code="33.22.01.2007", site_role=SiteRole.DESA))
    generate_demo(ctx, households=40, seed=11)
    outcome = bulk_check(ctx, tmp_path / "demo.xlsx")
    fields = {r["Isian"] for r in sheet_rows(tmp_path / "demo.xlsx", "Data berbeda")}
    assert {"Tanggal lahir", "Ejaan nama"} <= fields
    assert any(r["Seluruh keluarga tidak ada"] == "TIDAK" for r in sheet_rows(tmp_path / "demo.xlsx",
                                                                             "Tidak di DTSEN"))
    assert outcome.low_desil_without_aid >= 1
    with sqlite3.connect(seeded_db.path) as conn:
        only_in_extract = conn.execute("SELECT COUNT(DISTINCT family_id) FROM register_record WHERE nik NOT IN "
                                       "(SELECT nik FROM person WHERE nik IS NOT NULL)").fetchone()[0]
    assert only_in_extract >= 10
