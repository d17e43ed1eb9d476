"""Bad input at package level: hostile, damaged, misaddressed and hand-spoiled packages imported into the district
of the `linked` fixture.

A refused package (status rejected, exit code 3) leaves every table as it was and adds exactly one audit event that
names the refusal. A package with bad rows is applied without those rows and the rows that depend on them, in one
ledger entry with one import event. How the guard itself recognises each hostile file is tested in
tests/spreadsheet/test_guard.py; here the point is what import_package and the CLI make of it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import resource
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
import xlsxwriter
from backends import DbLocation, clone, rows, scalar, table_digest
from conftest import SITE_CODE, SiteFixture, cloned_fixture, open_fixture
from spreadsheet import hostile

from exchange.conftest import Linked
from exchange.workbooks import edit, find_row, set_cells
from puskesos_desk.cli import main as cli_main
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_package import FORMAT_VERSION, ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ImportOutcome
from puskesos_desk.domain.exchange_sheets import VILLAGE_SHEETS
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services import exchange_read
from puskesos_desk.services.context import local_zone
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.site import get_site_info, initialise_site, site_card
from puskesos_desk.services.trust import trust_site
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.guard import inspect_xlsx

pytestmark = pytest.mark.timeout(180)  # bounded time: a hang fails the test instead of stalling the suite

PERSONS, HOUSEHOLDS, VISITS = "Anggota Keluarga", "Rumah Tangga", "Kunjungan"
TABLES = {spec.name: spec.table for spec in VILLAGE_SHEETS}
PASSWORD = "Paket-Rahasia-2026"
STRANGER_CODE = "33.22.01.2008"  # Desa Tajuk: a village of the same district that the district never trusted
MAX_PEAK_GROWTH_MIB = 150  # a hostile file must not make the importing process balloon


# --- the state of a site, before and after ------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, str]  # every table except the audit log, digested
    ledger: int  # packages in the ledger
    last_audit_seq: int


def snapshot(site: SiteFixture) -> Snapshot:
    tables = table_digest(site)
    tables.pop("audit_event")
    return Snapshot(tables, ledger_count(site), int(scalar(site, "SELECT max(seq) FROM audit_event")))


def ledger_count(site: SiteFixture) -> int:
    return int(scalar(site, "SELECT count(*) FROM exchange_package"))


def audit_since(site: SiteFixture, before: Snapshot) -> list[tuple[str, str | None, dict[str, Any]]]:
    found = rows(site, "SELECT action, entity, changes FROM audit_event WHERE seq > ? ORDER BY seq",
                 before.last_audit_seq)
    return [(action, entity, json.loads(changes)) for action, entity, changes in found]


def assert_refused(site: SiteFixture, before: Snapshot, outcome: ImportOutcome, code: str, *words: str) -> None:
    """Rejected with this one code and a Bahasa message holding `words`; nothing written but one audit event."""
    assert outcome.status is ImportStatus.REJECTED
    assert outcome.exit_code == 3
    assert [m.code for m in outcome.messages] == [code], outcome.messages
    message = outcome.messages[0].message.lower()
    for word in words:
        assert word.lower() in message, message
    assert outcome.rows == {} and outcome.package_id == ""
    assert snapshot(site).tables == before.tables  # the ledger, parked rows and every domain table
    events = audit_since(site, before)
    assert len(events) == 1, events
    action, entity, changes = events[0]
    assert (action, entity, changes["refused"]) == ("IMPORT", "exchange_package", code)


def assert_applied_once(site: SiteFixture, before: Snapshot, outcome: ImportOutcome) -> None:
    """Applied: one new ledger entry and one import event for the package."""
    assert outcome.status is ImportStatus.APPLIED and outcome.exit_code == 0
    assert ledger_count(site) == before.ledger + 1
    imports = [changes for action, entity, changes in audit_since(site, before)
               if (action, entity) == ("IMPORT", "exchange_package")]
    assert len(imports) == 1 and "refused" not in imports[0], imports


def sheet_rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    """rows_of, read once per file version: every sheet of the workbook in one pass."""
    info = path.stat()
    return _all_rows(str(path), info.st_size, info.st_mtime_ns).get(sheet, [])


@functools.lru_cache(maxsize=8)
def _all_rows(path: str, _size: int, _mtime_ns: int) -> dict[str, list[dict[str, Any]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheets = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}
    finally:
        workbook.close()
    return {name: [dict(zip((str(h) for h in rows[0]), row, strict=False)) for row in rows[1:]
                   if any(value is not None for value in row)] for name, rows in sheets.items() if rows}


def present(site: SiteFixture, table: str, ids: set[str]) -> set[str]:
    marks = ",".join("?" * len(ids))
    return {row[0] for row in rows(site, f'SELECT id FROM "{table}" WHERE id IN ({marks})', *ids)}


def assert_only_these_rows_missing(site: SiteFixture, path: Path, missing: dict[str, set[str]]) -> None:
    """Every record of the package is at the site, except exactly `missing` (table → IDs)."""
    for spec in VILLAGE_SHEETS:
        ids = {row["ID"] for row in sheet_rows(path, spec.name)}
        if ids:
            assert present(site, spec.table, ids) == ids - missing.get(spec.table, set()), spec.name


def problem_records(outcome: ImportOutcome, path: Path, severity: str = "error") -> dict[str, set[str]]:
    """Table → IDs of the rows the outcome has messages of `severity` for (read back from the file by row)."""
    ids: dict[str, set[str]] = {}
    for message in outcome.messages:
        if message.severity == severity and message.row and message.sheet:
            row = sheet_rows(path, message.sheet)[message.row - 2]
            ids.setdefault(TABLES[message.sheet], set()).add(row["ID"])
    return ids


def codes_at(outcome: ImportOutcome, sheet: str, row: int) -> set[str]:
    return {m.code for m in outcome.messages if (m.sheet, m.row) == (sheet, row)}


@pytest.fixture
def peak_growth() -> Callable[[], float]:
    """MiB by which this process's peak RSS rose since the fixture was made: an upper bound on the growth, which
    can only catch a blow-up (a peak reached earlier in the session hides growth below it)."""
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return lambda: (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024


# --- the package and its spoiled copies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    path: Path  # a full package of the demo village to the district; every `linked` district trusts its key
    baseline: ImportOutcome  # what the unspoiled package does at a fresh district (dry run)


def _actor(code: str, role: SiteRole) -> Actor:
    return Actor.cli("pytest", site_code=code, site_role=role)


@pytest.fixture(scope="module")
def exported(village_location: DbLocation, district_location: DbLocation,
             tmp_path_factory: pytest.TempPathFactory) -> Exported:
    folder = tmp_path_factory.mktemp("bad-packages")
    with cloned_fixture(village_location, folder, "village.db", _actor(SITE_CODE, SiteRole.DESA)) as village, \
            cloned_fixture(district_location, folder, "district.db", _actor("33.22", SiteRole.KABUPATEN)) as district:
        trust_site(district.cli, site_card(village.cli)[1])
        path = export_package(village.cli, folder / "paket.xlsx", full=True).path
        baseline = import_package(district.cli, path, dry_run=True)
    assert baseline.status is ImportStatus.WOULD_APPLY and not baseline.messages
    assert set(baseline.rows) == {RowClass.NEW, RowClass.IDENTICAL}
    return Exported(path, baseline)


@pytest.fixture
def package(exported: Exported) -> Path:
    return exported.path


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part of a sheet, resolved through workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    for element in workbook.iter():
        if element.tag.endswith("}sheet") and element.get("name") == sheet:
            rel_id = next(value for key, value in element.attrib.items() if key.endswith("}id"))
            target = targets[rel_id]
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise LookupError(sheet)


def with_part(source: Path, target: Path, part: str, change: Callable[[str], str]) -> Path:
    """A copy of `source` whose XML `part` went through `change`, zipped again with correct sizes and CRCs."""
    with zipfile.ZipFile(source) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    assert part in dict(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, change(data.decode("utf-8")).encode("utf-8") if name == part else data)
    return target


def with_sheet_xml(source: Path, target: Path, sheet: str, change: Callable[[str], str]) -> Path:
    return with_part(source, target, sheet_part(source, sheet), change)


def set_meta(source: Path, target: Path, key: str, change: Callable[[str], str]) -> Path:
    """Change one `_meta` value by hand (openpyxl), the way someone with a spreadsheet program would."""

    def edit_meta(workbook: openpyxl.Workbook) -> None:
        for row in workbook["_meta"].iter_rows(max_col=2):
            if row[0].value == key:
                row[1].value = change(str(row[1].value))
                return
        raise LookupError(key)

    return edit(source, target, edit_meta)


def cached_values(path: Path, sheet: str) -> list[dict[str, Any]]:
    """The rows as a reader sees them: the value Excel saved for a formula, not the formula."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def column_letter(path: Path, sheet: str, header: str) -> str:
    return hostile.column_letters(list(sheet_rows(path, sheet)[0]).index(header) + 1)


# --- files that are not a sound workbook ---------------------------------------------------------------------------


@pytest.mark.parametrize(("make", "code", "words"), [
    pytest.param(lambda package, target: hostile.truncated(package, target), "TRUNCATED", ("terpotong", "salin ulang"),
                 id="truncated"),
    pytest.param(lambda _, target: hostile.random_bytes(target), "NOT_ZIP", ("bukan buku kerja excel",), id="not-zip"),
    pytest.param(lambda _, target: hostile.csv_renamed(target), "CSV", ("csv", "simpan sebagai .xlsx"), id="csv"),
    pytest.param(lambda _, target: hostile.legacy_xls(target), "LEGACY_XLS", (".xls", "simpan sebagai"), id="xls"),
])
def test_a_file_that_is_not_a_workbook_is_refused(linked: Linked, package: Path, tmp_path: Path,
                                                   make: Callable[[Path, Path], Path], code: str,
                                                   words: tuple[str, ...]) -> None:
    district = linked.district
    before = snapshot(district)

    outcome = import_package(district.cli, make(package, tmp_path / "paket-rusak.xlsx"))

    assert_refused(district, before, outcome, code, *words)


def test_a_password_protected_package_opens_only_with_its_password(linked: Linked, exported: Exported,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    district = linked.district
    sealed = hostile.encrypted(exported.path, tmp_path / "paket-sandi.xlsx", PASSWORD)
    before = snapshot(district)
    assert_refused(district, before, import_package(district.cli, sealed), "ENCRYPTED", "kata sandi")
    before = snapshot(district)
    assert_refused(district, before, import_package(district.cli, sealed, password="paket-rahasia-2026"),
                   "BAD_PASSWORD", "kata sandi salah")

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the decrypted copy lives while it is read
    before = snapshot(district)
    outcome = import_package(district.cli, sealed, password=PASSWORD)

    assert_applied_once(district, before, outcome)
    assert outcome.rows == exported.baseline.rows
    assert list(scratch.iterdir()) == []  # the copy with personal data in clear is gone
    assert_only_these_rows_missing(district, exported.path, {})


def test_a_zip_bomb_inside_a_real_package_is_refused(linked: Linked, package: Path, tmp_path: Path,
                                                     peak_growth: Callable[[], float]) -> None:
    district = linked.district
    bomb = tmp_path / "paket-bom.xlsx"
    bomb.write_bytes(package.read_bytes())
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet99.xml", "w") as part:
        for _ in range(64):  # 64 MiB of spaces compress about a thousandfold
            part.write(b" " * (1 << 20))
    assert bomb.stat().st_size < package.stat().st_size + (1 << 20)
    before = snapshot(district)

    outcome = import_package(district.cli, bomb)

    assert_refused(district, before, outcome, "BOMB", "bom zip")
    assert peak_growth() < MAX_PEAK_GROWTH_MIB


BILLION_LAUGHS = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {"a" * (level + 1)} "{("&" + "a" * level + ";") * 10}">' for level in range(1, 9)) + "]>"
EXTERNAL_ENTITY = '<!DOCTYPE worksheet [<!ENTITY rahasia SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize(("sheet", "doctype", "entity"), [
    pytest.param(PERSONS, BILLION_LAUGHS, "&aaaaaaaaa;", id="entity-expansion-in-a-data-sheet"),
    pytest.param("_meta", EXTERNAL_ENTITY, "&rahasia;", id="external-entity-in-meta"),
])
def test_xml_with_a_doctype_is_refused(linked: Linked, package: Path, tmp_path: Path, sheet: str, doctype: str,
                                       entity: str, peak_growth: Callable[[], float]) -> None:
    district = linked.district

    def declare_and_use(xml: str) -> str:
        xml = xml.replace("?>", "?>" + doctype, 1)
        return re.sub(r"<t>[^<]*</t>", f"<t>{entity}</t>", xml, count=1)  # the first inline string uses it

    spoiled = with_sheet_xml(package, tmp_path / "paket-dtd.xlsx", sheet, declare_and_use)
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_refused(district, before, outcome, "DTD", "doctype/entity", "berbahaya")
    assert peak_growth() < MAX_PEAK_GROWTH_MIB


def test_a_dimension_claiming_a_million_rows_imports_normally(linked: Linked, exported: Exported, tmp_path: Path,
                                                              peak_growth: Callable[[], float]) -> None:
    """Imported, not refused: the guard measures the cells actually present and ignores <dimension>, and the reader
    is bounded by that measured extent. python-calamine reserves memory from <dimension> only below 100,000 cells
    (calamine's xlsx worksheet_range) and builds the sheet from the cells it finds, so a lying dimension costs
    nothing. Refusing it would refuse files that older tools write with a stale dimension."""
    district = linked.district
    spoiled = with_sheet_xml(exported.path, tmp_path / "paket-dimensi.xlsx", PERSONS,
                             lambda xml: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:Z1048576"/>', xml))
    assert '<dimension ref="A1:Z1048576"/>' in zipfile.ZipFile(spoiled).read(
        sheet_part(spoiled, PERSONS)).decode()
    sheet = inspect_xlsx(spoiled).sheet(PERSONS)
    assert sheet is not None and sheet.max_row == len(sheet_rows(spoiled, PERSONS)) + 1  # the real extent
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert outcome.rows == exported.baseline.rows and not outcome.messages
    assert_only_these_rows_missing(district, spoiled, {})
    assert peak_growth() < MAX_PEAK_GROWTH_MIB


def test_a_far_away_cell_in_a_data_sheet_is_refused(linked: Linked, package: Path, tmp_path: Path,
                                                    peak_growth: Callable[[], float]) -> None:
    district = linked.district
    far_cell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    spoiled = with_sheet_xml(package, tmp_path / "paket-jauh.xlsx", PERSONS,
                             lambda xml: xml.replace("</sheetData>", far_cell, 1))
    before = snapshot(district)
    children_before = live_children()  # a whole-suite run keeps helpers of other tests alive

    outcome = import_package(district.cli, spoiled)

    assert_refused(district, before, outcome, "FAR_CELLS", f"lembar '{PERSONS}'", "XFD1048576", "memori")
    assert peak_growth() < MAX_PEAK_GROWTH_MIB
    # `_meta` was being read beside the scan that refused the file: that reader is stopped and reaped.
    assert not [thread.name for thread in threading.enumerate() if thread.name == "package-meta"]
    assert live_children() <= children_before


def test_a_refusal_while_meta_is_read_stops_that_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "meta-panjang.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    meta = workbook.add_worksheet("_meta")
    meta.write_row(0, 0, ["format_version", "1"])
    for row in range(2, 100_002):  # a manifest long enough to be still in reading when the scan refuses
        meta.write_row(row, 0, ["Anggota Keluarga", f"id-{row}", "0" * 64])
    workbook.add_worksheet(PERSONS).write(1_048_575, 16_383, "x")  # XFD1048576
    workbook.close()
    alive_at_close: list[bool] = []
    real_close = exchange_read._MetaRead.close

    def recording_close(self: Any) -> None:
        alive_at_close.append(self._thread.is_alive())
        real_close(self)

    monkeypatch.setattr(exchange_read._MetaRead, "close", recording_close)
    children_before = live_children()

    with pytest.raises(UnsafeWorkbook) as caught, exchange_read.opened(path):
        pass

    assert caught.value.code == "FAR_CELLS"
    assert alive_at_close == [True]
    assert not [thread.name for thread in threading.enumerate() if thread.name == "package-meta"]
    assert live_children() <= children_before


def live_children() -> set[int]:
    """Processes whose parent is this one, zombies included (a reader killed but never waited for)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == os.getpid():
            found.add(int(stat.parent.name))
    return found


# --- workbooks that are not (or no longer) a package we may apply --------------------------------------------------


def test_a_workbook_without_meta_is_not_a_package(linked: Linked, package: Path, tmp_path: Path) -> None:
    district = linked.district
    spoiled = edit(package, tmp_path / "tanpa-meta.xlsx", lambda workbook: workbook.remove(workbook["_meta"]))
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_refused(district, before, outcome, "NOT_A_PACKAGE", "bukan paket pertukaran", "_meta")


def test_a_future_format_version_is_refused_before_the_signature(linked: Linked, package: Path,
                                                                  tmp_path: Path) -> None:
    district = linked.district
    newer = FORMAT_VERSION + 1
    spoiled = set_meta(package, tmp_path / f"versi-{newer}.xlsx", "format_version", lambda _: str(newer))
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    # The edit broke the signature too; the newer version is what the officer can act on, so it is said first.
    assert_refused(district, before, outcome, "FUTURE_VERSION", f"versi {newer}", "perbarui puskesos desk")


def _flip_first(text: str) -> str:
    return ("B" if text[0] != "B" else "C") + text[1:]


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda p, t: set_meta(p, t, "signature", _flip_first), id="signature"),
    pytest.param(lambda p, t: set_meta(p, t, "signature", lambda text: text[:-4] + "!!!!"), id="not-base64"),
    pytest.param(lambda p, t: set_meta(p, t, "sender_name", lambda _: "Puskesos Desa Palsu"), id="meta-field"),
    pytest.param(lambda p, t: with_sheet_xml(p, t, "_meta", lambda xml: re.sub(
        r"<t>[0-9a-f]{64}</t>", "<t>" + "0" * 64 + "</t>", xml, count=1)), id="manifest-hash"),
])
def test_a_damaged_signature_is_refused(linked: Linked, package: Path, tmp_path: Path,
                                        spoil: Callable[[Path, Path], Path]) -> None:
    district = linked.district
    spoiled = spoil(package, tmp_path / "paket-ttd.xlsx")
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_refused(district, before, outcome, "BAD_SIGNATURE", "tanda tangan paket tidak cocok", "tidak diimpor")


@pytest.fixture(scope="module")
def stranger_template(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> DbLocation:
    """Another village of the same district, initialised but never trusted by anyone."""
    location = clone(seeded_location, tmp_path_factory.mktemp("stranger"), "stranger.db")
    site = open_fixture(location, Actor.cli("pytest"))
    try:
        initialise_site(site.cli, code=STRANGER_CODE, name="Puskesos Desa Tajuk", role=SiteRole.DESA,
                        admin_username="admin", admin_password="admin-tajuk-rahasia-1")
    finally:
        site.db.dispose()
    return location


@pytest.fixture
def stranger(stranger_template: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with cloned_fixture(stranger_template, tmp_path, "stranger.db", _actor(STRANGER_CODE, SiteRole.DESA)) as site:
        yield site


def test_a_package_from_an_untrusted_village_is_refused(linked: Linked, stranger: SiteFixture,
                                                        tmp_path: Path) -> None:
    district = linked.district
    sent = export_package(stranger.cli, tmp_path / "paket-tajuk.xlsx", full=True)
    assert sent.receiver == "33.22"
    before = snapshot(district)

    outcome = import_package(district.cli, sent.path)

    fingerprint = get_site_info(stranger.db).fingerprint
    assert_refused(district, before, outcome, "UNKNOWN_SENDER", "belum dipercaya", STRANGER_CODE, fingerprint)


def test_a_package_for_another_village_is_refused(linked: Linked, stranger: SiteFixture, tmp_path: Path) -> None:
    sent = export_package(linked.district.cli, tmp_path / "paket-sumogawe.xlsx", receiver=SITE_CODE)
    before = snapshot(stranger)

    outcome = import_package(stranger.cli, sent.path)

    assert_refused(stranger, before, outcome, "WRONG_RECEIVER", f"ditujukan untuk {SITE_CODE}", STRANGER_CODE)


# --- bad rows: only they (and what depends on them) stay out -------------------------------------------------------


def _applied_without(district: SiteFixture, exported: Exported, spoiled: Path,
                     outcome: ImportOutcome) -> dict[str, set[str]]:
    """Check the package applied with exactly its rejected rows left out; return those rows (table → IDs)."""
    rejected = problem_records(outcome, spoiled)
    count = sum(len(ids) for ids in rejected.values())
    assert outcome.rows.get(RowClass.REJECTED) == count
    assert outcome.rows.get(RowClass.NEW) == exported.baseline.rows[RowClass.NEW] - count
    assert outcome.rows.get(RowClass.IDENTICAL) == exported.baseline.rows[RowClass.IDENTICAL]
    assert_only_these_rows_missing(district, spoiled, rejected)
    return rejected


def _dependants_only_missing_references(outcome: ImportOutcome, sheet: str, row: int) -> None:
    """Every other error is a reference to a row left out (REF_TIDAK_ADA), never a second problem of its own."""
    others = {m.code for m in outcome.messages if m.severity == "error" and (m.sheet, m.row) != (sheet, row)}
    assert others <= {"REF_TIDAK_ADA"}, others


def _non_head_person(path: Path) -> dict[str, Any]:
    heads = {home["ID KEPALA KELUARGA"] for home in sheet_rows(path, HOUSEHOLDS)}
    return next(person for person in sheet_rows(path, PERSONS) if person["ID"] not in heads and person["NIK"])


def test_a_duplicated_id_rejects_only_the_copy(linked: Linked, exported: Exported, tmp_path: Path) -> None:
    district = linked.district
    original = sheet_rows(exported.path, VISITS)[0]

    def copy_first_visit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[VISITS]
        sheet.append([cell.value for cell in sheet[2]])

    spoiled = edit(exported.path, tmp_path / "id-ganda.xlsx", copy_first_visit)
    copy_row = len(sheet_rows(spoiled, VISITS)) + 1
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert codes_at(outcome, VISITS, copy_row) == {"ID_GANDA"}
    assert "disalin" in next(m.message for m in outcome.messages if m.code == "ID_GANDA")
    assert outcome.rows[RowClass.REJECTED] == 1
    assert outcome.rows[RowClass.NEW] == exported.baseline.rows[RowClass.NEW]
    assert rows(district, "SELECT count(*) FROM visit WHERE id = ?", original["ID"]) == [(1,)]
    assert_only_these_rows_missing(district, spoiled, {})


def test_a_household_without_a_head_is_rejected_with_its_members(linked: Linked, exported: Exported,
                                                                 tmp_path: Path) -> None:
    district = linked.district
    home = sheet_rows(exported.path, HOUSEHOLDS)[0]
    spoiled = set_cells(exported.path, tmp_path / "tanpa-kepala.xlsx", HOUSEHOLDS, 2, {"ID KEPALA KELUARGA": None})
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert codes_at(outcome, HOUSEHOLDS, 2) == {"KK_TANPA_KEPALA"}
    assert "kepala keluarga" in next(m.message for m in outcome.messages if m.code == "KK_TANPA_KEPALA").lower()
    rejected = _applied_without(district, exported, spoiled, outcome)
    assert home["ID"] in rejected["household"]
    members = {p["ID"] for p in sheet_rows(spoiled, PERSONS) if p["ID RUMAH TANGGA"] == home["ID"]}
    assert members and members <= rejected["person"]  # members of a household left out cannot land elsewhere
    _dependants_only_missing_references(outcome, HOUSEHOLDS, 2)


def test_a_numeric_nik_rejects_that_person(linked: Linked, exported: Exported, tmp_path: Path) -> None:
    district = linked.district
    person = _non_head_person(exported.path)
    row = find_row(exported.path, PERSONS, "ID", person["ID"])
    spoiled = set_cells(exported.path, tmp_path / "nik-angka.xlsx", PERSONS, row, {"NIK": int(person["NIK"])})
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert codes_at(outcome, PERSONS, row) == {"ANGKA_BUKAN_TEKS"}
    message = next(m for m in outcome.messages if m.code == "ANGKA_BUKAN_TEKS")
    assert message.column == "NIK" and "teks" in message.message.lower() and "angka" in message.message.lower()
    rejected = _applied_without(district, exported, spoiled, outcome)
    assert person["ID"] in rejected["person"]
    _dependants_only_missing_references(outcome, PERSONS, row)


def _in_a_month() -> datetime:
    return datetime.now(local_zone()).replace(microsecond=0) + timedelta(days=30)


@pytest.mark.parametrize(("sheet", "header", "value", "pick"), [
    pytest.param(PERSONS, "TANGGAL LAHIR", lambda: _in_a_month().date(), _non_head_person, id="birth-date"),
    pytest.param(VISITS, "WAKTU", lambda: _in_a_month().isoformat(), lambda path: sheet_rows(path, VISITS)[-1],
                 id="visit-moment"),
])
def test_a_date_in_the_future_rejects_the_row(linked: Linked, exported: Exported, tmp_path: Path, sheet: str,
                                              header: str, value: Callable[[], date | str],
                                              pick: Callable[[Path], dict[str, Any]]) -> None:
    district = linked.district
    record = pick(exported.path)
    row = find_row(exported.path, sheet, "ID", record["ID"])
    spoiled = set_cells(exported.path, tmp_path / "masa-depan.xlsx", sheet, row, {header: value()})
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert codes_at(outcome, sheet, row) == {"TANGGAL_MASA_DEPAN"}
    message = next(m for m in outcome.messages if m.code == "TANGGAL_MASA_DEPAN")
    assert message.column == header and "masa depan" in message.message
    rejected = _applied_without(district, exported, spoiled, outcome)
    assert record["ID"] in rejected[TABLES[sheet]]
    _dependants_only_missing_references(outcome, sheet, row)


def _formulas_keeping_values(sheet_rows: range, letter: str) -> Callable[[str], str]:
    """Turn the text cells of column `letter` in these rows into formulas whose cached value is the same text, as
    Excel saves ="…": the row hash still matches, only the formula shows the hand edit."""

    def change(xml: str) -> str:
        for row in sheet_rows:
            cell = re.search(rf'<c r="{letter}{row}"([^>]*) t="inlineStr"><is><t>([^<]*)</t></is></c>', xml)
            assert cell, f"{letter}{row}"
            xml = xml.replace(cell[0], f'<c r="{letter}{row}"{cell[1]} t="str"><f>"{cell[2]}"</f><v>{cell[2]}</v></c>')
        return xml

    return change


def test_a_formula_cell_makes_its_row_a_hand_edit(linked: Linked, exported: Exported, tmp_path: Path) -> None:
    district = linked.district
    letter = column_letter(exported.path, PERSONS, "NAMA")
    spoiled = with_sheet_xml(exported.path, tmp_path / "rumus.xlsx", PERSONS, _formulas_keeping_values(range(3, 4),
                                                                                                        letter))
    person = sheet_rows(exported.path, PERSONS)[1]
    assert sheet_rows(spoiled, PERSONS)[1]["NAMA"] == f'="{person["NAMA"]}"'
    assert cached_values(spoiled, PERSONS)[1]["NAMA"] == person["NAMA"]  # what a reader sees has not changed
    before = snapshot(district)

    outcome = import_package(district.cli, spoiled)

    assert_applied_once(district, before, outcome)
    assert codes_at(outcome, PERSONS, 3) == {"RUMUS"}
    assert "rumus excel" in next(m.message for m in outcome.messages if m.row == 3 and m.sheet == PERSONS).lower()
    assert not any(m.severity == "error" for m in outcome.messages)
    parked = problem_records(outcome, spoiled, severity="warning")  # the row and those waiting for it
    assert person["ID"] in parked["person"]
    assert outcome.rows[RowClass.EDITED] == sum(len(ids) for ids in parked.values())
    assert outcome.rows[RowClass.NEW] == exported.baseline.rows[RowClass.NEW] - outcome.rows[RowClass.EDITED]
    assert_only_these_rows_missing(district, spoiled, parked)
    waiting = rows(district, "SELECT record_id, reason, status FROM exchange_parked_row WHERE table_name = "
                             "'person'")
    assert waiting == [(person["ID"], "DIUBAH", "MENUNGGU")]


def test_every_formula_row_is_a_hand_edit(linked: Linked, exported: Exported, tmp_path: Path) -> None:
    district = linked.district
    letter = column_letter(exported.path, PERSONS, "NAMA")
    rows = range(2, 9)  # seven rows, each with one formula
    spoiled = with_sheet_xml(exported.path, tmp_path / "rumus-banyak.xlsx", PERSONS,
                             _formulas_keeping_values(rows, letter))

    outcome = import_package(district.cli, spoiled, dry_run=True)

    assert "RUMUS" in {m.code for m in outcome.messages}
    assert all(codes_at(outcome, PERSONS, row) == {"RUMUS"} for row in rows), [
        (row, codes_at(outcome, PERSONS, row)) for row in rows]


def test_a_household_is_not_applied_with_a_head_that_was_rejected(linked: Linked, exported: Exported,
                                                                  tmp_path: Path) -> None:
    district = linked.district
    home = sheet_rows(exported.path, HOUSEHOLDS)[0]
    head_row = find_row(exported.path, PERSONS, "ID", home["ID KEPALA KELUARGA"])
    head = sheet_rows(exported.path, PERSONS)[head_row - 2]
    spoiled = set_cells(exported.path, tmp_path / "nik-kepala.xlsx", PERSONS, head_row, {"NIK": int(head["NIK"])})

    outcome = import_package(district.cli, spoiled)

    assert outcome.status is ImportStatus.APPLIED
    assert present(district, "person", {head["ID"]}) == set()
    dangling = rows(district, "SELECT h.id FROM household h LEFT JOIN person p ON p.id = h.head_person_id "
                              "WHERE h.head_person_id IS NOT NULL AND p.id IS NULL")
    assert dangling == []
    assert "KK_TANPA_KEPALA" in {m.code for m in outcome.messages if m.sheet == HOUSEHOLDS}


# --- the CLI ------------------------------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    rc = cli_main([str(arg) for arg in args])
    return rc, json.loads(capsys.readouterr().out)


def test_cli_refuses_a_non_workbook_with_exit_code_3(linked: Linked, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    district = linked.district
    before = snapshot(district)

    rc, payload = run_cli(capsys, "import", hostile.random_bytes(tmp_path / "paket.xlsx"), "--db", district.url,
                          "--json")

    assert rc == 3
    assert payload["ok"] is False and payload["status"] == "rejected"
    assert [m["code"] for m in payload["messages"]] == ["NOT_ZIP"]
    assert "bukan buku kerja excel" in payload["messages"][0]["message"].lower()
    assert snapshot(district).tables == before.tables
    assert [(a, e, c["refused"]) for a, e, c in audit_since(district, before)] == [
        ("IMPORT", "exchange_package", "NOT_ZIP")]


def test_cli_opens_a_password_protected_package_with_password_env(linked: Linked, exported: Exported,
                                                                  tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    district = linked.district
    sealed = hostile.encrypted(exported.path, tmp_path / "paket-sandi.xlsx", PASSWORD)
    before = snapshot(district)

    rc, payload = run_cli(capsys, "import", sealed, "--db", district.url, "--json")

    assert rc == 3 and [m["code"] for m in payload["messages"]] == ["ENCRYPTED"]
    assert snapshot(district).tables == before.tables

    monkeypatch.setenv("PAKET_SANDI", PASSWORD)
    rc, payload = run_cli(capsys, "import", sealed, "--db", district.url, "--password-env", "PAKET_SANDI", "--json")

    assert rc == 0 and payload["status"] == "applied"
    assert payload["rows"]["new"] == exported.baseline.rows[RowClass.NEW]
    assert ledger_count(district) == before.ledger + 1
