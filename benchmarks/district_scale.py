"""District scale (issue 9): the consolidated views and the monthly recap over a million residents, on SQLite and on
PostgreSQL side by side.

    .venv/bin/python benchmarks/district_scale.py                 # 1,000,000 persons (generated once, then reused)
    PUSKESOS_BENCH_PERSONS=20000 PUSKESOS_BENCH_HOUSEHOLDS=6000 PUSKESOS_BENCH_REFERRALS=4000 \\
        .venv/bin/python benchmarks/district_scale.py             # a quick check
    PUSKESOS_BENCH_BACKENDS=sqlite ...                            # one backend only

The district comes from district_data.generate_district (Kab. Semarang, 250 villages; counts from
PUSKESOS_BENCH_PERSONS, _HOUSEHOLDS, _REFERRALS, _VILLAGES, default 1,000,000 / 300,000 / 200,000 / 250). It is
built once per counts and seed: a SQLite file in the temp folder, and the PostgreSQL database `bench_district` on the
server of PUSKESOS_BENCH_PG (default: the CI server on 127.0.0.1:55432), whose comment records the counts; built
under another name and renamed when complete, so an interrupted build is never reused.

Measured on each backend, through the services the district screens call, on a warm connection pool:
- consolidated views (services.consolidated): for persons, households, referrals and visits, with no filter and with
  each filter kind that applies (village, kecamatan, text, status): the first page, a deep page (offset 500,000, or
  the last page of a shorter list) and the separate COUNT, p50/p95 over PUSKESOS_BENCH_REPEATS (default 7);
- the monthly recap of the whole district for the current month (build_report, then produce_report to .xlsx and to
  .pdf, each building the document again as the Laporan page does): the issue's goal is ≤ 10 s;
- the overdue-referrals list and the BNBA register of the month (build_report only).

The machine is shared (2 cores); the figures carry its load average at the start and end of each backend.
Results are merged into benchmarks/results.json under "district_scale".
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import district_data
import exchange_data
import psycopg
from sqlalchemy import func, select

from puskesos_desk.data.orm.household import Household
from puskesos_desk.domain.consolidated import PAGE_SIZE, RecordFilter, RecordKind
from puskesos_desk.domain.enums import ReferralStatus, SiteRole, VisitStatus
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.consolidated import count_records, record_page
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reports import build_report, produce_report

PERSONS = int(os.environ.get("PUSKESOS_BENCH_PERSONS", "1000000"))
HOUSEHOLDS = int(os.environ.get("PUSKESOS_BENCH_HOUSEHOLDS", "300000"))
REFERRALS = int(os.environ.get("PUSKESOS_BENCH_REFERRALS", "200000"))
VILLAGES = int(os.environ.get("PUSKESOS_BENCH_VILLAGES", "250"))
REPEATS = int(os.environ.get("PUSKESOS_BENCH_REPEATS", "7"))
BACKENDS = os.environ.get("PUSKESOS_BENCH_BACKENDS", "sqlite,postgresql").split(",")
PG_SERVER = os.environ.get("PUSKESOS_BENCH_PG", "postgresql://puskesos:puskesos-ci@127.0.0.1:55432/puskesos")
PG_DATABASE = "bench_district"
SEED = 1
DEEP_OFFSET = 500_000
RECAP_GOAL_S = 10.0
TEXT = "SITI"  # the most common first word: the hardest name-prefix filter for a page


def _key() -> str:
    return (f"district-{VILLAGES}v-{PERSONS}p-{HOUSEHOLDS}h-{REFERRALS}r-s{SEED}-"
            f"{district_data.CACHE_VERSION}")


# --- the databases ------------------------------------------------------------------------------------------------


def _server_url(database: str) -> str:
    return PG_SERVER.rsplit("/", 1)[0] + "/" + database


def postgres_district() -> str:
    """The URL of `bench_district`, generated first if it is missing or holds other counts."""
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        found = admin.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                              (PG_DATABASE,)).fetchone()
        if found is not None and found[0] == _key():
            return _server_url(PG_DATABASE)
        partial = f"{PG_DATABASE}_partial"
        for name in (PG_DATABASE, partial):
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {partial} OWNER puskesos")
    made = district_data.generate_district(_server_url(partial), villages=VILLAGES, persons=PERSONS,
                                           households=HOUSEHOLDS, referrals=REFERRALS, seed=SEED)
    print(f"PostgreSQL district generated in {made.seconds:.0f} s: {made.counts}", file=sys.stderr)
    mark_postgres_done(partial)
    return _server_url(PG_DATABASE)


def mark_postgres_done(partial: str) -> None:
    """Rename a completely generated database into place and record its counts in its comment."""
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {partial} RENAME TO {PG_DATABASE}")
        admin.execute(f"COMMENT ON DATABASE {PG_DATABASE} IS '{_key()}'")


def sqlite_district() -> str:
    path = district_data.cached_sqlite_district(villages=VILLAGES, persons=PERSONS, households=HOUSEHOLDS,
                                                referrals=REFERRALS, seed=SEED)
    return f"sqlite:///{path}"


# --- measuring ----------------------------------------------------------------------------------------------------


def _timed(action: Callable[[], Any], repeats: int) -> dict[str, float]:
    action()  # warm: the first call pays for statement compilation and cold pages
    laps = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        laps.append((time.perf_counter() - started) * 1000)
    laps.sort()
    p95 = laps[min(len(laps) - 1, round(0.95 * (len(laps) - 1)))]
    return {"p50_ms": round(statistics.median(laps), 1), "p95_ms": round(p95, 1), "max_ms": round(laps[-1], 1)}


def _cases(ctx: ServiceContext) -> dict[str, RecordFilter]:
    """Each kind with no filter and with each filter kind that applies to it; places are the largest village and
    kecamatan (the slowest of their kind)."""
    village, kecamatan = _largest_places(ctx)
    k = RecordKind
    return {
        "persons": RecordFilter(kind=k.PERSONS),
        "persons village": RecordFilter(kind=k.PERSONS, village_code=village),
        "persons kecamatan": RecordFilter(kind=k.PERSONS, kecamatan_code=kecamatan),
        "persons text": RecordFilter(kind=k.PERSONS, text=TEXT),
        "households": RecordFilter(kind=k.HOUSEHOLDS),
        "households village": RecordFilter(kind=k.HOUSEHOLDS, village_code=village),
        "households kecamatan": RecordFilter(kind=k.HOUSEHOLDS, kecamatan_code=kecamatan),
        "households text": RecordFilter(kind=k.HOUSEHOLDS, text=TEXT),
        "referrals": RecordFilter(kind=k.REFERRALS),
        "referrals status": RecordFilter(kind=k.REFERRALS, status=ReferralStatus.SELESAI.value),
        "referrals village": RecordFilter(kind=k.REFERRALS, village_code=village),
        "referrals kecamatan": RecordFilter(kind=k.REFERRALS, kecamatan_code=kecamatan),
        "visits status": RecordFilter(kind=k.VISITS, status=VisitStatus.SELESAI.value),
    }


def _largest_places(ctx: ServiceContext) -> tuple[str, str]:
    with ctx.db.reading() as session:
        village = session.execute(select(Household.village_code).group_by(Household.village_code)
                                  .order_by(func.count().desc()).limit(1)).scalar_one()
        kecamatan = session.execute(select(func.substr(Household.village_code, 1, 8).label("k"))
                                    .group_by("k").order_by(func.count().desc()).limit(1)).scalar_one()
    return village, kecamatan


def measure_consolidated(ctx: ServiceContext) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for label, flt in _cases(ctx).items():
        total = count_records(ctx, flt)
        deep = max(0, min(DEEP_OFFSET, total - PAGE_SIZE))
        results[label] = {
            "total": total,
            "first_page": _timed(lambda f=flt: record_page(ctx, f, offset=0, with_total=False), REPEATS),
            "deep_page": {"offset": deep} | _timed(lambda f=flt, o=deep: record_page(ctx, f, offset=o,
                                                                                       with_total=False), REPEATS),
            "count": _timed(lambda f=flt: count_records(ctx, f), REPEATS),
        }
        print(f"    {label}: {results[label]}", file=sys.stderr)
    return results


def measure_reports(ctx: ServiceContext, month: ReportMonth) -> dict[str, Any]:
    recap = ReportRequest(ReportKind.RECAP, month)
    results: dict[str, Any] = {"month": month.first_day.strftime("%Y-%m")}
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-recap-") as folder:
        for label, action in (
            ("recap_build_s", lambda: build_report(ctx, recap)),
            ("recap_xlsx_s", lambda: produce_report(ctx, recap, Path(folder) / "rekap.xlsx")),
            ("recap_pdf_s", lambda: produce_report(ctx, recap, Path(folder) / "rekap.pdf")),
            ("overdue_build_s", lambda: build_report(ctx, ReportRequest(ReportKind.OVERDUE, month))),
            ("bnba_build_s", lambda: build_report(ctx, ReportRequest(ReportKind.BNBA, month))),
        ):
            started = time.perf_counter()
            action()
            results[label] = round(time.perf_counter() - started, 2)
            print(f"    {label}: {results[label]}", file=sys.stderr)
    results["recap_goal_s"] = RECAP_GOAL_S
    # Each of the three must make it: the first (cold) build included.
    results["recap_within_goal"] = max(results["recap_build_s"], results["recap_xlsx_s"],
                                       results["recap_pdf_s"]) <= RECAP_GOAL_S
    return results


def measure(url: str) -> dict[str, Any]:
    db = open_database(url).db  # brings a district generated before a newer migration up to date
    if db.engine.dialect.name == "sqlite":
        db.enable_wal()  # as the application opens it
    ctx = ServiceContext(db, Actor.cli(district_data.BY, site_code=district_data.REGENCY_CODE,
                                       site_role=SiteRole.KABUPATEN))
    load_before = os.getloadavg()[0]
    try:
        result = {"counts": district_data.table_counts(url),
                  "consolidated": measure_consolidated(ctx),
                  "reports": measure_reports(ctx, ReportMonth.of(date.today()))}
    finally:
        db.dispose()
    result["load_average"] = {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)}
    return result


def main() -> None:
    result: dict[str, Any] = {"persons": PERSONS, "households": HOUSEHOLDS, "referrals": REFERRALS,
                              "villages": VILLAGES, "regency": "33.22 Kabupaten Semarang", "repeats": REPEATS,
                              "page_size": PAGE_SIZE, "deep_offset": DEEP_OFFSET}
    for backend in BACKENDS:
        print(f"{backend}: preparing the district", file=sys.stderr)
        url = sqlite_district() if backend == "sqlite" else postgres_district()
        print(f"{backend}: measuring", file=sys.stderr)
        result[backend] = measure(url)
    result["machine"] = exchange_data.machine() | {"note": "2 cores shared with other work; see load_average"}
    exchange_data.save_result("district_scale", result)
    print(f"saved under district_scale in {exchange_data.RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
