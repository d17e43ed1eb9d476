"""A district receiving every village at once: V village packages of P persons each, imported as one folder.

    .venv/bin/python benchmarks/district_import.py    # PUSKESOS_BENCH_VILLAGES=250, PUSKESOS_BENCH_VILLAGE_PERSONS=4000

Issue 7 asks for the time to import 250 packages of 4,000 persons each against the raw read time of those files.
The villages are real villages of one kabupaten (the first in Jawa Tengah with at least V villages, so every
package comes from a village the district may receive from). Each village is a site of its own, set up through
the services (its own key pair), filled like exchange_data.py fills its village (households, persons,
memberships, visits; bulk-inserted), and exported as a full package for the district with export_package — the
packages the secretariat would find on a USB stick. The packages and the villages' site cards are cached in the
temp folder (keyed by V and P); the village databases are thrown away once exported.

Measured, each in a child process of its own:
- import: services.exchange_batch.import_packages over the folder (the Terima tab's and `import FOLDER`'s path)
  into a fresh district that trusts every village — total seconds, seconds per package for the first and the
  last tenth (does a growing database slow the later villages down?), peak RSS, the resulting row counts;
- raw: python-calamine reading every sheet of every file (the floor for reading).

Results are merged into benchmarks/results.json under "district_import".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import exchange_data as data

from puskesos_desk.data.orm.casework import Visit
from puskesos_desk.data.orm.household import Household, Membership, Person
from puskesos_desk.data.repositories import regions
from puskesos_desk.data.repositories.regions import Region
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site

VILLAGES = int(os.environ.get("PUSKESOS_BENCH_VILLAGES", "250"))
PERSONS_PER_VILLAGE = int(os.environ.get("PUSKESOS_BENCH_VILLAGE_PERSONS", "4000"))
PROVINCE = "33"  # Jawa Tengah
CACHE_VERSION = "v2"  # raise when the package format changes (v2: exchange format version 2)


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


# --- the villages and their packages --------------------------------------------------------------------------------


def _folder(villages: int, persons: int) -> Path:
    return data.cache_folder() / f"district-{villages}x{persons}-{CACHE_VERSION}"


def _template(folder: Path) -> Path:
    """A migrated database with the reference data loaded and no site yet: copied for every village."""
    path = folder / "template.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        open_database(str(partial)).db.dispose()
        partial.replace(path)
    return path


def choose_villages(template: Path, count: int) -> tuple[Region, list[Region]]:
    """The first kabupaten of the province with at least `count` villages, and its first `count` villages."""
    db = data.open_site(template, wal=False)
    try:
        with db.reading() as session:
            for regency in regions.children(session, PROVINCE):
                found = [village for district in regions.children(session, regency.code)
                         for village in regions.children(session, district.code)]
                if len(found) >= count:
                    return regency, found[:count]
    finally:
        db.dispose()
    raise SystemExit(f"no kabupaten in province {PROVINCE} has {count} villages")


def build_packages(villages: int, persons: int) -> tuple[Region, Path]:
    """The folder of packages (one per village, sequence 1, full) and the cards, built once and cached."""
    folder = _folder(villages, persons)
    done = folder / "packages"
    folder.mkdir(exist_ok=True)
    template = _template(folder)
    regency, chosen = choose_villages(template, villages)
    if done.is_dir() and len(list(done.glob("*.xlsx"))) == villages:
        return regency, folder
    staging = folder / "packages.partial"
    staging.mkdir(exist_ok=True)
    cards = folder / "cards"
    cards.mkdir(exist_ok=True)
    started = time.perf_counter()
    for index, village in enumerate(chosen):
        target = staging / f"{village.code}-paket-1.xlsx"
        if target.exists() and (cards / f"{village.code}.json").exists():
            continue  # resumed after an interruption
        _build_one(template, village, persons, index, target, cards / f"{village.code}.json")
        if index % 10 == 9:
            print(f"{index + 1}/{villages} village packages in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
    staging.replace(done)
    return regency, folder


def _build_one(template: Path, village: Region, persons: int, index: int, package: Path, card: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-village-") as work:
        path = data.fresh_copy(template, Path(work) / "village.db")
        db = data.open_site(path)
        try:
            initialise_site(ServiceContext(db, Actor.cli(data.BY)), code=village.code, name=f"Puskesos {village.name}",
                            role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Desa",
                            admin_password="admin-bench-rahasia-1", address=f"Kantor Desa {village.name}")
            with db.reading() as session:
                neighbours = [region.code for region in regions.children(session, village.code[:5])]
            rows = data.VillageRows(persons, neighbours, village_code=village.code, seed=data.SEED + index)
            tables = (Household.__table__, Person.__table__, Membership.__table__, Visit.__table__)
            with db.engine.begin() as conn:
                for table, records in zip(tables, rows.tables(), strict=True):
                    for start in range(0, len(records), data.BATCH):
                        conn.execute(table.insert(), records[start:start + data.BATCH])
            ctx = ServiceContext(db, Actor.cli(data.BY, site_code=village.code, site_role=SiteRole.DESA))
            made = export_package(ctx, Path(work) / "paket.xlsx", full=True)
            card.write_text(json.dumps(site_card(ctx)[1], ensure_ascii=False), encoding="utf-8")
            shutil.move(made.path, package)
        finally:
            db.dispose()


def build_district(folder: Path, regency: Region, target: Path) -> Path:
    """A fresh district secretariat for the regency that trusts every village's card."""
    data.fresh_copy(_template(folder), target)
    db = data.open_site(target)
    try:
        initialise_site(ServiceContext(db, Actor.cli(data.BY)), code=regency.code,
                        name=f"Sekretariat SLRT {regency.name}", role=SiteRole.KABUPATEN, admin_username="admin",
                        admin_full_name="Admin Kabupaten", admin_password="admin-bench-kabupaten-1",
                        address="Kantor Dinas Sosial")
        ctx = ServiceContext(db, Actor.cli(data.BY, site_code=regency.code, site_role=SiteRole.KABUPATEN))
        for card in sorted((folder / "cards").glob("*.json")):
            trust_site(ctx, json.loads(card.read_text(encoding="utf-8")))
    finally:
        db.dispose()
    return target


# --- the cases (children) -------------------------------------------------------------------------------------------


def case_import(folder: Path, regency_code: str, work: Path) -> dict[str, Any]:
    from puskesos_desk.domain.exchange_records import ProgressSink
    from puskesos_desk.services.exchange_batch import import_packages

    class Lap(ProgressSink):
        """Notes when each package starts: the batch reports its label per package."""

        def __init__(self) -> None:
            self.starts: dict[str, float] = {}  # package number → when it started (the last pass over it wins)
            self._last = ""

        def progress(self, done: int, total: int, label: str) -> None:
            # "<file> (n/N) — <step>": the batch first reads every package's _meta (planning), then imports them
            # one by one, so a number's last first-appearance is when its import started.
            number = re.search(r"\((\d+)/\d+\)", label)
            if number and number.group(1) != self._last:
                self._last = number.group(1)
                self.starts[self._last] = time.perf_counter()

    db = data.open_site(work / "district.db")
    ctx = ServiceContext(db, Actor.cli(data.BY, site_code=regency_code, site_role=SiteRole.KABUPATEN))
    files = sorted((folder / "packages").glob("*.xlsx"))
    lap = Lap()
    started = time.perf_counter()
    outcome = import_packages(ctx, files, sink=lap)
    seconds = time.perf_counter() - started
    db.dispose()
    with sqlite3.connect(work / "district.db") as conn:
        counts = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                  for name in ("household", "person", "membership", "visit")}
    return {
        "seconds": seconds,
        "packages": len(files),
        "statuses": {status: outcome.count(status) for status in {e.status for e in outcome.entries}},
        "rows": {row_class.value: n for row_class, n in outcome.rows().items()},
        "district_counts": counts,
        "progress_marks": sorted(round(moment - started, 2) for moment in lap.starts.values()),
        "peak_rss_mib": _mib(data.vm_hwm_kib()),
        # An upper bound: each reader's ru_maxrss starts from this process's RSS when it was started.
        "reader_peak_rss_mib": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }


def case_raw(folder: Path) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    files = sorted((folder / "packages").glob("*.xlsx"))
    started = time.perf_counter()
    cells = 0
    for path in files:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            cells += sum(len(row) for row in rows)
            del rows
    return {"seconds": time.perf_counter() - started, "cells": cells, "files": len(files),
            "bytes": sum(path.stat().st_size for path in files),
            "peak_rss_mib": _mib(data.vm_hwm_kib())}


# --- the driver -----------------------------------------------------------------------------------------------------


def _child(*arguments: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{arguments[1]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _per_package(marks: list[float], total: float) -> dict[str, float]:
    """Seconds per package over the first and the last tenth of the run. A mark is a package's first progress
    report (after its file guard), so a span is the interval from one package's rows to the next one's."""
    ends = [*marks[1:], total]
    spans = [end - start for start, end in zip(marks, ends, strict=True)]
    tenth = max(1, len(spans) // 10)
    return {"first_progress_s": round(marks[0], 2) if marks else 0.0,  # planning + the first package's guard
            "first_tenth_s": round(sum(spans[:tenth]) / tenth, 3),
            "last_tenth_s": round(sum(spans[-tenth:]) / tenth, 3),
            "slowest_s": round(max(spans), 3) if spans else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=("import", "raw"))
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--regency")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    if args.case == "import":
        print(json.dumps(case_import(args.folder, args.regency, args.work)))
        return
    if args.case == "raw":
        print(json.dumps(case_raw(args.folder)))
        return

    built = time.perf_counter()
    regency, folder = build_packages(VILLAGES, PERSONS_PER_VILLAGE)
    print(f"packages ready in {time.perf_counter() - built:.0f} s: {folder / 'packages'}", file=sys.stderr)
    raw = _child("--case", "raw", "--folder", str(folder))
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-district-") as work:
        build_district(folder, regency, Path(work) / "district.db")
        imported = _child("--case", "import", "--folder", str(folder), "--regency", regency.code, "--work", work)
    if imported["statuses"] != {"applied": VILLAGES}:  # a refused package would make the import look fast
        raise SystemExit(f"not every package was applied: {imported['statuses']}; rebuild the cache "
                         f"({folder}) if the package format changed")
    ratio = imported["seconds"] / raw["seconds"]
    result = {
        "villages": VILLAGES,
        "persons_per_village": PERSONS_PER_VILLAGE,
        "regency": f"{regency.code} {regency.name}",
        "raw_read": {key: round(value, 2) if isinstance(value, float) else value for key, value in raw.items()},
        "import": {key: value for key, value in imported.items() if key != "progress_marks"}
        | {"seconds": round(imported["seconds"], 1),
           "per_package": _per_package(imported["progress_marks"], imported["seconds"])},
        "ratio_import_to_raw": round(ratio, 2),
        "machine": data.machine(),
    }
    data.save_result("district_import", result)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
