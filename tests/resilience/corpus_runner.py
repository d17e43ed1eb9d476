"""Run corpus files through both imports in a process of their own, under RLIMIT_AS, and report as JSON.

    python tests/resilience/corpus_runner.py JOB.json RESULT.json

JOB.json: {"district": url, "village": url, "memory_bytes": n, "files": [{"name", "path", "district"?}]}. A file
with its own "district" (a fresh copy, for a file that must apply) is imported there. Each file goes through
the package import (a real import into the district, not a dry run) and then the DTSEN extract import into the
village. For each: the outcome, the seconds it took, which tables changed their row count, the audit events it
added, files left next to the input and in the temporary folder, and any exception that escaped the service
(with its traceback: that is a bug). The process's own peak RSS and its children's (the reader processes) close the
report. The memory cap makes a reader that allocates a whole grid fail here instead of exhausting the machine.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.extract_import import import_extract


class Counter:
    """Row counts of every table of one database, and its audit events since a mark."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.tables = sorted(inspect(self.engine).get_table_names())

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
                    for name in self.tables}

    def last_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_event")).scalar_one())

    def events_since(self, seq: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            found = conn.execute(text("SELECT action, entity, changes FROM audit_event WHERE seq > :s ORDER BY seq"),
                                 {"s": seq}).all()
        return [{"action": a, "entity": e, "changes": json.loads(c) if isinstance(c, str) else c} for a, e, c in found]


def _context(url: str, code: str, role: SiteRole) -> ServiceContext:
    db = Database(url)
    db.enable_wal()
    return ServiceContext(db, Actor.cli("pytest", site_code=code, site_role=role))


def _one(name: str, path: Path, counter: Counter, call: Any, scratch: Path) -> dict[str, Any]:
    before, seq = counter.counts(), counter.last_seq()
    started = time.monotonic()
    result: dict[str, Any] = {"file": name}
    try:
        outcome = call(path)
        result.update(status=str(getattr(outcome.status, "value", outcome.status)),
                      codes=[m.code for m in outcome.messages],
                      messages=[m.message for m in outcome.messages][:50],
                      row_codes=sorted({m.code for m in outcome.messages if getattr(m, "row", None)}))
    except BaseException as exc:
        result.update(status="crash", error=f"{type(exc).__name__}: {exc}"[:500], trace=traceback.format_exc()[-3000:])
    result["seconds"] = round(time.monotonic() - started, 3)
    after = counter.counts()
    result["changed"] = sorted(t for t in after if after[t] != before.get(t) and t != "audit_event")
    result["events"] = counter.events_since(seq)
    result["stray"] = sorted(p.name for p in path.parent.iterdir() if p != path)
    result["temp_left"] = sorted(p.name for p in scratch.iterdir())
    return result


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[1]).read_text())
    limit = int(job["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    scratch = Path(tempfile.gettempdir())  # the parent points TMPDIR at a private, empty folder
    district = _context(job["district"], job["district_code"], SiteRole.KABUPATEN)
    village = _context(job["village"], job["village_code"], SiteRole.DESA)
    counters = {"package": Counter(job["district"]), "extract": Counter(job["village"])}
    calls = {"package": lambda p: import_package(district, p),
             "extract": lambda p: import_extract(village, p)}
    results = []
    for item in job["files"]:
        path = Path(item["path"])
        own = _context(item["district"], job["district_code"], SiteRole.KABUPATEN) if item.get("district") else None
        for kind in item.get("kinds", ("package", "extract")):
            counter, call = counters[kind], calls[kind]
            if own is not None and kind == "package":
                counter, call = Counter(item["district"]), lambda p, ctx=own: import_package(ctx, p)
            result = _one(item["name"], path, counter, call, scratch)
            result["kind"] = kind
            results.append(result)
            if own is not None and kind == "package":
                counter.engine.dispose()
        if own is not None:
            own.db.dispose()
    report = {
        "results": results,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "pid": os.getpid(),
    }
    Path(argv[2]).write_text(json.dumps(report, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
