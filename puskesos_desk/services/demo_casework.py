"""Demo casework through the real services: complaints and needs arising from visits, participation known from the
extract, DTSEN proposals and pending household changes. Each case runs with the clock of its visit, so due dates
fall where they would have, and older complaints move on through the real status service."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from puskesos_desk.data.db import DbSession
from puskesos_desk.domain.casework import (
    ChangeRequestDraft,
    ComplaintDraft,
    NeedDraft,
    NeedRecord,
    ParticipationDraft,
    ProposalDraft,
)
from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.casework import record_complaint_in, record_need_in, record_participation_in
from puskesos_desk.services.changes import request_change_in
from puskesos_desk.services.complaints import update_complaint_status_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.proposals import advance_proposal, create_proposal_in


@dataclass(frozen=True)
class Referable:
    """A case that may lead to a referral: a complaint, and the need found with it if one was recorded."""

    visit: DemoVisit
    domain: str
    complaint_id: str
    need: NeedRecord | None


@dataclass(frozen=True)
class DemoVisit:
    visit_id: str
    household_id: str
    person_id: str
    moment: datetime
    purpose_index: int


# purpose index (demo.PURPOSES) -> (complaint kind, category, programme, need domain or None)
CASES: dict[int, tuple[str, str, str | None, str | None]] = {
    0: ("PENGADUAN", "PBI_NONAKTIF", "PBI_JK", "KESEHATAN"),
    1: ("PENGADUAN", "BANSOS_TIDAK_DITERIMA", "PKH", "TUNAI"),
    2: ("PERTANYAAN", "LAYANAN_KESEHATAN", "SK_DTKS", "DATA"),
    3: ("PERTANYAAN", "BELUM_TERDAFTAR_DTSEN", None, "DATA"),
    4: ("PERTANYAAN", "DOKUMEN_KEPENDUDUKAN", "ADMINDUK", "ADMINDUK"),
    5: ("PENGADUAN", "BANSOS_TIDAK_DITERIMA", "SEMBAKO", "PANGAN"),
    6: ("PENGADUAN", "DATA_DTSEN_TIDAK_SESUAI", None, "DATA"),
    7: ("PERTANYAAN", "PERUMAHAN", "RTLH", "PERUMAHAN"),
    8: ("PERTANYAAN", "PENDIDIKAN", "PIP", "PENDIDIKAN"),
    9: ("PENGADUAN", "PERLINDUNGAN", None, "REHSOS"),
    10: ("PERTANYAAN", "DOKUMEN_KEPENDUDUKAN", "ADMINDUK", "ADMINDUK"),
    11: ("PENGADUAN", "PBI_NONAKTIF", "PBI_JK", "KESEHATAN"),
    12: ("SARAN", "LAINNYA", None, None),
}
# A poor household's house as a home visit records it (kondisi_rumah_* codes), and the 262 answers that follow.
POOR_HOUSING = {
    "atap": ("GENTENG", "ASBES", "SENG"),
    "dinding": ("TEMBOK_TANPA_PLESTER", "KAYU_PAPAN", "ANYAMAN_BAMBU"),
    "lantai": ("TANAH", "SEMEN_BATA_MERAH"),
    "sumber_air": ("SUMUR_TAK_TERLINDUNG", "SUMUR_TERLINDUNG", "MATA_AIR_TERLINDUNG"),
    "penerangan": ("PLN_450", "PLN_TANPA_METERAN"),
    "bahan_bakar": ("KAYU_BAKAR", "ELPIJI_3KG"),
    "fasilitas_bab": ("BERSAMA", "UMUM", "TIDAK_ADA"),
}
ANSWERS = (
    "Sudah dijelaskan alur dan persyaratannya; warga akan melengkapi dokumen.",
    "Data sudah diperiksa bersama operator SIKS-NG desa.",
    "Diteruskan ke pendamping PKH; warga sudah mendapat kabar.",
    "Warga sudah mendapat layanan yang dibutuhkan.",
)


def _at(ctx: ServiceContext, moment: datetime) -> ServiceContext:
    return ServiceContext(ctx.db, ctx.actor, clock=lambda: moment)


def casework_for_visits(session: DbSession, ctx: ServiceContext, rng: random.Random,
                        visits: list[DemoVisit], counts: Counter[str],
                        referable: list[Referable] | None = None) -> None:
    now = ctx.now()
    for visit in visits:
        kind, category, program, domain = CASES[visit.purpose_index % len(CASES)]
        if rng.random() < 0.25:
            continue  # many visits are settled at the desk with nothing to follow up
        at_visit = _at(ctx, visit.moment)
        session.info["clock"] = at_visit.clock
        complaint = record_complaint_in(session, at_visit, ComplaintDraft(
            household_id=visit.household_id, person_id=visit.person_id, visit_id=visit.visit_id, kind=kind,
            category_code=category, program_code=program,
            description="Warga menyampaikan: " + ("keperluan sesuai catatan kunjungan." if kind != "SARAN"
                                                 else "usul jam layanan Puskesos diperpanjang."),
        ))
        counts["complaints"] += 1
        age_days = (now - visit.moment).days
        if age_days > 20 and rng.random() < 0.97:
            later = _at(ctx, visit.moment + timedelta(days=rng.randint(1, 12)))
            session.info["clock"] = later.clock
            step = update_complaint_status_in(session, later, complaint.id, status=ComplaintStatus.DITANGANI,
                                              expected_version=complaint.row_version)
            final = ComplaintStatus.SELESAI if rng.random() < 0.88 else ComplaintStatus.TIDAK_DAPAT_DITANGANI
            update_complaint_status_in(session, later, complaint.id, status=final, answer=rng.choice(ANSWERS),
                                       expected_version=step.row_version)
            counts["complaints_closed"] += 1
        elif age_days > 3 and rng.random() < 0.6:
            next_day = _at(ctx, visit.moment + timedelta(days=1))
            session.info["clock"] = next_day.clock
            update_complaint_status_in(session, next_day, complaint.id, status=ComplaintStatus.DITANGANI,
                                       expected_version=complaint.row_version)
        need = None
        if domain and age_days <= 45 and rng.random() < 0.5:
            session.info["clock"] = at_visit.clock
            need = record_need_in(session, at_visit, NeedDraft(
                household_id=visit.household_id, person_id=visit.person_id, visit_id=visit.visit_id,
                domain_code=domain, proposed_program=program, complaint_id=complaint.id,
                description="Kebutuhan yang teridentifikasi saat kunjungan.",
            ))
            counts["needs"] += 1
        if domain and kind == "PENGADUAN" and referable is not None:
            referable.append(Referable(visit=visit, domain=domain, complaint_id=complaint.id, need=need))
    session.info.pop("clock", None)


def participation_from_extract(session: DbSession, ctx: ServiceContext, rng: random.Random,
                               households: list[HouseholdRecord], in_extract: dict[str, dict[str, bool]],
                               counts: Counter[str]) -> None:
    """What the officer recorded from cards seen and the extract: programmes the household really receives."""
    for household in households:
        flags = in_extract.get(household.id)
        if not flags:
            continue
        for program, active in flags.items():
            if not active or rng.random() < 0.4:
                continue
            head = household.members[0]
            record_participation_in(session, ctx, ParticipationDraft(
                household_id=household.id, program_code=program, active=rng.random() > 0.08,
                person_id=None if program != "PBI_JK" else head.id,
                source=rng.choice(["EKSTRAK_DTSEN", "KARTU_DILIHAT", "PERNYATAAN_WARGA"]),
                since=ctx.today() - timedelta(days=rng.randint(200, 2000)),
            ))
            counts["participations"] += 1


def _home_visit(rng: random.Random) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, bool], ...]]:
    housing = {item: rng.choice(options) for item, options in POOR_HOUSING.items()}
    criteria = {
        "TIDAK_ADA_TEMPAT_TINGGAL": False,
        "KK_TIDAK_BEKERJA": rng.random() < 0.3,
        "KHAWATIR_TIDAK_MAKAN": rng.random() < 0.6,
        "PENGELUARAN_PANGAN_TINGGI": rng.random() < 0.8,
        "TIDAK_BELI_PAKAIAN": rng.random() < 0.5,
        "LANTAI_TANAH_PLESTERAN": housing["lantai"] == "TANAH",
        "DINDING_TIDAK_LAYAK": housing["dinding"] != "TEMBOK_TANPA_PLESTER",
        "TIDAK_ADA_JAMBAN_SENDIRI": True,
        "LISTRIK_450_ATAU_TIDAK_ADA": True,
    }
    return tuple(housing.items()), tuple(criteria.items())


def proposals_and_changes(ctx: ServiceContext, rng: random.Random, households: list[HouseholdRecord],
                          in_extract: dict[str, dict[str, bool]], counts: Counter[str]) -> None:
    outside = [h for h in households if h.id not in in_extract]
    # Proposals spread over the year, each made 2–10 weeks before its musdes. Their own generator keeps the main
    # stream (and so the rest of the demo) as it was.
    timing = random.Random(len(households))
    for household in rng.sample(outside, k=min(len(outside), max(1, len(households) // 40))):
        housing, criteria = _home_visit(rng)
        made = ctx.now() - timedelta(days=timing.randint(70, 330))
        made_ctx = _at(ctx, made)
        with ctx.db.transaction(ctx.actor) as session:
            session.info["clock"] = made_ctx.clock
            proposal = create_proposal_in(session, made_ctx, ProposalDraft(
                household_id=household.id, kind="BARU", requested_programs=("PKH", "PBI"), housing=housing,
                criteria=criteria,
                notes="Keluarga belum ada di DTSEN; diusulkan setelah kunjungan rumah.",
            ))
        counts["proposals"] += 1
        stage = rng.random()
        if stage < 0.35:
            continue
        proposal = advance_proposal(ctx, proposal_id=proposal.id, expected_version=proposal.row_version,
                                    to_status="SIAP_MUSDES")
        if stage < 0.6:
            continue
        musdes = min(ctx.today(), made.date() + timedelta(days=14 + rng.randint(10, 60)))
        advance_proposal(ctx, proposal_id=proposal.id, expected_version=proposal.row_version,
                         to_status="DIAJUKAN", musdes_date=musdes,
                         musdes_minutes_number=f"{rng.randint(1, 40):02d}/BA-MUSDES/{musdes.year}")
    # A member other than the head (a head leaving needs a new head chosen, which the family decides at the desk).
    with_others = [h for h in households if any(m.relation != "KEPALA_KELUARGA" for m in h.members)]
    for household in rng.sample(with_others, k=min(len(with_others), max(1, len(households) // 100))):
        member = next(m for m in reversed(household.members) if m.relation != "KEPALA_KELUARGA")
        kind = "MENINGGAL" if rng.random() < 0.3 else "PINDAH"
        with ctx.db.transaction(ctx.actor) as session:
            request_change_in(session, ctx, ChangeRequestDraft(
                household_id=household.id, kind=kind, person_id=member.id,
                reason="Dilaporkan keluarga saat kunjungan." if kind == "MENINGGAL"
                else "Pindah bekerja ke luar kota.",
                event_date=ctx.today() - timedelta(days=rng.randint(5, 90)),
                destination="" if kind == "MENINGGAL" else "Kota Semarang",
            ))
        counts["change_requests"] += 1


