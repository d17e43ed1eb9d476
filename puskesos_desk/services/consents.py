"""Withdrawing an explicit consent (UU PDP Ps. 9: the resident may withdraw consent at any time).

Only consent given under Ps. 20(2)(a) can be withdrawn; the notice recorded under the public-service basis
(Ps. 20(2)(e)) is not a consent and stays. A withdrawal does not undo what was already shared; it stops new sharing:
a referral to a non-government body then needs consent again (services/referrals.needs_consent). The withdrawal
travels to the district with the consent row (DITARIK in the exchange sheet).
"""

from __future__ import annotations

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.repositories import visits
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext

EXPLICIT_BASIS = "PS20A_PERSETUJUAN"
REASON_MAX_LENGTH = 200


def withdraw_consent(ctx: ServiceContext, consent_id: str, *, reason: str) -> None:
    """Mark an explicit consent withdrawn now, with the resident's reason, audited. Anyone who records visits may
    do it: the resident says so at the desk."""
    ctx.require(Permission.RECORD_VISIT)
    why = " ".join(reason.split())
    if not why:
        raise InputRejected("Tuliskan alasan atau keterangan pencabutan (mis. \"permintaan warga di loket\").",
                            field="reason")
    if len(why) > REASON_MAX_LENGTH:
        raise InputRejected(f"Keterangan paling banyak {REASON_MAX_LENGTH} huruf.", field="reason")
    with ctx.db.transaction(ctx.actor) as session:
        consent = visits.get_consent(session, consent_id)
        if consent is None or consent.deleted_at is not None:
            raise NotFound("Catatan persetujuan ini tidak ada lagi; muat ulang daftarnya.")
        if consent.legal_basis != EXPLICIT_BASIS:
            raise InputRejected("Pemberitahuan untuk pelayanan publik bukan persetujuan dan tidak dapat dicabut; yang "
                                "dapat dicabut hanya persetujuan tegas (Pasal 20 ayat 2 huruf a).")
        if consent.withdrawn_at is not None:
            raise InputRejected("Persetujuan ini sudah dicabut sebelumnya.")
        consent.withdrawn_at = ctx.now()
        session.flush()  # the UPDATE event first, then the reason beside it
        append_event(session, AuditAction.STATUS_CHANGE, entity="consent", entity_id=consent.id,
                     changes={"withdrawn": True}, reason=why, actor=ctx.actor)
