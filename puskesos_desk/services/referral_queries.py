"""Reading referrals: the list with lateness in working days, overdue and ready-to-print views, one referral with
its history, finding one by letter number or scanned QR token, and the per-service statistics."""

from __future__ import annotations

import statistics
from dataclasses import replace
from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import holidays, referrals
from puskesos_desk.domain import slip_token
from puskesos_desk.domain.enums import ReferralOutcome, ReferralStatus
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import ReferralDetail, ReferralRecord, ServiceStats, next_statuses
from puskesos_desk.services import slip_tokens
from puskesos_desk.services.casework import cached
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.followup import place_against_today
from puskesos_desk.services.referrals import permission_for


def _with_lateness(session: DbSession, ctx: ServiceContext, records: list[ReferralRecord]) -> list[ReferralRecord]:
    today = ctx.today()
    calendar = cached(session, "casework.calendar", lambda: holidays.work_calendar(session))
    out = []
    for record in records:
        if record.status in (ReferralStatus.DIKIRIM, ReferralStatus.TIDAK_ADA_KABAR) and record.response_due:
            _, late, _ = place_against_today(calendar, today, record.response_due)
            record = replace(record, working_days_late=late)
        out.append(record)
    return out


def list_referrals(ctx: ServiceContext, *, statuses: tuple[ReferralStatus, ...] = (), text: str = "",
                   household_id: str | None = None, limit: int = 1000) -> list[ReferralRecord]:
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        records = referrals.list_records(session, statuses=[s.value for s in statuses], text=text,
                                         household_id=household_id, limit=limit)
        return _with_lateness(session, ctx, records)


def overdue_referrals(ctx: ServiceContext) -> list[ReferralRecord]:
    """Sent referrals past their response date (waiting or marked 'no news'), the latest first."""
    records = list_referrals(ctx, statuses=(ReferralStatus.DIKIRIM, ReferralStatus.TIDAK_ADA_KABAR))
    late = [r for r in records if (r.working_days_late or 0) > 0]
    return sorted(late, key=lambda r: (-(r.working_days_late or 0), r.number))


def ready_to_print(ctx: ServiceContext) -> list[ReferralRecord]:
    """Approved referrals whose slip has not been printed yet (the batch print), oldest approval first."""
    records = list_referrals(ctx, statuses=(ReferralStatus.DISETUJUI,))
    return sorted(records, key=lambda r: (r.approved_at or r.created_at, r.number))


def referral_detail(ctx: ServiceContext, referral_id: str) -> ReferralDetail:
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        record = _with_lateness(session, ctx, [referrals.referral_record(session, referral_id)])[0]
        allowed = tuple(s for s in next_statuses(record.status)
                        if s not in (ReferralStatus.DIKIRIM, ReferralStatus.TIDAK_ADA_KABAR)
                        and ctx.actor.can(permission_for(s) if s is not ReferralStatus.DISETUJUI
                                          else Permission.APPROVE_REFERRAL))
        return ReferralDetail(referral=record, events=tuple(referrals.events(session, referral_id)),
                              next_statuses=allowed)


def find_referral(ctx: ServiceContext, text: str) -> ReferralRecord:
    """The referral a letter number or a scanned QR token points to; a clear refusal otherwise."""
    ctx.require(Permission.VIEW_CASES)
    cleaned = text.strip()
    if not cleaned:
        raise InputRejected("Ketik nomor surat rujukan atau pindai kode QR-nya.", field="token")
    with ctx.db.reading() as session:
        if slip_token.looks_like_token(cleaned):
            claim = slip_tokens.verify(session, cleaned)
            row = referrals.get_referral(session, claim.referral_id)
            if (row.recipient_snapshot or {}).get("code") != claim.destination:
                raise InputRejected("Kode QR tidak cocok dengan lembaga tujuan rujukan ini.", field="token")
            return referrals.referral_record(session, row.id)
        row = referrals.find_by_number(session, cleaned)
        if row is None:
            raise InputRejected(f"Tidak ada surat rujukan bernomor \"{cleaned}\". Periksa kembali nomornya.",
                                field="token")
        return referrals.referral_record(session, row.id)


def service_statistics(ctx: ServiceContext, *, since: date | None = None) -> list[ServiceStats]:
    """Per service: slips sent, answered, served, and the median working days from sending to the first answer."""
    ctx.require(Permission.VIEW_REPORTS)
    with ctx.db.reading() as session:
        rows = referrals.timelines(session, since=since)
        calendar = cached(session, "casework.calendar", lambda: holidays.work_calendar(session))
    groups: dict[str, list[referrals.TimelineRow]] = {}
    for row in rows:
        if row.sent_at is not None:
            groups.setdefault(row.service_id, []).append(row)
    stats = []
    for items in groups.values():
        first = items[0]
        days = [int(calendar.count_working_days(r.sent_at.astimezone(local_zone()).date(), r.answered_on).value)  # type: ignore[union-attr]
                for r in items if r.answered_on is not None]
        stats.append(ServiceStats(
            service_id=first.service_id, service_code=first.service_code, service_name=first.service_name,
            organization=first.organization, sent=len(items), answered=sum(r.answered_on is not None for r in items),
            served=sum(r.status == ReferralStatus.SELESAI.value and r.outcome in (
                ReferralOutcome.TERLAYANI_PENUH.value, ReferralOutcome.TERLAYANI_SEBAGIAN.value) for r in items),
            waiting=sum(r.status in (ReferralStatus.DIKIRIM.value, ReferralStatus.TIDAK_ADA_KABAR.value)
                        for r in items),
            median_working_days_to_answer=float(statistics.median(days)) if days else None,
        ))
    return sorted(stats, key=lambda s: (-s.sent, s.organization, s.service_name))
