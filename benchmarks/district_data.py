"""A whole district for the district-scale benchmarks: villages, households, persons, casework, referrals.

    from district_data import generate_district
    made = generate_district("sqlite:////tmp/district.db", persons=1_000_000, households=300_000, referrals=200_000)

The database is migrated and seeded (services.bootstrap.open_database) and set up as the KABUPATEN secretariat of
Kab. Semarang (33.22) through services.site.initialise_site, as the application would be. The rows are then
written in bulk, as an import of every village would leave them (origin_site = the village):

- villages: the real desa/kelurahan of Kab. Semarang from the region table (235), padded with those of Kota
  Salatiga (33.73, the enclave inside it) when more are asked for; picked round-robin over the kecamatan, so a
  small district still spans several kecamatan. Village sizes vary (log-normal weights);
- households of realistic size: every household has one person, the rest are spread at random, which gives the
  1-to-8-person spread of Central Java (mean persons/households); members come from services.demo_people (head,
  spouse, children, an elderly parent; NIK and KK built from region, birth date and a serial, unique);
- names with a realistic frequency: demo_people's vocabulary, each name repeated by a Zipf weight, with the
  very common name parts (Muhammad and its spellings, Siti, Sri, Nur, Ahmad, Abdul) weighted up, so many
  persons share MUHAMMAD …, SITI … and the most common full names repeat hundreds of times; name_key is the
  app's own domain.names.normalize_name;
- over the last twelve months: visits, complaints, needs and DTSEN proposals in the amounts a district sees,
  numbered per village as the desk numbers them, with statuses by age; referrals to government services of the
  directory, numbered per village and year (gap-free, the default letter-number pattern) in every status, each
  sent one with its DIKIRIM event and each answered one with its answer event (the recap reads both);
- programme participation for about a quarter of the households and PPKS categories for a few persons (the
  consolidated views filter on them).

Every NOT NULL column, foreign key, row_version (1) and created/updated stamp is filled. No audit events are
written for the bulk rows (the consolidated views, the recap and the desk do not read the log; an exchange export
from this district is not something the benchmarks make), and no number sequence is advanced: the district numbers
its own records with its own site digits, so they never collide with the villages' numbers here.

Writing: SQLAlchemy Core insert() executemany in chunks on SQLite (one transaction per phase, synchronous off and a
large page cache while loading); psycopg COPY on PostgreSQL, then VACUUM ANALYZE.

`GeneratedDistrict.sample` holds a deterministic sample of the persons written (id, name, name_key, NIK, village);
`sample_persons` draws one from an existing database.
"""

from __future__ import annotations

import json
import math
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Connection, Table, func, select, text

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.casework import Complaint, Need, Participation, Visit
from puskesos_desk.data.orm.household import Household, Membership, Person, PersonPpks
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry, Wilayah
from puskesos_desk.data.orm.referral import Referral, ReferralEvent
from puskesos_desk.data.repositories import name_search
from puskesos_desk.domain.enums import (
    ComplaintStatus,
    ComplaintType,
    FeedbackSource,
    NeedStatus,
    ProposalKind,
    ProposalStatus,
    ReferralOutcome,
    ReferralStatus,
    SiteRole,
    Urgency,
    VisitChannel,
    VisitStatus,
)
from puskesos_desk.domain.errors import SiteNotInitialised
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.domain.referrals import ROMAN_MONTHS
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import PURPOSES
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary
from puskesos_desk.services.site import get_site_info, initialise_site

REGENCY_CODE = "33.22"  # Kabupaten Semarang
REGENCY_SITE_NAME = "Sekretariat SLRT Kabupaten Semarang"
PADDING_REGENCY = "33.73"  # Kota Salatiga, the enclave inside Kab. Semarang
ADMIN_PASSWORD = "admin-bench-kabupaten-1"
BY = "bench"
CHUNK = 20_000  # rows per executemany / buffered before a write
SAMPLE_SIZE = 20_000  # persons kept in GeneratedDistrict.sample
CACHE_VERSION = "v1"  # raise when the generated content changes, so cached districts are not reused

# A year of desk activity, per household of the district.
VISITS_PER_HOUSEHOLD = 0.35
COMPLAINTS_PER_HOUSEHOLD = 0.10
NEEDS_PER_HOUSEHOLD = 0.15
PROPOSALS_PER_HOUSEHOLD = 0.03
PARTICIPATION_SHARE = 0.25  # households with an active programme
PPKS_SHARE = 0.03  # persons with a PPKS category
REGISTERED_YEARS = 6  # households were registered over this many years

# Name parts most Javanese names start with, and how much more often than an ordinary name they occur.
COMMON_FIRST_WORDS = {"MUHAMMAD": 14.0, "SITI": 12.0, "SRI": 7.0, "NUR": 5.0, "AHMAD": 6.0, "ABDUL": 3.0}
PROGRAMS = (("PKH", 30), ("SEMBAKO", 35), ("PBI_JK", 30), ("BLT_DD", 5))
COMPLAINT_CATEGORIES = ("BELUM_TERDAFTAR_DTSEN", "DATA_DTSEN_TIDAK_SESUAI", "BANSOS_TIDAK_DITERIMA",
                        "KARTU_HILANG_RUSAK", "PBI_NONAKTIF", "DOKUMEN_KEPENDUDUKAN", "LAYANAN_KESEHATAN",
                        "PENDIDIKAN", "PERUMAHAN", "LAINNYA")
NEED_DOMAINS = ("PANGAN", "TUNAI", "KESEHATAN", "PENDIDIKAN", "PERUMAHAN", "ADMINDUK", "DATA", "EKONOMI")
PPKS_CODES = tuple(f"PPKS-{n:02d}" for n in range(1, 27))
OUTCOMES = ((ReferralOutcome.TERLAYANI_PENUH.value, 70), (ReferralOutcome.TERLAYANI_SEBAGIAN.value, 20),
            (ReferralOutcome.TIDAK_TERLAYANI.value, 10))
SOURCES = ((FeedbackSource.LEMBAR_BALASAN.value, 55), (FeedbackSource.TELEPON.value, 25),
           (FeedbackSource.LAPORAN_WARGA.value, 15), (FeedbackSource.SEKRETARIAT.value, 5))
RESPONSE_DAYS = 14  # calendar days, about the directory's 10 working days


@dataclass(frozen=True)
class PersonSample:
    id: str
    name: str
    name_key: str
    nik: str | None
    village_code: str
    birth_date: date | None


@dataclass(frozen=True)
class GeneratedDistrict:
    url: str
    regency_code: str
    villages: tuple[str, ...]
    counts: dict[str, int]
    seconds: float
    sample: tuple[PersonSample, ...] = ()


@dataclass
class _HouseholdRef:
    """What the casework of a household needs to know about it, kept for every household (small)."""

    id: str
    head_id: str
    village_code: str


# --- names ------------------------------------------------------------------------------------------------------


def weighted_vocabulary(rng: random.Random) -> Vocabulary:
    """demo_people's vocabulary with each name repeated by its weight, so a uniform choice draws common names often.

    Weights are Zipf over a seeded shuffle (so frequency does not follow the alphabet), times a boost for the very
    common first words."""
    base = Vocabulary.load()

    def weighted(names: tuple[str, ...], boost: bool) -> tuple[str, ...]:
        order = list(names)
        rng.shuffle(order)
        out: list[str] = []
        for rank, name in enumerate(order):
            weight = 60.0 / (rank + 4)
            if boost:
                first = normalize_name(name).split(" ", 1)[0]
                weight *= COMMON_FIRST_WORDS.get(first, 1.0)
            out.extend([name] * max(1, round(weight)))
        return tuple(out)

    return replace(base, male=weighted(base.male, True), female=weighted(base.female, True),
                   second=weighted(base.second, False))


# --- villages -----------------------------------------------------------------------------------------------------


def district_villages(db: Database, count: int) -> list[str]:
    """`count` village codes: Kab. Semarang's, round-robin over its kecamatan, then Kota Salatiga's, then others of
    Jawa Tengah."""
    chosen: list[str] = []
    with db.reading() as session:
        regencies = [REGENCY_CODE, PADDING_REGENCY, *sorted(session.scalars(
            select(Wilayah.code).where(Wilayah.parent_code == "33", Wilayah.code.not_in(
                [REGENCY_CODE, PADDING_REGENCY]))))]
        for regency in regencies:
            kecamatan = list(session.scalars(select(Wilayah.code).where(Wilayah.parent_code == regency)
                                             .order_by(Wilayah.code)))
            lists = [list(session.scalars(select(Wilayah.code).where(Wilayah.parent_code == k)
                                          .order_by(Wilayah.code))) for k in kecamatan]
            for round_ in range(max((len(x) for x in lists), default=0)):
                chosen.extend(x[round_] for x in lists if round_ < len(x))
            if len(chosen) >= count:
                return chosen[:count]
    raise ValueError(f"Jawa Tengah has fewer than {count} villages")


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Integers proportional to `weights` that add up to `total` (largest remainder)."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    shares = [math.floor(x) for x in exact]
    for index in sorted(range(len(exact)), key=lambda i: exact[i] - shares[i], reverse=True)[:total - sum(shares)]:
        shares[index] += 1
    return shares


# --- writing ------------------------------------------------------------------------------------------------------


class _Writer:
    """Buffers rows per table and writes them in chunks: Core executemany (SQLite) or COPY (PostgreSQL)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.copy = conn.dialect.name == "postgresql"
        self.buffers: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        rows = self.buffers.setdefault(table.name, (table, []))[1]
        rows.append(row)
        if len(rows) >= CHUNK:
            self.flush()  # every table, in the order first seen: parents before the rows that refer to them

    def flush(self) -> None:
        for key in list(self.buffers):
            table, rows = self.buffers[key]
            if rows:
                self._write(table, rows)
                self.counts[key] = self.counts.get(key, 0) + len(rows)
                rows.clear()

    def _write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not self.copy:
            self.conn.execute(table.insert(), rows)
            return
        columns = list(rows[0])
        raw = self.conn.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
                f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
                                for value in (row[c] for c in columns)])


def _loading(conn: Connection) -> None:
    """SQLite: a bulk load needs no fsync and wants the indexes in cache (set on the driver connection, before the
    transaction begins: SQLite refuses to change the safety level inside one)."""
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        for pragma in ("synchronous = OFF", "cache_size = -1048576", "temp_store = MEMORY"):  # cache: 1 GiB
            raw.execute(f"PRAGMA {pragma}")  # type: ignore[union-attr]


# --- the generator --------------------------------------------------------------------------------------------


@dataclass
class _Numbers:
    """Per-village counters, as each village's desk numbered its records."""

    counters: dict[tuple[str, ...], int] = field(default_factory=dict)

    def next(self, *key: str) -> int:
        value = self.counters[key] = self.counters.get(key, 0) + 1
        return value


class _District:
    def __init__(self, db: Database, villages: list[str], persons: int, households: int, referrals: int,
                 seed: int) -> None:
        self.db = db
        self.villages = villages
        self.rng = random.Random(seed)
        self.zone = local_zone()
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.today = self.now.astimezone(self.zone).date()
        self.vocab = weighted_vocabulary(random.Random(seed + 1))
        self.used_ids: set[str] = set()
        self.factories: dict[str, HouseholdFactory] = {}
        self.keys: dict[str, str] = {}  # name → normalize_name(name); names repeat, so this saves most calls
        self.numbers = _Numbers()
        weights = [self.rng.lognormvariate(0, 0.45) for _ in villages]
        self.households_per_village = _apportion(households, weights)
        self.persons_per_village = _apportion(persons, [max(h, 1e-9) for h in self.households_per_village])
        for index, (h, p) in enumerate(zip(self.households_per_village, self.persons_per_village, strict=True)):
            if p < h:  # rounding left a village short: move the households' missing persons from the largest
                largest = max(range(len(villages)), key=lambda i: self.persons_per_village[i] - 2 * h)
                self.persons_per_village[largest] -= h - p
                self.persons_per_village[index] = h
        self.referrals_per_village = _apportion(referrals, [max(h, 1e-9) for h in self.households_per_village])
        self.refs: list[_HouseholdRef] = []
        self.sample: list[PersonSample] = []
        self.sample_every = max(1, persons // SAMPLE_SIZE)
        self.person_index = 0
        with db.reading() as session:
            self.services = [(sid, code, org, name) for sid, code, org, name in session.execute(
                select(ServiceDirectoryEntry.id, ServiceDirectoryEntry.code, ServiceDirectoryEntry.organization,
                       ServiceDirectoryEntry.service_name)
                .where(ServiceDirectoryEntry.needs_explicit_consent.is_(False),
                       ServiceDirectoryEntry.organization_kind != "non_pemerintah",
                       ServiceDirectoryEntry.deleted_at.is_(None)).order_by(ServiceDirectoryEntry.code))]
            self.kecamatan_of_regency = {
                regency: list(session.scalars(select(Wilayah.code).where(Wilayah.parent_code == regency)))
                for regency in {code[:5] for code in villages}}

    # -- shared bits
    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamps(self, moment: datetime, village: str) -> dict[str, Any]:
        return {"created_at": moment, "created_by": BY, "updated_at": moment, "updated_by": BY, "row_version": 1,
                "deleted_at": None, "deleted_by": None, "deleted_reason": None, "origin_site": village}

    def name_key(self, name: str) -> str:
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = normalize_name(name)
        return key

    def factory(self, village: str) -> HouseholdFactory:
        kecamatan = village.rsplit(".", 1)[0]
        made = self.factories.get(kecamatan)
        if made is None:
            ids = IdentityFactory(self.rng, kecamatan, self.kecamatan_of_regency[village[:5]])
            ids.used = self.used_ids  # NIK and KK unique across the whole district
            made = self.factories[kecamatan] = HouseholdFactory(self.rng, self.vocab, ids, self.today)
        return made

    def moment_in_last_year(self, *, office_hours: bool = True) -> datetime:
        day = self.today - timedelta(days=self.rng.randint(0, 364))
        start = time_of_day(8, 0) if office_hours else time_of_day(0, 0)
        local = datetime.combine(day, start, self.zone) + timedelta(minutes=self.rng.randint(0, 420))
        return min(local.astimezone(UTC), self.now)

    # -- households and persons
    def household_sizes(self, households: int, persons: int) -> list[int]:
        """One person each, the rest spread at random: a realistic spread around the mean."""
        sizes = [1] * households
        for _ in range(persons - households):
            sizes[self.rng.randrange(households)] += 1
        return sizes

    def members(self, factory: HouseholdFactory, size: int) -> tuple[Any, list[MemberDraft]]:
        draft = factory.household()
        members = list(draft.members[:size])
        while len(members) < size:  # a larger household than the factory drew: relatives live with them
            extra = factory.household().members
            members.extend(replace(m, relation="FAMILI_LAIN") for m in extra[1:size - len(members) + 1])
            if len(extra) == 1:
                members.append(replace(extra[0], relation="FAMILI_LAIN"))
        return draft, members

    def write_people(self, out: _Writer) -> None:
        for index, village in enumerate(self.villages):
            factory = self.factory(village)
            digits = village.replace(".", "")
            sizes = self.household_sizes(self.households_per_village[index], self.persons_per_village[index])
            for number, size in enumerate(sizes, start=1):
                self.household(out, factory, village, f"KLG-{digits}-{number:05d}", size)

    def household(self, out: _Writer, factory: HouseholdFactory, village: str, number: str, size: int) -> None:
        draft, members = self.members(factory, size)
        registered = self.now - timedelta(seconds=self.rng.randint(0, REGISTERED_YEARS * 365 * 86400))
        household_id = self.uuid()
        person_ids = [self.uuid() for _ in members]
        stamps = self.stamps(registered, village)
        out.add(Household.__table__, {
            "id": household_id, "number": number, "kk_number": draft.kk_number or None,
            "no_kk_reason": None if draft.kk_number else draft.no_kk_reason, "head_person_id": person_ids[0],
            "head_name": members[0].name.upper(), "address": draft.address, "rt": draft.rt.zfill(3),
            "rw": draft.rw.zfill(3), "hamlet": draft.hamlet, "village_code": village, "postal_code": "50700",
            "lives_at_kk_address": True, "latitude": None, "longitude": None, "phone": draft.phone or None,
            "housing": {}, **stamps,
        })
        self.refs.append(_HouseholdRef(household_id, person_ids[0], village))
        relation_head = "KEPALA_KELUARGA"
        for position, (person_id, member) in enumerate(zip(person_ids, members, strict=True)):
            name = member.name.upper()
            relation = relation_head if position == 0 else (
                "FAMILI_LAIN" if member.relation == relation_head else member.relation)
            out.add(Person.__table__, {
                "id": person_id, "household_id": household_id, "nik": member.nik or None,
                "no_nik_reason": None if member.nik else member.no_nik_reason, "nik_check": {"warnings": []},
                "name": name, "name_key": self.name_key(name), "birth_place": member.birth_place.upper(),
                "birth_date": member.birth_date, "sex": member.sex, "relation": relation,
                "marital_status": member.marital_status or None, "religion": member.religion or None,
                "education": member.education or None, "school_status": member.school_status or None,
                "occupation": member.occupation or None, "documents": list(member.documents),
                "disability": list(member.disability), "chronic_illness": None, "pregnant": None,
                "due_date": None, "mother_name": None, "residence_status": "ADA", "citizenship": "WNI",
                "phone": None, "duplicate_of": None, **stamps,
            })
            out.add(Membership.__table__, {
                "id": self.uuid(), "household_id": household_id, "person_id": person_id, "relation": relation,
                "valid_from": registered.astimezone(self.zone).date(), "valid_to": None, "reason": "Pendaftaran",
                **stamps,
            })
            if self.rng.random() < PPKS_SHARE:
                out.add(PersonPpks.__table__, {
                    "id": self.uuid(), "person_id": person_id, "ppks_code": self.rng.choice(PPKS_CODES),
                    "since": registered.date(), "notes": "", "source": "PENDATAAN", **stamps})
            if self.person_index % self.sample_every == 0 and len(self.sample) < SAMPLE_SIZE:
                self.sample.append(PersonSample(person_id, name, self.name_key(name), member.nik or None, village,
                                                member.birth_date))
            self.person_index += 1
        if self.rng.random() < PARTICIPATION_SHARE:
            program = self.rng.choices([p for p, _ in PROGRAMS], [w for _, w in PROGRAMS])[0]
            out.add(Participation.__table__, {
                "id": self.uuid(), "household_id": household_id, "person_id": None, "program_code": program,
                "card_number": None, "active": self.rng.random() < 0.9, "since": registered.date(),
                "source": "KABUPATEN", "as_of": self.today - timedelta(days=self.rng.randint(0, 120)), "notes": "",
                **stamps})

    # -- casework
    def dated(self, count: int) -> list[tuple[datetime, _HouseholdRef]]:
        """`count` (moment, household) pairs over the last year, oldest first (numbers follow the dates)."""
        picked = [(self.moment_in_last_year(), self.rng.choice(self.refs)) for _ in range(count)]
        picked.sort(key=lambda item: item[0])
        return picked

    def age_days(self, moment: datetime) -> int:
        return (self.today - moment.astimezone(self.zone).date()).days

    def write_visits(self, out: _Writer) -> None:
        channels = [c.value for c in VisitChannel if c is not VisitChannel.RUJUKAN_MASUK]
        for moment, ref in self.dated(round(len(self.refs) * VISITS_PER_HOUSEHOLD)):
            local_day = moment.astimezone(self.zone).strftime("%Y%m%d")
            serial = self.numbers.next("visit", ref.village_code, local_day)
            status = VisitStatus.TERBUKA.value if self.age_days(moment) < 3 else self.rng.choices(
                [VisitStatus.SELESAI.value, VisitStatus.TERBUKA.value, VisitStatus.DIBATALKAN.value], [85, 12, 3])[0]
            out.add(Visit.__table__, {
                "id": self.uuid(), "registration_number": f"REG-{ref.village_code.replace('.', '')}-{local_day}-"
                                                          f"{serial:03d}",
                "occurred_at": moment, "channel": self.rng.choice(channels), "household_id": ref.id,
                "applicant_person_id": ref.head_id, "applicant_name": "", "applicant_relation": "DIRI_SENDIRI",
                "subject_person_ids": [ref.head_id], "officer_id": f"cli:{BY}", "purpose": self.rng.choice(PURPOSES),
                "status": status, **self.stamps(moment, ref.village_code)})

    def case_number(self, prefix: str, ref: _HouseholdRef, moment: datetime) -> str:
        year = str(moment.astimezone(self.zone).year)
        serial = self.numbers.next(prefix, ref.village_code, year)
        return f"{prefix}-{ref.village_code.replace('.', '')}-{year}-{serial:05d}"

    def write_complaints(self, out: _Writer) -> None:
        open_ = (ComplaintStatus.BARU.value, ComplaintStatus.DITANGANI.value, ComplaintStatus.DIRUJUK.value)
        for moment, ref in self.dated(round(len(self.refs) * COMPLAINTS_PER_HOUSEHOLD)):
            age = self.age_days(moment)
            status = self.rng.choices([*open_, ComplaintStatus.SELESAI.value,
                                       ComplaintStatus.TIDAK_DAPAT_DITANGANI.value],
                                      [30, 25, 10, 30, 5] if age < 30 else [3, 5, 4, 80, 8])[0]
            closed = None if status in open_ else min(self.now, moment + timedelta(days=self.rng.randint(1, 25)))
            out.add(Complaint.__table__, {
                "id": self.uuid(), "number": self.case_number("KLH", ref, moment), "visit_id": None,
                "person_id": ref.head_id, "household_id": ref.id,
                "kind": self.rng.choices([k.value for k in ComplaintType], [30, 10, 60])[0],
                "category_code": self.rng.choice(COMPLAINT_CATEGORIES),
                "program_code": self.rng.choice((None, "PKH", "SEMBAKO", "PBI_JK")), "description": "Keluhan warga",
                "urgency": self.rng.choices([u.value for u in Urgency], [5, 20, 75])[0], "status": status,
                "answer": "" if closed is None else "Sudah ditindaklanjuti",
                "due_date": (moment + timedelta(days=RESPONSE_DAYS)).astimezone(self.zone).date(),
                "closed_at": closed, "closed_by": None if closed is None else BY,
                **self.stamps(moment, ref.village_code)})

    def write_needs(self, out: _Writer) -> None:
        open_ = (NeedStatus.TERIDENTIFIKASI.value, NeedStatus.DIRUJUK.value)
        closed = (NeedStatus.TERPENUHI.value, NeedStatus.TIDAK_TERPENUHI.value, NeedStatus.TIDAK_LAYAK.value)
        for moment, ref in self.dated(round(len(self.refs) * NEEDS_PER_HOUSEHOLD)):
            weights = [40, 30, 20, 5, 5] if self.age_days(moment) < 45 else [5, 10, 60, 15, 10]
            out.add(Need.__table__, {
                "id": self.uuid(), "number": self.case_number("KBT", ref, moment), "visit_id": None,
                "person_id": ref.head_id, "household_id": ref.id, "complaint_id": None,
                "domain_code": self.rng.choice(NEED_DOMAINS),
                "ppks_codes": self.rng.sample(PPKS_CODES, self.rng.choices([0, 1, 2], [60, 30, 10])[0]),
                "proposed_program": self.rng.choice((None, "PKH", "SEMBAKO", "PBI_JK", "RTLH")), "eligibility": {},
                "description": "Kebutuhan teridentifikasi saat kunjungan",
                "status": self.rng.choices([*open_, *closed], weights)[0],
                "due_date": (moment + timedelta(days=30)).astimezone(self.zone).date(),
                **self.stamps(moment, ref.village_code)})

    def write_proposals(self, out: _Writer) -> None:
        for moment, ref in self.dated(round(len(self.refs) * PROPOSALS_PER_HOUSEHOLD)):
            old = self.age_days(moment) > 60
            out.add(DtsenProposal.__table__, {
                "id": self.uuid(), "number": self.case_number("USL", ref, moment), "household_id": ref.id,
                "visit_id": None, "kind": self.rng.choices([k.value for k in ProposalKind], [60, 30, 10])[0],
                "members_snapshot": [], "housing_snapshot": {}, "criteria_262": {},
                "requested_programs": self.rng.sample(["PKH", "SEMBAKO", "PBI_JK"], self.rng.randint(1, 2)),
                "musdes_date": None, "musdes_minutes_number": None,
                "status": self.rng.choices([s.value for s in ProposalStatus],
                                           [5, 5, 30, 45, 15] if old else [35, 30, 25, 7, 3])[0],
                "verification_notes": "", "due_date": (moment + timedelta(days=30)).astimezone(self.zone).date(),
                "export_package_id": None, **self.stamps(moment, ref.village_code)})

    # -- referrals
    def referral_status(self, age: int) -> str:
        s = ReferralStatus
        if age < 3:
            choices = [(s.DRAFT, 25), (s.DISETUJUI, 25), (s.DIKIRIM, 45), (s.DIBATALKAN, 5)]
        elif age < 30:
            choices = [(s.DIKIRIM, 25), (s.DITERIMA, 20), (s.DIPROSES, 20), (s.SELESAI, 25), (s.DITOLAK, 5),
                       (s.DIBATALKAN, 3), (s.TIDAK_ADA_KABAR, 2)]
        else:
            choices = [(s.SELESAI, 72), (s.DITOLAK, 8), (s.DIPROSES, 5), (s.TIDAK_ADA_KABAR, 7), (s.DIKIRIM, 3),
                       (s.DIBATALKAN, 5)]
        return self.rng.choices([c.value for c, _ in choices], [w for _, w in choices])[0]

    def write_referrals(self, out: _Writer) -> None:
        by_village: dict[str, list[_HouseholdRef]] = {}
        for ref in self.refs:
            by_village.setdefault(ref.village_code, []).append(ref)
        for index, village in enumerate(self.villages):
            homes = by_village.get(village, [])
            if not homes:
                continue
            days = sorted(self.today - timedelta(days=self.rng.randint(0, 364))
                          for _ in range(self.referrals_per_village[index]))
            for letter_date in days:
                seq = self.numbers.next("referral", village, str(letter_date.year))
                self.referral(out, self.rng.choice(homes), letter_date, seq)

    def referral(self, out: _Writer, ref: _HouseholdRef, letter_date: date, seq: int) -> None:
        s = ReferralStatus
        status = self.referral_status((self.today - letter_date).days)
        drafted = min(self.now, datetime.combine(letter_date, time_of_day(9, 0), self.zone).astimezone(UTC)
                      + timedelta(minutes=self.rng.randint(0, 360)))
        sent = status not in (s.DRAFT.value, s.DISETUJUI.value) and not (
            status == s.DIBATALKAN.value and self.rng.random() < 0.5)
        sent_at = min(self.now, drafted + timedelta(hours=self.rng.randint(1, 48))) if sent else None
        sent_day = sent_at.astimezone(self.zone).date() if sent_at else None
        answered = status in (s.DITERIMA.value, s.DIPROSES.value, s.SELESAI.value, s.DITOLAK.value)
        received = min(self.today, sent_day + timedelta(days=self.rng.randint(1, 25))) \
            if answered and sent_day else None
        completed = min(self.today, received + timedelta(days=self.rng.randint(0, 20))) \
            if received and status in (s.SELESAI.value, s.DITOLAK.value) else None
        service_id, code, organization, service_name = self.rng.choice(self.services)
        referral_id = self.uuid()
        stamps = self.stamps(drafted, ref.village_code)
        approved = status != s.DRAFT.value
        out.add(Referral.__table__, {
            "id": referral_id,
            "letter_number": f"{seq:03d}/RJK/PUSKESOS-{ref.village_code.replace('.', '')}/"
                             f"{ROMAN_MONTHS[letter_date.month - 1]}/{letter_date.year}",
            "letter_year": letter_date.year, "letter_seq": seq, "letter_date": letter_date, "visit_id": None,
            "need_id": None, "complaint_id": None, "person_id": ref.head_id, "household_id": ref.id,
            "service_id": service_id,
            "recipient_snapshot": {"code": code, "organization": organization, "service_name": service_name},
            "requested_service": service_name, "problem_summary": "Warga membutuhkan layanan",
            "register_snapshot": {}, "documents_attached": [], "data_shared": [], "consent_id": None,
            "full_ids_on_slip": False, "drafted_by": BY, "approved_by": BY if approved else None,
            "approved_at": drafted + timedelta(minutes=30) if approved else None, "status": status,
            "response_due": sent_day + timedelta(days=RESPONSE_DAYS) if sent_day else None,
            "received_on": received, "completed_on": completed,
            "outcome": self.rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
            if status == s.SELESAI.value else None,
            "outcome_notes": "", "rejection_reason": "Persyaratan belum lengkap" if status == s.DITOLAK.value else "",
            "print_count": 1 if sent else 0, **stamps})
        if sent_at is not None:
            self.event(out, referral_id, ref, sent_at, s.DISETUJUI.value, s.DIKIRIM.value, None)
        if received is not None:
            at = min(self.now, datetime.combine(received, time_of_day(10, 0), self.zone).astimezone(UTC))
            after = s.DITERIMA.value if status in (s.DIPROSES.value, s.SELESAI.value) else status
            self.event(out, referral_id, ref, at, s.DIKIRIM.value, after,
                       self.rng.choices([x for x, _ in SOURCES], [w for _, w in SOURCES])[0])
        if completed is not None and status == s.SELESAI.value:
            at = min(self.now, datetime.combine(completed, time_of_day(11, 0), self.zone).astimezone(UTC))
            self.event(out, referral_id, ref, at, s.DITERIMA.value, status, FeedbackSource.LEMBAR_BALASAN.value)

    def event(self, out: _Writer, referral_id: str, ref: _HouseholdRef, at: datetime, before: str, after: str,
              source: str | None) -> None:
        out.add(ReferralEvent.__table__, {
            "id": self.uuid(), "referral_id": referral_id, "occurred_at": at, "actor_id": f"cli:{BY}",
            "status_before": before, "status_after": after, "source": source, "notes": "", "next_action_on": None,
            **self.stamps(at, ref.village_code)})


# --- entry points -------------------------------------------------------------------------------------------------


def _ensure_site(db: Database) -> None:
    try:
        info = get_site_info(db)
    except SiteNotInitialised:
        initialise_site(ServiceContext(db, Actor.cli(BY)), code=REGENCY_CODE, name=REGENCY_SITE_NAME,
                        role=SiteRole.KABUPATEN, admin_username="admin", admin_full_name="Admin Kabupaten",
                        admin_password=ADMIN_PASSWORD, address="Jl. Gatot Subroto, Ungaran")
        return
    if info.code != REGENCY_CODE or info.role is not SiteRole.KABUPATEN:
        raise ValueError(f"the database belongs to {info.code} ({info.role}); the district is {REGENCY_CODE}")


def _phase(db: Database, label: str, write: Any, *, persons: bool = False) -> dict[str, int]:
    started = time.perf_counter()
    with db.engine.connect() as conn:
        _loading(conn)
        with conn.begin():
            suspended = _suspend_name_index(conn) if persons else False
            out = _Writer(conn)
            write(out)
            out.flush()
            if suspended:  # index the persons in one pass, then let the triggers keep it current again
                name_search.fill_sqlite_index(conn)
                name_search.install_sqlite_triggers(conn)
    print(f"  {label}: {out.counts} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out.counts


def _suspend_name_index(conn: Connection) -> bool:
    """SQLite: drop the name-search triggers (one FTS insert per person) for the load; True if there were any.

    name_search.fill_sqlite_index builds the same index in bulk afterwards, as migration 0010 does for the persons
    already stored. PostgreSQL keeps its statement-level triggers: one grouped upsert per COPY chunk."""
    if conn.dialect.name != "sqlite":
        return False
    present = {name for (name,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    dropped = [name for name in name_search.SQLITE_TRIGGER_NAMES if name in present]
    for name in dropped:
        conn.execute(text(f"DROP TRIGGER {name}"))
    return bool(dropped)


def generate_district(url: str, *, villages: int = 250, persons: int = 1_000_000, households: int = 300_000,
                      referrals: int = 200_000, seed: int = 1) -> GeneratedDistrict:
    """Fill the database at `url` (migrated and set up as Kab. Semarang's secretariat here if it is not yet) with
    a district of the given size. The database must hold no households yet."""
    if not 0 < households <= persons or villages < 1:
        raise ValueError("need at least one village and one household, and no more households than persons")
    started = time.perf_counter()
    db = open_database(url).db
    try:
        _ensure_site(db)
        with db.reading() as session:
            if session.scalar(select(func.count()).select_from(Household)):
                raise ValueError("the database already holds households: generate into an empty district")
        district = _District(db, district_villages(db, villages), persons, households, referrals, seed)
        counts: dict[str, int] = {}
        counts |= _phase(db, "people", district.write_people, persons=True)
        counts |= _phase(db, "casework", lambda out: (district.write_visits(out), district.write_complaints(out),
                                                      district.write_needs(out), district.write_proposals(out)))
        counts |= _phase(db, "referrals", district.write_referrals)
        _analyze(db)
    finally:
        db.dispose()
    return GeneratedDistrict(url=url, regency_code=REGENCY_CODE, villages=tuple(district.villages), counts=counts,
                             seconds=time.perf_counter() - started, sample=tuple(district.sample))


def _analyze(db: Database) -> None:
    """Planner statistics and the visibility map, as autovacuum leaves them some minutes after a load (PostgreSQL
    only: the app never runs ANALYZE on SQLite, so the SQLite figures are what a secretariat PC would see)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def sample_persons(url: str, count: int, *, seed: int = 1) -> list[PersonSample]:
    """`count` live persons of the database at `url`, spread evenly over the name order (deterministic)."""
    db = Database(url)
    try:
        with db.reading() as session:
            total = int(session.scalar(select(func.count()).select_from(Person)) or 0)
            rng = random.Random(seed)
            offsets = sorted(rng.sample(range(total), min(count, total)))
            found: list[PersonSample] = []
            query = (select(Person.id, Person.name, Person.name_key, Person.nik, Household.village_code,
                            Person.birth_date).join(Household, Household.id == Person.household_id)
                     .where(Person.deleted_at.is_(None)).order_by(Person.id))
            wanted = iter(offsets)
            target = next(wanted, None)
            for position, row in enumerate(_stream(session, query)):
                while target is not None and target == position:
                    found.append(PersonSample(*row))
                    target = next(wanted, None)
                if target is None:
                    break
            return found
    finally:
        db.dispose()


def _stream(session: Any, query: Any) -> Iterator[Any]:
    for part in session.execute(query.execution_options(yield_per=CHUNK)).partitions():
        yield from part


def cache_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "puskesos-bench-district"
    folder.mkdir(exist_ok=True)
    return folder


def cached_sqlite_district(*, villages: int, persons: int, households: int, referrals: int,
                           seed: int = 1) -> Path:
    """A SQLite district of these counts, generated once into the temp folder and reused (copy before writing)."""
    path = cache_folder() / f"district-{villages}v-{persons}p-{households}h-{referrals}r-s{seed}-{CACHE_VERSION}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        made = generate_district(f"sqlite:///{partial}", villages=villages, persons=persons, households=households,
                                 referrals=referrals, seed=seed)
        print(f"district generated in {made.seconds:.0f} s: {made.counts}", file=sys.stderr)
        partial.replace(path)
    return path


def table_counts(url: str) -> dict[str, int]:
    tables = (Household, Person, Membership, Visit, Complaint, Need, DtsenProposal, Referral, ReferralEvent,
              Participation, PersonPpks)
    db = Database(url)
    try:
        with db.reading() as session:
            return {t.__tablename__: int(session.scalar(select(func.count()).select_from(t)) or 0) for t in tables}
    finally:
        db.dispose()


if __name__ == "__main__":
    import os

    if len(sys.argv) < 2:
        raise SystemExit("usage: district_data.py URL   (counts from PUSKESOS_BENCH_PERSONS/_HOUSEHOLDS/_REFERRALS/"
                         "_VILLAGES)")
    made = generate_district(sys.argv[1], persons=int(os.environ.get("PUSKESOS_BENCH_PERSONS", "1000000")),
                             households=int(os.environ.get("PUSKESOS_BENCH_HOUSEHOLDS", "300000")),
                             referrals=int(os.environ.get("PUSKESOS_BENCH_REFERRALS", "200000")),
                             villages=int(os.environ.get("PUSKESOS_BENCH_VILLAGES", "250")))
    print(json.dumps({"seconds": round(made.seconds, 1), "counts": made.counts, "villages": len(made.villages)}))
