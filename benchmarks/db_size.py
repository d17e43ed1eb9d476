"""On-disk size of a village database: 15,000 persons with a year of activity at the desk (issue 13).

    .venv/bin/python benchmarks/db_size.py        # PUSKESOS_BENCH_DBSIZE_PERSONS=15000
    PUSKESOS_BENCH_RESULTS=path                    # write there instead of benchmarks/results.json (the smoke test)
    PUSKESOS_BENCH_DBSIZE_KEEP=file.db             # keep the database there

Everything goes through the real services, so every record carries what the desk writes with it (audit events
with their hash chain, number sequences, row versions, the name search index, the disclosure log of each print):

- the site: open_database (migrations and the reference data: 83,762 regions, holidays, programmes, the service
  directory) and initialise_site, the four desk accounts (Koordinator, FO, BO, Operator SIKS-NG);
- households registered at the desk (services.registration, demo_people's families of 1-8) until there are
  PUSKESOS_BENCH_DBSIZE_PERSONS persons (15,000: about 4,000 households, a large desa);
- the district's DTSEN extract for the whole village, made as the demo makes it (services.demo_register) but
  covering 95 % of the registered households plus one family known only to the register for every ten
  households: about as many extract rows as persons;
- over the last twelve months, scaled to the persons (at 15,000): 1,500 visits in office hours on weekdays; 1,200
  complaints from those visits (older ones answered and closed, as the demo does); 1,800 needs (one for each visit,
  a second for some); 900 referrals to government services of the directory, each approved by the Koordinator
  and printed (the print is recorded), most answered (received, in process, served with an outcome, or refused)
  and the rest left waiting, then overdue ones marked "no news";
- programme participation recorded from the extract and cards, DTSEN proposals and household change requests
  (services.demo_casework, about one household in 40 and one in 100);
- the monthly exchange with the district: PUSKESOS_BENCH_DBSIZE_EXPORTS packages (default 12: one full, then
  deltas), each recorded in the package ledger, the export register and the per-record peer marks.

Not included: sign-in events (about 300 bytes each, one or two a working day), searches and unmasking events, and
the backups (they are files beside the database, not in it).

Measured: the file after a WAL checkpoint (TRUNCATE) as the application leaves it, the free pages in it, a copy
after VACUUM, bytes per person, an initialised site with no residents (the reference data alone) for comparison,
and the largest tables and indexes from SQLite's dbstat virtual table (or page counts of each object when this
SQLite has no dbstat). Results are merged into benchmarks/results.json under "db_size".
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from puskesos_desk.cli.commands import context_for  # noqa: E402
from puskesos_desk.data.repositories import regions, register  # noqa: E402
from puskesos_desk.domain.casework import ComplaintDraft, NeedDraft  # noqa: E402
from puskesos_desk.domain.enums import (  # noqa: E402
    ComplaintStatus,
    FeedbackSource,
    ReferralOutcome,
    ReferralStatus,
    Role,
    SiteRole,
    VisitChannel,
)
from puskesos_desk.domain.permissions import Actor  # noqa: E402
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft  # noqa: E402
from puskesos_desk.domain.referrals import ReferralChange, ReferralDraft  # noqa: E402
from puskesos_desk.services.accounts import create_user  # noqa: E402
from puskesos_desk.services.bootstrap import open_database  # noqa: E402
from puskesos_desk.services.casework import record_complaint_in, record_need_in  # noqa: E402
from puskesos_desk.services.complaints import update_complaint_status_in  # noqa: E402
from puskesos_desk.services.context import ServiceContext, local_zone  # noqa: E402
from puskesos_desk.services.demo import PURPOSES  # noqa: E402
from puskesos_desk.services.demo_casework import CASES, participation_from_extract, proposals_and_changes  # noqa: E402
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary  # noqa: E402
from puskesos_desk.services.demo_register import extract_rows  # noqa: E402
from puskesos_desk.services.exchange_export import export_package  # noqa: E402
from puskesos_desk.services.reference import directory_services  # noqa: E402
from puskesos_desk.services.referrals import approve_referral, change_status_in, create_referral_in, mark_overdue  # noqa: E402
from puskesos_desk.services.registration import register_household_in  # noqa: E402
from puskesos_desk.services.site import initialise_site  # noqa: E402
from puskesos_desk.services.slips import issue_in  # noqa: E402
from puskesos_desk.services.visits import record_visit_in  # noqa: E402

PERSONS = int(os.environ.get("PUSKESOS_BENCH_DBSIZE_PERSONS", "15000"))
EXPORTS = int(os.environ.get("PUSKESOS_BENCH_DBSIZE_EXPORTS", "12"))
RESULTS = Path(os.environ.get("PUSKESOS_BENCH_RESULTS") or HERE / "results.json")
KEEP = os.environ.get("PUSKESOS_BENCH_DBSIZE_KEEP", "")
# A year at the desk per 15,000 persons, scaled to PERSONS.
PER_15000 = {"visits": 1500, "complaints": 1200, "needs": 1800, "referrals": 900}
EXTRACT_SHARE = 0.95  # of the registered households in the district's DTSEN extract (DTSEN covers nearly everyone)
SITE_CODE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan, Kab. Semarang
SEED = 2026
BATCH = 200
USERS = ((Role.KOORDINATOR, "koordinator", "Sri Wahyuni"), (Role.PETUGAS_FO, "petugas.fo", "Budi Santoso"),
         (Role.PETUGAS_BO, "petugas.bo", "Dewi Lestari"), (Role.OPERATOR_SIKS, "operator.siks", "Agus Setiawan"))
OUTCOMES = (ReferralOutcome.TERLAYANI_PENUH, ReferralOutcome.TERLAYANI_SEBAGIAN, ReferralOutcome.TIDAK_TERLAYANI)
SOURCES = (FeedbackSource.LEMBAR_BALASAN, FeedbackSource.TELEPON, FeedbackSource.LAPORAN_WARGA)


def planned(persons: int = PERSONS) -> dict[str, int]:
    return {name: max(1, round(count * persons / 15000)) for name, count in PER_15000.items()}


def at(ctx: ServiceContext, moment: datetime) -> ServiceContext:
    return ServiceContext(ctx.db, ctx.actor, clock=lambda: moment)


# --- building the village through the services --------------------------------------------------------------------


class Village:
    def __init__(self, path: Path, persons: int) -> None:
        self.path, self.persons = path, persons
        self.rng = random.Random(SEED)
        self.counts: Counter[str] = Counter()
        self.db = open_database(str(path)).db
        cli = context_for(self.db, "bench-db-size")
        initialise_site(cli, code=SITE_CODE, name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                        admin_username="admin", admin_full_name="Admin Puskesos")
        self.cli = context_for(self.db, "bench-db-size")
        self.staff = {role: self._account(role, username, name) for role, username, name in USERS}

    def _account(self, role: Role, username: str, full_name: str) -> ServiceContext:
        info, _password = create_user(self.cli, username=username, full_name=full_name, role=role)
        actor = Actor(id=info.id, name=info.username, role=role, site_code=SITE_CODE, site_role=SiteRole.DESA)
        return ServiceContext(self.db, actor)

    def build(self) -> dict[str, int]:
        fo, bo = self.staff[Role.PETUGAS_FO], self.staff[Role.PETUGAS_BO]
        koordinator, operator = self.staff[Role.KOORDINATOR], self.staff[Role.OPERATOR_SIKS]
        households = self.register(fo)
        in_extract = self.extract(households)
        plan = planned(self.persons)
        visits = self.visits(fo, bo, households, plan["visits"])
        cases = self.casework(bo, visits, plan["complaints"], plan["needs"])
        with self.db.transaction(bo.actor) as session:
            participation_from_extract(session, bo, self.rng, households, in_extract, self.counts)
        proposals_and_changes(operator, self.rng, households, in_extract, self.counts)
        self.referrals(bo, koordinator, cases, plan["referrals"])
        self.counts["referrals_no_news"] = mark_overdue(koordinator)
        self.exchange(koordinator)
        return dict(self.counts)

    def register(self, fo: ServiceContext) -> list[HouseholdRecord]:
        with self.db.reading() as session:
            neighbours = [r.code for r in regions.children(session, SITE_CODE[:5])]
        factory = HouseholdFactory(self.rng, Vocabulary.load(),
                                   IdentityFactory(self.rng, SITE_CODE.rsplit(".", 1)[0], neighbours),
                                   fo.today())
        self.factory = factory
        records: list[HouseholdRecord] = []
        while self.counts["persons"] < self.persons:
            with self.db.transaction(fo.actor) as session:
                for _ in range(BATCH):
                    if self.counts["persons"] >= self.persons:
                        break
                    household = register_household_in(session, fo, factory.household()).household
                    records.append(household)
                    self.counts["households"] += 1
                    self.counts["persons"] += len(household.members)
        return records

    def extract(self, households: list[HouseholdRecord]) -> dict[str, dict[str, bool]]:
        today = self.cli.today()
        as_of = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        with self.db.reading() as session:
            village = regions.get_region(session, SITE_CODE)
        rows = extract_rows(self.rng, households, village_code=SITE_CODE, village_name=village.name if village else "",
                            today=today, make_name=self.factory.person_name, share=EXTRACT_SHARE,
                            extra_families=max(1, len(households) // 10))
        with self.db.transaction(self.cli.actor) as session:
            register.load_register_rows(session, dataset="DTSEN", as_of=as_of,
                                        file_name=f"DTSEN_{SITE_CODE.replace('.', '')}_{as_of:%Y%m%d}.xlsx",
                                        rows=[row.as_dict() for row in rows])
        self.counts["extract_rows"] = len(rows)
        return {row.household_id: row.programs for row in rows if row.household_id}

    def _moments(self, count: int) -> list[datetime]:
        """Office-hour moments on weekdays over the last twelve months, oldest first."""
        now, today, zone = self.cli.now(), self.cli.today(), local_zone()
        moments: list[datetime] = []
        while len(moments) < count:
            day = today - timedelta(days=self.rng.randint(0, 364))
            moment = datetime.combine(day, time_of_day(self.rng.randint(8, 14), self.rng.randint(0, 59)),
                                      tzinfo=zone).astimezone(UTC)
            if day.weekday() < 5 and moment < now:
                moments.append(moment)
        return sorted(moments)

    def visits(self, fo: ServiceContext, bo: ServiceContext, households: list[HouseholdRecord],
               count: int) -> list[tuple[str, str, str, datetime, int]]:
        channels, weights = list(VisitChannel), [70, 12, 12, 4, 2]
        made = []
        moments = self._moments(count)
        for start in range(0, count, BATCH):
            officer = fo if start % (2 * BATCH) == 0 else bo
            with self.db.transaction(officer.actor) as session:
                for moment in moments[start:start + BATCH]:
                    household = self.rng.choice(households)
                    members = [m.id for m in household.members]
                    subjects = tuple(self.rng.sample(members, k=min(len(members), self.rng.choice([1, 1, 2]))))
                    purpose = self.rng.randrange(len(PURPOSES))
                    session.info["clock"] = lambda moment=moment: moment
                    visit = record_visit_in(session, at(officer, moment), VisitDraft(
                        household_id=household.id, applicant_person_id=members[0],
                        applicant_relation="DIRI_SENDIRI" if members[0] in subjects else "KELUARGA",
                        purpose=PURPOSES[purpose], channel=self.rng.choices(channels, weights)[0],
                        subject_person_ids=subjects, occurred_at=moment))
                    made.append((visit.id, household.id, subjects[0], moment, purpose))
                    self.counts["visits"] += 1
        return made

    def casework(self, bo: ServiceContext, visits: list[tuple[str, str, str, datetime, int]], complaints: int,
                 needs: int) -> list[tuple[str, str, str, datetime, str, str | None, str | None]]:
        """Complaints for the first `complaints` visits (closed when old), needs for every visit and a second one
        for some, until `needs`. Returns what can be referred: (visit, household, person, moment, domain,
        complaint id, need id)."""
        now = bo.now()
        cases = []
        second = needs - min(needs, len(visits))
        for index, (visit_id, household_id, person_id, moment, purpose) in enumerate(visits):
            kind, category, program, domain = CASES[purpose % len(CASES)]
            domain = domain or "DATA"
            visit_ctx = at(bo, moment)
            with self.db.transaction(bo.actor) as session:
                session.info["clock"] = visit_ctx.clock
                complaint_id = None
                if self.counts["complaints"] < complaints:
                    complaint = record_complaint_in(session, visit_ctx, ComplaintDraft(
                        household_id=household_id, person_id=person_id, visit_id=visit_id, kind=kind,
                        category_code=category, program_code=program,
                        description="Warga menyampaikan: keperluan sesuai catatan kunjungan."))
                    complaint_id = complaint.id
                    self.counts["complaints"] += 1
                    if (now - moment).days > 20:
                        later = at(bo, moment + timedelta(days=self.rng.randint(1, 12)))
                        session.info["clock"] = later.clock
                        step = update_complaint_status_in(session, later, complaint.id,
                                                          status=ComplaintStatus.DITANGANI,
                                                          expected_version=complaint.row_version)
                        update_complaint_status_in(session, later, complaint.id, status=ComplaintStatus.SELESAI,
                                                   answer="Sudah dijelaskan alur dan persyaratannya.",
                                                   expected_version=step.row_version)
                        session.info["clock"] = visit_ctx.clock
                need_ids = []
                for extra in range(2 if index < second else 1):
                    if self.counts["needs"] >= needs:
                        break
                    need = record_need_in(session, visit_ctx, NeedDraft(
                        household_id=household_id, person_id=person_id, visit_id=visit_id,
                        domain_code=domain if extra == 0 else "DATA", proposed_program=program,
                        complaint_id=complaint_id, description="Kebutuhan yang teridentifikasi saat kunjungan."))
                    need_ids.append(need.id)
                    self.counts["needs"] += 1
            cases.append((visit_id, household_id, person_id, moment, domain, complaint_id,
                          need_ids[0] if need_ids else None))
        return cases

    def referrals(self, bo: ServiceContext, koordinator: ServiceContext,
                  cases: list[tuple[str, str, str, datetime, str, str | None, str | None]], count: int) -> None:
        services = [s for s in directory_services(self.cli)
                    if not s.needs_explicit_consent and s.organization_kind != "non_pemerintah"]
        now = bo.now()
        picked = sorted(self.rng.sample(cases, k=min(count, len(cases))), key=lambda c: c[3])
        for visit_id, household_id, person_id, moment, domain, complaint_id, need_id in picked:
            fitting = [s for s in services if domain in s.need_domains] or services
            service = self.rng.choice(fitting)
            drafted = min(moment + timedelta(hours=self.rng.randint(1, 30)), now)
            with self.db.transaction(bo.actor) as session:
                session.info["clock"] = at(bo, drafted).clock
                record = create_referral_in(session, at(bo, drafted), ReferralDraft(
                    household_id=household_id, person_id=person_id, service_id=service.id,
                    requested_service=service.name, need_id=need_id, complaint_id=complaint_id, visit_id=visit_id,
                    problem_summary=f"Warga datang pada {moment:%d-%m-%Y} dan membutuhkan layanan: "
                                    f"{service.name.lower()}. Mohon dibantu sesuai ketentuan.",
                    documents_attached=tuple(d for d in service.required_documents if self.rng.random() < 0.7)))
            approved = min(drafted + timedelta(hours=self.rng.randint(1, 20)), now)
            approve_referral(at(koordinator, approved), record.id)
            printed = at(koordinator, min(approved + timedelta(minutes=self.rng.randint(5, 90)), now))
            with self.db.transaction(koordinator.actor) as session:
                session.info["clock"] = printed.clock
                issue_in(session, printed, record.id)
            self.counts["referrals"] += 1
            answered_at = min(printed.now() + timedelta(days=self.rng.randint(2, 20)), now)
            if answered_at >= now or self.rng.random() < 0.12:
                continue  # still waiting for the agency; mark_overdue decides whether it is late
            self._answer(bo, record.id, answered_at)

    def _answer(self, bo: ServiceContext, referral_id: str, answered_at: datetime) -> None:
        answer = at(bo, answered_at)
        source = self.rng.choice(SOURCES).value
        roll = self.rng.random()
        with self.db.transaction(bo.actor) as session:
            session.info["clock"] = answer.clock
            if roll < 0.08:
                change_status_in(session, answer, ReferralChange(
                    referral_id=referral_id, status=ReferralStatus.DITOLAK, source=source,
                    rejection_reason="Persyaratan belum lengkap."))
                self.counts["referrals_refused"] += 1
                return
            change_status_in(session, answer, ReferralChange(referral_id=referral_id, status=ReferralStatus.DITERIMA,
                                                             source=source))
            if roll < 0.2:
                self.counts["referrals_received"] += 1
                return
            change_status_in(session, answer, ReferralChange(
                referral_id=referral_id, status=ReferralStatus.DIPROSES, source=source,
                notes="Berkas sedang diverifikasi lembaga tujuan."))
            if roll < 0.3:
                self.counts["referrals_in_process"] += 1
                return
            change_status_in(session, answer, ReferralChange(
                referral_id=referral_id, status=ReferralStatus.SELESAI, source=source,
                outcome=self.rng.choices(OUTCOMES, [70, 20, 10])[0],
                notes="Hasil layanan disampaikan melalui lembar balasan."))
            self.counts["referrals_with_outcome"] += 1

    def exchange(self, koordinator: ServiceContext) -> None:
        with tempfile.TemporaryDirectory(prefix="puskesos-dbsize-") as folder:
            for month in range(EXPORTS):
                out = Path(folder) / f"paket-{month + 1:02d}.xlsx"
                export_package(koordinator, out, full=month == 0, purpose="laporan bulanan")
                out.unlink()
                self.counts["packages_sent"] += 1

    def close(self) -> None:
        self.db.dispose()


# --- measuring the file ------------------------------------------------------------------------------------------


def checkpointed(path: Path) -> dict[str, int]:
    """Fold the WAL into the file (as the application leaves it) and read the page figures."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    return {"file_bytes": path.stat().st_size, "wal_bytes": wal.stat().st_size if wal.exists() else 0,
            "page_size": page_size, "pages": pages, "free_pages": free}


def vacuumed_size(path: Path, folder: Path) -> int:
    copy = folder / "vacuumed.db"
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("VACUUM INTO ?", (str(copy),))
    size = copy.stat().st_size
    copy.unlink()
    return size


def objects(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """Every table and index with its bytes (dbstat), largest first; the table each belongs to."""
    with closing(sqlite3.connect(path)) as conn:
        owners = {name: table for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
        kinds = {name: kind for name, kind in conn.execute("SELECT name, type FROM sqlite_master")}
        try:
            sizes = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.OperationalError:  # this SQLite was built without SQLITE_ENABLE_DBSTAT_VTAB
            return "no dbstat in this SQLite: sizes per object unknown", []
    found = [{"name": name, "kind": kinds.get(name, "internal"), "table": _owner(name, owners), "bytes": int(size)}
             for name, size in sizes]
    return "dbstat", sorted(found, key=lambda o: -o["bytes"])


def _owner(name: str, owners: dict[str, str]) -> str:
    """The table an object belongs to: an index's table, or an FTS5 index's own name for its shadow tables."""
    if name in owners:
        owner = owners[name]
        for suffix in ("_data", "_idx", "_content", "_docsize", "_config"):
            if owner.endswith(suffix) and owner[: -len(suffix)] in owners:
                return owner[: -len(suffix)]
        return owner
    return name  # sqlite_schema and friends


def row_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}


def empty_site_bytes(folder: Path) -> int:
    """An initialised site with no residents: what the reference data and the schema alone take (after VACUUM)."""
    path = folder / "empty.db"
    db = open_database(str(path)).db
    try:
        initialise_site(context_for(db, "bench-db-size"), code=SITE_CODE, name="Puskesos Desa Sumogawe",
                        role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Puskesos")
    finally:
        db.dispose()
    checkpointed(path)
    return vacuumed_size(path, folder)


def measure(path: Path, folder: Path, counts: dict[str, int], build_s: float) -> dict[str, Any]:
    page = checkpointed(path)
    vacuumed = vacuumed_size(path, folder)
    empty = empty_site_bytes(folder)
    method, found = objects(path)
    per_table: dict[str, int] = {}
    for item in found:
        per_table[item["table"]] = per_table.get(item["table"], 0) + item["bytes"]
    rows = row_counts(path)
    persons = counts["persons"]
    total = sum(item["bytes"] for item in found) or 1
    return {
        "persons": persons,
        "households": counts["households"],
        "activity": {k: v for k, v in sorted(counts.items()) if k not in ("persons", "households")},
        **page,
        "vacuumed_bytes": vacuumed,
        "vacuumed_bytes_per_person": round(vacuumed / persons),
        "empty_site_bytes": empty,
        "activity_bytes_per_person": round((vacuumed - empty) / persons),
        "size_method": method,
        "largest_objects": [item | {"share": round(item["bytes"] / total, 3)} for item in found[:15]],
        "tables": [{"table": table, "rows": rows.get(table), "bytes": size, "share": round(size / total, 3)}
                   for table, size in sorted(per_table.items(), key=lambda kv: -kv[1])[:15]],
        "row_counts": rows,
        "build_s": round(build_s, 1),
        "assumptions": "see the docstring of benchmarks/db_size.py: per 15,000 persons a year of 1,500 visits, "
                       "1,200 complaints, 1,800 needs, 900 referrals approved, printed and mostly answered, the "
                       f"extract for the whole village, {EXPORTS} monthly packages to the district; no sign-in "
                       "events, searches or backups",
        "sqlite": sqlite3.sqlite_version,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def save(result: dict[str, Any]) -> None:
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data["db_size"] = result
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    os.environ.setdefault("PUSKESOS_AUTO_BACKUP", "0")
    folder = Path(tempfile.mkdtemp(prefix="puskesos-dbsize-"))
    os.environ["PUSKESOS_HOME"] = str(folder / "home")  # logs and settings of this run stay in the scratch
    try:
        path = folder / "village.db"
        started = time.monotonic()
        village = Village(path, PERSONS)
        try:
            counts = village.build()
        finally:
            village.close()
        result = measure(path, folder, counts, time.monotonic() - started)
        if KEEP:
            shutil.copyfile(path, KEEP)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    save(result)
    shown = {k: v for k, v in result.items() if k not in ("row_counts", "largest_objects")}
    print(json.dumps(shown, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
