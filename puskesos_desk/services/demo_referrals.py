"""Demo referrals through the real services, in every state: drafts waiting for the Koordinator, approved slips
ready to print, slips handed over and waiting, answered, served, refused, cancelled, and some with no news.

Each step runs with the clock of the day it happened, so letter numbers, dates and response times fall where they
would have. Services that need explicit consent (non-government) are left out: the demo visits record none.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

from puskesos_desk.data.repositories import reference
from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.reference import ServiceItem
from puskesos_desk.domain.referrals import ReferralChange, ReferralDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo_casework import Referable
from puskesos_desk.services.referrals import approve_referral, change_status_in, create_referral_in, mark_overdue
from puskesos_desk.services.slips import issue_in

SHARE = 0.3  # of the complaints with a need behind them, how many lead to a referral
NEWEST_DRAFTS = 2  # the newest referrals wait for the Koordinator …
NEWEST_APPROVED = 3  # … the ones before them are approved and ready to print …
NEWEST_SENT = 3  # … and the ones before those were handed over yesterday and are still waiting for an answer
OUTCOMES = ((ReferralOutcome.TERLAYANI_PENUH, 70), (ReferralOutcome.TERLAYANI_SEBAGIAN, 20),
            (ReferralOutcome.TIDAK_TERLAYANI, 10))
SOURCES = ((FeedbackSource.LEMBAR_BALASAN, 55), (FeedbackSource.TELEPON, 25), (FeedbackSource.LAPORAN_WARGA, 15),
           (FeedbackSource.SEKRETARIAT, 5))
REJECTIONS = ("Persyaratan belum lengkap: surat keterangan dari fasilitas kesehatan belum ada.",
              "Warga berdomisili di luar wilayah layanan kami.", "Kuota program tahun ini sudah penuh.")


def _at(ctx: ServiceContext, moment: datetime) -> ServiceContext:
    return ServiceContext(ctx.db, ctx.actor, clock=lambda: moment)


def _pick(rng: random.Random, weighted: tuple[tuple[object, int], ...]) -> object:
    return rng.choices([item for item, _ in weighted], [weight for _, weight in weighted])[0]


def _service_for(rng: random.Random, services: list[ServiceItem], domain: str) -> ServiceItem | None:
    matching = [s for s in services if domain in s.need_domains and not s.needs_explicit_consent
                and s.organization_kind != "non_pemerintah"]
    return rng.choice(matching) if matching else None


def demo_referrals(bo: ServiceContext, koordinator: ServiceContext, rng: random.Random,
                   cases: list[Referable], counts: Counter[str]) -> None:
    now = bo.now()
    with bo.db.reading() as session:
        services = reference.services(session)
    # Older referrals take the rarer outcomes first, so even a small demo shows every state at least once.
    rare = ["DIBATALKAN", "SELESAI", "DITOLAK", "DITERIMA", "DIPROSES"]
    unanswered = [True]
    in_order = sorted(cases, key=lambda c: c.visit.moment)
    chosen = [(case, service) for case in in_order
              if rng.random() < SHARE and (service := _service_for(rng, services, case.domain)) is not None]
    chosen = _at_least(rng, services, in_order, chosen, NEWEST_DRAFTS + NEWEST_APPROVED + NEWEST_SENT + len(rare) + 2)
    for index, (case, service) in enumerate(chosen):
        drafted_at = case.visit.moment + timedelta(hours=rng.randint(1, 30))
        if drafted_at >= now:
            drafted_at = case.visit.moment
        from_end = len(chosen) - index
        stop = _forced_stop(from_end)
        if stop is not None:  # the desk's current work: drafted within the last day, whatever the visit date
            drafted_at = max(drafted_at, now - timedelta(hours=3 * from_end))
        _one(bo, koordinator, rng, case, service, drafted_at, now, counts, stop, rare, unanswered)
    # With today's clock: whatever has waited past its response time now shows as "no news".
    counts["referrals_no_news"] = mark_overdue(koordinator)


def _at_least(rng: random.Random, services: list[ServiceItem], in_order: list[Referable],
              chosen: list[tuple[Referable, ServiceItem]], wanted: int) -> list[tuple[Referable, ServiceItem]]:
    """The chosen cases, topped up to `wanted` (when there are that many) with cases spread over the year. A small
    demo drew as few as 6 referrals on some days, too few to show every state (and the tests that count on it)."""
    if len(chosen) >= wanted:
        return chosen  # the common case: the draw above, unchanged
    taken = {id(case) for case, _ in chosen}
    spare = [case for case in in_order if id(case) not in taken]
    step = max(1, len(spare) // (wanted - len(chosen)))
    for case in spare[::step]:
        if len(chosen) >= wanted:
            break
        service = _service_for(rng, services, case.domain)
        if service is not None:
            chosen.append((case, service))
    return sorted(chosen, key=lambda pair: pair[0].visit.moment)


def _forced_stop(from_end: int) -> str | None:
    if from_end <= NEWEST_DRAFTS:
        return "DRAFT"
    if from_end <= NEWEST_DRAFTS + NEWEST_APPROVED:
        return "DISETUJUI"
    if from_end <= NEWEST_DRAFTS + NEWEST_APPROVED + NEWEST_SENT:
        return "DIKIRIM"
    return None


def _one(bo: ServiceContext, koordinator: ServiceContext, rng: random.Random, case: Referable,
         service: ServiceItem, drafted_at: datetime, now: datetime, counts: Counter[str], stop: str | None,
         rare: list[str], unanswered: list[bool]) -> None:
    age_days = (now - drafted_at).days
    at_draft = _at(bo, drafted_at)
    visit = case.visit
    with bo.db.transaction(bo.actor) as session:
        session.info["clock"] = at_draft.clock
        record = create_referral_in(session, at_draft, ReferralDraft(
            household_id=visit.household_id, person_id=visit.person_id, service_id=service.id,
            requested_service=service.name, need_id=case.need.id if case.need else None,
            complaint_id=case.complaint_id, visit_id=visit.visit_id,
            problem_summary=f"Warga datang pada {visit.moment:%d-%m-%Y} dan membutuhkan layanan: "
                            f"{service.name.lower()}. Mohon dibantu sesuai ketentuan.",
            documents_attached=tuple(d for d in service.required_documents if rng.random() < 0.7),
        ))
    counts["referrals"] += 1
    if stop == "DRAFT":
        counts["referrals_draft"] += 1
        return  # waiting for the Koordinator
    if age_days > 30 and (rng.random() < 0.04 or rare[:1] == ["DIBATALKAN"]):
        if "DIBATALKAN" in rare:
            rare.remove("DIBATALKAN")
        with bo.db.transaction(bo.actor) as session:
            session.info["clock"] = at_draft.clock
            change_status_in(session, at_draft, ReferralChange(
                referral_id=record.id, status=ReferralStatus.DIBATALKAN,
                notes="Warga sudah mendapat layanan lain sebelum surat dicetak."))
        counts["referrals_cancelled"] += 1
        return
    approved_at = min(drafted_at + timedelta(hours=rng.randint(1, 20)), now)
    approve_referral(_at(koordinator, approved_at), record.id)
    if stop == "DISETUJUI":
        counts["referrals_ready_to_print"] += 1
        return  # approved, the slip not printed yet
    printed_at = approved_at + timedelta(minutes=rng.randint(5, 90))
    at_print = _at(koordinator, min(printed_at, now))
    with koordinator.db.transaction(koordinator.actor) as session:
        session.info["clock"] = at_print.clock
        issue_in(session, at_print, record.id)
    counts["referrals_sent"] += 1
    answer_days = rng.randint(1, service.response_days + 4)
    if stop == "DIKIRIM" or rng.random() < 0.15 or age_days < answer_days:
        return  # still waiting; mark_overdue decides whether it is late
    if unanswered and age_days > 60:
        unanswered.pop()  # one old slip never answered (mark_overdue: TIDAK ADA KABAR), whatever day the demo runs
        return
    forced = rare.pop(0) if rare and age_days > 30 else None
    _feedback(bo, rng, record.id, printed_at, answer_days, now, counts, forced)


def _feedback(bo: ServiceContext, rng: random.Random, referral_id: str, printed_at: datetime, answer_days: int,
              now: datetime, counts: Counter[str], forced: str | None = None) -> None:
    answered_at = min(printed_at + timedelta(days=answer_days), now)
    at_answer = _at(bo, answered_at)
    source = str(_pick(rng, SOURCES))
    roll = {"DITOLAK": 0.05, "DITERIMA": 0.2, "DIPROSES": 0.3, "SELESAI": 0.9}.get(forced or "", rng.random())
    with bo.db.transaction(bo.actor) as session:
        session.info["clock"] = at_answer.clock
        if roll < 0.1:
            change_status_in(session, at_answer, ReferralChange(
                referral_id=referral_id, status=ReferralStatus.DITOLAK, source=source,
                rejection_reason=rng.choice(REJECTIONS)))
            counts["referrals_rejected"] += 1
            return
        change_status_in(session, at_answer, ReferralChange(
            referral_id=referral_id, status=ReferralStatus.DITERIMA, source=source))
        if roll < 0.25:
            counts["referrals_received"] += 1
            return
        if roll < 0.35:
            change_status_in(session, at_answer, ReferralChange(
                referral_id=referral_id, status=ReferralStatus.DIPROSES, source=source,
                notes="Berkas sedang diverifikasi lembaga tujuan."))
            counts["referrals_in_process"] += 1
            return
        later = _at(bo, min(answered_at + timedelta(days=rng.randint(0, 10)), now))
        session.info["clock"] = later.clock
        outcome = _pick(rng, OUTCOMES)
        change_status_in(session, later, ReferralChange(
            referral_id=referral_id, status=ReferralStatus.SELESAI, source=source,
            outcome=outcome,  # type: ignore[arg-type]
            notes="Hasil layanan disampaikan melalui lembar balasan." if source == "LEMBAR_BALASAN" else ""))
        counts["referrals_completed"] += 1
