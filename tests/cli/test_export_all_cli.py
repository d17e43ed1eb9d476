"""`export --all-villages --out-dir DIR`: one return package per trusted village, the JSON it prints
({"packages": […], "failed": […]}) and its exit codes (0 all written, 3 when any village failed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import DbLocation, scalar

from puskesos_desk.domain.enums import SiteRole
from tests.exchange.scenarios import (
    VILLAGE_CODE,
    bare_pair,
    copied_urls,
    init_site,
    open_district,
    open_site,
    trust_each_other,
)

SECOND_CODE = "33.22.01.2008"


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    """A district trusting two villages (and trusted by them); only the district's database is used here."""
    folder = tmp_path_factory.mktemp("export-all-cli")
    village_at, district_at = bare_pair(seeded_location, folder)
    second = open_site(init_site(seeded_location, folder / "village2.db", SECOND_CODE, "Puskesos Desa Kedua",
                                 SiteRole.DESA), SECOND_CODE, SiteRole.DESA)
    district = open_district(district_at)
    try:
        trust_each_other(second, district)
    finally:
        second.db.dispose()
        district.db.dispose()
    return village_at, district_at


@pytest.fixture
def sites(templates: tuple[DbLocation, DbLocation], tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Fresh copies of the village and the district, as the URLs `--db` takes."""
    with copied_urls(templates, tmp_path) as urls:
        yield urls


def test_all_villages_prints_one_package_per_village(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "balasan"
    out.mkdir()

    result = run_cli("export", "--all-villages", "--out-dir", out, "--db", sites[1], "--json")

    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True and payload["failed"] == []
    assert [(p["village"], Path(p["path"]).name) for p in payload["packages"]] == [
        (VILLAGE_CODE, f"{VILLAGE_CODE}-paket-1.xlsx"), (SECOND_CODE, f"{SECOND_CODE}-paket-1.xlsx")]
    assert all(Path(p["path"]).is_file() and "Direktori Layanan" in p["rows"] for p in payload["packages"])
    assert scalar(sites[1], "SELECT count(*) FROM exchange_package WHERE direction = 'KELUAR'") == 2


def test_a_village_that_fails_is_listed_and_the_exit_code_is_3(run_cli, sites: tuple[str, str],
                                                               tmp_path: Path) -> None:
    (tmp_path / f"{VILLAGE_CODE}-paket-1.xlsx").write_bytes(b"someone else's file")

    result = run_cli("export", "--all-villages", "--out-dir", tmp_path, "--db", sites[1], "--json")

    assert result.rc == 3
    payload = result.json()
    assert payload["ok"] is False
    assert [f["village"] for f in payload["failed"]] == [VILLAGE_CODE]
    assert "sudah ada" in payload["failed"][0]["message"]
    assert [p["village"] for p in payload["packages"]] == [SECOND_CODE]

    text = run_cli("export", "--all-villages", "--out-dir", tmp_path, "--db", sites[1])
    assert text.rc == 3 and f"GAGAL Puskesos Desa Sumogawe ({VILLAGE_CODE})" in text.out


def test_wrong_combinations_are_refused(run_cli, sites: tuple[str, str], tmp_path: Path) -> None:
    village, district = sites
    assert run_cli("export", "--db", district).rc == 2
    assert run_cli("export", "--out", tmp_path / "a.xlsx", "--out-dir", tmp_path, "--db", district).rc == 2
    without_dir = run_cli("export", "--all-villages", "--out", tmp_path / "a.xlsx", "--db", district, "--json")
    assert without_dir.rc == 3 and "--out-dir" in without_dir.out
    at_village = run_cli("export", "--all-villages", "--out-dir", tmp_path, "--db", village, "--json")
    assert at_village.rc == 3 and "kabupaten/kota" in at_village.out
    assert not list(tmp_path.glob("*.xlsx"))
