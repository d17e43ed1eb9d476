"""DTSEN proposals (usulan) prepared for the musdes/muskel and handed to the village SIKS-NG operator.

The Puskesos only proposes: Kemensos decides, and BPS ranks. A proposal freezes the members and the housing
conditions as they were when it was made; the status goes DRAFT → SIAP_MUSDES → DIAJUKAN → DITERIMA / DITOLAK
(domain.casework.PROPOSAL_TRANSITIONS), and it cannot be handed to the operator before the musdes/muskel date and
the number of its berita acara are recorded. While open, a proposal is due for follow-up every
PROPOSAL_FOLLOW_UP_WORKING_DAYS working days.
"""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, proposals
from puskesos_desk.domain.casework import (
    CRITERIA_LIST,
    HOUSING_ITEMS,
    HOUSING_LIST_PREFIX,
    OPEN_PROPOSAL_STATUSES,
    PROPOSAL_FOLLOW_UP_WORKING_DAYS,
    PROPOSAL_TRANSITIONS,
    REQUESTED_PROGRAMS,
    ProposalDraft,
    ProposalRecord,
)
from puskesos_desk.domain.enums import ProposalKind, ProposalStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.casework import case_number, check_visit, due_in_working_days, reference_codes
from puskesos_desk.services.context import ServiceContext

MAX_MINUTES_NUMBER = 80
STATUS_LABELS = {
    ProposalStatus.DRAFT: "Draf", ProposalStatus.SIAP_MUSDES: "Siap musdes",
    ProposalStatus.DIAJUKAN: "Diajukan ke operator SIKS-NG", ProposalStatus.DITERIMA: "Diterima",
    ProposalStatus.DITOLAK: "Ditolak",
}
STALE_MESSAGE = (
    "Usulan ini baru saja diubah oleh petugas lain. Muat ulang data keluarga untuk melihat perubahannya, "
    "lalu coba lagi."
)


def create_proposal(ctx: ServiceContext, draft: ProposalDraft) -> ProposalRecord:
    ctx.require(Permission.PROPOSE_DTSEN)
    with ctx.db.transaction(ctx.actor) as session:
        return create_proposal_in(session, ctx, draft)


def _check_housing(session: DbSession, draft: ProposalDraft, errors: dict[str, str]) -> dict[str, str]:
    housing = {item: code for item, code in draft.housing if code}
    for item, code in housing.items():
        if item not in HOUSING_ITEMS or code not in reference_codes(session, HOUSING_LIST_PREFIX + item):
            errors[f"housing.{item}"] = "Pilihan kondisi rumah tidak dikenal; pilih dari daftar."
    if draft.kind == ProposalKind.BARU:
        for item in HOUSING_ITEMS:
            if item not in housing:
                errors[f"housing.{item}"] = "Usulan baru memerlukan keterangan kondisi rumah ini."
    return housing


def _check_criteria(session: DbSession, draft: ProposalDraft, errors: dict[str, str]) -> dict[str, bool]:
    criteria = dict(draft.criteria)
    known = reference_codes(session, CRITERIA_LIST)
    if set(criteria) - set(known):
        errors["criteria"] = "Kriteria tidak dikenal; gunakan daftar kriteria Kepmensos 262/HUK/2022."
    elif draft.kind != ProposalKind.SANGGAH and set(known) - set(criteria):
        errors["criteria"] = "Jawab semua pertanyaan kriteria Kepmensos 262/HUK/2022 (ya atau tidak)."
    return {code: bool(criteria[code]) for code in known if code in criteria}


def create_proposal_in(session: DbSession, ctx: ServiceContext, draft: ProposalDraft) -> ProposalRecord:
    errors: dict[str, str] = {}
    households.get_household(session, draft.household_id)
    if draft.kind not in ProposalKind.__members__:
        errors["kind"] = "Pilih jenis usulan: baru, perbaikan data, atau sanggah."
    housing = _check_housing(session, draft, errors)
    criteria = _check_criteria(session, draft, errors)
    requested = tuple(dict.fromkeys(draft.requested_programs))
    if not requested or any(code not in REQUESTED_PROGRAMS for code in requested):
        errors["requested_programs"] = "Centang program yang diusulkan, atau 'Tidak ada'."
    elif "TIDAK_ADA" in requested and len(requested) > 1:
        errors["requested_programs"] = "'Tidak ada' tidak dapat dipilih bersama program lain."
    check_visit(session, draft.household_id, draft.visit_id, errors)
    members = proposals.snapshot_members(session, draft.household_id, draft.member_ids)
    if not members or (draft.member_ids and len(members) != len(set(draft.member_ids))):
        errors["member_ids"] = "Pilih anggota keluarga yang diusulkan (anggota keluarga ini)."
    if errors:
        raise FieldErrors(errors)
    running = proposals.open_proposal_numbers(session, draft.household_id, [s.value for s in OPEN_PROPOSAL_STATUSES])
    if running:
        raise InputRejected(
            f"Keluarga ini sudah punya usulan DTSEN yang masih berjalan ({running[0]}). Lanjutkan usulan itu; "
            "usulan baru dapat dibuat setelah usulan itu diterima atau ditolak."
        )
    today = ctx.today()
    due = due_in_working_days(session, today, PROPOSAL_FOLLOW_UP_WORKING_DAYS)
    row = proposals.insert_proposal(
        session, members=members, number=case_number(session, "USL", "proposal", today.year),
        household_id=draft.household_id, visit_id=draft.visit_id, kind=draft.kind, housing_snapshot=housing,
        criteria_262=criteria, requested_programs=list(requested), status=ProposalStatus.DRAFT.value,
        verification_notes=_note(today, draft.notes), due_date=due.value,
    )
    proposals.store_household_housing(session, draft.household_id, housing)
    session.flush()
    return proposals.proposal_record(row, due.note())


def _note(day: date, text: str) -> str:
    text = " ".join(text.split())
    return f"{day.isoformat()}: {text}" if text else ""


def advance_proposal(ctx: ServiceContext, *, proposal_id: str, expected_version: int, to_status: str,
                     musdes_date: date | None = None, musdes_minutes_number: str = "",
                     notes: str = "") -> ProposalRecord:
    """Move a proposal one step on. Raises Conflict when someone saved it since it was read."""
    ctx.require(Permission.PROPOSE_DTSEN)
    with ctx.db.transaction(ctx.actor) as session:
        return advance_proposal_in(session, ctx, proposal_id=proposal_id, expected_version=expected_version,
                                   to_status=to_status, musdes_date=musdes_date,
                                   musdes_minutes_number=musdes_minutes_number, notes=notes)


def advance_proposal_in(session: DbSession, ctx: ServiceContext, *, proposal_id: str, expected_version: int,
                        to_status: str, musdes_date: date | None = None, musdes_minutes_number: str = "",
                        notes: str = "") -> ProposalRecord:
    """The status change inside the caller's transaction (the demo moves many proposals at once)."""
    row = proposals.get_proposal(session, proposal_id)
    if row.row_version != expected_version:
        raise Conflict(STALE_MESSAGE)
    current = ProposalStatus(row.status)
    target = ProposalStatus(to_status) if to_status in ProposalStatus.__members__ else None
    if target is None or target not in PROPOSAL_TRANSITIONS[current]:
        wanted = STATUS_LABELS[target] if target is not None else to_status
        raise InputRejected(
            f"Usulan berstatus '{STATUS_LABELS[current]}' tidak dapat diubah menjadi '{wanted}'."
        )
    today = ctx.today()
    errors: dict[str, str] = {}
    minutes = " ".join(musdes_minutes_number.split())
    if musdes_date is not None and musdes_date > today:
        errors["musdes_date"] = "Tanggal musdes/muskel tidak boleh di masa depan."
    if len(minutes) > MAX_MINUTES_NUMBER:
        errors["musdes_minutes_number"] = "Nomor berita acara terlalu panjang (paling banyak 80 karakter)."
    new_date = musdes_date or row.musdes_date
    new_minutes = minutes or row.musdes_minutes_number or ""
    if target == ProposalStatus.DIAJUKAN:
        if new_date is None:
            errors["musdes_date"] = "Isi tanggal musdes/muskel yang membahas usulan ini sebelum diajukan."
        if not new_minutes:
            errors["musdes_minutes_number"] = "Isi nomor berita acara musdes/muskel sebelum diajukan."
    if target == ProposalStatus.DITOLAK and not notes.strip():
        errors["notes"] = "Tuliskan alasan usulan ditolak."
    if errors:
        raise FieldErrors(errors)
    before = row.status
    row.status = target.value
    row.musdes_date = new_date
    row.musdes_minutes_number = new_minutes or None
    note = _note(today, f"{STATUS_LABELS[target]}. {notes.strip()}" if notes.strip() else STATUS_LABELS[target])
    row.verification_notes = "\n".join(part for part in (row.verification_notes, note) if part)
    due_note = None
    if target in (ProposalStatus.DITERIMA, ProposalStatus.DITOLAK):
        row.due_date = None
    else:
        due = due_in_working_days(session, today, PROPOSAL_FOLLOW_UP_WORKING_DAYS)
        row.due_date = due.value
        due_note = due.note()
    proposals.add_follow_up(
        session, entity="proposal", entity_id=row.id, occurred_at=ctx.now(), method="PERUBAHAN_STATUS",
        officer_id=ctx.actor.id, status_before=before, status_after=target.value, notes=notes.strip(),
        next_action_on=row.due_date,
    )
    session.flush()
    return proposals.proposal_record(row, due_note)
