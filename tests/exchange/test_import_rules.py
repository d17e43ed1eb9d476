from __future__ import annotations
import time
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package


def test_smoke(linked, tmp_path):
    t = time.time()
    out = export_package(linked.village.cli, tmp_path / "p1.xlsx")
    print("export", time.time() - t, out.rows)
    t = time.time()
    res = import_package(linked.district.cli, out.path)
    print("import", time.time() - t, res.status, res.rows)
    for m in res.messages[:30]:
        print(m)
    t = time.time()
    back = export_package(linked.district.cli, tmp_path / "d1.xlsx", receiver=linked.village.cli.actor.site_code)
    print("dexport", time.time() - t, back.rows)
    res2 = import_package(linked.village.cli, back.path)
    print("vimport", res2.status, res2.rows, res2.messages[:5])
    out2 = export_package(linked.village.cli, tmp_path / "p2.xlsx")
    print("second", out2.rows)
