"""Several staff on one database at once, on SQLite (a real file) and on PostgreSQL (PUSKESOS_TEST_PG, a fresh
database per test): real processes through the real services.

- Four processes edit the same service-directory entry, each re-reading it and saving with expected_version; a
  save over a newer version is refused (Conflict) and counted. Nothing is lost: the row version is 1 + the saves,
  the audit log holds exactly one UPDATE per save, and every saved text is in it.
- Four processes register households at once: the household numbers are 1..N, no gap, no duplicate.
- Two processes import the same exchange package at once, the second one checking the ledger while the first
  one's import is still open: the package is applied exactly once; the second import ends as "already imported".
- Saving a record through the ORM over someone else's newer change raises Conflict with a message to reload.
- Numbers: a rolled-back transaction gives its number back; on PostgreSQL two sessions starting a new counter at
  once (outside the writers' queue) neither fail nor share a number.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from backends import ON_POSTGRES
from conftest import SITE_CODE, SITE_NAME, copy_sqlite
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker

from puskesos_desk.data.db import STALE_RECORD_MESSAGE, Database, resolve_database_url
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.data.orm.site import NumberSequence
from puskesos_desk.data.repositories import exchange_ledger, numbering
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import Conflict, DatabaseLocked
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.service_directory import ServiceDraft
from puskesos_desk.services import exchange_import
from puskesos_desk.services import service_directory as directory
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site

pytestmark = pytest.mark.timeout(600)

ENV_TEST_PG = "PUSKESOS_TEST_PG"
DISTRICT_CODE = "33.22"
DISTRICT_NAME = "Sekretariat SLRT Kabupaten Semarang"
WORKERS = 4
SAVES_PER_WORKER = 12
HOUSEHOLDS_PER_WORKER = 6
WAIT_S = 120  # a safety net for a process that never arrives, not a timing expectation
SPAWN = multiprocessing.get_context("spawn")  # fresh interpreters: no engine or lock inherited through fork


# --- one shared database per test, on each backend --------------------------------------------------------------


@pytest.fixture(scope="session")
def server_template() -> Iterator[str]:
    """A migrated, seeded database on the test server; each test copies it (CREATE DATABASE … TEMPLATE), which
    takes a moment where migrating and seeding anew takes many seconds."""
    with _server_database("concurrency_tmpl") as url:
        open_database(url).db.dispose()
        yield urlsplit(url).path.lstrip("/")


@pytest.fixture
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """On the backend of this test pass (tests/backends.py): a SQLite file, or a database on the test server."""
    if not ON_POSTGRES:
        path = tmp_path / "bersama.db"
        copy_sqlite(request.getfixturevalue("seeded_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("server_template")
    with _server_database("concurrency", template=template) as url:
        yield url


@contextmanager
def _server_database(prefix: str, *, template: str | None = None) -> Iterator[str]:
    """A fresh database of our own on the test server (empty, or a copy of `template`), dropped afterwards (even if
    the test failed)."""
    import psycopg

    base = os.environ.get(ENV_TEST_PG) or ""
    if not base:
        pytest.skip(f"{ENV_TEST_PG} is not set: no PostgreSQL server for the concurrency tests")
    parts = urlsplit(base)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{parts.username}"{copy}')
    try:
        yield resolve_database_url(urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, "")))
    finally:
        _drop(base, name)


def _drop(base: str, name: str) -> None:
    """DROP … WITH (FORCE) ends our own sessions but not an autovacuum worker (a superuser's process) that may be
    analysing the freshly seeded database; that worker gives way within moments, so try again a few times."""
    import psycopg

    for attempt in range(20):
        try:
            with psycopg.connect(base, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == 19:
                raise
            time.sleep(0.5)


def _make_site(url: str, code: str, name: str, role: SiteRole) -> None:
    """Initialise a seeded database as a site (its key pair, an admin), through the application's own start-up."""
    db = open_database(url).db
    try:
        initialise_site(ServiceContext(db, Actor.cli("pytest")), code=code, name=name, role=role,
                        admin_username="admin", admin_full_name="Admin", admin_password="admin-rahasia-1",
                        address="Jl. Contoh No. 1")
    finally:
        db.dispose()


def _context(db: Database, who: str, code: str, role: SiteRole) -> ServiceContext:
    return ServiceContext(db, Actor.cli(who, site_code=code, site_role=role))


def _run_workers(target: Any, jobs: list[tuple[Any, ...]]) -> list[Any]:
    """Start one process per job (each gets the job, a shared barrier and a result queue), wait for all."""
    barrier = SPAWN.Barrier(len(jobs))
    results = SPAWN.Queue()
    processes = [SPAWN.Process(target=target, args=(*job, barrier, results)) for job in jobs]
    for process in processes:
        process.start()
    collected = [results.get(timeout=WAIT_S * 3) for _ in processes]
    for process in processes:
        process.join(WAIT_S)
    failures = [value for ok, value in collected if not ok]
    assert not failures, "\n".join(failures)
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return [value for _ok, value in collected]


def _report(results: Any, job: Any) -> None:
    """Hand a worker's result (or its traceback, as text) to the parent."""
    import traceback

    try:
        results.put((True, job()))
    except BaseException:
        results.put((False, traceback.format_exc()))


# --- four officers editing the same entry -----------------------------------------------------------------------


def _directory_draft(description: str) -> ServiceDraft:
    return ServiceDraft(code="dinsos-rutilahu", service_name="Bantuan Rumah Tidak Layak Huni",
                        organization="Dinas Sosial Kabupaten Semarang", organization_kind="pemda",
                        region_code="33.22", need_domains=("PERUMAHAN",), response_days=15, description=description)


def _edit_worker(url: str, entry_id: str, worker: int, barrier: Any, results: Any) -> None:
    def job() -> dict[str, Any]:
        db = Database(url)
        ctx = _context(db, f"petugas-{worker}", DISTRICT_CODE, SiteRole.KABUPATEN)
        saved: list[str] = []
        conflicts = busy = attempts = 0
        barrier.wait(WAIT_S)
        try:
            while len(saved) < SAVES_PER_WORKER:
                attempts += 1
                seen = directory.get_service(ctx, entry_id)  # the form is opened …
                note = f"Catatan petugas {worker} ke-{len(saved) + 1}"
                try:  # … and saved with the version it showed
                    directory.update_service(ctx, entry_id, _directory_draft(note), expected_version=seen.row_version)
                except Conflict:
                    conflicts += 1
                    continue
                except DatabaseLocked:  # "tunggu sebentar, lalu simpan lagi": the officer saves again
                    busy += 1
                    continue
                saved.append(note)
        finally:
            db.dispose()
        return {"worker": worker, "saved": saved, "conflicts": conflicts, "busy": busy, "attempts": attempts}

    _report(results, job)


def test_four_processes_editing_one_record_lose_nothing_and_every_conflict_is_refused(shared_url: str) -> None:
    _make_site(shared_url, DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    db = Database(shared_url)
    try:
        ctx = _context(db, "pytest", DISTRICT_CODE, SiteRole.KABUPATEN)
        entry = directory.create_service(ctx, _directory_draft("awal"))
        assert entry.row_version == 1
        outcomes = _run_workers(_edit_worker, [(shared_url, entry.id, worker) for worker in range(WORKERS)])
        saves = sum(len(o["saved"]) for o in outcomes)
        conflicts = sum(o["conflicts"] for o in outcomes)
        print(f"\n{db.engine.dialect.name}: {saves} saves, {conflicts} conflicts refused "
              f"({', '.join(str(o['conflicts']) for o in sorted(outcomes, key=lambda o: o['worker']))} per process), "
              f"{sum(o['busy'] for o in outcomes)} times busy")
        assert saves == WORKERS * SAVES_PER_WORKER
        assert all(o["attempts"] == len(o["saved"]) + o["conflicts"] + o["busy"] for o in outcomes), \
            "every attempt either saved or was refused with a message"
        with db.reading() as session:
            version = session.scalar(select(ServiceDirectoryEntry.row_version)
                                     .where(ServiceDirectoryEntry.id == entry.id))
            updates = list(session.scalars(select(AuditEvent.changes).where(
                AuditEvent.entity == "service_directory_entry", AuditEvent.entity_id == entry.id,
                AuditEvent.action == "UPDATE")))
        assert version == 1 + saves, "no save was lost and none counted twice"
        assert len(updates) == saves
        logged = [change["description"]["after"] for change in updates]
        assert sorted(logged) == sorted(note for o in outcomes for note in o["saved"])
    finally:
        db.dispose()


# --- four officers registering households -----------------------------------------------------------------------

_GIVEN = ["Slamet", "Sri", "Budi", "Wahyu", "Agus", "Siti", "Joko", "Tri", "Eko", "Dewi", "Rina", "Yanto"]


def _household(worker: int, index: int) -> HouseholdDraft:
    serial = worker * 100 + index + 1
    head = MemberDraft(name=f"{_GIVEN[index]} {['Riyadi', 'Santoso', 'Lestari', 'Wibowo'][worker]}",
                       relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                       nik=f"332201150580{serial:04d}")
    return HouseholdDraft(members=(head,), kk_number=f"332201010115{serial:04d}", address="Dusun Krajan",
                          rt="1", rw="2", hamlet="Krajan")


def _register_worker(url: str, worker: int, barrier: Any, results: Any) -> None:
    def job() -> tuple[list[str], int]:
        db = Database(url)
        ctx = _context(db, f"petugas-{worker}", SITE_CODE, SiteRole.DESA)
        numbers: list[str] = []
        busy = 0
        barrier.wait(WAIT_S)
        try:
            while len(numbers) < HOUSEHOLDS_PER_WORKER:
                try:
                    numbers.append(register_household(ctx, _household(worker, len(numbers))).household.number)
                except DatabaseLocked:  # the officer is told to wait a moment and save again
                    busy += 1
        finally:
            db.dispose()
        return numbers, busy

    _report(results, job)


def test_four_processes_registering_at_once_get_numbers_without_gap_or_duplicate(shared_url: str) -> None:
    _make_site(shared_url, SITE_CODE, SITE_NAME, SiteRole.DESA)
    batches = _run_workers(_register_worker, [(shared_url, w) for w in range(WORKERS)])
    numbers = [n for batch, _busy in batches for n in batch]
    print(f"\n{len(numbers)} households registered, {sum(busy for _, busy in batches)} times busy")
    total = WORKERS * HOUSEHOLDS_PER_WORKER
    assert sorted(int(number.rsplit("-", 1)[1]) for number in numbers) == list(range(1, total + 1))
    db = Database(shared_url)
    try:
        with db.reading() as session:
            assert numbering.peek_number(session, "household") == total
    finally:
        db.dispose()


# --- two officers importing the same package --------------------------------------------------------------------


class _HoldOpen(ProgressSink):
    """The first import: once its write transaction has begun, wait until the other import has looked at the
    ledger (and found nothing yet), then finish."""

    def __init__(self, started: Any, checked: Any) -> None:
        self.started, self.checked = started, checked

    def progress(self, done: int, total: int, label: str) -> None:
        if not self.started.is_set():
            self.started.set()
            assert self.checked.wait(WAIT_S), "the second import never reached the ledger"


def _import_worker(url: str, package: str, role: str, started: Any, checked: Any, barrier: Any,
                   results: Any) -> None:
    def job() -> str:
        db = Database(url)
        ctx = _context(db, f"petugas-{role}", DISTRICT_CODE, SiteRole.KABUPATEN)
        barrier.wait(WAIT_S)
        try:
            if role == "first":
                return exchange_import.import_package(ctx, Path(package), sink=_HoldOpen(started, checked)).status
            assert started.wait(WAIT_S), "the first import never began"
            looked = exchange_import.exchange_ledger.find

            def find_then_signal(session: Any, package_id: str) -> Any:
                found = looked(session, package_id)
                checked.set()  # the first look, in a read transaction, while the other import is still open
                return found

            exchange_import.exchange_ledger.find = find_then_signal  # type: ignore[assignment]
            return exchange_import.import_package(ctx, Path(package)).status
        finally:
            db.dispose()

    _report(results, job)


def test_two_processes_importing_one_package_apply_it_once(shared_url: str, tmp_path: Path,
                                                          seeded_template: Path) -> None:
    copy_sqlite(seeded_template, tmp_path / "desa.db")
    village_url = f"sqlite:///{tmp_path / 'desa.db'}"
    _make_site(village_url, SITE_CODE, SITE_NAME, SiteRole.DESA)
    _make_site(shared_url, DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    village_db, district_db = Database(village_url), Database(shared_url)
    try:
        village = _context(village_db, "pytest", SITE_CODE, SiteRole.DESA)
        district = _context(district_db, "pytest", DISTRICT_CODE, SiteRole.KABUPATEN)
        trust_site(district, site_card(village)[1])
        trust_site(village, site_card(district)[1])
        register_household(village, _household(0, 0))
        package = export_package(village, tmp_path / "paket.xlsx", full=True).path
        started, checked = SPAWN.Event(), SPAWN.Event()
        statuses = _run_workers(_import_worker, [(shared_url, str(package), role, started, checked)
                                                 for role in ("first", "second")])
        assert sorted(statuses) == sorted([ImportStatus.APPLIED.value, ImportStatus.ALREADY_APPLIED.value])
        with district_db.reading() as session:
            ledger = [e for e in exchange_ledger.recent(session) if e.direction == exchange_ledger.IN]
            households = session.scalar(text("SELECT count(*) FROM household"))
            imports = session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "IMPORT", AuditEvent.entity == "exchange_package"))
        assert len(ledger) == 1
        assert households == 1
        assert imports == 1
    finally:
        village_db.dispose()
        district_db.dispose()


# --- the ORM's own version check --------------------------------------------------------------------------------


def test_saving_over_a_newer_version_through_the_orm_is_a_conflict(shared_url: str) -> None:
    """A form kept the record it loaded; meanwhile another officer saved the record. Saving the kept copy is
    refused (version_id_col: UPDATE … WHERE row_version = the old one matches no row) instead of overwriting."""
    _make_site(shared_url, DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    db = Database(shared_url)
    try:
        ctx = _context(db, "pytest", DISTRICT_CODE, SiteRole.KABUPATEN)
        entry = directory.create_service(ctx, _directory_draft("awal"))
        with db.reading() as session:
            kept = session.get_one(ServiceDirectoryEntry, entry.id)  # version 1, kept after the session closes
        directory.update_service(ctx, entry.id, _directory_draft("petugas lain"), expected_version=1)
        with pytest.raises(Conflict) as caught, db.transaction(ctx.actor) as session:
            session.add(kept)
            kept.description = "salinan lama"
        assert caught.value.message == STALE_RECORD_MESSAGE
        assert "petugas lain" in caught.value.message and "Muat ulang" in caught.value.message
        assert "service_directory_entry" in (caught.value.detail or "")
        current = directory.get_service(ctx, entry.id)
        assert (current.draft.description, current.row_version) == ("petugas lain", 2)
    finally:
        db.dispose()


# --- numbers ----------------------------------------------------------------------------------------------------


def test_a_rolled_back_transaction_gives_its_number_back(shared_url: str) -> None:
    db = open_database(shared_url).db
    try:
        with pytest.raises(RuntimeError), db.transaction(None) as session:
            assert numbering.next_number(session, "surat", "2026") == 1
            raise RuntimeError("the letter was not saved")
        with db.transaction(None) as session:
            assert numbering.next_number(session, "surat", "2026") == 1
            assert numbering.next_number(session, "surat", "2026") == 2
    finally:
        db.dispose()


@pytest.mark.postgres_only
@pytest.mark.parametrize("first_commits", [True, False])
def test_two_sessions_starting_a_new_counter_at_once_neither_fail_nor_share(first_commits: bool,
                                                                            server_template: str) -> None:
    """PostgreSQL, below the writers' queue (plain sessions): the second session's insert of the new counter waits
    for the first one's row; after a COMMIT it takes 2, after a ROLLBACK it takes the returned 1."""
    with _server_database("concurrency_num", template=server_template) as url:
        opened = open_database(url)
        sessions = sessionmaker(bind=opened.db.engine)
        try:
            first, second = sessions(), sessions()
            assert numbering.next_number(first, "rujukan", "2026") == 1
            taken: list[int] = []
            waiter = threading.Thread(target=lambda: taken.append(numbering.next_number(second, "rujukan", "2026")))
            waiter.start()
            waiter.join(0.5)
            assert waiter.is_alive(), "the second session waits for the first one's counter row"
            first.commit() if first_commits else first.rollback()
            waiter.join(WAIT_S)
            second.commit()
            assert taken == ([2] if first_commits else [1])
            with sessions() as check:
                rows = check.execute(select(NumberSequence.name, NumberSequence.last_value)).all()
            assert [tuple(r) for r in rows if r.name == "rujukan"] == [("rujukan", taken[0])]
            first.close()
            second.close()
        finally:
            opened.db.dispose()

