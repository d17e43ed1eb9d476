"""Name and NIK search at district scale, SQLite and PostgreSQL side by side (issue 9).

    .venv/bin/python benchmarks/district_search.py                      # 1,000,000 persons on both backends
    PUSKESOS_BENCH_PERSONS=50000 .venv/bin/python benchmarks/district_search.py      # a small run
    PUSKESOS_BENCH_PG=postgresql://user:pw@host:port/db   # the server to make a scratch database on (else skipped)
    PUSKESOS_BENCH_REUSE=1   # keep and reuse the generated databases (/tmp/puskesos-district-search-<n>.db, and
                             # the PostgreSQL database district_search_<n>) instead of generating again

The district comes from district_data.generate_district (households ≈ 30 % of persons, referrals ≈ 20 %). Then,
through the same repository functions the application calls (data/repositories/search.py, name_search.py), each
on a read session as the desk uses it:

- NIK exact: `search.by_nik` for sampled persons' NIKs;
- prefix: the first 3–8 letters of a sampled name key, `name_search.prefix` (limit 50);
- substring: a later word of a sampled key, or 4 letters from inside a word, `name_search.substring` (limit 50);
- typo-tolerant: the labelled query set below through the desk's cascade `name_search.search` (limit 20), with
  recall@20 = share of queries whose labelled person is among the 20 hits.

Labelled query set: sampled persons whose exact name key is carried by at most 10 live persons (otherwise "the
target is in the top 20" would depend on which of many namesakes come first, not on the search), each name written
with one typical error in the raw name as an officer would type it: a letter dropped, a letter doubled, two
neighbouring letters swapped (never the first letter of a word), the pre-1972 spelling (U→OE, J→DJ, C→TJ, SY→SJ,
NY→NJ) or Muhammad abbreviated to "M." — the last two only where the name has such a part, else another error.
The query is what the officer types; the application normalises it (names.normalize_name) as the desk does.

Results are merged into benchmarks/results.json under "district_search" (other keys are left alone).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from district_data import generate_district, sample_persons
from sqlalchemy import select

from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories import name_search
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.domain.names import normalize_name

PERSONS = int(os.environ.get("PUSKESOS_BENCH_PERSONS", "1000000"))
QUERIES = int(os.environ.get("PUSKESOS_BENCH_QUERIES", "300"))
PG_SERVER = os.environ.get("PUSKESOS_BENCH_PG", os.environ.get("PUSKESOS_TEST_PG", ""))
REUSE = os.environ.get("PUSKESOS_BENCH_REUSE") == "1"
MAX_NAMESAKES = 10
RESULTS = Path(__file__).resolve().parent / "results.json"
OLD_SPELLING = (("U", "OE"), ("J", "DJ"), ("C", "TJ"), ("SY", "SJ"), ("NY", "NJ"))


# --- the data -----------------------------------------------------------------------------------------------------


def _sqlite_url() -> str:
    path = Path(f"/tmp/puskesos-district-search-{PERSONS}.db")
    if path.exists() and not REUSE:
        path.unlink()
    return f"sqlite:///{path}"


def _pg_url() -> str | None:
    if not PG_SERVER:
        return None
    server = PG_SERVER.replace("postgresql+psycopg://", "postgresql://", 1)
    name = f"district_search_{PERSONS}"
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and not REUSE:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
            exists = None
        if not exists:
            conn.execute(f"CREATE DATABASE {name}")
    return f"{server.rsplit('/', 1)[0]}/{name}"


def _ensure_district(url: str) -> float | None:
    db = Database(url)
    try:
        with db.reading() as session:
            from puskesos_desk.data.orm.household import Person
            present = session.scalar(select(Person.id).limit(1)) is not None
    except Exception:
        present = False
    finally:
        db.dispose()
    if present:
        return None
    made = generate_district(url, persons=PERSONS, households=max(1, PERSONS * 3 // 10),
                             referrals=max(1, PERSONS // 5), villages=min(250, max(5, PERSONS // 4000)))
    return round(made.seconds, 1)


# --- the queries --------------------------------------------------------------------------------------------------


def _one_error(name: str, rng: random.Random) -> tuple[str, str]:
    words = name.split()
    kinds = ["dropped", "doubled", "swapped", "dropped", "swapped"]
    upper = name.upper()
    if normalize_name(name).startswith("MUHAMMAD ") and words[0].upper() != "M.":
        kinds.append("abbreviation")
    if any(new.lower() in name.lower() for new, _ in OLD_SPELLING):
        kinds.append("old_spelling")
    kind = rng.choice(kinds)
    if kind == "abbreviation":
        return "abbreviation", " ".join(["M.", *words[1:]])
    if kind == "old_spelling":
        new, old = next((n, o) for n, o in OLD_SPELLING if n in upper)
        at = upper.index(new)
        return "old_spelling", name[:at] + old + name[at + len(new):]
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        candidates = [max(range(len(words)), key=lambda i: len(words[i]))]
    index = rng.choice(candidates)
    word = words[index]
    at = rng.randrange(1, max(2, len(word) - 1))
    if kind == "dropped":
        word = word[:at] + word[at + 1:]
    elif kind == "doubled":
        word = word[:at] + word[at] + word[at:]
    else:
        at = min(at, len(word) - 2)
        word = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    words[index] = word
    return kind, " ".join(words)


def _labelled(url: str, rng: random.Random) -> list[dict[str, str]]:
    sample = sample_persons(url, QUERIES * 6, seed=7)
    db = Database(url)
    out: list[dict[str, str]] = []
    try:
        with db.reading() as session:
            key_table = name_search._key  # the index's own count of persons per key
            for person in sample:
                persons = session.scalar(select(key_table.c.persons).where(key_table.c.name_key == person.name_key))
                if not persons or persons > MAX_NAMESAKES:
                    continue
                kind, typed = _one_error(person.name, rng)
                out.append({"person_id": person.id, "name": person.name, "typed": typed, "error": kind})
                if len(out) >= QUERIES:
                    break
    finally:
        db.dispose()
    return out


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def _timed(db: Database, queries: list[Any], call: Callable[[Any, Any], Any]) -> tuple[list[float], list[Any]]:
    times, results = [], []
    with db.reading() as session:
        call(session, queries[0])  # warm the connection and the statement cache
        for query in queries:
            started = time.perf_counter()
            results.append(call(session, query))
            times.append(time.perf_counter() - started)
    return times, results


def _measure(url: str) -> dict[str, Any]:
    rng = random.Random(2026)
    generated = _ensure_district(url)
    sample = sample_persons(url, QUERIES, seed=3)
    niks = [p.nik for p in sample if p.nik]
    keys = [p.name_key for p in sample]
    prefixes = [k[: rng.randint(3, min(8, len(k)))] for k in keys if len(k) >= 3]
    pieces = []
    for key in keys:
        words = key.split()
        if len(words) > 1:
            pieces.append(rng.choice(words[1:]))
        elif len(words[0]) >= 6:
            start = rng.randrange(1, len(words[0]) - 4)
            pieces.append(words[0][start:start + 4])
    labelled = _labelled(url, rng)
    db = Database(url)
    try:
        nik_t, nik_r = _timed(db, niks, lambda s, q: search_repo.by_nik(s, q))
        prefix_t, _ = _timed(db, prefixes, lambda s, q: name_search.prefix(s, q, limit=50))
        substring_t, sub_r = _timed(db, pieces, lambda s, q: name_search.substring(s, q, limit=50))
        fuzzy_t, fuzzy_r = _timed(db, labelled,
                                  lambda s, q: name_search.search(s, normalize_name(q["typed"]), limit=20))
    finally:
        db.dispose()
    found = [q["person_id"] in {h.person_id for h in hits} for q, hits in zip(labelled, fuzzy_r, strict=True)]
    per_error: dict[str, list[bool]] = {}
    for query, ok in zip(labelled, found, strict=True):
        per_error.setdefault(query["error"], []).append(ok)
    misses = [q for q, ok in zip(labelled, found, strict=True) if not ok][:10]
    return {
        "generated_in_s": generated,
        "nik_exact": _summary(nik_t) | {"found_share": round(sum(bool(r) for r in nik_r) / len(nik_r), 3)},
        "name_prefix": _summary(prefix_t),
        "name_substring": _summary(substring_t) | {"mean_hits": round(statistics.mean(map(len, sub_r)), 1)},
        "typo_tolerant": _summary(fuzzy_t) | {
            "recall_at_20": round(sum(found) / len(found), 3),
            "recall_by_error": {k: round(sum(v) / len(v), 3) for k, v in sorted(per_error.items())},
            "queries_by_error": {k: len(v) for k, v in sorted(per_error.items())},
        },
        "missed_examples": [{"typed": q["typed"], "name": q["name"]} for q in misses],
    }


def main() -> None:
    results: dict[str, Any] = {"persons": PERSONS, "queries": QUERIES, "max_namesakes_of_target": MAX_NAMESAKES,
                               "machine_note": "2 shared cores, other benchmarks running: figures are noisy"}
    print(f"SQLite, {PERSONS} persons", file=sys.stderr)
    results["sqlite"] = _measure(_sqlite_url())
    pg = _pg_url()
    if pg is None:
        print("PostgreSQL skipped: set PUSKESOS_BENCH_PG", file=sys.stderr)
    else:
        print(f"PostgreSQL, {PERSONS} persons", file=sys.stderr)
        results["postgresql"] = _measure(pg)
    merged = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    merged["district_search"] = results
    RESULTS.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
