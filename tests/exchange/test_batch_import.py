"""Importing many packages at once at the district of the `linked` fixture: a folder from a USB stick with three
packages from Desa Sumogawe (named so that the file order is the reverse of the sequence), a file that is not a
package, a package from a village the district never trusted, an Office lock file and a hidden file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from backends import DbLocation, rows, scalar, table_digest
from conftest import SITE_CODE, SiteFixture

from exchange.conftest import Linked
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_batch import NOT_RUN, SenderGap
from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.services import exchange_batch
from puskesos_desk.services.exchange_batch import import_packages, package_files
from puskesos_desk.services.exchange_export import export_package
from tests.exchange.test_bad_packages import with_part
from tests.services.sites import new_site
from tests.spreadsheet import hostile

pytestmark = pytest.mark.timeout(300)

STRANGER_CODE = "33.22.01.2008"  # Desa Tajuk: never trusted by the district


def change_a_household(village: SiteFixture, address: str) -> None:
    """An edit at the village, so the next delta package carries a row."""
    rows(village, "UPDATE household SET address = ?, row_version = row_version + 1 "
                  "WHERE id = (SELECT min(id) FROM household)", address)


def three_packages(village: SiteFixture, folder: Path) -> list[Path]:
    """Packages 1, 2 and 3 of the village, written as c-…, b-…, a-… so the folder lists them 3, 2, 1."""
    folder.mkdir(parents=True, exist_ok=True)
    made = [export_package(village.cli, folder / "c-pertama.xlsx", full=True).path]
    change_a_household(village, "Dusun Krajan RT 01")
    made.append(export_package(village.cli, folder / "b-kedua.xlsx").path)
    change_a_household(village, "Dusun Krajan RT 02")
    made.append(export_package(village.cli, folder / "a-ketiga.xlsx").path)
    return made


@pytest.fixture
def stranger(seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with new_site(seeded_location, tmp_path, "stranger.db", code=STRANGER_CODE, site_name="Puskesos Desa Tajuk",
                  role=SiteRole.DESA) as site:
        yield site


def incoming(site: SiteFixture) -> list[tuple[str, int]]:
    return [(sender, seq) for sender, seq in rows(
        site, "SELECT sender_code, sequence FROM exchange_package WHERE direction = 'MASUK' ORDER BY sequence")]


def without_audit(site: SiteFixture) -> dict[str, str]:
    tables = table_digest(site)
    tables.pop("audit_event")
    return tables


def test_a_folder_applies_the_good_packages_in_order_and_reports_the_others(
        linked: Linked, stranger: SiteFixture, tmp_path: Path) -> None:
    stick = tmp_path / "flashdisk"
    packages = three_packages(linked.village, stick)
    hostile.random_bytes(stick / "catatan.xlsx")
    export_package(stranger.cli, stick / "d-tajuk.xlsx", full=True)
    (stick / "~$a-ketiga.xlsx").write_bytes(b"lock")  # Excel's lock file while the package is open
    (stick / "._a-ketiga.xlsx").write_bytes(b"apple double")  # what macOS leaves on a stick
    (stick / "daftar.txt").write_text("bukan paket")
    report = tmp_path / "laporan.xlsx"

    outcome = import_packages(linked.district.cli, [stick], report_path=report)

    by_file = {entry.path.name: entry for entry in outcome.entries}
    assert set(by_file) == {"a-ketiga.xlsx", "b-kedua.xlsx", "c-pertama.xlsx", "catatan.xlsx", "d-tajuk.xlsx"}
    # Applied in sequence order, whatever the file names say.
    applied = [e for e in outcome.entries if e.status == ImportStatus.APPLIED.value]
    assert [(e.path.name, e.outcome.sequence) for e in applied] == [
        ("c-pertama.xlsx", 1), ("b-kedua.xlsx", 2), ("a-ketiga.xlsx", 3)]
    assert incoming(linked.district) == [(SITE_CODE, 1), (SITE_CODE, 2), (SITE_CODE, 3)]
    assert by_file["d-tajuk.xlsx"].outcome.messages[0].code == "UNKNOWN_SENDER"
    assert by_file["catatan.xlsx"].status == ImportStatus.REJECTED.value
    totals = outcome.totals()
    assert (totals["files"], totals["applied"], totals["rejected"], totals["already_applied"]) == (5, 3, 2, 0)
    assert totals["rows"][RowClass.NEW.value] == sum(e.outcome.rows.get(RowClass.NEW, 0) for e in applied) > 0
    assert outcome.gaps == [] and outcome.exit_code == 3
    assert scalar(linked.district, "SELECT count(*) FROM household WHERE address = 'Dusun Krajan RT 02'") == 1
    assert packages[0].exists()

    assert outcome.report == report
    workbook = openpyxl.load_workbook(report, read_only=True)
    summary = list(workbook["Ringkasan"].iter_rows(values_only=True))
    assert len(summary) == 1 + 5 and summary[0][0] == "BERKAS"
    assert {row[0] for row in summary[1:]} == set(by_file)
    findings = list(workbook["Pesan"].iter_rows(values_only=True))
    assert ("d-tajuk.xlsx", "UNKNOWN_SENDER") in {(row[0], row[5]) for row in findings}
    workbook.close()

    data = outcome.as_json()
    assert [p["file"] for p in data["packages"]] == [e.path.name for e in outcome.entries]
    assert data["totals"]["applied"] == 3


def test_a_folder_is_ordered_from_the_document_properties_without_opening_a_package(
        linked: Linked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Planning reads each file's custom properties (the unsigned mirror of `_meta`); only a file whose properties
    are not a sound package meta is opened as an import opens it. Either way the order is the sequence order."""
    stick = tmp_path / "flashdisk"
    packages = three_packages(linked.village, stick)
    second = packages[1]
    # A program that kept the file but mangled its properties: the planning must fall back to `_meta`.
    with_part(second, tmp_path / "kedua.xlsx", "docProps/custom.xml",
              lambda xml: xml.replace("puskesos-desk/paket", "bukan-paket"))
    (tmp_path / "kedua.xlsx").replace(second)
    planned_from_meta: list[str] = []

    def recording(path: Path, **options: object) -> object:
        planned_from_meta.append(Path(path).name)
        return real_opened(path, **options)

    real_opened = exchange_batch.opened
    monkeypatch.setattr(exchange_batch, "opened", recording)

    outcome = import_packages(linked.district.cli, [stick])

    assert planned_from_meta == ["b-kedua.xlsx"]
    assert [(e.path.name, e.outcome.sequence, e.status) for e in outcome.entries] == [
        ("c-pertama.xlsx", 1, ImportStatus.APPLIED.value), ("b-kedua.xlsx", 2, ImportStatus.APPLIED.value),
        ("a-ketiga.xlsx", 3, ImportStatus.APPLIED.value)]
    assert incoming(linked.district) == [(SITE_CODE, 1), (SITE_CODE, 2), (SITE_CODE, 3)]


def test_a_missing_package_is_reported_as_a_gap_by_the_check_and_the_import(linked: Linked, tmp_path: Path) -> None:
    stick = tmp_path / "flashdisk"
    second = three_packages(linked.village, stick)[1]
    second.rename(tmp_path / "tertinggal.xlsx")
    before = without_audit(linked.district)

    checked = import_packages(linked.district.cli, [stick], dry_run=True)

    assert [e.status for e in checked.entries] == [ImportStatus.WOULD_APPLY.value] * 2
    assert checked.gaps == [SenderGap(SITE_CODE, "Puskesos Desa Sumogawe", (2,))]
    assert "Paket ke-2 dari Puskesos Desa Sumogawe belum diterima" in checked.gaps[0].message().message
    # The batch reports the gap once; the packages' own gap warnings are not repeated per file.
    assert all(m.code != "PAKET_BELUM_DITERIMA" for e in checked.entries for m in e.outcome.messages)
    assert without_audit(linked.district) == before

    applied = import_packages(linked.district.cli, [stick])
    assert applied.count(ImportStatus.APPLIED) == 2 and applied.exit_code == 0
    assert applied.gaps == [SenderGap(SITE_CODE, "Puskesos Desa Sumogawe", (2,))]

    late = import_packages(linked.district.cli, [tmp_path / "tertinggal.xlsx", stick])
    # Ordered by sequence: the late package 2 comes between 1 and 3 again.
    assert [(e.path.name, e.status) for e in late.entries] == [
        ("c-pertama.xlsx", "already-applied"), ("tertinggal.xlsx", "applied"), ("a-ketiga.xlsx", "already-applied")]
    assert late.gaps == []


def test_running_the_folder_again_says_already_applied_and_changes_nothing(linked: Linked, tmp_path: Path) -> None:
    stick = tmp_path / "flashdisk"
    three_packages(linked.village, stick)
    first = import_packages(linked.district.cli, [stick])
    assert first.count(ImportStatus.APPLIED) == 3
    before = table_digest(linked.district)

    again = import_packages(linked.district.cli, [stick])

    assert [e.status for e in again.entries] == [ImportStatus.ALREADY_APPLIED.value] * 3
    assert all(e.outcome.messages[0].code == "SUDAH_DIIMPOR" for e in again.entries)
    assert again.exit_code == 0 and again.totals()["rows"][RowClass.NEW.value] == 0
    assert table_digest(linked.district) == before


class CancelAtSecond(ProgressSink):
    """Presses Batal as soon as the second package starts being read."""

    def __init__(self) -> None:
        self.pressed = False

    def progress(self, done: int, total: int, label: str) -> None:
        if "(2/3) — " in label:
            self.pressed = True

    def cancelled(self) -> bool:
        return self.pressed


def test_cancelling_keeps_the_packages_applied_before_and_touches_no_other(linked: Linked, tmp_path: Path) -> None:
    stick = tmp_path / "flashdisk"
    three_packages(linked.village, stick)

    outcome = import_packages(linked.district.cli, [stick], sink=CancelAtSecond())

    assert outcome.cancelled
    assert [e.status for e in outcome.entries] == [ImportStatus.APPLIED.value, NOT_RUN, NOT_RUN]
    assert incoming(linked.district) == [(SITE_CODE, 1)]
    assert outcome.messages[0].code == "DIBATALKAN" and "tetap diterapkan" in outcome.messages[0].message
    assert outcome.gaps == []


def test_folders_are_expanded_without_lock_hidden_or_repeated_files(tmp_path: Path) -> None:
    for name in ("B.xlsx", "a.XLSX", "~$B.xlsx", ".c.xlsx", "d.xls", "e.csv"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.xlsx").write_bytes(b"x")

    found = package_files([tmp_path, tmp_path / "B.xlsx", tmp_path / "sub" / "f.xlsx"])

    assert [p.name for p in found] == ["a.XLSX", "B.xlsx", "f.xlsx"]
