"""The breach-notice helper (UU PDP Ps. 46): documents printed in a period list exactly the residents they named,
a lost database lists every living resident, the deadline is discovery + 72 hours, and the BREACH_NOTICE event
carries the counts without a single name. Runs on both backends."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pypdfium2 as pdfium
import pytest
from conftest import FO_PASSWORD
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.household import Person
from puskesos_desk.domain.breach import BreachReport, DataCategory, ExposureKind
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.services import breach, printouts
from puskesos_desk.services.auth import sign_in
from tests.services.referral_rows import Desk, desk, referral_in

DISCOVERED = datetime(2026, 3, 9, 2, 30, tzinfo=UTC)  # 09.30 WIB


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def report(kind: ExposureKind, start: datetime, end: datetime, **changes: Any) -> BreachReport:
    base = BreachReport(discovered_at=max(end, DISCOVERED), period_start=start, period_end=end, kind=kind,
                        categories=(DataCategory.IDENTITAS, DataCategory.ALAMAT, DataCategory.DATA_ANAK),
                        how="Map berisi surat rujukan tertinggal di angkot", actions_taken="Melapor ke polsek")
    return replace(base, **changes)


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


def test_documents_printed_in_the_period_list_exactly_the_residents_they_named(d: Desk) -> None:
    head, wife, _child = d.household.members
    printouts.register_note_pdf(d.koordinator, wife.id, purpose="Sebelum periode")
    start = datetime.now(UTC)
    referral_in(d, ReferralStatus.DIKIRIM)  # the slip names the head
    end = datetime.now(UTC)
    printouts.register_note_pdf(d.koordinator, wife.id, purpose="Sesudah periode")
    findings = breach.affected_persons(d.koordinator, report(ExposureKind.DOKUMEN_PERIODE, start, end))
    assert [p.person_id for p in findings.persons] == [head.id]
    (person,) = findings.persons
    assert person.nik_masked == "3322••••••••0003" and person.village == "Sumogawe"
    assert any(text.startswith("Dokumen: Surat rujukan 001/RJK/") for text in person.exposed)
    assert "Identitas (NIK, No. KK)" in person.exposed and "Data anak" not in person.exposed
    assert findings.unresolved_documents == 0


def test_a_lost_database_lists_every_living_resident(d: Desk) -> None:
    head, wife, child = d.household.members
    with d.koordinator.db.transaction(d.koordinator.actor) as session:
        session.get(Person, wife.id).residence_status = "MENINGGAL"  # type: ignore[union-attr]
    now = datetime.now(UTC)
    findings = breach.affected_persons(d.koordinator, report(ExposureKind.SELURUH_BASIS_DATA, now - timedelta(days=1),
                                                             now))
    assert sorted(p.person_id for p in findings.persons) == sorted([head.id, child.id])
    by_id = {p.person_id: p for p in findings.persons}
    assert "Data anak" in by_id[child.id].exposed and "Data anak" not in by_id[head.id].exposed
    assert findings.households == 1


def test_the_files_are_written_with_the_72_hour_deadline_and_a_nameless_event(d: Desk, tmp_path: Path) -> None:
    start = datetime.now(UTC)
    referral_in(d, ReferralStatus.DIKIRIM)
    end = datetime.now(UTC)
    discovered = end + timedelta(hours=5)
    outcome = breach.prepare_breach_notice(
        d.koordinator, report(ExposureKind.DOKUMEN_PERIODE, start, end, discovered_at=discovered),
        list_path=tmp_path / "terdampak.xlsx", notice_path=tmp_path / "pemberitahuan.pdf")
    assert outcome.deadline == discovered + timedelta(hours=72)
    text = pdf_text(outcome.notice_path.read_bytes())
    assert "BATAS WAKTU PEMBERITAHUAN" in text and "Pasal 46" in text.replace("\r\n", " ").replace("\n", " ")
    local_deadline = outcome.deadline.astimezone()
    assert f"pukul {local_deadline.hour:02d}.{local_deadline.minute:02d}" in text
    sheet = openpyxl.load_workbook(outcome.list_path, read_only=True)["Warga terdampak"]
    listed = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert [(row[1], row[2]) for row in listed] == [("SLAMET RIYADI", "3322••••••••0003")]
    with d.koordinator.db.reading() as session:
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "BREACH_NOTICE")).all()
        recorded = json.dumps([event.changes, event.recipient, event.purpose, event.reason], ensure_ascii=False)
    assert event.changes["affected"] == 1 and event.changes["categories"] == ["IDENTITAS", "ALAMAT", "DATA_ANAK"]
    assert event.changes["deadline"] == outcome.deadline.isoformat()
    for member in d.household.members:
        assert member.name.upper() not in recorded.upper()
    assert "3322011505800003" not in recorded
    assert not list(tmp_path.glob("*.part"))


def test_bad_input_and_a_role_without_breach_response_are_refused(site_db: Any, d: Desk, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with pytest.raises(InputRejected, match="paket"):
        breach.affected_persons(d.koordinator, report(ExposureKind.PAKET_PERTUKARAN, now, now))
    with pytest.raises(InputRejected, match="Akhir periode"):
        breach.affected_persons(d.koordinator, report(ExposureKind.SELURUH_BASIS_DATA, now, now - timedelta(1)))
    fo = replace(d.koordinator, actor=sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        breach.prepare_breach_notice(fo, report(ExposureKind.SELURUH_BASIS_DATA, now, now),
                                     list_path=tmp_path / "a.xlsx", notice_path=tmp_path / "b.pdf")
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "b.pdf").exists()
