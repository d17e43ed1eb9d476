"""`export` and `import`: the JSON each prints, exit codes (0 applied / would-apply / already-applied, 3 refused),
the report workbook, and a dry run that changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, scalar, table_digest

from puskesos_desk.domain.exchange_package import RowClass
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household
from tests.exchange.scenarios import DISTRICT_CODE, VILLAGE_CODE, bare_pair, copied_urls, open_village
from tests.exchange.workbooks import find_row, rows_of, set_cells
from tests.spreadsheet import hostile

ROW_KEYS = {"new", "identical", "changed", "conflict", "edited", "rejected"}
MESSAGE_KEYS = {"sheet", "row", "column", "code", "message"}


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    """A village with two registered families, and its district; each trusts the other."""
    village_at, district_at = bare_pair(seeded_location, tmp_path_factory.mktemp("exchange-cli"))
    village = open_village(village_at)
    try:
        for kk, head, spouse in [
            ("3322010101100003", ("Sutrisno", "3322011205700001", date(1970, 5, 12)),
             ("Wartini", "3322014203740002", date(1974, 3, 2))),
            ("3322011502120007", ("Slamet Riyadi", "3322010708650004", date(1965, 8, 7)),
             ("Sumiyati", "3322015109680001", date(1968, 9, 11))),
        ]:
            register_household(village.cli, HouseholdDraft(
                members=(MemberDraft(name=head[0], relation="KEPALA_KELUARGA", sex="L", birth_date=head[2],
                                     nik=head[1]),
                         MemberDraft(name=spouse[0], relation="ISTRI", sex="P", birth_date=spouse[2],
                                     nik=spouse[1])),
                address="Dusun Krajan", rt="001", rw="002", kk_number=kk))
    finally:
        village.db.dispose()
    return village_at, district_at


@pytest.fixture
def sites(templates: tuple[DbLocation, DbLocation], tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Fresh copies of the village and the district, as the URLs `--db` takes."""
    with copied_urls(templates, tmp_path) as urls:
        yield urls


def _export(run_cli, village: str, out: Path) -> dict:
    result = run_cli("export", "--out", out, "--db", village, "--json")
    assert result.rc == 0, result.err
    return result.json()


def test_export_prints_path_package_and_rows(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "paket.xlsx"

    payload = _export(run_cli, sites[0], out)

    assert payload["path"] == str(out) and out.exists()
    assert payload["package"] == scalar(sites[0], "SELECT package_uuid FROM exchange_package")
    assert payload["receiver"] == DISTRICT_CODE and payload["sequence"] == 1
    assert payload["rows"]["Rumah Tangga"] == 2 and payload["rows"]["Anggota Keluarga"] == 4
    assert payload["rows"]["Rujukan"] == 0


def test_import_prints_status_rows_messages_and_exits_0(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    package = _export(run_cli, village, tmp_path / "paket.xlsx")

    result = run_cli("import", package["path"], "--db", district, "--json")

    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["status"] == "applied" and payload["package"] == package["package"]
    assert set(payload["rows"]) >= ROW_KEYS
    assert payload["rows"]["new"] == sum(package["rows"].values()) - payload["rows"]["identical"]
    assert payload["rows"]["rejected"] == payload["rows"]["edited"] == payload["rows"]["conflict"] == 0
    assert payload["messages"] == [] and payload["report"] is None
    assert scalar(district, "SELECT count(*) FROM household") == 2

    again = run_cli("import", package["path"], "--db", district, "--json")
    assert again.rc == 0, again.err
    repeated = again.json()
    assert repeated["status"] == "already-applied" and not any(repeated["rows"].values())
    notice = repeated["messages"][0]
    assert set(notice) >= MESSAGE_KEYS and notice["code"] == "SUDAH_DIIMPOR"
    assert "sudah diimpor pada" in notice["message"]


def test_a_dry_run_changes_nothing_and_lists_each_finding(run_cli, sites: tuple[str, str],
                                                          tmp_path: Path) -> None:
    village, district = sites
    package = Path(_export(run_cli, village, tmp_path / "paket.xlsx")["path"])
    row = find_row(package, "Anggota Keluarga", "NAMA", "WARTINI")
    edited = set_cells(package, tmp_path / "diedit.xlsx", "Anggota Keluarga", row, {"NAMA": "WARTINI NINGSIH"})
    before = table_digest(district)

    result = run_cli("import", edited, "--dry-run", "--db", district, "--json")

    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["status"] == "would-apply"
    assert payload["rows"][RowClass.EDITED.value] >= 1
    finding = next(m for m in payload["messages"] if m["code"] == "DIUBAH_DI_LUAR_APLIKASI")
    assert set(finding) >= MESSAGE_KEYS
    assert (finding["sheet"], finding["row"]) == ("Anggota Keluarga", row)
    assert table_digest(district) == before


def test_a_refused_package_exits_3_and_writes_the_report(run_cli, sites: tuple[str, str],
                                                         tmp_path: Path) -> None:
    village, district = sites
    package = _export(run_cli, village, tmp_path / "paket.xlsx")
    report = tmp_path / "laporan.xlsx"

    own = run_cli("import", package["path"], "--report", report, "--db", village, "--json")

    assert own.rc == 3
    payload = own.json()
    assert payload["status"] == "rejected" and payload["report"] == str(report) and report.exists()
    assert [m["code"] for m in payload["messages"]] == ["OWN_PACKAGE"]
    assert {row["KODE"] for row in rows_of(report, "Pesan")} == {"OWN_PACKAGE"}

    text = run_cli("import", hostile.csv_renamed(tmp_path / "bukan-paket.xlsx"), "--db", district)
    assert text.rc == 3 and "CSV" in text.out + text.err
    assert scalar(district, "SELECT count(*) FROM exchange_package") == 0


def test_a_district_must_name_the_village(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    _export(run_cli, village, tmp_path / "paket.xlsx")
    unnamed = run_cli("export", "--out", tmp_path / "balasan.xlsx", "--db", district)
    assert unnamed.rc == 3 and not (tmp_path / "balasan.xlsx").exists()
    named = run_cli("export", "--out", tmp_path / "balasan.xlsx", "--to", VILLAGE_CODE, "--db", district, "--json")
    assert named.rc == 0, named.err
    assert named.json()["receiver"] == VILLAGE_CODE
