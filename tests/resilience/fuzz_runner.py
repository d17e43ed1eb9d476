"""Mutate a real package with hypothesis and import every mutant, in a process of its own.

    python tests/resilience/fuzz_runner.py JOB.json RESULT.json

JOB.json: {"package": path, "district": url, "district_code": code, "runs": n, "real_every": k,
"reader_in_process": bool (default true), "district_file": path}. Dry runs go to `district`; real imports go to a
copy of `district_file` (a closed SQLite file of the same district), put back after every applied import so later
mutants are not all "already applied".
Mutations: bytes flipped, inserted or deleted inside an XML part; rows and cells duplicated, dropped or swapped;
cell types changed; huge numbers and unicode junk in cells; the zip truncated or its directory flipped. Every mutant
is imported as a dry run; every `real_every`-th for real, and then the district must have either applied the whole
package (one more ledger entry) or changed nothing at all. The only exceptions allowed are the product's refusals;
anything else is recorded with its traceback. The parent asserts this process's exit status too: python-calamine
aborts the whole process on some inputs, which no try/except can catch.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.spreadsheet import reader

JUNK = ["\u202e", "\x00", "\ufeff", "\U0001f600", "&amp;", "_x0000_", "<", "]]>", "' OR 1=1 --", "\ud7ff", "Ω" * 50]
ROW = re.compile(rb"<row [^>]*>.*?</row>", re.S)
CELL = re.compile(rb"<c [^>]*>.*?</c>", re.S)
VALUE = re.compile(rb"<v>[^<]*</v>")


def _mutate(data: bytes, xml_parts: list[str], parts: dict[str, bytes], choice: dict[str, Any]) -> bytes:
    kind, rng = choice["kind"], random.Random(choice["seed"])
    if kind == "truncate":
        return data[: int(len(data) * choice["at"])]
    if kind == "flip_directory":
        out = bytearray(data)
        start = out.find(b"PK\x01\x02")
        for _ in range(choice["count"]):
            at = rng.randrange(max(start, 0), len(out))
            out[at] ^= 1 << rng.randrange(8)
        return bytes(out)
    name = xml_parts[choice["part"] % len(xml_parts)]
    xml = parts[name]
    if kind in ("flip", "insert", "delete"):
        out = bytearray(xml)
        for _ in range(choice["count"]):
            at = rng.randrange(len(out) or 1)
            if kind == "flip" and out:
                out[at] ^= 1 << rng.randrange(8)
            elif kind == "insert":
                out[at:at] = bytes([rng.randrange(256)])
            elif out:
                del out[at]
        xml = bytes(out)
    else:
        pattern = ROW if kind in ("dup_row", "drop_row", "swap_rows") else CELL if kind != "value" else VALUE
        found = list(pattern.finditer(xml))
        if found:
            one, two = rng.choice(found), rng.choice(found)
            if kind in ("dup_row", "dup_cell"):
                xml = xml[: one.end()] + one.group() + xml[one.end():]
            elif kind in ("drop_row", "drop_cell"):
                xml = xml[: one.start()] + xml[one.end():]
            elif kind in ("swap_rows", "swap_cells") and one.start() != two.start():
                first, second = sorted((one, two), key=lambda m: m.start())
                xml = (xml[: first.start()] + second.group() + xml[first.end(): second.start()] + first.group()
                       + xml[second.end():])
            elif kind == "retype":
                cell = one.group()
                new = re.sub(rb' t="[a-zA-Z]+"', b' t="' + rng.choice([b"n", b"s", b"b", b"e", b"str", b"d"]) + b'"',
                             cell) if b' t="' in cell else cell.replace(b"<c ", b'<c t="s" ', 1)
                xml = xml[: one.start()] + new + xml[one.end():]
            elif kind == "value":
                junk = rng.choice([b"1e308", b"-1e308", b"NaN", b"inf", b"99999999999999999999999", b"-0",
                                   b"2958466", rng.choice(JUNK).encode("utf-8", "surrogatepass")])
                xml = xml[: one.start()] + b"<v>" + junk + b"</v>" + xml[one.end():]
            elif kind == "unicode":
                at = xml.find(b"<t", one.start())
                at = xml.find(b">", at) + 1 if at >= 0 else one.start()
                xml = xml[:at] + rng.choice(JUNK).encode("utf-8", "surrogatepass") + xml[at:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for part, content in parts.items():
            archive.writestr(part, xml if part == name else content)
    return buffer.getvalue()


MUTATIONS = st.fixed_dictionaries({
    "kind": st.sampled_from(["flip", "insert", "delete", "dup_row", "drop_row", "swap_rows", "dup_cell", "drop_cell",
                             "swap_cells", "retype", "value", "unicode", "truncate", "flip_directory"]),
    "part": st.integers(0, 1000), "count": st.integers(1, 8), "seed": st.integers(0, 2**32),
    "at": st.floats(0.0, 0.999),
})


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[1]).read_text())
    # This process is the sacrifice: its exit status is what the parent checks for aborts, so the reader's code
    # runs here rather than in ~15 child processes per mutant (a second a mutant; see reader.read_in_this_process).
    reader.read_in_this_process(bool(job.get("reader_in_process", True)))
    source = Path(job["package"]).read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml_parts = sorted(name for name in parts if name.endswith((".xml", ".rels")))
    actor = Actor.cli("pytest", site_code=job["district_code"], site_role=SiteRole.KABUPATEN)
    dry_ctx = ServiceContext(Database(job["district"]), actor)
    real_file = Path(tempfile.mkdtemp(prefix="fuzz-district-")) / "district.db"
    real: dict[str, Any] = {}

    def fresh_district() -> None:
        """A pristine copy of the district for the real imports."""
        if real:
            real["ctx"].db.dispose()
            real["engine"].dispose()
        for leftover in real_file.parent.iterdir():
            leftover.unlink()
        shutil.copyfile(job["district_file"], real_file)
        url = f"sqlite:///{real_file}"
        real.update(ctx=ServiceContext(Database(url), actor), engine=create_engine(url))

    fresh_district()
    outcomes: Counter[str] = Counter()
    failures: list[dict[str, str]] = []
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    counter = {"n": 0}

    def state() -> tuple[int, ...]:
        with real["engine"].connect() as conn:
            return tuple(int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                         for t in ("exchange_package", "person", "household", "visit"))

    @settings(max_examples=int(job["runs"]), deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(MUTATIONS)
    def one(choice: dict[str, Any]) -> None:
        counter["n"] += 1
        is_real = counter["n"] % int(job["real_every"]) == 0
        path = folder / "mutan.xlsx"
        path.write_bytes(_mutate(source, xml_parts, parts, choice))
        before = state() if is_real else ()
        try:
            outcome = import_package(real["ctx"] if is_real else dry_ctx, path, dry_run=not is_real)
            outcomes[f"{'real' if is_real else 'dry'}:{outcome.status.value}"] += 1
        except PuskesosError as refusal:  # the product's own refusal types
            outcomes[f"refusal:{type(refusal).__name__}"] += 1
            outcome = None
        except Exception:
            failures.append({"mutation": json.dumps(choice), "trace": traceback.format_exc()[-2000:]})
            return
        if is_real:
            after = state()
            applied = outcome is not None and outcome.status.value == "applied"
            if (applied and after[0] != before[0] + 1) or (not applied and after != before):
                failures.append({"mutation": json.dumps(choice), "trace": f"not all-or-nothing {before} {after}"})
            if applied:
                fresh_district()

    started = time.monotonic()
    one()
    report = {"runs": counter["n"], "seconds": round(time.monotonic() - started, 1), "outcomes": dict(outcomes),
              "failures": failures[:20], "failure_count": len(failures)}
    Path(argv[2]).write_text(json.dumps(report, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
