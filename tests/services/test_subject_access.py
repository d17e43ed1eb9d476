"""Subject access (UU PDP Ps. 7): the dossier holds every kind of record made for one resident and nothing of
another, the copy (PDF or workbook) carries every section and is recorded as a SUBJECT_ACCESS event naming who
asked, and a role without HANDLE_DATA_REQUESTS is refused. Runs on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdfium2 as pdfium
import pytest
from conftest import FO_PASSWORD
from sqlalchemy import select

import tests.services.casework_rows as rows
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.domain.casework import ComplaintDraft, NeedDraft, ParticipationDraft
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.domain.subject_access import SECTIONS
from puskesos_desk.services import printouts, subject_access
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.casework import record_complaint, record_need, record_participation
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import create_referral
from puskesos_desk.services.visits import record_visit
from tests.services.factories import HEAD_NIK
from tests.services.referral_rows import Desk, desk, draft, referral_in


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with ctx.db.reading() as session:
        found = list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)))
        session.expunge_all()
        return found


def load_extract(ctx: ServiceContext, nik: str, name: str) -> None:
    with ctx.db.transaction(ctx.actor) as session:
        batch = RegisterBatch(id=new_uuid(), dataset="DTSEN", file_name="dtsen.xlsx", sha256="0" * 64,
                              as_of=date(2026, 1, 31), imported_at=datetime(2026, 2, 1, tzinfo=UTC), rows_imported=1,
                              status="AKTIF")
        session.add(batch)
        session.flush()
        session.add(RegisterRecord(batch_id=batch.id, dataset="DTSEN", nik=nik, name=name, name_key=name.lower(),
                                   family_id="F-77", desil_national=2, programs={"PKH": True}))


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


@pytest.fixture
def resident(d: Desk) -> str:
    """The head of the desk's household, with one record of every kind; his neighbour has records of her own."""
    ctx = d.koordinator
    home = d.household
    head, _wife, child = home.members
    visit = record_visit(ctx, VisitDraft(household_id=home.id, applicant_person_id=head.id,
                                         applicant_relation="DIRI_SENDIRI", purpose="PBI nonaktif",
                                         subject_person_ids=(head.id,), consent_purposes=("RUJUKAN_NON_PEMERINTAH",)))
    record_complaint(ctx, ComplaintDraft(household_id=home.id, visit_id=visit.id, person_id=head.id, kind="PENGADUAN",
                                         category_code="PBI_NONAKTIF", description="Kartu PBI saya nonaktif"))
    record_need(ctx, NeedDraft(household_id=home.id, visit_id=visit.id, person_id=head.id, domain_code="KESEHATAN",
                               description="Butuh pengobatan rutin"))
    record_participation(ctx, ParticipationDraft(household_id=home.id, person_id=head.id, program_code="PBI_JK",
                                                 source="KARTU_DILIHAT", card_number="0001234567890"))
    referral_in(d, ReferralStatus.DIKIRIM)  # printed: a PRINT disclosure of the head's data
    printouts.register_note_pdf(ctx, head.id, purpose="Untuk puskesmas")
    load_extract(ctx, HEAD_NIK, "SLAMET RIYADI")
    # Another family and the child: records that must stay out of the head's dossier.
    other = rows.household(rows.clocked(ctx, date(2026, 3, 2)), head_name="Marni Lestari")
    record_complaint(ctx, ComplaintDraft(household_id=other.id, person_id=other.members[0].id, kind="PENGADUAN",
                                         category_code="PBI_NONAKTIF", description="Keluhan tetangga"))
    record_need(ctx, NeedDraft(household_id=home.id, person_id=child.id, domain_code="PENDIDIKAN",
                               description="Seragam sekolah anak"))
    return head.id


def test_the_dossier_holds_every_kind_of_record_of_the_person_and_nothing_of_another(d: Desk,
                                                                                    resident: str) -> None:
    dossier = subject_access.person_dossier(d.koordinator, resident)
    counts = dossier.counts()
    for key in ("identitas", "keluarga", "kunjungan", "persetujuan", "keluhan", "kebutuhan", "rujukan",
                "kepesertaan", "data_dtsen", "pengungkapan"):
        assert counts[key] >= 1, key
    identity = dict(dossier.section("identitas").table.rows)  # type: ignore[arg-type]
    assert identity["NIK"] == HEAD_NIK  # the person's own data: in full
    assert [r[4] for r in dossier.section("keluhan").table.rows] == ["Kartu PBI saya nonaktif"]
    assert [r[4] for r in dossier.section("kebutuhan").table.rows] == ["Butuh pengobatan rutin"]
    # Notice (public service) and explicit consent, both given by the head himself.
    assert [r[1] for r in dossier.section("persetujuan").table.rows] == [
        "Ps. 20(2)(e) pelayanan publik", "Ps. 20(2)(a) persetujuan tegas"]
    disclosed = dossier.section("pengungkapan").table.rows
    assert {r[2].split(",")[0] for r in disclosed} == {"SURAT_RUJUKAN", "KETERANGAN_DTSEN"}
    assert any(r[3] == "Warga yang bersangkutan" for r in disclosed)
    text = repr(dossier)
    assert "Keluhan tetangga" not in text and "Seragam sekolah anak" not in text and "Marni" not in text


def test_the_pdf_copy_has_every_section_and_is_recorded_with_who_asked(d: Desk, resident: str) -> None:
    before = len(events(d.koordinator, "SUBJECT_ACCESS"))
    preview = subject_access.dossier_pdf(d.koordinator, resident, requested_by="Slamet Riyadi (yang bersangkutan)",
                                         channel=None)
    assert len(events(d.koordinator, "SUBJECT_ACCESS")) == before  # a preview is not a disclosure
    text = pdf_text(preview)
    assert "SALINAN DATA PRIBADI" in text and "Pasal 7" in text and "halaman 1 dari" in text
    for number, spec in enumerate(SECTIONS, start=1):
        assert f"{number}. {spec.title}" in text.replace("\r", "").replace("\n", " ") or spec.title in text
    pdf = subject_access.dossier_pdf(d.koordinator, resident, requested_by="Slamet Riyadi (yang bersangkutan)",
                                     purpose="Ingin tahu data saya", paper=Paper.A4, channel=OutputChannel.CETAK)
    assert HEAD_NIK in pdf_text(pdf).replace(" ", "")
    (event,) = events(d.koordinator, "SUBJECT_ACCESS")[before:]
    assert (event.entity, event.entity_id) == ("person", resident)
    assert event.recipient == "Slamet Riyadi (yang bersangkutan)" and event.purpose == "Ingin tahu data saya"
    assert event.changes["format"] == "pdf" and "keluhan" in event.changes["sections"]
    # The copy itself is now a disclosure listed in the next copy.
    again = subject_access.person_dossier(d.koordinator, resident).section("pengungkapan").table.rows
    assert any(r[1] == "Salinan data pribadi" and r[3] == "Slamet Riyadi (yang bersangkutan)" for r in again)


def test_saved_pdf_and_workbook_are_recorded_and_hold_one_sheet_per_section(d: Desk, resident: str,
                                                                           tmp_path: Path) -> None:
    pdf_path = subject_access.write_dossier_pdf(d.koordinator, resident, tmp_path / "salinan.pdf",
                                                requested_by="Siti Aminah (istri, kuasa)")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    xlsx = subject_access.write_dossier_xlsx(d.koordinator, resident, tmp_path / "salinan.xlsx",
                                             requested_by="Siti Aminah (istri, kuasa)", purpose="Perbaikan data")
    book = openpyxl.load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["Sampul", *(spec.sheet_name for spec in SECTIONS)]
    complaints = [row for row in book["Keluhan"].iter_rows(min_row=4, values_only=True) if row[0]]
    assert [row[4] for row in complaints] == ["Kartu PBI saya nonaktif"]
    recorded = events(d.koordinator, "SUBJECT_ACCESS")
    assert [(e.changes["format"], e.changes["file"], e.recipient) for e in recorded] == [
        ("pdf", "salinan.pdf", "Siti Aminah (istri, kuasa)"), ("xlsx", "salinan.xlsx", "Siti Aminah (istri, kuasa)")]
    assert not list(tmp_path.glob("*.part"))


def test_a_copy_needs_who_asked_and_the_front_office_is_refused(site_db: Any, d: Desk, resident: str,
                                                                tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="siapa yang meminta"):
        subject_access.write_dossier_pdf(d.koordinator, resident, tmp_path / "x.pdf", requested_by="  ")
    fo = replace(d.koordinator, actor=sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        subject_access.person_dossier(fo, resident)
    with pytest.raises(PermissionDenied):
        subject_access.write_dossier_xlsx(fo, resident, tmp_path / "x.xlsx", requested_by="Slamet")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.xlsx").exists()
    assert events(d.koordinator, "SUBJECT_ACCESS") == []


def test_the_consent_list_names_the_guardian_for_a_child(d: Desk) -> None:
    head, _wife, child = d.household.members
    record_visit(d.koordinator, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                           applicant_relation="KELUARGA", purpose="Anak butuh PIP",
                                           subject_person_ids=(child.id,), consent_purposes=("FOTO_DOKUMEN",)))
    lines = subject_access.consent_list(d.koordinator, child.id)
    assert [(c.legal_basis, c.given_by, c.given_by_name) for c in lines] == [
        ("PS20E_PELAYANAN_PUBLIK", "ORANG_TUA_WALI", "SLAMET RIYADI"),
        ("PS20A_PERSETUJUAN", "ORANG_TUA_WALI", "SLAMET RIYADI")]
    assert lines[1].purposes == ("FOTO_DOKUMEN",) and lines[0].recorded_by == "Sri Wahyuni"



def test_a_consent_names_the_organisation_its_data_went_to(d: Desk) -> None:
    """Explicit consent to share with a non-government body is given at the visit; the referral that relies on it
    names the receiving organisation, and the consent list shows it as the recipient."""
    head = d.household.members[0]
    record_visit(d.bo, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                  applicant_relation="DIRI_SENDIRI", purpose="Bantuan biaya berobat",
                                  consent_purposes=("RUJUKAN_NON_PEMERINTAH",), consent_method="TANDA_TANGAN"))
    assert [c.recipient for c in subject_access.consent_list(d.koordinator, head.id)] == ["", ""]
    create_referral(d.bo, draft(d, "BAZNAS-KAB", documents_attached=()))
    lines = subject_access.consent_list(d.koordinator, head.id)
    explicit = [c for c in lines if c.legal_basis == "PS20A_PERSETUJUAN"]
    assert len(explicit) == 1 and explicit[0].recipient == d.services["BAZNAS-KAB"].organization
    assert [c.recipient for c in lines if c.legal_basis != "PS20A_PERSETUJUAN"] == [""]
