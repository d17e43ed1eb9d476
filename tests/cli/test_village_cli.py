"""`puskesos-desk village list` and `import` with several files or a folder, run in-process against a village and
its district made from the seeded template (tests/exchange/scenarios.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from backends import DbLocation, scalar
from conftest import SITE_CODE, SITE_NAME

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, bare_pair, copied_urls, open_village
from tests.spreadsheet import hostile


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    """A village with one registered family, and its district; each trusts the other."""
    village_at, district_at = bare_pair(seeded_location, tmp_path_factory.mktemp("village-cli"))
    village = open_village(village_at)
    try:
        register_household(village.cli, HouseholdDraft(
            members=(MemberDraft(name="Sutrisno", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1970, 5, 12),
                                 nik="3322011205700001"),),
            address="Dusun Krajan", rt="001", rw="002", kk_number="3322010101100003"))
    finally:
        village.db.dispose()
    return village_at, district_at


@pytest.fixture
def sites(templates: tuple[DbLocation, DbLocation], tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Fresh copies of the village and the district, as the URLs `--db` takes."""
    with copied_urls(templates, tmp_path) as urls:
        yield urls


def export(run_cli, village: str, out: Path, *extra: str) -> dict:
    result = run_cli("export", "--out", out, "--db", village, "--json", *extra)
    assert result.rc == 0, result.err
    return result.json()


def three_packages(run_cli, village: str, folder: Path) -> list[dict]:
    folder.mkdir()
    return [export(run_cli, village, folder / f"paket-{n}.xlsx", "--full") for n in (1, 2, 3)]


def test_village_list_shows_each_village_with_its_last_package_and_gaps(run_cli, sites: tuple[str, str],
                                                                       tmp_path: Path) -> None:
    village, district = sites
    before = run_cli("village", "list", "--db", district, "--json")
    assert before.rc == 0, before.err
    [fresh] = before.json()["villages"]
    assert (fresh["code"], fresh["name"], fresh["role"]) == (SITE_CODE, SITE_NAME, "desa")
    assert fresh["last_package"] is None and fresh["packages_received"] == 0 and fresh["missing_sequences"] == []
    assert fresh["fingerprint"] and fresh["days_since_last_package"] is None

    packages = three_packages(run_cli, village, tmp_path / "kirim")
    for number in (1, 3):
        assert run_cli("import", packages[number - 1]["path"], "--db", district, "--json").rc == 0

    listed = run_cli("village", "list", "--db", district, "--json")
    assert listed.rc == 0, listed.err
    [status] = listed.json()["villages"]
    assert status["packages_received"] == 2 and status["missing_sequences"] == [2]
    last = status["last_package"]
    assert last["sequence"] == 3 and last["file"] == "paket-3.xlsx"
    sent = datetime.fromisoformat(last["sent_at"])
    assert status["days_since_last_package"] == (date.today() - sent.astimezone().date()).days
    assert datetime.fromisoformat(last["received_at"]) <= datetime.now(UTC)

    text = run_cli("village", "list", "--db", district)
    assert text.rc == 0
    assert f"{SITE_NAME} ({SITE_CODE}): paket terakhir ke-3" in text.out
    assert "paket ke-2 belum diterima" in text.out


def test_at_a_village_the_list_is_its_district(run_cli, sites: tuple[str, str]) -> None:
    result = run_cli("village", "list", "--db", sites[0], "--json")
    assert result.rc == 0, result.err
    [district] = result.json()["villages"]
    assert (district["code"], district["name"], district["role"]) == (DISTRICT_CODE, DISTRICT_NAME, "kabupaten")


def test_import_of_a_folder_prints_one_combined_json_and_exits_3_on_a_refused_file(
        run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    stick = tmp_path / "flashdisk"
    packages = three_packages(run_cli, village, stick)
    hostile.random_bytes(stick / "rusak.xlsx")
    report = tmp_path / "laporan.xlsx"

    result = run_cli("import", stick, "--db", district, "--json", "--report", report)

    assert result.rc == 3, result.err
    payload = result.json()
    assert payload["ok"] is False
    assert [(p["file"], p["status"], p["sequence"]) for p in payload["packages"]] == [
        ("paket-1.xlsx", "applied", 1), ("paket-2.xlsx", "applied", 2), ("paket-3.xlsx", "applied", 3),
        ("rusak.xlsx", "rejected", None)]
    assert payload["packages"][0]["package"] == packages[0]["package"]
    assert payload["totals"]["files"] == 4 and payload["totals"]["applied"] == 3
    assert payload["totals"]["rejected"] == 1 and payload["gaps"] == []
    assert payload["report"] == str(report) and report.is_file()
    assert scalar(district, "SELECT count(*) FROM exchange_package WHERE direction = 'MASUK'") == 3

    again = run_cli("import", *(p["path"] for p in packages), "--db", district, "--json")
    assert again.rc == 0, again.err
    assert {p["status"] for p in again.json()["packages"]} == {"already-applied"}
    assert again.json()["totals"]["already_applied"] == 3


def test_one_file_keeps_the_single_package_json(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    package = export(run_cli, village, tmp_path / "paket.xlsx")

    result = run_cli("import", package["path"], "--db", district, "--json")

    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["status"] == "applied" and payload["package"] == package["package"]
    assert "packages" not in payload


def test_several_files_refuse_options_meant_for_one(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    result = run_cli("import", tmp_path, "--accept-edits", "--db", sites[1], "--json")
    assert result.rc == 3
    assert "hanya dapat dipakai untuk satu berkas" in result.json()["error"]
