"""Referral lifecycle: draft, the Koordinator's decision, feedback from the receiving office, closing.

Handing the slip over (DISETUJUI → DIKIRIM) happens when it is first printed or saved (services.slips); the
response time then starts, counted in working days, and a referral left without news past it turns TIDAK ADA
KABAR. Every change writes a referral_event row (who, when, from which source) in the same transaction.
"""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import casework, households, numbering, referrals, register, sites
from puskesos_desk.data.repositories.household_detail import register_statuses
from puskesos_desk.domain.casework import EXPLICIT_CONSENT_PURPOSES
from puskesos_desk.domain.enums import (
    ComplaintStatus,
    FeedbackSource,
    NeedStatus,
    ReferralOutcome,
    ReferralStatus,
)
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import (
    AWAITING_ANSWER,
    DEFAULT_NUMBER_PATTERN,
    FEEDBACK_STATUSES,
    FULL_ID_FIELDS,
    SLIP_DATA_FIELDS,
    STATUS_LABELS,
    ReferralChange,
    ReferralDraft,
    ReferralRecord,
    RegisterKnowledge,
    RegisterSnapshot,
    format_letter_number,
    number_pattern_error,
    transition_error,
)
from puskesos_desk.services.casework import cached, due_in_working_days
from puskesos_desk.services.context import ServiceContext

NUMBER_PATTERN_SETTING = "letter_number_format"
NON_GOVERNMENT_PURPOSE = EXPLICIT_CONSENT_PURPOSES[0]  # "RUJUKAN_NON_PEMERINTAH"
NON_GOVERNMENT_KINDS = ("non_pemerintah",)
MAX_SUMMARY = 2000
MAX_REQUESTED = 500


# --- creating -------------------------------------------------------------------------------------------------------


def create_referral(ctx: ServiceContext, draft: ReferralDraft) -> ReferralRecord:
    ctx.require(Permission.CREATE_REFERRAL)
    with ctx.db.transaction(ctx.actor) as session:
        return create_referral_in(session, ctx, draft)


def needs_consent(organization_kind: str, needs_explicit_consent: bool) -> bool:
    """Sharing with a non-government service needs the resident's explicit consent (UU PDP Ps. 20(2)(a))."""
    return needs_explicit_consent or organization_kind in NON_GOVERNMENT_KINDS


def register_snapshot(session: DbSession, nik: str | None) -> RegisterSnapshot:
    """What the active extract says of this NIK — 'unknown' without a NIK or without any extract loaded."""
    if not nik:
        return RegisterSnapshot(RegisterKnowledge.TIDAK_DIKETAHUI)
    found = register_statuses(session, [nik]).get(nik)
    if found is not None:
        return RegisterSnapshot(RegisterKnowledge.TERDAFTAR, dataset=found.dataset, as_of=found.as_of,
                                desil=found.desil, programs=found.programs)
    loaded = [b for b in register.batches(session) if b.status == "AKTIF"]
    if not loaded:
        return RegisterSnapshot(RegisterKnowledge.TIDAK_DIKETAHUI)
    newest = max(loaded, key=lambda b: (b.dataset == "DTSEN", b.as_of))
    return RegisterSnapshot(RegisterKnowledge.TIDAK_TERDAFTAR, dataset=newest.dataset, as_of=newest.as_of)


def _check_draft(session: DbSession, draft: ReferralDraft, errors: dict[str, str]) -> None:
    if not draft.problem_summary.strip():
        errors["problem_summary"] = "Tuliskan ringkasan masalah warga secara singkat."
    elif len(draft.problem_summary) > MAX_SUMMARY:
        errors["problem_summary"] = f"Ringkasan masalah terlalu panjang (paling banyak {MAX_SUMMARY} karakter)."
    if not draft.requested_service.strip():
        errors["requested_service"] = "Tuliskan layanan yang dimohon dari lembaga tujuan."
    elif len(draft.requested_service) > MAX_REQUESTED:
        errors["requested_service"] = f"Layanan yang dimohon terlalu panjang (paling banyak {MAX_REQUESTED} karakter)."
    if draft.need_id:
        need = casework.get_need(session, draft.need_id)
        if need.household_id != draft.household_id:
            errors["need_id"] = "Kebutuhan ini milik keluarga lain."
    if draft.complaint_id:
        complaint = casework.get_complaint(session, draft.complaint_id)
        if complaint.household_id != draft.household_id:
            errors["complaint_id"] = "Keluhan ini milik keluarga lain."
    if draft.visit_id and casework.get_visit(session, draft.visit_id).household_id != draft.household_id:
        errors["visit_id"] = "Kunjungan ini milik keluarga lain."


def create_referral_in(session: DbSession, ctx: ServiceContext, draft: ReferralDraft) -> ReferralRecord:
    errors: dict[str, str] = {}
    households.get_household(session, draft.household_id)
    person = households.get_person(session, draft.person_id)
    if person.household_id != draft.household_id:
        errors["person_id"] = "Warga yang dirujuk harus anggota keluarga ini."
    service = referrals.get_service(session, draft.service_id)
    if not service.active:
        errors["service_id"] = "Layanan ini sudah tidak aktif di direktori; pilih layanan lain."
    _check_draft(session, draft, errors)
    unknown_documents = set(draft.documents_attached) - set(service.required_documents or ())
    if unknown_documents:
        errors["documents_attached"] = "Dokumen yang dicentang harus dari daftar persyaratan layanan ini."
    consent_id = None
    if needs_consent(service.organization_kind, service.needs_explicit_consent):
        consent_id = referrals.explicit_consent_id(session, person.id, NON_GOVERNMENT_PURPOSE)
        if consent_id is None:
            errors["consent"] = (
                f"{service.organization} bukan lembaga pemerintah: data warga hanya boleh dibagikan dengan "
                "persetujuan tertulis atau lisan yang tercatat. Catat persetujuan \"rujukan non-pemerintah\" pada "
                "kunjungan warga ini terlebih dahulu."
            )
    if errors:
        raise FieldErrors(errors)

    today = ctx.today()
    site = cached(session, "referrals.site", lambda: sites.get_site_row(session))
    pattern = sites.get_setting(session, NUMBER_PATTERN_SETTING, DEFAULT_NUMBER_PATTERN) or DEFAULT_NUMBER_PATTERN
    if number_pattern_error(pattern):
        pattern = DEFAULT_NUMBER_PATTERN  # a bad setting must never stop the desk; Settings refuses to save one
    seq = numbering.next_number(session, "referral", str(today.year))
    number = format_letter_number(pattern, seq=seq, day=today, site_code=site.code if site else "0")
    full_ids = service.needs_full_ids if draft.full_ids_on_slip is None else draft.full_ids_on_slip
    row = referrals.insert_referral(
        session, letter_number=number, letter_year=today.year, letter_seq=seq, letter_date=today,
        visit_id=draft.visit_id or None, need_id=draft.need_id or None, complaint_id=draft.complaint_id or None,
        person_id=person.id, household_id=draft.household_id, service_id=service.id,
        recipient_snapshot={"code": service.code, "organization": service.organization,
                            "service_name": service.service_name, "address": service.address,
                            "contact_name": service.contact_name, "phone": service.phone, "email": service.email,
                            "hours": service.hours, "response_days": service.response_days},
        requested_service=draft.requested_service.strip(), problem_summary=draft.problem_summary.strip(),
        register_snapshot=register_snapshot(session, person.nik).to_json(),
        documents_attached=list(draft.documents_attached),
        data_shared=list(SLIP_DATA_FIELDS) + (list(FULL_ID_FIELDS) if full_ids else []),
        consent_id=consent_id, full_ids_on_slip=full_ids, drafted_by=ctx.actor.id,
        status=ReferralStatus.DRAFT.value,
    )
    session.flush()
    referrals.insert_event(session, referral_id=row.id, occurred_at=ctx.now(), actor_id=ctx.actor.id,
                           status_before=None, status_after=ReferralStatus.DRAFT.value, notes="Draf rujukan dibuat")
    session.flush()
    return referrals.referral_record(session, row.id)


# --- deciding and following up --------------------------------------------------------------------------------------


def _locked(session: DbSession, referral_id: str, expected_version: int | None):  # type: ignore[no-untyped-def]
    row = referrals.get_referral(session, referral_id)
    if expected_version is not None and row.row_version != expected_version:
        raise Conflict(
            f"Rujukan {row.letter_number} baru saja diubah oleh petugas lain (sekarang berstatus "
            f"{STATUS_LABELS[ReferralStatus(row.status)].lower()}). Tidak ada yang disimpan. Muat ulang daftar "
            "rujukan, periksa statusnya, lalu ubah lagi bila masih perlu."
        )
    return row


def approve_referral(ctx: ServiceContext, referral_id: str, *, expected_version: int | None = None,
                     notes: str = "") -> ReferralRecord:
    """The Koordinator decides the service and signs: the signer is recorded and printed on the slip."""
    ctx.require(Permission.APPROVE_REFERRAL)
    with ctx.db.transaction(ctx.actor) as session:
        row = _locked(session, referral_id, expected_version)
        problem = transition_error(ReferralStatus(row.status), ReferralStatus.DISETUJUI)
        if problem:
            raise InputRejected(problem, field="status")
        row.status = ReferralStatus.DISETUJUI.value
        row.approved_by = ctx.actor.id
        row.approved_at = ctx.now()
        referrals.insert_event(session, referral_id=row.id, occurred_at=ctx.now(), actor_id=ctx.actor.id,
                               status_before=ReferralStatus.DRAFT.value, status_after=row.status,
                               notes=notes.strip() or "Disetujui dan ditandatangani")
        session.flush()
        return referrals.referral_record(session, row.id)


def permission_for(target: ReferralStatus) -> Permission:
    if target is ReferralStatus.DRAFT:
        return Permission.APPROVE_REFERRAL  # sent back for correction by the one who decides
    if target is ReferralStatus.DIBATALKAN:
        return Permission.CREATE_REFERRAL
    return Permission.HANDLE_CASE


def change_status(ctx: ServiceContext, change: ReferralChange) -> ReferralRecord:
    """Feedback (diterima, diproses, selesai, ditolak), a correction back to draft, or a cancellation."""
    target = ReferralStatus(change.status)
    if target is ReferralStatus.DISETUJUI:
        return approve_referral(ctx, change.referral_id, expected_version=change.expected_version,
                                notes=change.notes)
    ctx.require(permission_for(target))
    with ctx.db.transaction(ctx.actor) as session:
        return change_status_in(session, ctx, change)


def _check_change(ctx: ServiceContext, change: ReferralChange, current: ReferralStatus, sent_on: date | None,
                  errors: dict[str, str]) -> date:
    target = ReferralStatus(change.status)
    if target in (ReferralStatus.DIKIRIM, ReferralStatus.TIDAK_ADA_KABAR):
        raise InputRejected(
            "Status ini diisi otomatis: 'dikirim' saat surat pertama kali dicetak, 'tidak ada kabar' saat batas "
            "waktu jawaban terlewati.", field="status")
    problem = transition_error(current, target)
    if problem:
        raise InputRejected(problem, field="status")
    today = ctx.today()
    day = change.occurred_on or today
    if target in FEEDBACK_STATUSES:
        if change.source not in FeedbackSource.__members__:
            errors["source"] = "Pilih dari mana kabar ini diterima: lembar balasan, telepon, laporan warga, atau " \
                               "sekretariat."
        if day > today:
            errors["occurred_on"] = "Tanggal tanggapan tidak boleh di masa depan."
        elif sent_on is not None and day < sent_on:
            errors["occurred_on"] = f"Tanggal tanggapan tidak boleh sebelum surat dikirim ({sent_on:%d-%m-%Y})."
    if target is ReferralStatus.SELESAI and change.outcome not in ReferralOutcome.__members__.values():
        errors["outcome"] = "Pilih hasil layanan: terlayani penuh, terlayani sebagian, atau tidak terlayani."
    if target is ReferralStatus.DITOLAK and not change.rejection_reason.strip():
        errors["rejection_reason"] = "Tuliskan alasan penolakan dari lembaga tujuan."
    if target is ReferralStatus.DIBATALKAN and not change.notes.strip():
        errors["notes"] = "Tuliskan alasan pembatalan rujukan."
    return day


def change_status_in(session: DbSession, ctx: ServiceContext, change: ReferralChange) -> ReferralRecord:
    row = _locked(session, change.referral_id, change.expected_version)
    current = ReferralStatus(row.status)
    errors: dict[str, str] = {}
    sent_on = referrals.sent_on(session, row.id)
    day = _check_change(ctx, change, current, sent_on, errors)
    if errors:
        raise FieldErrors(errors)
    target = ReferralStatus(change.status)
    if target in FEEDBACK_STATUSES and row.received_on is None:
        row.received_on = day
    if target is ReferralStatus.SELESAI:
        row.outcome = ReferralOutcome(change.outcome).value  # type: ignore[arg-type]
        row.outcome_notes = change.notes.strip()
        row.completed_on = day
        if row.need_id and change.outcome is ReferralOutcome.TERLAYANI_PENUH:
            need = casework.get_need(session, row.need_id)
            if need.status in (NeedStatus.TERIDENTIFIKASI.value, NeedStatus.DIRUJUK.value):
                need.status = NeedStatus.TERPENUHI.value
    if target is ReferralStatus.DITOLAK:
        row.rejection_reason = change.rejection_reason.strip()
        row.completed_on = day
    if target is ReferralStatus.DRAFT:
        row.approved_by = None
        row.approved_at = None
    row.status = target.value
    notes = change.notes.strip()
    if target is ReferralStatus.DITOLAK:
        notes = f"Alasan: {row.rejection_reason}" + (f" — {notes}" if notes else "")
    if target in FEEDBACK_STATUSES and change.occurred_on and change.occurred_on != ctx.today():
        notes = f"Tanggal tanggapan {day:%d-%m-%Y}" + (f"; {notes}" if notes else "")
    referrals.insert_event(session, referral_id=row.id, occurred_at=ctx.now(), actor_id=ctx.actor.id,
                           status_before=current.value, status_after=target.value,
                           source=change.source if target in FEEDBACK_STATUSES else None, notes=notes)
    session.flush()
    return referrals.referral_record(session, row.id)


def mark_sent_in(session: DbSession, ctx: ServiceContext, referral_id: str) -> None:
    """DISETUJUI → DIKIRIM on the first print: the response time starts today, in working days."""
    row = referrals.get_referral(session, referral_id)
    today = ctx.today()
    days = int((row.recipient_snapshot or {}).get("response_days") or 10)
    row.response_due = due_in_working_days(session, today, days).value  # type: ignore[assignment]
    row.status = ReferralStatus.DIKIRIM.value
    referrals.insert_event(session, referral_id=row.id, occurred_at=ctx.now(), actor_id=ctx.actor.id,
                           status_before=ReferralStatus.DISETUJUI.value, status_after=row.status,
                           notes="Surat rujukan dicetak dan diserahkan")
    if row.need_id:
        need = casework.get_need(session, row.need_id)
        if need.status == NeedStatus.TERIDENTIFIKASI.value:
            need.status = NeedStatus.DIRUJUK.value
    if row.complaint_id:
        complaint = casework.get_complaint(session, row.complaint_id)
        if complaint.status in (ComplaintStatus.BARU.value, ComplaintStatus.DITANGANI.value):
            complaint.status = ComplaintStatus.DIRUJUK.value


def mark_overdue(ctx: ServiceContext) -> int:
    """Turn referrals still waiting after their response date into TIDAK ADA KABAR; how many changed.

    Called when the referral list is opened (and by the CLI list), so the state is right wherever it is read.
    """
    ctx.require(Permission.VIEW_CASES)
    today = ctx.today()
    with ctx.db.reading() as session:
        if not referrals.waiting_past(session, [s.value for s in AWAITING_ANSWER], today):
            return 0  # the common case costs one read, no write lock
    with ctx.db.transaction(ctx.actor) as session:
        rows = referrals.waiting_past(session, [s.value for s in AWAITING_ANSWER], today)
        for row in rows:
            row.status = ReferralStatus.TIDAK_ADA_KABAR.value
            referrals.insert_event(
                session, referral_id=row.id, occurred_at=ctx.now(), actor_id=ctx.actor.id,
                status_before=ReferralStatus.DIKIRIM.value, status_after=row.status,
                notes=f"Batas waktu jawaban {row.response_due:%d-%m-%Y} terlewati tanpa kabar; perlu ditindaklanjuti",
            )
        return len(rows)


def set_number_pattern(ctx: ServiceContext, pattern: str) -> str:
    """Save the letter-number pattern; returns an example number. Refused when numbers could repeat."""
    ctx.require(Permission.MANAGE_SETTINGS)
    problem = number_pattern_error(pattern.strip())
    if problem:
        raise InputRejected(problem, field="pattern")
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, NUMBER_PATTERN_SETTING, pattern.strip())
        site = sites.get_site_row(session)
    return format_letter_number(pattern.strip(), seq=1, day=ctx.today(), site_code=site.code if site else "0")


def number_pattern(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        return str(sites.get_setting(session, NUMBER_PATTERN_SETTING, DEFAULT_NUMBER_PATTERN) or DEFAULT_NUMBER_PATTERN)
