"""Household change requests: add or remove a member, change the head, split the KK, moved away, died.

A request waits (MENUNGGU) until it is approved. Approval normally comes from the district through the data
exchange; the Koordinator may approve or reject locally only when the site setting `local_change_approval` is on.
An approved request is applied at once: persons, memberships (with history) and the household head change in
the same transaction as the decision.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import changes, households, regions, sites
from puskesos_desk.domain.casework import (
    HEAD_RELATION,
    LOCAL_CHANGE_APPROVAL_SETTING,
    ChangeRequestDraft,
    ChangeRequestRecord,
)
from puskesos_desk.domain.enums import ChangeKind, ChangeStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected
from puskesos_desk.domain.nik import check_kk, check_nik
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.casework import case_number, reference_codes
from puskesos_desk.services.change_application import APPLY
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import MAX_AGE_YEARS, RELATIONS, normalise_rt_rw

if TYPE_CHECKING:
    from puskesos_desk.data.orm.household import Household, Person

PERSON_KINDS = {ChangeKind.KELUARKAN_ANGGOTA, ChangeKind.GANTI_KEPALA, ChangeKind.PINDAH, ChangeKind.MENINGGAL}
STALE_MESSAGE = (
    "Permintaan ini baru saja diubah oleh petugas lain. Muat ulang data keluarga untuk melihat keadaannya, "
    "lalu putuskan lagi."
)
LOCAL_APPROVAL_OFF = (
    "Persetujuan perubahan KK di desa tidak diaktifkan. Permintaan ini menunggu persetujuan kabupaten melalui "
    "pertukaran data; Admin dapat mengaktifkan persetujuan lokal di Pengaturan bila kabupaten mengizinkannya."
)
Check = Callable[[DbSession, ChangeRequestDraft, "Household", dict[str, "Person"], date, dict[str, str]],
                 dict[str, Any]]


# --- the site setting -----------------------------------------------------------------------------------------------


def setting_on(value: object) -> bool:
    return value is True or value in (1, "1", "true", "ya")


def local_change_approval(ctx: ServiceContext) -> bool:
    """Whether the Koordinator may approve household changes at the desa (otherwise the district does).

    Readable by case workers (the household page) and by whoever manages settings (the Admin's switch)."""
    if not ctx.actor.can(Permission.MANAGE_SETTINGS):
        ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return setting_on(sites.get_setting(session, LOCAL_CHANGE_APPROVAL_SETTING, False))


def set_local_change_approval(ctx: ServiceContext, *, enabled: bool) -> bool:
    ctx.require(Permission.MANAGE_SETTINGS)
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, LOCAL_CHANGE_APPROVAL_SETTING, bool(enabled))
    return bool(enabled)


# --- checks per kind (request time) ---------------------------------------------------------------------------------


def _relation_ok(code: str) -> bool:
    return code in RELATIONS and code != HEAD_RELATION


def _check_add(session: DbSession, draft: ChangeRequestDraft, household: Household, present: dict[str, Person],
               today: date, errors: dict[str, str]) -> dict[str, Any]:
    member = draft.new_member
    if member is None:
        errors["new_member.name"] = "Isi data anggota keluarga yang ditambahkan."
        return {}
    if not member.name.strip():
        errors["new_member.name"] = "Nama anggota baru wajib diisi."
    if not _relation_ok(member.relation):
        errors["new_member.relation"] = (
            "Pilih hubungan dengan kepala keluarga. Untuk mengganti kepala keluarga, ajukan 'Ganti kepala keluarga'."
        )
    if member.sex not in ("L", "P"):
        errors["new_member.sex"] = "Pilih jenis kelamin anggota baru."
    if member.birth_date is None:
        errors["new_member.birth_date"] = "Tanggal lahir anggota baru wajib diisi."
    elif member.birth_date > today:
        errors["new_member.birth_date"] = "Tanggal lahir ada di masa depan."
    elif today.year - member.birth_date.year > MAX_AGE_YEARS:
        errors["new_member.birth_date"] = "Tanggal lahir tidak masuk akal (lebih dari 120 tahun)."
    payload: dict[str, Any] = {}
    nik_value = None
    if member.nik.strip():
        check = check_nik(member.nik, birth_date=member.birth_date, sex=member.sex or None,
                          kk_number=household.kk_number, today=today,
                          region_exists=lambda code: regions.get_region(session, code) is not None)
        if check.errors:
            errors["new_member.nik"] = " ".join(f.message for f in check.errors)
        nik_value = check.value
        payload["nik_warnings"] = [f.message for f in check.warnings]
        existing = households.persons_with_nik(session, nik_value) if nik_value and not check.errors else []
        if any(p.household_id == household.id for p in existing):
            errors["new_member.nik"] = "NIK ini sudah tercatat sebagai anggota keluarga ini."
        elif existing:
            payload["existing_person_id"] = existing[0].id  # moves in from another household on approval
    elif not member.no_nik_reason:
        errors["new_member.nik"] = "Isi NIK anggota baru, atau pilih alasan tidak ada NIK."
    payload["member"] = {
        "name": member.name.strip().upper(), "relation": member.relation, "sex": member.sex,
        "birth_date": member.birth_date.isoformat() if member.birth_date else None,
        "birth_place": member.birth_place.strip().upper(), "nik": nik_value,
        "no_nik_reason": None if nik_value else (member.no_nik_reason or None),
        "marital_status": member.marital_status or None, "education": member.education or None,
        "occupation": member.occupation or None, "citizenship": member.citizenship or "WNI",
    }
    return payload


def _check_remove(session: DbSession, draft: ChangeRequestDraft, household: Household, present: dict[str, Person],
                  today: date, errors: dict[str, str]) -> dict[str, Any]:
    if draft.person_id not in present:
        errors["person_id"] = "Pilih anggota keluarga yang dikeluarkan."
    elif draft.person_id == household.head_person_id:
        errors["person_id"] = "Kepala keluarga tidak dapat dikeluarkan. Ajukan ganti kepala keluarga lebih dahulu."
    return {}


def _relations(draft: ChangeRequestDraft, allowed: set[str], errors: dict[str, str]) -> dict[str, str]:
    relations = dict(draft.relations)
    for person_id, code in relations.items():
        if person_id not in allowed or not _relation_ok(code):
            errors["relations"] = "Hubungan dengan kepala keluarga yang baru belum dipilih dengan benar."
    return relations


def _check_head(session: DbSession, draft: ChangeRequestDraft, household: Household, present: dict[str, Person],
                today: date, errors: dict[str, str]) -> dict[str, Any]:
    if draft.person_id not in present:
        errors["person_id"] = "Pilih anggota keluarga yang menjadi kepala keluarga baru."
        return {}
    if draft.person_id == household.head_person_id:
        errors["person_id"] = "Anggota ini sudah menjadi kepala keluarga."
    relations = _relations(draft, set(present) - {draft.person_id}, errors)
    old_head = household.head_person_id if household.head_person_id in present else None
    if old_head and old_head not in relations:
        errors["relations"] = "Pilih hubungan kepala keluarga lama dengan kepala keluarga yang baru."
    return {"new_head_person_id": draft.person_id, "old_head_person_id": old_head, "relations": relations}


def _check_split(session: DbSession, draft: ChangeRequestDraft, household: Household, present: dict[str, Person],
                 today: date, errors: dict[str, str]) -> dict[str, Any]:
    moving = list(dict.fromkeys(draft.person_ids))
    if not moving or any(p not in present for p in moving):
        errors["person_ids"] = "Centang anggota keluarga yang pindah ke KK baru."
    elif household.head_person_id in moving:
        errors["person_ids"] = "Kepala keluarga tetap di KK lama. Untuk menggantinya, ajukan ganti kepala keluarga."
    if draft.new_head_person_id not in moving:
        errors["new_head_person_id"] = "Pilih kepala keluarga KK baru di antara anggota yang pindah."
    others = set(moving) - {draft.new_head_person_id or ""}
    relations = _relations(draft, others, errors)
    if others - set(relations):
        errors["relations"] = "Pilih hubungan setiap anggota yang pindah dengan kepala keluarga KK baru."
    kk_value = ""
    if draft.kk_number.strip():
        kk = check_kk(draft.kk_number, today=today,
                      region_exists=lambda code: regions.get_region(session, code) is not None)
        if kk.errors:
            errors["kk_number"] = " ".join(f.message for f in kk.errors)
        elif households.households_with_kk(session, kk.value or ""):
            errors["kk_number"] = "Nomor KK ini sudah dipakai keluarga lain."
        kk_value = kk.value or ""
    elif draft.no_kk_reason not in reference_codes(session, "alasan_tanpa_kk"):
        errors["kk_number"] = "Isi nomor KK baru, atau pilih alasan belum ada KK."
    rt = normalise_rt_rw(draft.rt, "RT", errors, "rt") if draft.rt.strip() else household.rt
    rw = normalise_rt_rw(draft.rw, "RW", errors, "rw") if draft.rw.strip() else household.rw
    return {
        "person_ids": moving, "new_head_person_id": draft.new_head_person_id, "relations": relations,
        "kk_number": kk_value or None, "no_kk_reason": None if kk_value else draft.no_kk_reason,
        "address": draft.address.strip() or household.address, "rt": rt, "rw": rw,
        "hamlet": draft.hamlet.strip() or household.hamlet,
    }


def _check_leave(session: DbSession, draft: ChangeRequestDraft, household: Household, present: dict[str, Person],
                 today: date, errors: dict[str, str]) -> dict[str, Any]:
    died = draft.kind == ChangeKind.MENINGGAL
    person = present.get(draft.person_id or "")
    if person is None:
        errors["person_id"] = "Pilih anggota keluarga yang " + ("meninggal." if died else "pindah.")
    if draft.event_date is None:
        errors["event_date"] = "Isi tanggal " + ("meninggal." if died else "pindah.")
    elif draft.event_date > today:
        errors["event_date"] = "Tanggal tidak boleh di masa depan."
    elif person is not None and person.birth_date is not None and draft.event_date < person.birth_date:
        errors["event_date"] = "Tanggal tidak boleh sebelum tanggal lahir."
    payload: dict[str, Any] = {"event_date": draft.event_date.isoformat() if draft.event_date else None}
    if not died:
        payload["destination"] = draft.destination.strip()
    if person is not None and person.id == household.head_person_id and len(present) > 1:
        if draft.new_head_person_id not in set(present) - {person.id}:
            errors["new_head_person_id"] = "Kepala keluarga ini pergi: pilih kepala keluarga baru dari anggota lain."
        payload["new_head_person_id"] = draft.new_head_person_id
    return payload


CHECKS: dict[ChangeKind, Check] = {
    ChangeKind.TAMBAH_ANGGOTA: _check_add, ChangeKind.KELUARKAN_ANGGOTA: _check_remove,
    ChangeKind.GANTI_KEPALA: _check_head, ChangeKind.PISAH_KK: _check_split, ChangeKind.PINDAH: _check_leave,
    ChangeKind.MENINGGAL: _check_leave,
}


# --- services -------------------------------------------------------------------------------------------------------


def request_change(ctx: ServiceContext, draft: ChangeRequestDraft) -> ChangeRequestRecord:
    ctx.require(Permission.REGISTER)
    with ctx.db.transaction(ctx.actor) as session:
        return request_change_in(session, ctx, draft)


def request_change_in(session: DbSession, ctx: ServiceContext, draft: ChangeRequestDraft) -> ChangeRequestRecord:
    if draft.kind not in ChangeKind.__members__:
        raise FieldErrors({"kind": "Pilih jenis perubahan."})
    kind = ChangeKind(draft.kind)
    errors: dict[str, str] = {}
    if not draft.reason.strip():
        errors["reason"] = "Tuliskan alasan perubahan (misalnya menikah, bekerja di luar kota, meninggal dunia)."
    household = changes.get_household_row(session, draft.household_id)
    present = {p.id: p for p in changes.household_persons(session, household.id) if p.residence_status == "ADA"}
    today = ctx.today()
    payload = CHECKS[kind](session, draft, household, present, today, errors)
    if errors:
        raise FieldErrors(errors)
    person_id = draft.person_id if kind in PERSON_KINDS else None
    pending = changes.pending_numbers(session, household.id, kind=kind.value, person_id=person_id)
    if pending and kind in PERSON_KINDS:
        raise InputRejected(f"Permintaan yang sama masih menunggu persetujuan ({pending[0]}).")
    row = changes.insert_change_request(
        session, number=case_number(session, "PRB", "household_change", today.year), household_id=household.id,
        person_id=person_id, kind=kind.value, payload=payload, reason=draft.reason.strip(),
        status=ChangeStatus.MENUNGGU.value,
    )
    session.flush()
    return changes.change_record(row, present[person_id].name if person_id else "")


def decide_change(ctx: ServiceContext, *, request_id: str, expected_version: int, approve: bool,
                  reason: str = "") -> ChangeRequestRecord:
    """Approve (and apply) or reject a pending change at the desa. Needs the local-approval setting."""
    ctx.require(Permission.APPROVE_HOUSEHOLD_CHANGE)
    with ctx.db.transaction(ctx.actor) as session:
        return decide_change_in(session, ctx, request_id=request_id, expected_version=expected_version,
                                approve=approve, reason=reason)


def decide_change_in(session: DbSession, ctx: ServiceContext, *, request_id: str, expected_version: int,
                     approve: bool, reason: str = "") -> ChangeRequestRecord:
    """The decision inside the caller's transaction; the caller has checked APPROVE_HOUSEHOLD_CHANGE."""
    if not setting_on(sites.get_setting(session, LOCAL_CHANGE_APPROVAL_SETTING, False)):
        raise InputRejected(LOCAL_APPROVAL_OFF)
    row = changes.get_change_request(session, request_id)
    if row.row_version != expected_version:
        raise Conflict(STALE_MESSAGE)
    if row.status != ChangeStatus.MENUNGGU:
        raise InputRejected(f"Permintaan {row.number} sudah diputuskan; tidak dapat diputuskan lagi.")
    if not approve and not reason.strip():
        raise FieldErrors({"decision_reason": "Tuliskan alasan permintaan ditolak."})
    if approve:
        row.payload = APPLY[ChangeKind(row.kind)](session, ctx, row)
    row.status = (ChangeStatus.DISETUJUI if approve else ChangeStatus.DITOLAK).value
    row.decided_by = ctx.actor.id
    row.decided_at = ctx.now()
    row.decision_reason = reason.strip()
    row.decided_where = "lokal"
    session.flush()
    person = households.get_person(session, row.person_id) if row.person_id else None
    return changes.change_record(row, person.name if person is not None else "")
