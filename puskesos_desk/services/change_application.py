"""Applying an approved household change to the household: new member, member out, new head, split, moved or
died. Called by `services/changes.py` when a change is approved; it trusts the checks made at request time but
re-checks that the people named are still there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import changes, households, numbering, sites
from puskesos_desk.domain.casework import HEAD_RELATION
from puskesos_desk.domain.enums import ChangeKind
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.services.context import ServiceContext

if TYPE_CHECKING:
    from puskesos_desk.data.orm.household import Household, Person
    from puskesos_desk.data.orm.proposals import HouseholdChangeRequest

STATE_CHANGED = (
    "Keadaan keluarga sudah berubah sejak permintaan {number} dibuat ({detail}). Tolak permintaan ini, lalu buat "
    "permintaan baru bila masih diperlukan."
)
Apply = Callable[[DbSession, ServiceContext, "HouseholdChangeRequest"], dict[str, Any]]


def new_household_number(session: DbSession) -> str:
    """The same numbering as registration: KLG-<site digits>-<NNNNN>."""
    site = sites.get_site_row(session)
    digits = site.code.replace(".", "") if site else "0"
    return f"KLG-{digits}-{numbering.next_number(session, 'household'):05d}"


def _present(session: DbSession, row: HouseholdChangeRequest, *person_ids: str | None) -> dict[str, Person]:
    present = {p.id: p for p in changes.household_persons(session, row.household_id) if p.residence_status == "ADA"}
    missing = [p for p in person_ids if p and p not in present]
    if missing:
        raise InputRejected(STATE_CHANGED.format(number=row.number, detail="anggota yang disebut sudah tidak ada"))
    return present


def _set_head(session: DbSession, household: Household, person: Person, *, on: date, reason: str) -> None:
    changes.change_relation(session, person, HEAD_RELATION, on=on, reason=reason)
    household.head_person_id = person.id
    household.head_name = person.name


def _apply_add(session: DbSession, ctx: ServiceContext, row: HouseholdChangeRequest) -> dict[str, Any]:
    payload = dict(row.payload)
    member = dict(payload["member"])
    today = ctx.today()
    reason = f"Tambah anggota ({row.number})"
    existing_id = payload.get("existing_person_id")
    if existing_id:
        person = households.get_person(session, str(existing_id))
        if person.household_id == row.household_id:
            raise InputRejected(STATE_CHANGED.format(number=row.number, detail="warga ini sudah anggota keluarga"))
        if person.household_id:
            changes.close_membership(session, household_id=person.household_id, person_id=person.id, on=today,
                                     reason=f"Pindah ke KK lain ({row.number})")
        person.household_id = row.household_id
        person.relation = str(member["relation"])
        person.residence_status = "ADA"
    else:
        born = member.get("birth_date")
        person = households.insert_person(
            session, household_id=row.household_id, nik=member.get("nik"), no_nik_reason=member.get("no_nik_reason"),
            nik_check={"warnings": list(payload.get("nik_warnings") or [])}, name=str(member["name"]),
            name_key=normalize_name(str(member["name"])), birth_place=str(member.get("birth_place") or ""),
            birth_date=date.fromisoformat(str(born)) if born else None, sex=str(member["sex"]),
            relation=str(member["relation"]), marital_status=member.get("marital_status"),
            education=member.get("education"), occupation=member.get("occupation"),
            citizenship=str(member.get("citizenship") or "WNI"), residence_status="ADA",
        )
        session.flush()
    changes.open_membership(session, household_id=row.household_id, person_id=person.id,
                            relation=str(member["relation"]), on=today, reason=reason)
    payload["added_person_id"] = person.id
    return payload


def _apply_remove(session: DbSession, ctx: ServiceContext, row: HouseholdChangeRequest) -> dict[str, Any]:
    household = changes.get_household_row(session, row.household_id)
    present = _present(session, row, row.person_id)
    if row.person_id == household.head_person_id:
        raise InputRejected(STATE_CHANGED.format(number=row.number, detail="anggota ini kini kepala keluarga"))
    person = present[str(row.person_id)]
    changes.close_membership(session, household_id=row.household_id, person_id=person.id, on=ctx.today(),
                             reason=f"Dikeluarkan dari KK ({row.number}): {row.reason}")
    person.household_id = None
    return dict(row.payload)


def _apply_head(session: DbSession, ctx: ServiceContext, row: HouseholdChangeRequest) -> dict[str, Any]:
    payload = dict(row.payload)
    household = changes.get_household_row(session, row.household_id)
    relations: dict[str, str] = dict(payload.get("relations") or {})
    present = _present(session, row, row.person_id, *relations)
    if household.head_person_id != payload.get("old_head_person_id") and household.head_person_id in present:
        raise InputRejected(STATE_CHANGED.format(number=row.number, detail="kepala keluarga sudah berganti"))
    today, reason = ctx.today(), f"Ganti kepala keluarga ({row.number})"
    for person_id, relation in relations.items():
        changes.change_relation(session, present[person_id], relation, on=today, reason=reason)
    _set_head(session, household, present[str(row.person_id)], on=today, reason=reason)
    return payload


def _apply_split(session: DbSession, ctx: ServiceContext, row: HouseholdChangeRequest) -> dict[str, Any]:
    payload = dict(row.payload)
    old = changes.get_household_row(session, row.household_id)
    moving = [str(p) for p in payload["person_ids"]]
    present = _present(session, row, *moving)
    if old.head_person_id in moving:
        raise InputRejected(STATE_CHANGED.format(number=row.number, detail="kepala keluarga ikut pindah"))
    today = ctx.today()
    kk_number = payload.get("kk_number")
    if kk_number and households.households_with_kk(session, str(kk_number)):
        raise InputRejected(STATE_CHANGED.format(number=row.number, detail="nomor KK baru sudah dipakai"))
    head = present[str(payload["new_head_person_id"])]
    new = households.insert_household(
        session, number=new_household_number(session), kk_number=kk_number, no_kk_reason=payload.get("no_kk_reason"),
        head_name=head.name, head_person_id=head.id, address=str(payload["address"]), rt=str(payload["rt"]),
        rw=str(payload["rw"]), hamlet=str(payload.get("hamlet") or ""), village_code=old.village_code,
    )
    session.flush()
    if kk_number:
        changes.add_kk_history(session, household_id=new.id, kk_number=str(kk_number), on=today,
                               reason=f"Pisah KK dari {old.number} ({row.number})")
    relations: dict[str, str] = dict(payload.get("relations") or {})
    for person_id in moving:
        person = present[person_id]
        relation = HEAD_RELATION if person_id == head.id else relations[person_id]
        changes.close_membership(session, household_id=old.id, person_id=person_id, on=today,
                                 reason=f"Pisah KK ke {new.number} ({row.number})")
        person.household_id = new.id
        person.relation = relation
        changes.open_membership(session, household_id=new.id, person_id=person_id, relation=relation, on=today,
                                reason=f"Pisah KK dari {old.number} ({row.number})")
    payload["new_household_id"] = new.id
    payload["new_household_number"] = new.number
    return payload


def _apply_leave(session: DbSession, ctx: ServiceContext, row: HouseholdChangeRequest) -> dict[str, Any]:
    payload = dict(row.payload)
    household = changes.get_household_row(session, row.household_id)
    new_head_id = payload.get("new_head_person_id")
    present = _present(session, row, row.person_id, new_head_id)
    person = present[str(row.person_id)]
    died = row.kind == ChangeKind.MENINGGAL
    on = date.fromisoformat(str(payload["event_date"]))
    label = "Meninggal" if died else "Pindah"
    person.residence_status = "MENINGGAL" if died else "PINDAH"
    changes.close_membership(session, household_id=row.household_id, person_id=person.id, on=on,
                             reason=f"{label} ({row.number})")
    if person.id == household.head_person_id and new_head_id:
        _set_head(session, household, present[str(new_head_id)], on=ctx.today(),
                  reason=f"Kepala keluarga {label.lower()} ({row.number})")
    return payload


APPLY: dict[ChangeKind, Apply] = {
    ChangeKind.TAMBAH_ANGGOTA: _apply_add, ChangeKind.KELUARKAN_ANGGOTA: _apply_remove,
    ChangeKind.GANTI_KEPALA: _apply_head, ChangeKind.PISAH_KK: _apply_split, ChangeKind.PINDAH: _apply_leave,
    ChangeKind.MENINGGAL: _apply_leave,
}
