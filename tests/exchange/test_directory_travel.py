"""Directory upkeep travels: after the district edits, adds and deactivates service entries, the next return package
for every village carries exactly those entries, and importing it updates each village's directory (the district's
check date stays at the district: it is local bookkeeping)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import DbLocation, rows
from conftest import SITE_CODE, SiteFixture

from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.service_directory import DirectoryFilter, ServiceDraft
from puskesos_desk.services import service_directory as directory
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import export_all_villages
from puskesos_desk.services.reference import directory_services
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import trusted_village
from tests.exchange.workbooks import rows_of

SECOND_CODE = "33.22.01.2008"
SHEET = "Direktori Layanan"


@pytest.fixture
def second_village(linked: Linked, seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with trusted_village(seeded_location, linked.district, tmp_path / "village2.db", SECOND_CODE,
                         "Puskesos Desa Kedua") as site:
        yield site


def _export_and_import(linked: Linked, villages: dict[str, SiteFixture], out: Path) -> dict[str, Path]:
    out.mkdir()
    outcome = export_all_villages(linked.district.cli, out)
    assert outcome.exit_code == 0 and not outcome.failed, outcome.failed
    paths = {p.village: p.outcome.path for p in outcome.packages}
    assert set(paths) == set(villages)
    for code, path in paths.items():
        result = import_package(villages[code].cli, path)
        assert result.status is ImportStatus.APPLIED, [m.message for m in result.messages]
        # The village's next package acknowledges this one, so the district stops re-sending what arrived.
        answer = export_package(villages[code].cli, out / f"{code}-ke-kabupaten.xlsx")
        assert import_package(linked.district.cli, answer.path).status is ImportStatus.APPLIED
    return paths


def test_district_directory_changes_reach_every_village(linked: Linked, second_village: SiteFixture,
                                                        tmp_path: Path) -> None:
    villages = {SITE_CODE: linked.village, SECOND_CODE: second_village}
    _export_and_import(linked, villages, tmp_path / "putaran-1")  # both villages are level with the district
    district = linked.district.cli
    seeded = directory.list_services(district).entries
    edited_from, retired_from = seeded[0], seeded[1]

    edited = directory.update_service(district, edited_from.id,
                                      ServiceDraft(**{**_fields(edited_from.draft), "phone": "0298-555123",
                                                      "response_days": 7}),
                                      expected_version=edited_from.row_version)
    added = directory.create_service(district, ServiceDraft(
        code="DINSOS-RUTILAHU", service_name="Bantuan Rumah Tidak Layak Huni", organization="Dinas Sosial",
        organization_kind="pemda", need_domains=("PERUMAHAN",), response_days=15))
    retired = directory.set_service_active(district, retired_from.id, False, expected_version=retired_from.row_version)

    paths = _export_and_import(linked, villages, tmp_path / "putaran-2")

    for code, village in villages.items():
        carried = {row["KODE"]: row for row in rows_of(paths[code], SHEET)}
        assert set(carried) == {edited.code, added.code, retired.code}, code
        assert str(carried[edited.code]["TELEPON"]) == "0298-555123"
        stored = {row[0]: row[1:] for row in rows(
            village, "SELECT code, phone, response_days, active, last_checked_on FROM service_directory_entry "
                     "WHERE code IN (?, ?, ?)", edited.code, added.code, retired.code)}
        assert stored == {edited.code: ("0298-555123", 7, 1, None), added.code: (None, 15, 1, None),
                          retired.code: (retired_from.draft.phone, retired_from.draft.response_days, 0, None)}, code
        pickable = {s.code for s in directory_services(village.cli)}
        assert added.code in pickable and retired.code not in pickable
        # The village reads the directory, with the flag computed from its own (empty) check dates.
        assert not directory.list_services(village.cli, DirectoryFilter(text="DINSOS-RUTILAHU")).editable


def _fields(draft: ServiceDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in ServiceDraft.__dataclass_fields__}
