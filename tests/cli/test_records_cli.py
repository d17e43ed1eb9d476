"""`records KIND [filters] [--limit N --offset N] [--json]` at a district: the page, the total, the filters, the
Bahasa kind names, and the refusals (bad date, village site) with exit code 3."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import DbLocation

from tests.services.consolidated_rows import GENUK, GETASAN, District, build_district_location, district_copy


@pytest.fixture(scope="module")
def template(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, District]:
    return build_district_location(seeded_location, tmp_path_factory.mktemp("records-cli"))


@pytest.fixture
def district(template: tuple[DbLocation, District], tmp_path: Path) -> Iterator[tuple[str, District]]:
    """A fresh copy of the district, as the URL `--db` takes, and the ids of what it holds."""
    with district_copy(template[0], tmp_path) as site:
        yield site.url, template[1]


def test_json_page_with_filters(run_cli, district: tuple[str, District]) -> None:
    path, written = district
    result = run_cli("records", "keluhan", "--kecamatan", GETASAN, "--from", "2026-03-01", "--db", path, "--json")

    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True and payload["kind"] == "complaints" and payload["total"] == 1
    [row] = payload["rows"]
    assert row["id"] == written.ids["cB1"]
    assert (row["village_code"], row["village_name"], row["urgency"]) == ("33.22.01.2008", "Samirono", "SEGERA")


def test_paging_and_text_lines(run_cli, district: tuple[str, District]) -> None:
    path, _ = district
    first = run_cli("records", "persons", "--limit", "4", "--db", path, "--json").json()
    second = run_cli("records", "warga", "--limit", "4", "--offset", "4", "--db", path, "--json").json()
    assert first["total"] == second["total"] == 6
    assert len(first["rows"]) == 4 and len(second["rows"]) == 2
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}

    text = run_cli("records", "rujukan", "--village", GENUK, "--program", "pbi_jk", "--db", path)
    assert text.rc == 0, text.err
    assert text.out.splitlines()[0] == "1 data; baris 1–1."
    assert "Genuk (33.22.18.1007)  25-04-2026" in text.out and "SELESAI" in text.out


def test_refusals(run_cli, district: tuple[str, District], site_db) -> None:
    path, _ = district
    bad_date = run_cli("records", "visits", "--from", "31-01-2026", "--db", path, "--json")
    assert bad_date.rc == 3 and "2026-01-31" in bad_date.json()["error"]
    bad_status = run_cli("records", "visits", "--status", "BARU", "--db", path, "--json")
    assert bad_status.rc == 3 and "TERBUKA" in bad_status.json()["error"]
    assert run_cli("records", "semuanya", "--db", path).rc == 2
    at_village = run_cli("records", "persons", "--db", site_db.url, "--json")
    assert at_village.rc == 3 and "kabupaten/kota" in at_village.json()["error"]
