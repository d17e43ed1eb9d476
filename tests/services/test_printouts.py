"""The desk's other printouts: receipt, DTSEN status note and worklist — what they show, and that a preview
records nothing while an issued copy is a disclosure."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.casework import ComplaintDraft
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.services import printouts
from puskesos_desk.services.casework import record_complaint
from puskesos_desk.services.visits import record_visit
from tests.services.factories import HEAD_NIK, KK_NUMBER
from tests.services.referral_rows import Desk, desk, referral_in
from tests.services.test_slips import digits_only_runs, pdf_text


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


def flat(text: str) -> str:
    """Text as read, with table-cell line breaks undone (PDFium reports a hyphen at a line end as U+FFFE)."""
    return text.replace("\ufffe\r\n", "-").replace("\ufffe", "-").replace("\r\n", "")


def prints(site_db: Any) -> list[tuple[str, str]]:
    with sqlite3.connect(site_db.path) as con:
        return con.execute("SELECT entity, recipient FROM audit_event WHERE action = 'PRINT'").fetchall()


def test_the_receipt_lists_the_visit_and_its_cases_and_only_issuing_is_recorded(site_db: Any, d: Desk) -> None:
    head = d.household.members[0]
    visit = record_visit(d.bo, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                          applicant_relation="DIRI_SENDIRI", purpose="PBI nonaktif",
                                          notice_given=True))
    complaint = record_complaint(d.bo, ComplaintDraft(household_id=d.household.id, kind="PENGADUAN",
                                                      category_code="PBI_NONAKTIF", description="Kartu KIS mati",
                                                      person_id=head.id, visit_id=visit.id))
    preview = printouts.receipt_pdf(d.bo, visit.registration_number, channel=None)
    assert prints(site_db) == []
    text = pdf_text(preview)
    for expected in (visit.registration_number, "PBI nonaktif", complaint.number, "3322••••••••0003"):
        assert expected in flat(text), expected
    assert not {HEAD_NIK, KK_NUMBER} & set(digits_only_runs(text))
    printouts.receipt_pdf(d.bo, visit.registration_number, paper=Paper.A5, channel=OutputChannel.CETAK)
    assert prints(site_db) == [("visit", "Warga (pemohon)")]


def test_the_register_note_says_what_the_extract_says_with_its_date(site_db: Any, d: Desk) -> None:
    with site_db.db.transaction(site_db.cli.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=date(2026, 1, 31), file_name="dtsen.xlsx",
                           rows=[{"nik": HEAD_NIK, "name": "SLAMET RIYADI", "desil_national": 4}])
    head, wife = d.household.members[0], d.household.members[1]
    text = pdf_text(printouts.register_note_pdf(d.bo, head.id, channel=OutputChannel.SIMPAN_PDF))
    assert "desil 4" in text and "31-01-2026" in text and not {HEAD_NIK, KK_NUMBER} & set(digits_only_runs(text))
    other = pdf_text(printouts.register_note_pdf(d.bo, wife.id, channel=None))
    assert "Tidak ditemukan dalam ekstrak DTSEN" in other
    assert prints(site_db) == [("person", "Warga yang bersangkutan")]


def test_the_worklist_includes_referrals_waiting_past_their_response_date(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DIKIRIM)  # due 5 March
    late = d.on(date(2026, 3, 10))
    text = pdf_text(printouts.task_list_pdf(late.koordinator, channel=None))
    with sqlite3.connect(site_db.path) as con:
        number = con.execute("SELECT letter_number FROM referral WHERE id = ?", (referral_id,)).fetchone()[0]
    assert number in flat(text) and "Rujukan" in text and "Terlambat" in text
    assert "SLAMET RIYADI" in text and "(00001)" in flat(text)  # the village's code is not repeated on each line
