"""`changes list` and `changes decide` at a district: the requests the villages sent (JSON and text), filters,
decisions with their reason, and the exit code 3 for what cannot be done (no reason to reject, a village site)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from backends import DbLocation, rows

from tests.cli.conftest import CliResult
from tests.exchange.change_sites import ChangeSites, sites_with_requests
from tests.exchange.scenarios import VILLAGE_CODE, copied_site

Run = Callable[..., CliResult]


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> ChangeSites:
    return sites_with_requests(seeded_location, tmp_path_factory.mktemp("changes-cli"))


@pytest.fixture
def district(templates: ChangeSites, tmp_path: Path) -> Iterator[str]:
    """The district's database URL, as `--db` takes it."""
    with copied_site(templates.district, tmp_path / "kabupaten.db") as copy:
        yield copy.url


def test_list_shows_the_waiting_requests(run_cli: Run, district: str, templates: ChangeSites) -> None:
    result = run_cli("changes", "list", "--db", district, "--json")

    assert result.rc == 0, result.err
    data = result.json()
    assert data["total"] == 3
    assert {c["id"] for c in data["changes"]} == {templates.head_change, templates.removal, templates.addition}
    assert {c["village_code"] for c in data["changes"]} == {VILLAGE_CODE}
    assert all(c["status"] == "MENUNGGU" and c["household_number"] == templates.household_number
               for c in data["changes"])
    assert run_cli("changes", "list", "--db", district, "--village", "33.22.01.2999", "--json").json()["total"] == 0

    text = run_cli("changes", "list", "--db", district)
    assert "3 permintaan" in text.out and "Ganti kepala keluarga" in text.out and templates.removal in text.out


def test_decide_approve_and_reject(run_cli: Run, district: str, templates: ChangeSites) -> None:
    approved = run_cli("changes", "decide", templates.head_change, "--approve", "--db", district, "--json")
    assert approved.rc == 0, approved.err
    assert (approved.json()["change"]["status"], approved.json()["change"]["decided_where"]) == (
        "DISETUJUI", "kabupaten")

    no_reason = run_cli("changes", "decide", templates.removal, "--reject", "--db", district, "--json")
    assert no_reason.rc == 3 and "alasan" in no_reason.out.lower() + no_reason.err.lower()

    rejected = run_cli("changes", "decide", templates.removal, "--reject", "--reason", "Belum ada akta nikah",
                       "--db", district)
    assert rejected.rc == 0 and "ditolak" in rejected.out
    assert rows(district, "SELECT status, decision_reason, decided_where FROM household_change_request "
                          "WHERE id = ?", templates.removal) == [("DITOLAK", "Belum ada akta nikah", "kabupaten")]

    decided = run_cli("changes", "list", "--status", "DIPUTUSKAN", "--db", district, "--json").json()
    assert {c["id"] for c in decided["changes"]} == {templates.head_change, templates.removal}
    assert run_cli("changes", "decide", templates.removal, "--approve", "--db", district).rc == 3


def test_a_village_site_is_refused(run_cli: Run, templates: ChangeSites, tmp_path: Path) -> None:
    with copied_site(templates.village, tmp_path / "desa.db") as village:
        result = run_cli("changes", "list", "--db", village.url, "--json")
    assert result.rc == 3 and "kabupaten/kota" in result.out + result.err


def test_approve_and_reject_are_exclusive(run_cli: Run, district: str, templates: ChangeSites) -> None:
    assert run_cli("changes", "decide", templates.removal, "--approve", "--reject", "--db", district).rc == 2
    assert run_cli("changes", "decide", templates.removal, "--db", district).rc == 2
