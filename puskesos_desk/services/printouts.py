"""The desk's other printouts: the registration receipt, the DTSEN status note and the day's worklist.

Each print or save is recorded as a disclosure (services.disclosures). Identity numbers are always masked here:
the resident holds their own cards, and nobody else needs the full numbers from these papers.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from puskesos_desk import printing
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, referrals, visits
from puskesos_desk.domain.documents import (
    DocumentKind,
    OutputChannel,
    Paper,
    ReceiptDocument,
    ReceiptLine,
    RegisterNoteDocument,
    TaskLine,
    TaskListDocument,
)
from puskesos_desk.domain.enums import Urgency
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.followup import TaskItem, TaskKind, TaskState
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import disclosures
from puskesos_desk.services.casework import reference_codes
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.followup import tasks_today
from puskesos_desk.services.letterhead import letterhead_in
from puskesos_desk.services.referrals import register_snapshot
from puskesos_desk.services.slips import identity_in

#: What the officer says at intake (UU PDP Ps. 20(2)(e) notice), printed on the receipt so the resident keeps it.
PRIVACY_NOTICE = (
    "Data Anda dipakai Puskesos untuk memberi layanan dan merujuk Anda ke instansi pemerintah yang dapat membantu. "
    "Data tidak dibagikan ke lembaga non-pemerintah tanpa persetujuan Anda. Anda berhak melihat, memperbaiki, dan "
    "meminta penghapusan data Anda dengan menghubungi Puskesos."
)
KIND_NAMES = {"PERTANYAAN": "Pertanyaan", "SARAN": "Saran", "PENGADUAN": "Pengaduan"}
TASK_KIND_NAMES = {TaskKind.KELUHAN: "Keluhan", TaskKind.KEBUTUHAN: "Kebutuhan", TaskKind.USULAN: "Usulan DTSEN",
                   TaskKind.PERUBAHAN: "Perubahan KK", TaskKind.RUJUKAN: "Rujukan"}


def _session(ctx: ServiceContext, channel: OutputChannel | None) -> AbstractContextManager[DbSession]:
    """A preview only reads; issuing writes its disclosure record, so it takes the write lock."""
    return ctx.db.reading() if channel is None else ctx.db.transaction(ctx.actor)


def _receipt_in(session: DbSession, registration_number: str) -> ReceiptDocument:
    visit = visits.find_by_registration(session, registration_number)
    if visit is None:
        raise InputRejected(f"Tidak ada kunjungan bernomor registrasi \"{registration_number.strip()}\".",
                            field="number")
    subject_ids = list(visit.subject_person_ids or ())
    subjects = tuple((p.name, mask_id(p.nik) if p.nik else "Belum memiliki NIK")
                     for p in (households.get_person(session, pid) for pid in subject_ids))
    applicant = households.get_person(session, visit.applicant_person_id).name if visit.applicant_person_id \
        else visit.applicant_name
    complaints, needs = visits.recorded_in(session, visit.id)
    categories = reference_codes(session, "complaint_category")
    domains = reference_codes(session, "need_domain")
    lines = [ReceiptLine(number=c.number, text=f"{KIND_NAMES.get(c.kind, c.kind)} — "
                         f"{categories[c.category_code].name if c.category_code in categories else c.category_code}",
                         due=c.due_date) for c in complaints]
    lines += [ReceiptLine(number=n.number, text="Kebutuhan — " + (domains[n.domain_code].name
                          if n.domain_code in domains else n.domain_code), due=n.due_date) for n in needs]
    channels = reference_codes(session, "kanal_kunjungan")
    officer, _ = referrals.staff(session, visit.officer_id)
    return ReceiptDocument(
        letterhead=letterhead_in(session), registration_number=visit.registration_number,
        occurred_at=visit.occurred_at.astimezone(local_zone()),
        channel=channels[visit.channel].name if visit.channel in channels else visit.channel,
        applicant_name=applicant, subjects=subjects, purpose=visit.purpose, officer_name=officer,
        items=tuple(lines), notice=PRIVACY_NOTICE,
    )


def receipt_pdf(ctx: ServiceContext, registration_number: str, *, paper: Paper = Paper.A5,
                channel: OutputChannel | None = OutputChannel.CETAK) -> bytes:
    """The registration receipt for a visit. `channel=None` is a preview and records nothing."""
    ctx.require(Permission.RECORD_VISIT)
    with _session(ctx, channel) as session:
        document = _receipt_in(session, registration_number)
        if channel is not None:
            visit = visits.find_by_registration(session, registration_number)
            disclosures.record_output(
                session, document=DocumentKind.BUKTI_PENDAFTARAN, entity="visit", entity_id=visit.id,  # type: ignore[union-attr]
                number=document.registration_number, channel=channel, paper=paper, recipient="Warga (pemohon)",
                purpose="Bukti pendaftaran layanan", data_shared=("nama", "nik_disamarkan", "keperluan"),
            )
        return printing.render_receipt(document, paper)


def register_note_pdf(ctx: ServiceContext, person_id: str, *, paper: Paper = Paper.A4, purpose: str = "",
                      channel: OutputChannel | None = OutputChannel.CETAK) -> bytes:
    """What the district's extract says about one resident, with its date; for the resident to keep."""
    ctx.require(Permission.VIEW_CASES)
    with _session(ctx, channel) as session:
        person = households.get_person(session, person_id)
        officer, _ = referrals.staff(session, ctx.actor.id)
        document = RegisterNoteDocument(
            letterhead=letterhead_in(session), resident=identity_in(session, person_id, full_ids=False),
            register=register_snapshot(session, person.nik), printed_on=ctx.today(), officer_name=officer,
            purpose=purpose.strip(),
        )
        if channel is not None:
            disclosures.record_output(
                session, document=DocumentKind.KETERANGAN_DTSEN, entity="person", entity_id=person.id,
                number="", channel=channel, paper=paper, recipient="Warga yang bersangkutan",
                purpose=purpose.strip() or "Keterangan status DTSEN",
                data_shared=("nama", "nik_disamarkan", "no_kk_disamarkan", "status_dtsen"),
            )
        return printing.render_register_note(document, paper)


def task_line(item: TaskItem) -> TaskLine:
    """One line of the day's worklist, as printed here and in the HARIAN report."""
    if item.state is TaskState.TERLAMBAT:
        state = f"Terlambat {item.working_days_late} hari kerja"
    elif item.state is TaskState.HARI_INI:
        state = "Hari ini"
    else:
        state = f"{-item.working_days_late} hari kerja lagi"
    topic = item.topic_name or item.topic_code
    return TaskLine(state=state, kind=TASK_KIND_NAMES.get(item.kind, item.kind.value), number=item.number,
                    # The village's own code is the same on every line: its serial is enough to find the family.
                    household=f"{item.household_name} ({item.household_number.rsplit('-', 1)[-1]})",
                    summary=f"{topic}: {item.summary}" if topic else item.summary, due=item.due_date,
                    urgent=item.urgency is Urgency.DARURAT)


def task_list_pdf(ctx: ServiceContext, *, paper: Paper = Paper.A4, ahead_days: int = 0,
                  channel: OutputChannel | None = OutputChannel.CETAK) -> bytes:
    """The "Tugas hari ini" worklist on paper, for the officer who goes out on home visits."""
    items = tasks_today(ctx, ahead_days=ahead_days)
    with _session(ctx, channel) as session:
        officer, _ = referrals.staff(session, ctx.actor.id)
        document = TaskListDocument(letterhead=letterhead_in(session), day=ctx.today(), officer_name=officer,
                                    lines=tuple(task_line(i) for i in items))
        if channel is not None:
            disclosures.record_output(
                session, document=DocumentKind.TUGAS_HARI_INI, entity="site", entity_id=ctx.today().isoformat(),
                number="", channel=channel, paper=paper, recipient="Internal Puskesos", purpose="Daftar tugas harian",
                data_shared=("nama_kepala_keluarga", "ringkasan_kasus"),
            )
        return printing.render_task_list(document, paper)
