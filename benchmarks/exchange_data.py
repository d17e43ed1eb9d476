"""A village of N persons for the exchange benchmarks, built fast and cached, and a district that trusts it.

    .venv/bin/python benchmarks/exchange_data.py          # builds (or finds) the village, prints what it holds

N is PUSKESOS_BENCH_PERSONS (default 100,000), about four persons a household. The site is set up through the
services, as the tests do (services.bootstrap.open_database migrates and loads the reference data,
services.site.initialise_site makes the site and its key); the people are then bulk-inserted with SQLAlchemy Core
in executemany batches: households, persons, their memberships and visits. Going through the registration service
would take hours at this size (it checks duplicates and writes an audit event per record); the rows are the ones it
would write: names, NIKs and KK numbers from services.demo_people (valid per domain/nik.py, consistent with birth
date, sex and region), RT/RW as three digits, codes from the seeded code lists. No audit events are written for
these rows and the household number sequence is not advanced: the database is for measuring, not for the desk.

The village is cached in the temp folder, keyed by N and CACHE_VERSION; so are a district template (initialised and
trusting the village's site card) and a full package of the village for that district. Callers copy the databases
(fresh_copy) before writing to them. Also here: the machine description and the results.json merge that both
exchange benchmarks use.
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import current_revision, head_revision, upgrade_database
from puskesos_desk.data.orm.casework import Visit
from puskesos_desk.data.orm.household import Household, Membership, Person
from puskesos_desk.data.repositories import regions
from puskesos_desk.domain.enums import SiteRole, VisitChannel, VisitStatus
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import PURPOSES
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site

PERSONS = int(os.environ.get("PUSKESOS_BENCH_PERSONS", "100000"))
CACHE_VERSION = "v1"  # raise when the generated content changes, so old caches are not reused
VILLAGE_CODE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan, Kab. Semarang
VILLAGE_NAME = "Puskesos Desa Sumogawe"
DISTRICT_CODE = "33.22"
DISTRICT_NAME = "Sekretariat SLRT Kabupaten Semarang"
VISITS_PER_HOUSEHOLD = 0.35  # a year of desk activity in a village of this size
BATCH = 10_000  # rows per executemany
SEED = 2026
BY = "bench"
RESULTS = Path(__file__).resolve().parent / "results.json"


@dataclass(frozen=True)
class BenchSites:
    village: Path  # cached, never written to: copy it first
    district: Path  # cached district template trusting the village: copy it first
    persons: int
    households: int
    visits: int


def cache_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "puskesos-bench-exchange"
    folder.mkdir(exist_ok=True)
    return folder


def village_context(db: Database) -> ServiceContext:
    return ServiceContext(db, Actor.cli(BY, site_code=VILLAGE_CODE, site_role=SiteRole.DESA))


def district_context(db: Database) -> ServiceContext:
    return ServiceContext(db, Actor.cli(BY, site_code=DISTRICT_CODE, site_role=SiteRole.KABUPATEN))


def open_site(path: Path, *, wal: bool = True) -> Database:
    """A site database as the application opens it (WAL); wal=False leaves a cached file untouched."""
    db = Database(f"sqlite:///{path}")
    if wal:
        db.enable_wal()
    return db


def fresh_copy(source: Path, target: Path) -> Path:
    """A consistent, self-contained copy through the SQLite backup API (no -wal side files)."""
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def bench_sites(persons: int = PERSONS) -> BenchSites:
    """The cached village of `persons` persons and its district template, built on first use."""
    folder = cache_folder()
    village = folder / f"village-{persons}-{CACHE_VERSION}.db"
    district = folder / f"district-{persons}-{CACHE_VERSION}.db"
    if not village.exists():
        partial = village.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build_village(partial, persons)
        partial.replace(village)
        district.unlink(missing_ok=True)  # it trusts the key of the village it was made for
    if not district.exists():
        partial = district.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build_district(partial, village)
        partial.replace(district)
    for cached in (village, district):  # built by an older version of the app: bring the schema to head first
        _migrated(cached)
    counts = _counts(village)
    return BenchSites(village, district, counts["person"], counts["household"], counts["visit"])


def _migrated(path: Path) -> None:
    db = Database(f"sqlite:///{path}")
    try:
        if current_revision(db) != head_revision():
            upgrade_database(db, backup=False)
    finally:
        db.dispose()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in ("household", "person", "membership", "visit")}
    finally:
        conn.close()


# --- the village ----------------------------------------------------------------------------------------------------


def build_village(path: Path, persons: int) -> None:
    started = time.perf_counter()
    opened = open_database(str(path))
    db = opened.db
    try:
        initialise_site(ServiceContext(db, Actor.cli(BY)), code=VILLAGE_CODE, name=VILLAGE_NAME, role=SiteRole.DESA,
                        admin_username="admin", admin_full_name="Admin Desa", admin_password="admin-bench-rahasia-1",
                        address="Jl. Raya Sumogawe No. 1")
        with db.reading() as session:
            neighbours = [region.code for region in regions.children(session, VILLAGE_CODE[:5])]
        rows = VillageRows(persons, neighbours)
        tables = (Household.__table__, Person.__table__, Membership.__table__, Visit.__table__)
        with db.engine.begin() as conn:
            for table, records in zip(tables, rows.tables(), strict=True):
                for batch in _batches(records):
                    conn.execute(table.insert(), batch)
    finally:
        db.dispose()
    print(f"village of {persons} persons built in {time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)


def _batches(records: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(records), BATCH):
        yield records[start:start + BATCH]


class VillageRows:
    """The rows of households, persons, memberships and visits, deterministic for a given N and day."""

    def __init__(self, persons: int, neighbours: list[str], village_code: str = VILLAGE_CODE,
                 seed: int = SEED) -> None:
        self.village_code = village_code
        self.rng = random.Random(seed)
        self.today = datetime.now(local_zone()).date()
        self.year_ago = datetime.now(UTC) - timedelta(days=365)
        self.factory = HouseholdFactory(self.rng, Vocabulary.load(),
                                        IdentityFactory(self.rng, village_code.rsplit(".", 1)[0], neighbours),
                                        self.today)
        self.households: list[dict[str, Any]] = []
        self.persons: list[dict[str, Any]] = []
        self.memberships: list[dict[str, Any]] = []
        self.visits: list[dict[str, Any]] = []
        while len(self.persons) < persons:
            self._household(self.factory.household(), persons - len(self.persons))
        self._visits()

    def tables(self) -> tuple[list[dict[str, Any]], ...]:
        return self.households, self.persons, self.memberships, self.visits

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _stamps(self, moment: datetime) -> dict[str, Any]:
        """The bookkeeping columns every record carries."""
        return {"created_at": moment, "created_by": BY, "updated_at": moment, "updated_by": BY, "row_version": 1,
                "deleted_at": None, "deleted_by": None, "deleted_reason": None, "origin_site": self.village_code}

    def _household(self, draft: HouseholdDraft, room: int) -> None:
        members = draft.members[:room]  # the last household is cut to reach exactly N persons
        registered = self.year_ago - timedelta(days=self.rng.randint(0, 5 * 365), seconds=self.rng.randint(0, 86399))
        household_id = self._uuid()
        person_ids = [self._uuid() for _ in members]
        head = members[0]
        self.households.append({
            "id": household_id, "number": f"KLG-{self.village_code.replace('.', '')}-{len(self.households) + 1:06d}",
            "kk_number": draft.kk_number or None, "no_kk_reason": None if draft.kk_number else draft.no_kk_reason,
            "head_person_id": person_ids[0], "head_name": head.name.upper(), "address": draft.address,
            "rt": draft.rt.zfill(3), "rw": draft.rw.zfill(3), "hamlet": draft.hamlet, "village_code": self.village_code,
            "postal_code": "50733", "lives_at_kk_address": True, "latitude": None, "longitude": None,
            "phone": draft.phone or None, "housing": {}, **self._stamps(registered),
        })
        for person_id, member in zip(person_ids, members, strict=True):
            self.persons.append({
                "id": person_id, "household_id": household_id, "nik": member.nik or None,
                "no_nik_reason": None if member.nik else member.no_nik_reason, "nik_check": {"warnings": []},
                "name": member.name.upper(), "name_key": normalize_name(member.name),
                "birth_place": member.birth_place.upper(), "birth_date": member.birth_date, "sex": member.sex,
                "relation": member.relation, "marital_status": member.marital_status or None,
                "religion": member.religion or None, "education": member.education or None,
                "school_status": member.school_status or None, "occupation": member.occupation or None,
                "documents": list(member.documents), "disability": list(member.disability),
                "chronic_illness": None, "pregnant": None, "due_date": None, "mother_name": None,
                "residence_status": "ADA", "citizenship": "WNI", "phone": None, "duplicate_of": None,
                **self._stamps(registered),
            })
            self.memberships.append({
                "id": self._uuid(), "household_id": household_id, "person_id": person_id,
                "relation": member.relation, "valid_from": registered.date(), "valid_to": None,
                "reason": "Pendaftaran", **self._stamps(registered),
            })

    def _visits(self) -> None:
        """Office-hour visits over the last year, numbered per day like the desk numbers them."""
        count = int(len(self.households) * VISITS_PER_HOUSEHOLD)
        zone = local_zone()
        per_day: dict[date, int] = {}
        channels = [c.value for c in VisitChannel if c is not VisitChannel.RUJUKAN_MASUK]
        digits = self.village_code.replace(".", "")
        for household in self.rng.sample(self.households, count):
            day = self.today - timedelta(days=self.rng.randint(1, 365))
            local = datetime.combine(day, time_of_day(8, 0), zone) + timedelta(minutes=self.rng.randint(0, 420))
            serial = per_day[day] = per_day.get(day, 0) + 1
            head = household["head_person_id"]
            self.visits.append({
                "id": self._uuid(), "registration_number": f"REG-{digits}-{day:%Y%m%d}-{serial:03d}",
                "occurred_at": local.astimezone(UTC), "channel": self.rng.choice(channels),
                "household_id": household["id"], "applicant_person_id": head, "applicant_name": "",
                "applicant_relation": "DIRI_SENDIRI", "subject_person_ids": [head], "officer_id": f"cli:{BY}",
                "purpose": self.rng.choice(PURPOSES),
                "status": self.rng.choice([VisitStatus.TERBUKA.value, VisitStatus.SELESAI.value]),
                **self._stamps(local.astimezone(UTC)),
            })


# --- the district ---------------------------------------------------------------------------------------------------


def build_district(path: Path, village: Path) -> None:
    """A district secretariat that trusts the village's site card (as after `trust --card`)."""
    opened = open_database(str(path))
    db = opened.db
    village_db = open_site(village, wal=False)
    try:
        initialise_site(ServiceContext(db, Actor.cli(BY)), code=DISTRICT_CODE, name=DISTRICT_NAME,
                        role=SiteRole.KABUPATEN, admin_username="admin", admin_full_name="Admin Kabupaten",
                        admin_password="admin-bench-kabupaten-1", address="Jl. Gatot Subroto, Ungaran")
        trust_site(district_context(db), site_card(village_context(village_db))[1])
    finally:
        village_db.dispose()
        db.dispose()


# --- the package --------------------------------------------------------------------------------------------------


def bench_package(sites: BenchSites) -> Path:
    """A full package of the cached village for the district (sequence 1), exported once and cached."""
    path = cache_folder() / f"package-{sites.persons}-{CACHE_VERSION}.xlsx"
    if not path.exists():
        with tempfile.TemporaryDirectory(prefix="puskesos-bench-") as folder:
            village = open_site(fresh_copy(sites.village, Path(folder) / "village.db"))
            try:
                made = export_package(village_context(village), Path(folder) / "paket.xlsx", full=True)
            finally:
                village.dispose()
            shutil.move(made.path, path.with_suffix(".partial"))
        path.with_suffix(".partial").replace(path)
    return path


def keep_package(sites: BenchSites, made: Path) -> None:
    """Cache a package an export benchmark just made, so the import benchmark need not export again."""
    path = cache_folder() / f"package-{sites.persons}-{CACHE_VERSION}.xlsx"
    if not path.exists():
        shutil.copyfile(made, path.with_suffix(".partial"))
        path.with_suffix(".partial").replace(path)


# --- results ---------------------------------------------------------------------------------------------------------


def vm_hwm_kib(pid: int | str = "self") -> int:
    """Peak RSS of a process's own address space (VmHWM; 0 where /proc is missing). Unlike ru_maxrss it does not
    start from the parent's: Linux folds the address space a process had before exec (the parent's, after fork or
    vfork) into ru_maxrss, so a benchmark child started by a driver that had just built 250 packages reported the
    driver's 296 MB as its own."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine() -> dict[str, object]:
    """What the figures were measured on, as the other entries of results.json record it."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:  # Linux, like every benchmark here
        total_kib = int(meminfo.readline().split()[1])
    return {
        "versions": {name: version(name) for name in ("xlsxwriter", "python-calamine", "SQLAlchemy", "openpyxl")},
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "memory_gib": round(total_kib / (1 << 20), 1),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def save_result(key: str, result: dict[str, object]) -> None:
    """Merge one entry into benchmarks/results.json, keeping the others."""
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data[key] = result
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    built = bench_sites()
    print(f"village:  {built.village}\ndistrict: {built.district}\npersons {built.persons}, households "
          f"{built.households}, visits {built.visits}")
