"""Referral slips: what goes on the paper, the preview, and issuing (print or save) with its disclosure record.

The first print or save of an approved referral hands it over (DISETUJUI → DIKIRIM); later ones are reprints and
say so on the page. A draft can be previewed with a "DRAF" watermark but never issued. Identity numbers are masked
unless the referral says the receiving service needs them in full.
"""

from __future__ import annotations

from collections.abc import Sequence

from puskesos_desk import printing
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, referrals, regions
from puskesos_desk.domain.documents import (
    DocumentKind,
    OutputChannel,
    Paper,
    Recipient,
    ResidentIdentity,
    SlipDocument,
)
from puskesos_desk.domain.enums import ROLE_LABELS, ReferralStatus, Role
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import PRINTABLE_STATUSES
from puskesos_desk.services import disclosures, slip_tokens
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import letterhead_in
from puskesos_desk.services.referrals import mark_sent_in

SEX_LABELS = {"L": "Laki-laki", "P": "Perempuan"}
SLIP_PURPOSE = "Rujukan layanan (SLRT)"


def identity_in(session: DbSession, person_id: str, *, full_ids: bool) -> ResidentIdentity:
    person = households.get_person(session, person_id)
    household = households.get_household(session, person.household_id) if person.household_id else None
    show = (lambda value: value or "") if full_ids else mask_id
    nik = show(person.nik) if person.nik else "Belum memiliki NIK"
    kk = show(household.kk_number) if household and household.kk_number else "Belum memiliki KK"
    address = ""
    if household is not None:
        village = regions.region_chain(session, household.village_code)
        street, hamlet = household.address.strip(), household.hamlet.strip()
        # The street line often already names the hamlet ("Dusun Banaran"): say it once.
        hamlet_part = f"Dusun {hamlet}" if hamlet and hamlet.lower() not in street.lower() else ""
        parts = [street, f"RT {household.rt or '-'} / RW {household.rw or '-'}", hamlet_part,
                 village[0][1].title() if village else ""]
        address = ", ".join(p for p in parts if p)
    return ResidentIdentity(name=person.name, nik=nik, kk_number=kk, birth_place=person.birth_place,
                            birth_date=person.birth_date, sex=SEX_LABELS.get(person.sex, person.sex),
                            address=address)


def _title(role: str | None, fallback: str) -> str:
    return ROLE_LABELS[Role(role)] if role in Role.__members__ else fallback


def slip_document_in(session: DbSession, referral_id: str, *, reprint: int = 0) -> SlipDocument:
    row = referrals.get_referral(session, referral_id)
    snapshot = row.recipient_snapshot or {}
    record = referrals.referral_record(session, referral_id)
    service = referrals.get_service(session, row.service_id)
    officer_name, officer_role = referrals.staff(session, row.drafted_by)
    signer_name, signer_role = referrals.staff(session, row.approved_by) if row.approved_by else (None, None)
    contact = " · ".join(str(x) for x in (snapshot.get("contact_name"), snapshot.get("phone"), snapshot.get("email"))
                         if x)
    documents = tuple((name, name in record.documents_attached) for name in (service.required_documents or ()))
    return SlipDocument(
        letterhead=letterhead_in(session), number=row.letter_number, letter_date=row.letter_date,
        recipient=Recipient(organisation=str(snapshot.get("organization") or service.organization),
                            service_name=str(snapshot.get("service_name") or service.service_name),
                            address=str(snapshot.get("address") or ""), contact=contact,
                            hours=str(snapshot.get("hours") or "")),
        resident=identity_in(session, row.person_id, full_ids=row.full_ids_on_slip),
        register=record.register, problem_summary=row.problem_summary, requested_service=row.requested_service,
        documents=documents, officer_name=officer_name, officer_title=_title(officer_role, "Petugas Puskesos"),
        signer_name=signer_name, signer_title=_title(signer_role, "Koordinator Puskesos"),
        token=slip_tokens.issue(session, referral_id=row.id, destination=str(snapshot.get("code") or service.code),
                                letter_date=row.letter_date),
        response_days=int(snapshot.get("response_days") or service.response_days), response_due=row.response_due,
        approved=row.approved_by is not None and row.status != ReferralStatus.DRAFT.value, reprint=reprint,
    )


def preview_slip(ctx: ServiceContext, referral_id: str, paper: Paper = Paper.F4) -> bytes:
    """The slip as it would print now. Nothing is recorded: a preview is not a disclosure."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        row = referrals.get_referral(session, referral_id)
        return printing.render_slip(slip_document_in(session, referral_id, reprint=row.print_count), paper)


def _refusal(number: str, status: ReferralStatus) -> InputRejected:
    if status is ReferralStatus.DRAFT:
        return InputRejected(
            f"Surat rujukan {number} masih draf dan belum disetujui Koordinator, jadi belum boleh dicetak. "
            "Minta Koordinator memeriksa dan menyetujuinya terlebih dahulu.", field="status")
    return InputRejected(f"Surat rujukan {number} sudah dibatalkan dan tidak dapat dicetak.", field="status")


def issue_in(session: DbSession, ctx: ServiceContext, referral_id: str, *, paper: Paper = Paper.F4,
             channel: OutputChannel = OutputChannel.CETAK) -> SlipDocument:
    """Record one issue of the slip in the caller's transaction and return what to lay out."""
    row = referrals.get_referral(session, referral_id)
    status = ReferralStatus(row.status)
    if status not in PRINTABLE_STATUSES:
        raise _refusal(row.letter_number, status)
    if status is ReferralStatus.DISETUJUI:
        mark_sent_in(session, ctx, row.id)
    reprint = row.print_count  # 0 on the first print
    row.print_count += 1
    session.flush()
    document = slip_document_in(session, referral_id, reprint=reprint)
    disclosures.record_output(
        session, document=DocumentKind.SURAT_RUJUKAN, entity="referral", entity_id=row.id, number=row.letter_number,
        channel=channel, paper=paper, recipient=document.recipient.organisation, purpose=SLIP_PURPOSE,
        data_shared=row.data_shared or (), copy=row.print_count,
    )
    return document


def issue_slip(ctx: ServiceContext, referral_id: str, *, paper: Paper = Paper.F4,
               channel: OutputChannel = OutputChannel.CETAK) -> bytes:
    """The PDF to print or save. Records the disclosure; the first one hands the referral over (DIKIRIM)."""
    ctx.require(Permission.CREATE_REFERRAL)
    with ctx.db.transaction(ctx.actor) as session:
        return printing.render_slip(issue_in(session, ctx, referral_id, paper=paper, channel=channel), paper)


def issue_slips(ctx: ServiceContext, referral_ids: Sequence[str], *, paper: Paper = Paper.F4,
                channel: OutputChannel = OutputChannel.CETAK) -> bytes:
    """Several slips as one PDF (the batch print of approved referrals), all recorded in one transaction."""
    ctx.require(Permission.CREATE_REFERRAL)
    if not referral_ids:
        raise InputRejected("Tidak ada surat rujukan yang dipilih untuk dicetak.")
    with ctx.db.transaction(ctx.actor) as session:
        documents = [issue_in(session, ctx, rid, paper=paper, channel=channel) for rid in referral_ids]
        return printing.render_slips(documents, paper)


def issue_slip_by_number(ctx: ServiceContext, number: str, *, paper: Paper = Paper.F4,
                         channel: OutputChannel = OutputChannel.SIMPAN_PDF) -> tuple[str, bytes]:
    """(letter number, PDF) for the CLI: the number as typed, spaces and case forgiven."""
    with ctx.db.reading() as session:
        row = referrals.find_by_number(session, number)
        if row is None:
            raise InputRejected(f"Tidak ada surat rujukan bernomor \"{number.strip()}\". Periksa kembali nomornya.",
                                field="number")
        referral_id, letter_number = row.id, row.letter_number
    return letter_number, issue_slip(ctx, referral_id, paper=paper, channel=channel)
