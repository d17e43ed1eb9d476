"""Unmasking a NIK or No. KK (design/domain.md §7.2 point 3): screens, slips and logs show them masked
(3322••••••••0001); a user holding UNMASK_ID can see one number in full for a stated reason, and each reveal is an
UNMASK audit event naming the record, the field and the reason. The number is returned to the caller only: it is
never written to the audit trail or the log.
"""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.repositories import households
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.specific_data import ADULT_AGE
from puskesos_desk.services.context import ServiceContext

#: Reasons the reveal dialog offers; any other short text is accepted too.
REASON_PRESETS: tuple[str, ...] = ("Verifikasi dokumen warga", "Pengisian formulir instansi")
REASON_MAX_LENGTH = 200


def reveal_ids(ctx: ServiceContext, *, person_id: str | None = None, household_id: str | None = None,
               reason: str) -> str:
    """The full NIK of `person_id`, or the full No. KK of `household_id` (exactly one of them), audited as UNMASK.

    A child's NIK is a child's data (specific data, UU PDP Ps. 4), so it also needs VIEW_SPECIFIC_DATA.
    """
    ctx.require(Permission.UNMASK_ID)
    if (person_id is None) == (household_id is None):
        raise ValueError("reveal_ids needs exactly one of person_id and household_id")
    why = " ".join(reason.split())
    if not why:
        raise InputRejected("Tuliskan alasan menampilkan nomor lengkap, misalnya \"Verifikasi dokumen warga\".",
                            field="reason")
    if len(why) > REASON_MAX_LENGTH:
        raise InputRejected(f"Alasan terlalu panjang; cukup satu kalimat pendek (paling banyak {REASON_MAX_LENGTH} "
                            "huruf).", field="reason")
    with ctx.db.transaction(ctx.actor) as session:
        if person_id is not None:
            person = households.get_person(session, person_id)
            if _is_minor(person.birth_date, ctx.today()):
                ctx.require(Permission.VIEW_SPECIFIC_DATA)
            if not person.nik:
                raise InputRejected(f"{person.name} belum memiliki NIK yang tercatat.", field="nik")
            entity, entity_id, field, value = "person", person.id, "nik", person.nik
        else:
            household = households.get_household(session, household_id or "")
            if not household.kk_number:
                raise InputRejected("Keluarga ini belum memiliki No. KK yang tercatat.", field="kk_number")
            entity, entity_id, field, value = "household", household.id, "kk_number", household.kk_number
        append_event(session, AuditAction.UNMASK, entity=entity, entity_id=entity_id, changes={"field": field},
                     reason=why, actor=ctx.actor)
        return value


def _is_minor(born: date | None, today: date) -> bool:
    if born is None:
        return False
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day)) < ADULT_AGE
