"""`puskesos-desk duplicates list | merge | not-duplicate` at a district: JSON and readable output, NIKs masked,
decisions stored, and the refusals' exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, rows

from tests.services.duplicate_rows import VILLAGE_A, VILLAGE_B, Member, add_family, district_site

NIK = "3322011505800003"


@pytest.fixture
def district(seeded_location: DbLocation, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A district with one NIK pair and one name + birth date pair across two villages; yields its URL and ids."""
    with district_site(seeded_location, tmp_path) as site:
        [a] = add_family(site, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
        [b] = add_family(site, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
        [c] = add_family(site, VILLAGE_A, Member("Dewi Lestari", date(2001, 2, 1)))
        [d] = add_family(site, VILLAGE_B, Member("Dewi Lestari", date(2001, 2, 1)))
        site.db.dispose()  # the CLI opens its own connections; this test holds none while it runs
        yield site.url, {"a": a, "b": b, "c": c, "d": d}


def test_list_json_masks_the_nik_and_pages(run_cli, district: tuple[str, dict[str, str]]) -> None:
    path, ids = district
    result = run_cli("duplicates", "list", "--db", path, "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True and payload["total"] == 2
    assert [c["match"] for c in payload["candidates"]] == ["NIK", "NAMA_TANGGAL_LAHIR"]
    nik_pair = payload["candidates"][0]
    assert {nik_pair["left"]["person_id"], nik_pair["right"]["person_id"]} == {ids["a"], ids["b"]}
    assert nik_pair["left"]["nik"] == "••••••••••••0003" and NIK not in result.out

    second = run_cli("duplicates", "list", "--limit", "1", "--offset", "1", "--db", path, "--json").json()
    assert second["total"] == 2 and [c["match"] for c in second["candidates"]] == ["NAMA_TANGGAL_LAHIR"]

    readable = run_cli("duplicates", "list", "--db", path)
    assert readable.rc == 0 and "2 pasangan kemungkinan data ganda" in readable.out and "NIK sama" in readable.out


def test_merge_and_not_duplicate_are_stored_and_the_list_empties(run_cli,
                                                                 district: tuple[str, dict[str, str]]) -> None:
    path, ids = district
    merged = run_cli("duplicates", "merge", "--survivor", ids["a"], "--duplicate", ids["b"], "--reason", "sama",
                     "--db", path, "--json")
    assert merged.rc == 0, merged.err
    assert merged.json()["decision"] == "DIGABUNG" and merged.json()["survivor"]["person_id"] == ids["a"]

    refused = run_cli("duplicates", "not-duplicate", ids["c"], ids["d"], "--reason", " ", "--db", path, "--json")
    assert refused.rc == 3 and "alasan" in refused.json()["error"]
    different = run_cli("duplicates", "not-duplicate", ids["c"], ids["d"], "--reason", "ibu dan anak", "--db", path)
    assert different.rc == 0 and "bukan duplikat" in different.out

    assert rows(path, "SELECT decision, reason FROM person_merge ORDER BY decision") == [
        ("BUKAN_DUPLIKAT", "ibu dan anak"), ("DIGABUNG", "sama")]
    assert run_cli("duplicates", "list", "--db", path, "--json").json()["total"] == 0
    again = run_cli("duplicates", "merge", "--survivor", ids["b"], "--duplicate", ids["a"], "--db", path, "--json")
    assert again.rc == 3


def test_refused_at_a_village(run_cli, site_db) -> None:
    site_db.db.dispose()
    result = run_cli("duplicates", "list", "--db", site_db.url, "--json")
    assert result.rc == 3 and "kabupaten" in result.json()["error"]
