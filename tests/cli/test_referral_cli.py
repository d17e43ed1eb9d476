"""`referral list`, `slip` and `receipt`: JSON shapes, the first slip sends the referral, drafts are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.services.visits import record_visit
from tests.cli._helpers import scalar
from tests.services.referral_rows import desk, referral_in


@pytest.fixture
def made(site_db: Any) -> dict[str, str]:
    d = desk(site_db)
    ids = {status: referral_in(d, status) for status in
           (ReferralStatus.DRAFT, ReferralStatus.DISETUJUI, ReferralStatus.SELESAI)}
    return {status.value: scalar(site_db.path, "SELECT letter_number FROM referral WHERE id = ?", (rid,))
            for status, rid in ids.items()}


def test_referral_list_gives_number_status_service_and_created(run_cli, site_db: Any, made: dict[str, str]) -> None:
    result = run_cli("referral", "list", "--db", site_db.path, "--json")
    assert result.rc == 0, result.err
    listed = result.json()["referrals"]
    assert {r["number"]: r["status"] for r in listed} == {number: status for status, number in made.items()}
    for row in listed:
        assert row["service"] == "Reaktivasi Kepesertaan PBI-JK" and row["created"]
    only = run_cli("referral", "list", "--status", "disetujui", "--db", site_db.path, "--json").json()["referrals"]
    assert [r["number"] for r in only] == [made["DISETUJUI"]]


def test_an_unknown_status_is_a_clear_refusal(run_cli, site_db: Any) -> None:
    result = run_cli("referral", "list", "--status", "HILANG", "--db", site_db.path)
    assert result.rc == 3
    assert "tidak dikenal" in result.err and "TIDAK_ADA_KABAR" in result.err


def test_slip_writes_the_pdf_and_sends_an_approved_referral(run_cli, site_db: Any, made: dict[str, str],
                                                           tmp_path: Path) -> None:
    out = tmp_path / "surat.pdf"
    result = run_cli("slip", made["DISETUJUI"], "--out", out, "--paper", "a5", "--db", site_db.path, "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["status"] == "DIKIRIM" and payload["copy"] == 1 and payload["paper"] == "a5"
    page = pdfium.PdfDocument(out)[0]
    width_mm, height_mm = (v * 25.4 / 72 for v in page.get_size())
    assert round(width_mm) == 148 and round(height_mm) == 210
    assert scalar(site_db.path, "SELECT status FROM referral WHERE letter_number = ?", (made["DISETUJUI"],)) == \
        "DIKIRIM"


def test_slip_refuses_a_draft_and_writes_nothing(run_cli, site_db: Any, made: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "draf.pdf"
    result = run_cli("slip", made["DRAFT"], "--out", out, "--db", site_db.path)
    assert result.rc == 3
    assert "belum disetujui" in result.err
    assert not out.exists()


def test_receipt_writes_the_visit_receipt(run_cli, site_db: Any, tmp_path: Path) -> None:
    d = desk(site_db)
    head = d.household.members[0]
    visit = record_visit(d.bo, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                          applicant_relation="DIRI_SENDIRI", purpose="Menanyakan PBI",
                                          notice_given=True))
    out = tmp_path / "bukti.pdf"
    result = run_cli("receipt", visit.registration_number, "--out", out, "--db", site_db.path, "--json")
    assert result.rc == 0, result.err
    text = pdfium.PdfDocument(out)[0].get_textpage().get_text_range()
    assert visit.registration_number in text and "Menanyakan PBI" in text
    missing = run_cli("receipt", "REG-0000", "--out", tmp_path / "x.pdf", "--db", site_db.path)
    assert missing.rc == 3 and "Tidak ada kunjungan" in missing.err
