"""Cost of encryption at rest: the same work on a plain site file and on its SQLCipher copy.

    .venv/bin/python benchmarks/encryption_at_rest.py        # PUSKESOS_BENCH_ENC_HOUSEHOLDS=100 by default

Builds a desa site with `puskesos-desk init`, makes an encrypted copy with `encryption enable`, then on each file:
open_database (with the passphrase for the encrypted one: Argon2id at its real cost plus the raw-key open),
a batch of N household registrations through the service, and searches (a NIK and a name prefix, median of 20).
Also the time `enable` took. Results are merged into benchmarks/results.json under "encryption_at_rest".
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary
from puskesos_desk.services.encryption import enable_encryption
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.search import search_persons
from puskesos_desk.services.site import get_site_info

HOUSEHOLDS = int(os.environ.get("PUSKESOS_BENCH_ENC_HOUSEHOLDS", "100"))
SEARCHES = 20
PASSPHRASE = "frasa-sandi-benchmark-2026"
RESULTS = Path(__file__).resolve().parent / "results.json"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _context(db: object) -> ServiceContext:
    site = get_site_info(db)
    return ServiceContext(db, Actor.cli("bench", site_code=site.code, site_role=site.role))  # type: ignore[arg-type]


def _measure(path: Path, passphrase: str | None) -> dict[str, float]:
    started = time.perf_counter()
    opened = open_database(str(path), passphrase=passphrase)
    open_s = time.perf_counter() - started
    try:
        ctx = _context(opened.db)
        factory = HouseholdFactory(random.Random(7), Vocabulary.load(), IdentityFactory(random.Random(7), "33.22.01",
                                                                                          []), date.today())
        drafts = [factory.household() for _ in range(HOUSEHOLDS)]
        started = time.perf_counter()
        for draft in drafts:
            register_household(ctx, draft)
        batch_s = time.perf_counter() - started
        nik = drafts[0].members[0].nik
        prefix = drafts[0].members[0].name.split()[0][:4]
        nik_times, name_times = [], []
        for _ in range(SEARCHES):
            started = time.perf_counter()
            search_persons(ctx, nik)
            nik_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            search_persons(ctx, prefix)
            name_times.append(time.perf_counter() - started)
    finally:
        opened.db.dispose()
    return {"open_ms": _ms(open_s), f"register_{HOUSEHOLDS}_households_ms": _ms(batch_s),
            "search_nik_p50_ms": _ms(statistics.median(nik_times)),
            "search_name_prefix_p50_ms": _ms(statistics.median(name_times))}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, PUSKESOS_HOME=str(folder / "home"), PUSKESOS_ADMIN_PASSWORD="admin-rahasia-1")
        os.environ["PUSKESOS_HOME"] = env["PUSKESOS_HOME"]
        plain = folder / "plain.db"
        subprocess.run([sys.executable, "-m", "puskesos_desk", "init", "--db", str(plain), "--site", "33.22.01.2007",
                        "--name", "Puskesos Desa Sumogawe"], check=True, env=env, capture_output=True)
        encrypted = folder / "encrypted.db"
        shutil.copyfile(plain, encrypted)
        opened = open_database(str(encrypted))
        size = encrypted.stat().st_size
        started = time.perf_counter()
        enable_encryption(_context(opened.db), PASSPHRASE)
        enable_s = time.perf_counter() - started
        result = {"households": HOUSEHOLDS, "database_mb": round(size / 1e6, 1), "enable_ms": _ms(enable_s),
                  "plain": _measure(plain, None), "encrypted": _measure(encrypted, PASSPHRASE)}
    print(json.dumps(result, indent=2))
    merged = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    merged["encryption_at_rest"] = result
    RESULTS.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
