from __future__ import annotations

import re
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from spreadsheet import hostile
from exchange.workbooks import edit, rows_of, set_cells, find_row, header_index


def part_of(path, sheet):
    with zipfile.ZipFile(path) as z:
        wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for el in wb.iter():
        if el.tag.endswith("}sheet") and el.get("name") == sheet:
            rid = next(v for k, v in el.attrib.items() if k.endswith("}id"))
            t = targets[rid]
            return t.lstrip("/") if t.startswith("/") else "xl/" + t


def rewrite(src, dst, part, fn):
    with zipfile.ZipFile(src) as z:
        parts = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for i, data in parts:
            z.writestr(i.filename, fn(data) if i.filename == part else data)
    return dst


def show(label, res):
    print(f"== {label}: {res.status} rows={dict(res.rows)}")
    for m in res.messages[:6]:
        print("   ", m.sheet, m.row, m.column, m.code, m.severity, m.message[:150])


def xtest_explore(linked, tmp_path: Path) -> None:
    pkg = export_package(linked.village.cli, tmp_path / "p.xlsx", full=True).path
    d = linked.district.cli
    person_part = part_of(pkg, "Anggota Keluarga")
    with zipfile.ZipFile(pkg) as z:
        print([i.filename for i in z.infolist()])
        x = z.read(person_part)[:1500]
        print(x)
    show("truncated", import_package(d, hostile.truncated(pkg, tmp_path / "t.xlsx")))
    show("random", import_package(d, hostile.random_bytes(tmp_path / "r.xlsx")))
    show("csv", import_package(d, hostile.csv_renamed(tmp_path / "c.xlsx")))
    show("xls", import_package(d, hostile.legacy_xls(tmp_path / "l.xlsx")))
    enc = hostile.encrypted(pkg, tmp_path / "e.xlsx", "Rahasia-123")
    show("enc", import_package(d, enc))
    show("enc-bad", import_package(d, enc, password="salah"))
    show("bomb", import_package(d, hostile.zip_bomb(tmp_path / "b.xlsx")))
    show("dtd", import_package(d, rewrite(pkg, tmp_path / "dtd.xlsx", person_part, lambda b: b.replace(b"?>", b'?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1))))
    show("dim", import_package(d, rewrite(pkg, tmp_path / "dim.xlsx", person_part, lambda b: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:Z1048576"/>', b)), dry_run=True))
    show("far", import_package(d, rewrite(pkg, tmp_path / "far.xlsx", person_part, lambda b: b.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))))
    show("resave", import_package(d, edit(pkg, tmp_path / "resave.xlsx", lambda wb: None), dry_run=True))
    show("nometa", import_package(d, edit(pkg, tmp_path / "nm.xlsx", lambda wb: wb.remove(wb["_meta"]))))
    def fv(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == "format_version":
                row[1].value = "2"
    show("future", import_package(d, edit(pkg, tmp_path / "fv.xlsx", fv)))
    show("enc-ok", import_package(d, enc, password="Rahasia-123"))
# appended to test file temporarily
def test_rows(linked, tmp_path: Path) -> None:
    import sqlite3
    pkg = export_package(linked.village.cli, tmp_path / "p.xlsx", full=True).path
    d = linked.district.cli
    people = rows_of(pkg, "Anggota Keluarga")
    homes = rows_of(pkg, "Rumah Tangga")
    heads = {h["ID KEPALA KELUARGA"] for h in homes}
    nonhead = next(p for p in people if p["ID"] not in heads)
    print("person keys", list(people[0].keys()))
    print("nonhead", {k: nonhead[k] for k in ("ID", "NIK", "TANGGAL LAHIR", "NAMA")})
    r = find_row(pkg, "Anggota Keluarga", "ID", nonhead["ID"])
    def run(label, path, **kw):
        res = import_package(d, path, dry_run=True, **kw)
        print(f"== {label}: {res.status} rows={ {k.value: v for k, v in res.rows.items()} }")
        for m in res.messages[:8]:
            print("   ", m.sheet, m.row, m.column, m.code, m.severity, m.message[:140])
    run("numeric nik", set_cells(pkg, tmp_path / "n.xlsx", "Anggota Keluarga", r, {"NIK": int(nonhead["NIK"])}))
    run("future birth", set_cells(pkg, tmp_path / "f.xlsx", "Anggota Keluarga", r, {"TANGGAL LAHIR": date.today() + timedelta(days=40)}))
    run("formula", set_cells(pkg, tmp_path / "fo.xlsx", "Anggota Keluarga", r, {"NAMA": "=UPPER(\"budi\")"}))
    def many_formulas(wb):
        ws = wb["Anggota Keluarga"]
        cols = header_index(ws)
        for row in range(2, 10):
            ws.cell(row=row, column=cols["PEKERJAAN"]).value = "=1+1"
    run("formulas", edit(pkg, tmp_path / "fm.xlsx", many_formulas))
    hr = 2
    run("no head", set_cells(pkg, tmp_path / "h.xlsx", "Rumah Tangga", hr, {"ID KEPALA KELUARGA": None}))
    def dup(wb):
        ws = wb["Kunjungan"]
        values = [c.value for c in ws[2]]
        ws.append(values)
    run("dup", edit(pkg, tmp_path / "d.xlsx", dup))
    def sig(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == "signature":
                v = row[1].value
                row[1].value = ("B" if v[0] != "B" else "C") + v[1:]
    run("sig", edit(pkg, tmp_path / "s.xlsx", sig))
    def name(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == "sender_name":
                row[1].value = "Desa Palsu"
    run("metaedit", edit(pkg, tmp_path / "mn.xlsx", name))
    def manifest(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == "Anggota Keluarga":
                row[2].value = "0" * 64
                break
    run("manifest hash", edit(pkg, tmp_path / "mh.xlsx", manifest))
    run("own", pkg)
