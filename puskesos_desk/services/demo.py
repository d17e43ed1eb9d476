"""`demo`: a year of realistic activity up to today, made through the real services.

Households go through the same registration code as the desk (validation, NIK checks, duplicate detection,
audit); visits through the same visit code. Work is batched into transactions of a few hundred households so
2,000 households take seconds, not minutes. Deterministic per seed (for a given today).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from puskesos_desk.data.repositories import dashboard, regions, register, sites
from puskesos_desk.data.repositories import users as user_repo
from puskesos_desk.domain.enums import SITE_ROLES, Role, SiteRole, VisitChannel
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.auth import create_user_in
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo_casework import (
    DemoVisit,
    Referable,
    casework_for_visits,
    participation_from_extract,
    proposals_and_changes,
)
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary
from puskesos_desk.services.demo_referrals import demo_referrals
from puskesos_desk.services.demo_register import extract_rows
from puskesos_desk.services.registration import register_household_in
from puskesos_desk.services.visits import record_visit_in

DEMO_FLAG = "demo_generated"
DEMO_STARTED_FLAG = "demo_started"
MAX_HOUSEHOLDS = 50_000
BATCH = 200
DEMO_USERS: dict[Role, tuple[str, str]] = {
    Role.KOORDINATOR: ("koordinator", "Sri Wahyuni"),
    Role.PETUGAS_FO: ("petugas.fo", "Budi Santoso"),
    Role.PETUGAS_BO: ("petugas.bo", "Dewi Lestari"),
    Role.OPERATOR_SIKS: ("operator.siks", "Agus Setiawan"),
    Role.MANAJER_SLRT: ("manajer", "Hendro Wibowo"),
    Role.PETUGAS_SEKRETARIAT: ("sekretariat", "Rina Marlina"),
    Role.OPERATOR_KABUPATEN: ("operator.kab", "Yusuf Hidayat"),
    Role.AUDITOR: ("auditor", "Lina Kusumawati"),
}
PURPOSES = (
    "Menanyakan kepesertaan PBI JK yang nonaktif saat berobat ke puskesmas",
    "Menanyakan bantuan PKH yang tidak cair bulan ini",
    "Minta surat keterangan terdaftar DTSEN untuk keringanan biaya rumah sakit",
    "Mengusulkan keluarga masuk DTSEN karena belum terdaftar",
    "Mengurus akta kelahiran anak yang belum ada",
    "Menanyakan bantuan sembako (BPNT) yang terhenti",
    "Melaporkan data desil keluarga tidak sesuai kondisi",
    "Konsultasi bantuan rumah tidak layak huni (RTLH)",
    "Menanyakan PIP untuk anak sekolah",
    "Melaporkan lansia telantar di lingkungan RT",
    "Mengurus KTP-el yang hilang",
    "Minta rujukan ke Dinas Sosial untuk reaktivasi PBI",
    "Menyampaikan saran jadwal layanan Puskesos",
)


@dataclass
class DemoResult:
    site_code: str
    already_present: bool
    counts: dict[str, int] = field(default_factory=dict)
    users: list[dict[str, str]] = field(default_factory=list)


def _visit_times(rng: random.Random, count: int, ctx: ServiceContext) -> list[datetime]:
    """Office-hour moments on weekdays over the last 12 months, oldest first, none in the future."""
    zone = local_zone()
    now = ctx.now()
    today = ctx.today()
    moments: list[datetime] = []
    while len(moments) < count:
        day = today - timedelta(days=rng.randint(0, 364))
        if day.weekday() >= 5:
            continue
        moment = datetime.combine(day, time(rng.randint(8, 14), rng.randint(0, 59)), tzinfo=zone).astimezone(UTC)
        if moment < now:
            moments.append(moment)
    return sorted(moments)


def check_demo_size(households: int) -> None:
    """Checked before anything is written, so a refused demo changes nothing."""
    if not 1 <= households <= MAX_HOUSEHOLDS:
        raise InputRejected(f"Jumlah keluarga demo harus antara 1 dan {MAX_HOUSEHOLDS:,}.".replace(",", "."),
                            field="households")


def _create_demo_users(ctx: ServiceContext, site_role: SiteRole, seed: int) -> list[dict[str, str]]:
    """All demo accounts in one transaction, with the marker that the demo has started: either every account
    exists (and its password is printed) or none does."""
    created = []
    with ctx.db.transaction(ctx.actor) as session:
        for role in SITE_ROLES[site_role]:
            if role is Role.ADMIN:
                continue
            username, full_name = DEMO_USERS[role]
            info, password = create_user_in(session, username=username, full_name=full_name, role=role)
            created.append({"username": info.username, "full_name": info.full_name, "role": role.value,
                            "password": password or ""})
        sites.set_setting(session, DEMO_STARTED_FLAG, {"seed": seed, "at": ctx.now().isoformat()})
    return created


def _actor_for(ctx: ServiceContext, username: str) -> Actor:
    with ctx.db.reading() as session:
        account = user_repo.get_account(session, username)
        assert account is not None
        return Actor(id=account.id, name=account.username, role=Role(account.role),
                     site_code=ctx.actor.site_code, site_role=ctx.actor.site_role)


def generate_demo(ctx: ServiceContext, *, households: int = 500, seed: int = 2026) -> DemoResult:
    ctx.require(Permission.INITIALISE_SITE)
    check_demo_size(households)
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        if site is None:
            raise InputRejected("Jalankan init terlebih dahulu (atau demo tanpa basis data yang sudah ada).")
        site_code, site_role = site.code, SiteRole(site.role)
        if sites.get_setting(session, DEMO_FLAG):
            return DemoResult(site_code=site_code, already_present=True)
        if sites.get_setting(session, DEMO_STARTED_FLAG):
            raise InputRejected(
                "Pembuatan data demo sebelumnya terhenti di tengah jalan. Gunakan berkas basis data baru "
                "(misalnya --db demo-baru.db) untuk membuat data demo."
            )
        if dashboard.count_households(session):
            raise InputRejected(
                f"Basis data {ctx.db.display_location} sudah berisi data warga yang bukan data demo. "
                "Data demo tidak ditambahkan; gunakan berkas lain, misalnya --db demo.db."
            )
        district = site_code.rsplit(".", 1)[0]
        neighbours = [r.code for r in regions.children(session, site_code[:5])] if site_role is SiteRole.DESA else []
    ctx = ServiceContext(ctx.db, Actor(ctx.actor.id, ctx.actor.name, ctx.actor.role, site_code, site_role), ctx.clock)
    result = DemoResult(site_code=site_code, already_present=False)
    result.users = _create_demo_users(ctx, site_role, seed)
    if site_role is SiteRole.DESA:
        _village_activity(ctx, result, households=households, seed=seed, district=district, neighbours=neighbours)
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, DEMO_FLAG, {"seed": seed, "households": households, "at": ctx.now().isoformat()})
    return result


def _village_activity(ctx: ServiceContext, result: DemoResult, *, households: int, seed: int, district: str,
                      neighbours: list[str]) -> None:
    rng = random.Random(seed)
    factory = HouseholdFactory(rng, Vocabulary.load(), IdentityFactory(rng, district, neighbours), ctx.today())
    fo = ServiceContext(ctx.db, _actor_for(ctx, DEMO_USERS[Role.PETUGAS_FO][0]), ctx.clock)
    bo = ServiceContext(ctx.db, _actor_for(ctx, DEMO_USERS[Role.PETUGAS_BO][0]), ctx.clock)
    registered: list[tuple[str, list[str]]] = []
    records: list[HouseholdRecord] = []
    counts: Counter[str] = Counter()
    for start in range(0, households, BATCH):
        with ctx.db.transaction(fo.actor) as session:
            for _ in range(min(BATCH, households - start)):
                outcome = register_household_in(session, fo, factory.household())
                registered.append((outcome.household.id, [m.id for m in outcome.household.members]))
                records.append(outcome.household)
                counts["households"] += 1
                counts["persons"] += len(outcome.household.members)
                counts["possible_duplicates"] += len(outcome.duplicates)
    channels = list(VisitChannel)
    weights = [70, 12, 12, 4, 2]
    moments = _visit_times(rng, int(households * 1.4), ctx)
    demo_visits: list[DemoVisit] = []
    for start in range(0, len(moments), BATCH):
        officer = fo if start % (2 * BATCH) == 0 else bo
        with ctx.db.transaction(officer.actor) as session:
            for moment in moments[start : start + BATCH]:
                household_id, members = rng.choice(registered)
                applicant = members[0] if rng.random() < 0.7 else rng.choice(members)
                subjects = tuple(rng.sample(members, k=min(len(members), rng.choice([1, 1, 1, 2]))))
                purpose = rng.randrange(len(PURPOSES))
                session.info["clock"] = lambda moment=moment: moment
                visit = record_visit_in(session, officer, VisitDraft(
                    household_id=household_id, applicant_person_id=applicant,
                    applicant_relation="DIRI_SENDIRI" if applicant in subjects else "KELUARGA",
                    purpose=PURPOSES[purpose], channel=rng.choices(channels, weights)[0],
                    subject_person_ids=subjects, occurred_at=moment,
                ))
                demo_visits.append(DemoVisit(visit.id, household_id, subjects[0], moment, purpose))
                counts["visits"] += 1
    in_extract = _load_extract(ctx, rng, records, factory, counts)
    referable: list[Referable] = []
    for start in range(0, len(demo_visits), BATCH):
        with ctx.db.transaction(bo.actor) as session:
            casework_for_visits(session, bo, rng, demo_visits[start : start + BATCH], counts, referable)
    with ctx.db.transaction(bo.actor) as session:
        participation_from_extract(session, bo, rng, records, in_extract, counts)
    operator = ServiceContext(ctx.db, _actor_for(ctx, DEMO_USERS[Role.OPERATOR_SIKS][0]), ctx.clock)
    proposals_and_changes(operator, rng, records, in_extract, counts)
    koordinator = ServiceContext(ctx.db, _actor_for(ctx, DEMO_USERS[Role.KOORDINATOR][0]), ctx.clock)
    demo_referrals(bo, koordinator, rng, referable, counts)
    result.counts = dict(counts)


def _load_extract(ctx: ServiceContext, rng: random.Random, households: list[HouseholdRecord],
                  factory: HouseholdFactory, counts: Counter[str]) -> dict[str, dict[str, bool]]:
    """The district's DTSEN extract as of the start of the current quarter (DTSEN is updated quarterly)."""
    site_code = ctx.actor.site_code or ""
    today = ctx.today()
    as_of = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    with ctx.db.reading() as session:
        village = regions.get_region(session, site_code)
    rows = extract_rows(rng, households, village_code=site_code, village_name=village.name if village else "",
                        today=today, make_name=factory.person_name)
    with ctx.db.transaction(ctx.actor) as session:
        register.load_register_rows(session, dataset="DTSEN", as_of=as_of,
                                    file_name=f"DTSEN_{site_code.replace('.', '')}_{as_of:%Y%m%d}.xlsx",
                                    rows=[row.as_dict() for row in rows])
    counts["register_rows"] = len(rows)
    return {row.household_id: row.programs for row in rows if row.household_id}
