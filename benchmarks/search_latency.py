"""Search latency of the search-first desk at village scale.

    .venv/bin/python benchmarks/search_latency.py            # PUSKESOS_BENCH_HOUSEHOLDS=4000 by default

Builds a database with `puskesos-desk demo --households 4000` (≈15,000 persons), replaces the demo's DTSEN extract
by one of ≈15,000 rows (the demo's rows plus families known only to the register), then times `search_desk` the way
the desk calls it (a read session, the audit-head check, the search) for NIK, name-prefix, substring and typo
queries, and for a name typed letter by letter. For comparison it times the plain-SQL `search_persons` (no typo
tolerance, no extract) on the same NIK/prefix/substring queries, the first (cold) index load, and the first search
after a new registration. Results are merged into benchmarks/results.json under "search".
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories import register as register_repo
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.search import MatchKind
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo_people import HouseholdFactory, IdentityFactory, Vocabulary
from puskesos_desk.services.desk_search import desk_index, search_desk
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.search import search_persons

HOUSEHOLDS = int(os.environ.get("PUSKESOS_BENCH_HOUSEHOLDS", "4000"))
EXTRACT_ROWS = int(os.environ.get("PUSKESOS_BENCH_EXTRACT_ROWS", "15000"))
QUERIES = int(os.environ.get("PUSKESOS_BENCH_QUERIES", "300"))
SEED = os.environ.get("PUSKESOS_BENCH_SEED", "2026")
SITE = "33.22.01.2007"
RESULTS = Path(__file__).resolve().parent / "results.json"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered), "p50_ms": _ms(statistics.median(ordered)),
        "p95_ms": _ms(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]), "max_ms": _ms(ordered[-1]),
    }


def _timed(fn, queries: list[str]) -> tuple[list[float], list[list]]:
    times, results = [], []
    for text in queries:
        started = time.perf_counter()
        results.append(fn(text))
        times.append(time.perf_counter() - started)
    return times, results


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "change"))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    letter = rng.choice([c for c in "AIUEOKMNRST" if c != word[i]])
    return word[:i] + letter + word[i + 1:]


def _build_database(folder: Path) -> Path:
    path = folder / "desa.db"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "puskesos_desk", "--db", str(path), "demo", "--households", str(HOUSEHOLDS),
         "--seed", SEED, "--site", SITE, "--name", "Puskesos Desa Sumogawe", "--json"],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"demo failed (exit {done.returncode}): {done.stdout[-600:]} {done.stderr[-600:]}")
    print(f"demo with {HOUSEHOLDS} households built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _extract(ctx: ServiceContext, rng: random.Random) -> int:
    """The demo's extract rows plus register-only families, up to EXTRACT_ROWS, as one new DTSEN batch."""
    with ctx.db.reading() as session:
        demo_rows = register_repo.active_entries(session)
    rows = [{
        "nik": r.nik, "kk_number": r.kk_number, "name": r.name, "birth_date": r.birth_date, "sex": r.sex,
        "relation": r.relation, "address": r.address, "rt": r.rt, "rw": r.rw, "village_code": r.village_code,
        "village_name": r.village_name, "desil_national": r.desil, "programs": dict.fromkeys(r.programs, True),
        "family_id": r.family_id,
    } for r in demo_rows]
    factory = HouseholdFactory(rng, Vocabulary.load(), IdentityFactory(rng, "33.22.01", ["33.22.02"]), date.today())
    family = 0
    while len(rows) < EXTRACT_ROWS:
        family += 1
        draft = factory.household()
        desil = rng.randint(1, 10)
        for member in draft.members:
            rows.append({
                "nik": member.nik or None, "kk_number": draft.kk_number or None, "name": member.name,
                "birth_date": member.birth_date, "sex": member.sex, "relation": member.relation,
                "address": draft.address, "rt": draft.rt, "rw": draft.rw, "village_code": SITE,
                "village_name": "Sumogawe", "desil_national": desil, "programs": {"PBI_JK": desil <= 5},
                "family_id": f"BENCH-{family:06d}",
            })
    with ctx.db.transaction(ctx.actor) as session:
        register_repo.load_register_rows(session, dataset="DTSEN", as_of=date(2026, 9, 30),
                                         file_name="bench-dtsen.xlsx", rows=rows)
    return len(rows)


def main() -> None:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        path = _build_database(Path(tmp))
        db = Database(f"sqlite:///{path}")
        ctx = ServiceContext(db, Actor.cli("bench", site_code=SITE))
        extract_rows = _extract(ctx, rng)
        with db.reading() as session:
            persons = search_repo.index_persons(session)
            extract = register_repo.active_entries(session)
        print(f"{len(persons)} persons, {extract_rows} extract rows", flush=True)

        started = time.perf_counter()
        search_desk(ctx, "budi")
        cold = time.perf_counter() - started
        index = desk_index(db)
        extract_only = [e for e in extract if e.nik and e.nik not in index.persons.by_nik]

        with_nik = [p for p in persons if p.nik]
        niks = [p.nik for p in rng.sample(with_nik, QUERIES // 2)] + [e.nik for e in rng.sample(extract_only,
                                                                                              QUERIES // 2)]
        sample = rng.sample(persons, QUERIES)
        prefixes = [p.name[: rng.randint(3, 6)] for p in sample]
        multi = [p for p in persons if len(p.name_key.split()) > 1]
        substrings = [rng.choice(p.name.split()[1:]) for p in rng.sample(multi, QUERIES)]
        typo_people = [p for p in rng.sample(persons, QUERIES * 2) if max(map(len, p.name.split())) >= 5]
        typo_people = typo_people[:QUERIES]
        typos = []
        for p in typo_people:
            # As an officer mistypes: one letter dropped, swapped or changed in the longest word of the name.
            words = p.name.split()
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            words[longest] = _typo(rng, words[longest])
            typos.append(" ".join(words))
        report: dict[str, object] = {
            "persons": len(persons), "households": HOUSEHOLDS, "extract_rows": extract_rows,
            "implementation": "in-memory index per process, loaded with portable SQL, kept current via the audit "
                              "log (one primary-key read before each search)",
            "cold_index_load_ms": _ms(cold),
        }
        desk: dict[str, object] = {}
        for label, queries in (("nik", niks), ("prefix", prefixes), ("substring", substrings), ("typo", typos)):
            times, results = _timed(lambda text: search_desk(ctx, text), queries)
            desk[label] = _summary(times)
            if label == "typo":
                # Villages have namesakes: "first" counts the intended name, "top 5" the intended person.
                top1 = sum(1 for p, hits in zip(typo_people, results, strict=True)
                           if hits and hits[0].name == p.name)
                top5 = sum(1 for p, hits in zip(typo_people, results, strict=True)
                           if any(h.person_id == p.id for h in hits[:5]))
                desk[label]["intended_name_first"] = round(top1 / len(queries), 3)  # type: ignore[index]
                desk[label]["intended_person_in_top5"] = round(top5 / len(queries), 3)  # type: ignore[index]
                desk[label]["examples"] = queries[:5]  # type: ignore[index]
            if label == "nik":
                found = sum(1 for hits in results if hits and hits[0].matched_by is MatchKind.NIK)
                desk[label]["found"] = round(found / len(queries), 3)  # type: ignore[index]
        typed: list[float] = []
        for p in rng.sample(persons, 40):
            for end in range(1, len(p.name) + 1):
                started = time.perf_counter()
                search_desk(ctx, p.name[:end])
                typed.append(time.perf_counter() - started)
        desk["typing_letter_by_letter"] = _summary(typed)
        report["search_desk"] = desk

        sql: dict[str, object] = {}
        for label, queries in (("nik", niks[: QUERIES // 2]), ("prefix", prefixes), ("substring", substrings)):
            times, _ = _timed(lambda text: search_persons(ctx, text), queries)
            sql[label] = _summary(times)
        report["plain_sql_search_persons"] = sql

        household = persons[0]
        draft_factory = HouseholdFactory(rng, Vocabulary.load(), IdentityFactory(rng, "33.22.01", []), date.today())
        draft = draft_factory.household()
        register_household(ctx, replace(draft, kk_number="", no_kk_reason="TIDAK_TAHU"))
        started = time.perf_counter()
        search_desk(ctx, household.name)
        report["first_search_after_a_registration_ms"] = _ms(time.perf_counter() - started)
        report["full_index_loads"] = index.loads
        report["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        report["python"] = sys.version.split()[0]
        db.dispose()

    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["search"] = report
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
