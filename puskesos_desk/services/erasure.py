"""A resident's request to delete their data (UU PDP Ps. 41–44), within the law's limits.

The data stays while it is needed for a service still under way (an open referral or complaint), and a head of a
household with other living members is refused until the head is changed: the household's other members still
receive services under that family card. Otherwise the person is anonymised with the retention job's rules
(domain/retention.py): the row and its id stay, so the reports still count the visits and referrals.
"""

from __future__ import annotations

from dataclasses import dataclass

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.repositories import retention as repo
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import Conflict, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.retention import check_reason


@dataclass(frozen=True)
class ErasureResult:
    person_id: str
    household_anonymised: bool
    counts: dict[str, int]
    audit_event_id: str


class ErasureRefused(Conflict):
    """The law keeps the data for now; the message says why and what would allow it."""


def erase_person(ctx: ServiceContext, person_id: str, *, reason: str) -> ErasureResult:
    ctx.require(Permission.HANDLE_DATA_REQUESTS)
    why = check_reason(reason)
    with ctx.db.transaction(ctx.actor) as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("Data warga tidak ditemukan.")
        if person.anonymised_at is not None:
            raise ErasureRefused("Data warga ini sudah dianonimkan sebelumnya.")
        referrals, complaints = repo.person_open_cases(session, person_id)
        if referrals or complaints:
            raise ErasureRefused(
                f"Permintaan hapus belum dapat dilaksanakan: warga ini masih memiliki {referrals} rujukan dan "
                f"{complaints} keluhan yang belum selesai. Data yang diperlukan untuk pelayanan yang sedang berjalan "
                "tetap disimpan (UU PDP). Selesaikan atau batalkan dulu, lalu ulangi permintaan ini.")
        household = session.get(Household, person.household_id) if person.household_id else None
        is_head = household is not None and household.head_person_id == person_id
        others = [pid for pid in repo.living_members(session, household.id) if pid != person_id] if is_head \
            and household is not None else []
        if others:
            raise ErasureRefused(
                f"Warga ini kepala keluarga dengan {len(others)} anggota lain yang masih tinggal. Ganti kepala "
                "keluarga lebih dulu (perubahan susunan keluarga), lalu ulangi permintaan hapus.")
        when, removed = ctx.now(), repo.Removed()
        # Flush nothing from the ORM over the Core updates below: the person row was only read.
        session.expunge(person)
        repo.anonymise_persons(session, [person_id], when, ctx.actor.id, removed)
        repo.clear_case_text(session, household_ids=(), person_ids=[person_id], when=when, actor_id=ctx.actor.id,
                             removed=removed)
        household_anonymised = is_head and household is not None
        if household_anonymised and household is not None:
            household_id = household.id
            session.expunge(household)
            repo.anonymise_household_rows(session, [household_id], when, ctx.actor.id, removed)
        event = append_event(session, AuditAction.PURGE, entity="person", entity_id=person_id, reason=why, changes={
            "request": "PERMINTAAN_HAPUS", "counts": dict(sorted(removed.counts.items())),
            "person_ids": removed.person_ids, "household_ids": removed.household_ids,
        })
        return ErasureResult(person_id, household_anonymised, dict(removed.counts), event.id)
