"""Referrals for service tests: a household, the actors who draft, decide and follow up, and referrals brought to a
given status through the services themselves (the slip is 'printed' through the real printing service)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from conftest import KOORDINATOR_PASSWORD

import tests.services.casework_rows as rows
from puskesos_desk.data.repositories import reference
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus, Role
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.domain.referrals import ReferralChange, ReferralDraft
from puskesos_desk.services.auth import create_user, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import approve_referral, change_status, create_referral, mark_overdue
from puskesos_desk.services.slips import issue_slip

BO_PASSWORD = "petugas-bo-rahasia-1"
DAY = date(2026, 3, 2)  # a Monday with no holiday near it
OVERDUE_DAY = date(2026, 6, 1)  # long after any response time from DAY


@dataclass(frozen=True)
class Desk:
    bo: ServiceContext  # drafts
    koordinator: ServiceContext  # decides, prints, follows up
    household: HouseholdRecord
    services: dict[str, Any]  # code → ServiceItem

    def on(self, day: date) -> Desk:
        return replace(self, bo=rows.clocked(self.bo, day), koordinator=rows.clocked(self.koordinator, day))


def desk(site_db: Any, day: date = DAY) -> Desk:
    create_user(site_db.cli, username="petugas.bo", full_name="Rina Kartika", role=Role.PETUGAS_BO,
                password=BO_PASSWORD)
    bo = sign_in(site_db.db, username="petugas.bo", password=BO_PASSWORD).actor
    koordinator = sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor
    with site_db.db.reading() as session:
        services = {s.code: s for s in reference.services(session)}
    home = rows.household(rows.clocked(site_db.cli, day))
    return Desk(bo=rows.clocked(ServiceContext(site_db.db, bo), day),
                koordinator=rows.clocked(ServiceContext(site_db.db, koordinator), day), household=home,
                services=services)


def draft(d: Desk, service_code: str = "DINSOS-PBI-REAKTIVASI", **changes: Any) -> ReferralDraft:
    head = d.household.members[0]
    service = d.services[service_code]
    base = ReferralDraft(
        household_id=d.household.id, person_id=head.id, service_id=service.id,
        requested_service="Pengaktifan kembali PBI-JK", problem_summary="PBI nonaktif saat berobat ke puskesmas",
        documents_attached=tuple(service.required_documents[:2]),
    )
    return replace(base, **changes)


FEEDBACK = {
    ReferralStatus.DITERIMA: {},
    ReferralStatus.DIPROSES: {},
    ReferralStatus.SELESAI: {"outcome": ReferralOutcome.TERLAYANI_PENUH},
    ReferralStatus.DITOLAK: {"rejection_reason": "Bukan wilayah layanan kami"},
}


def change(referral_id: str, status: ReferralStatus, **extra: Any) -> ReferralChange:
    fields: dict[str, Any] = {"notes": "Catatan uji"}
    if status in FEEDBACK:
        fields.update(source=FeedbackSource.LEMBAR_BALASAN.value, **FEEDBACK[status])
    fields.update(extra)
    return ReferralChange(referral_id=referral_id, status=status, **fields)


# The shortest path from a fresh draft to each status, step by step.
PATHS: dict[ReferralStatus, tuple[ReferralStatus, ...]] = {
    ReferralStatus.DRAFT: (),
    ReferralStatus.DISETUJUI: (ReferralStatus.DISETUJUI,),
    ReferralStatus.DIKIRIM: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM),
    ReferralStatus.DITERIMA: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DITERIMA),
    ReferralStatus.DIPROSES: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DIPROSES),
    ReferralStatus.SELESAI: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.SELESAI),
    ReferralStatus.DITOLAK: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DITOLAK),
    ReferralStatus.DIBATALKAN: (ReferralStatus.DIBATALKAN,),
    ReferralStatus.TIDAK_ADA_KABAR: (ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM,
                                     ReferralStatus.TIDAK_ADA_KABAR),
}


def step(d: Desk, referral_id: str, status: ReferralStatus) -> None:
    """Move one step the way the desk does it: approve, print, let the response time pass, or record news."""
    ctx = d.koordinator
    if status is ReferralStatus.DISETUJUI:
        approve_referral(ctx, referral_id)
    elif status is ReferralStatus.DIKIRIM:
        issue_slip(ctx, referral_id, paper=Paper.A4, channel=OutputChannel.CETAK)
    elif status is ReferralStatus.TIDAK_ADA_KABAR:
        assert mark_overdue(rows.clocked(ctx, OVERDUE_DAY)) >= 1
    else:
        change_status(ctx, change(referral_id, status))


def referral_in(d: Desk, status: ReferralStatus) -> str:
    record = create_referral(d.bo, draft(d))
    for target in PATHS[status]:
        step(d, record.id, target)
    return record.id
