from __future__ import annotations

import time
from pathlib import Path

from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from tests.cli._helpers import query


def test_explore(linked, tmp_path: Path) -> None:
    t = time.perf_counter()
    out = export_package(linked.village.cli, tmp_path / "p.xlsx", full=True)
    print("export", time.perf_counter() - t, out.rows)
    t = time.perf_counter()
    res = import_package(linked.district.cli, out.path, dry_run=True)
    print("dry", time.perf_counter() - t, res.status, res.rows, [m for m in res.messages][:5])
    res = import_package(linked.district.cli, out.path)
    print("import", time.perf_counter() - t, res.status, res.rows, [m for m in res.messages][:5])
    print(query(linked.district.path, "select name from sqlite_master where type='table'"))
