"""The DTSEN proposal list for the SIKS-NG operator (full numbers, one row per member, household fields repeated)
and the musdes attendance/decision sheet (blank decisions, masked NIK), from proposals made through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from puskesos_desk.domain.casework import ProposalDraft
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.proposals import advance_proposal, create_proposal
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.report_proposals import build_musdes, build_usulan
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.services.test_casework import as_role, on_day
from tests.services.test_proposals import HOUSING, criteria_codes

MUSDES_DAY = date(2026, 8, 26)
MINUTES = "140/12/VIII/2026"
AUGUST = ReportMonth(2026, 8)
USULAN_HEADERS = (
    "NO", "NOMOR USULAN", "JENIS USULAN", "NO KK", "NIK", "NAMA", "HUBUNGAN DENGAN KK", "JENIS KELAMIN",
    "TEMPAT LAHIR", "TANGGAL LAHIR", "PEKERJAAN", "ALAMAT", "RT", "RW", "KODE DESA", "DESA/KELURAHAN",
    "USULAN PROGRAM", "TANGGAL MUSDES", "NOMOR BA MUSDES", "STATUS",
)
HOUSEHOLD_COLUMNS = ("NOMOR USULAN", "JENIS USULAN", "NO KK", "ALAMAT", "RT", "RW", "KODE DESA", "DESA/KELURAHAN",
                     "USULAN PROGRAM", "TANGGAL MUSDES", "NOMOR BA MUSDES", "STATUS")
OTHER_HEAD_NIK = "3322011505800011"  # another man born 15-05-1980 in Kec. Getasan


def proposal_for(household: HouseholdRecord) -> ProposalDraft:
    answers = tuple((code, code == "KK_TIDAK_BEKERJA") for code in criteria_codes())
    return ProposalDraft(household_id=household.id, kind="BARU", housing=HOUSING, criteria=answers,
                         requested_programs=("PKH", "PBI"))


@pytest.fixture
def desk(site_db: Any) -> ServiceContext:
    return on_day(site_db.cli, date(2026, 8, 14))


@pytest.fixture
def proposals(desk: ServiceContext) -> dict[str, Any]:
    """Slamet's family: proposed, decided at the musdes of 26 August, handed to the operator. Joko's family:
    ready for the next musdes (no date yet)."""
    slamet = register_household(desk, family()).household
    draft = family(kk_number="3322010101150015", address="Dusun Ngablak", rt="3", rw="1")
    joko = register_household(desk, replace(draft, members=(
        replace(draft.members[0], name="Joko Susilo", nik=OTHER_HEAD_NIK),))).household
    first = create_proposal(desk, proposal_for(slamet))
    ready = advance_proposal(desk, proposal_id=first.id, expected_version=first.row_version, to_status="SIAP_MUSDES")
    sent = advance_proposal(on_day(desk, date(2026, 8, 28)), proposal_id=first.id, expected_version=ready.row_version,
                            to_status="DIAJUKAN", musdes_date=MUSDES_DAY, musdes_minutes_number=MINUTES)
    second = create_proposal(desk, proposal_for(joko))
    waiting = advance_proposal(desk, proposal_id=second.id, expected_version=second.row_version,
                               to_status="SIAP_MUSDES")
    return {"sent": sent, "waiting": waiting, "slamet": slamet, "joko": joko}


def test_usulan_lists_every_member_with_the_household_repeated_and_full_numbers(desk: ServiceContext,
                                                                                proposals: dict[str, Any]) -> None:
    document = build_usulan(desk, ReportRequest(ReportKind.USULAN, AUGUST), ProgressSink())
    members = document.sections[0].tables[0]
    assert tuple(column.title for column in members.columns) == USULAN_HEADERS
    assert len(members.rows) == 3  # only the proposal whose musdes fell in August; one row per member
    by_title = [dict(zip(USULAN_HEADERS, row, strict=True)) for row in members.rows]
    assert [row["NIK"] for row in by_title] == [HEAD_NIK, WIFE_NIK, CHILD_NIK]  # full: the operator types them
    assert [row["HUBUNGAN DENGAN KK"] for row in by_title] == ["Kepala Keluarga", "Istri", "Anak"]
    assert [row["JENIS KELAMIN"] for row in by_title] == ["Laki-laki", "Perempuan", "Perempuan"]
    assert by_title[0]["TEMPAT LAHIR"] == "KAB. SEMARANG" and by_title[0]["TANGGAL LAHIR"] == date(1980, 5, 15)
    for row in by_title:
        assert {title: row[title] for title in HOUSEHOLD_COLUMNS} == {
            "NOMOR USULAN": proposals["sent"].number, "JENIS USULAN": "Baru", "NO KK": KK_NUMBER,
            "ALAMAT": "Dusun Krajan", "RT": "001", "RW": "002", "KODE DESA": "33.22.01.2007",
            "DESA/KELURAHAN": "Sumogawe", "USULAN PROGRAM": "PKH, PBI-JK", "TANGGAL MUSDES": MUSDES_DAY,
            "NOMOR BA MUSDES": MINUTES, "STATUS": "Diajukan ke operator SIKS-NG",
        }
    assert [row["NO"] for row in by_title] == [1, 2, 3]
    families = document.sections[1].tables[0]
    assert [(row[1], row[3], row[4], row[11]) for row in families.rows] == [
        (proposals["sent"].number, KK_NUMBER, HEAD_NIK, 3)]
    assert document.sections[0].paragraphs == (
        f"Musdes/muskel yang dicakup: 26 Agustus 2026 (berita acara nomor {MINUTES}).",)
    assert not document.is_empty and all(section.landscape for section in document.sections)


def test_usulan_needs_the_right_to_prepare_proposals(desk: ServiceContext, proposals: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied, match="tidak berwenang membuat daftar usulan DTSEN"):
        build_usulan(as_role(desk, Role.PETUGAS_FO), ReportRequest(ReportKind.USULAN, AUGUST), ProgressSink())
    operator = build_usulan(as_role(desk, Role.OPERATOR_SIKS), ReportRequest(ReportKind.USULAN, AUGUST),
                            ProgressSink())
    assert len(operator.sections[0].tables[0].rows) == 3


def test_a_month_without_musdes_gives_an_empty_list(desk: ServiceContext, proposals: dict[str, Any]) -> None:
    document = build_usulan(desk, ReportRequest(ReportKind.USULAN, ReportMonth(2026, 11)), ProgressSink())
    assert document.is_empty and document.empty_text == "Tidak ada usulan DTSEN dengan musdes pada November 2026."
    assert all(not table.rows for section in document.sections for table in section.tables)


def test_musdes_sheet_has_blank_attendance_and_decisions_and_masks_the_nik(desk: ServiceContext,
                                                                          proposals: dict[str, Any]) -> None:
    document = build_musdes(as_role(desk, Role.PETUGAS_FO), ReportRequest(ReportKind.MUSDES, AUGUST),
                            ProgressSink())
    attendance = document.sections[0].tables[0]
    assert tuple(c.title for c in attendance.columns) == ("NO", "NAMA", "UNSUR / JABATAN", "TANDA TANGAN")
    assert attendance.rows == tuple((number, "", "", "") for number in range(1, 21))
    assert attendance.write_in  # tall ruled rows to write a name and sign in
    decisions = document.sections[1].tables[0]
    titles = tuple(c.title for c in decisions.columns)
    assert titles[-3:] == ("DISETUJUI", "TIDAK DISETUJUI", "CATATAN")
    # The one decided in August and the one still waiting for its musdes.
    assert [row[1] for row in decisions.rows] == [proposals["sent"].number, proposals["waiting"].number]
    assert [row[2] for row in decisions.rows] == ["SLAMET RIYADI", "JOKO SUSILO"]
    assert [row[3] for row in decisions.rows] == ["3322••••••••0003", "3322••••••••0011"]
    assert all(row[-3:] == ("", "", "") for row in decisions.rows)
    assert [row[titles.index("JUMLAH ANGGOTA")] for row in decisions.rows] == [3, 1]
    assert [s.role for s in document.signatures] == ["Kepala Desa/Lurah", "Pimpinan musyawarah", "Notulis"]
    flat = repr(document)
    assert HEAD_NIK not in flat and OTHER_HEAD_NIK not in flat and KK_NUMBER not in flat


def test_musdes_sheet_without_proposals_says_so(site_db: Any) -> None:
    document = build_musdes(site_db.cli, ReportRequest(ReportKind.MUSDES, AUGUST), ProgressSink())
    assert document.is_empty and document.sections[1].tables[0].rows == ()
    assert document.empty_text == "Tidak ada usulan DTSEN yang menunggu musdes atau dibahas pada Agustus 2026."
    assert len(document.sections[0].tables[0].rows) == 20
