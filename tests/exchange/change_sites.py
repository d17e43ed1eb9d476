"""A district holding household change requests from one of its villages, for the district-decision tests
(services, CLI, UI): a bare village registers one family and asks for three changes, sends its package, and the
district imports it. Copy the returned databases per test; never change the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from puskesos_desk.domain.casework import ChangeRequestDraft
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.services.changes import request_change
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.registration import register_household
from tests.exchange.scenarios import Where, bare_pair, open_district, open_village
from tests.services.factories import family


@dataclass(frozen=True)
class ChangeSites:
    village: Where  # a DbLocation, or a SQLite file when built from one
    district: Where
    head_change: str  # request ids
    removal: str
    addition: str
    household_number: str


def sites_with_requests(seeded: Where, folder: Path) -> ChangeSites:
    village_at, district_at = bare_pair(seeded, folder)
    village, district = open_village(village_at), open_district(district_at)
    try:
        household = register_household(village.cli, family()).household
        ids = {m.name: m.id for m in household.members}
        head, wife, child = ids["SLAMET RIYADI"], ids["SITI AMINAH"], ids["DWI LESTARI"]
        head_change = request_change(village.cli, ChangeRequestDraft(
            household_id=household.id, kind="GANTI_KEPALA", reason="Suami merantau", person_id=wife,
            relations={head: "SUAMI", child: "ANAK"})).id
        removal = request_change(village.cli, ChangeRequestDraft(
            household_id=household.id, kind="KELUARKAN_ANGGOTA", reason="Menikah", person_id=child)).id
        baby = MemberDraft(name="Bayu Riyadi", relation="ANAK", sex="L", birth_date=date(2025, 7, 1),
                           no_nik_reason="BAYI")
        addition = request_change(village.cli, ChangeRequestDraft(
            household_id=household.id, kind="TAMBAH_ANGGOTA", reason="Kelahiran", new_member=baby)).id
        package = export_package(village.cli, folder / "desa-1.xlsx")
        import_package(district.cli, package.path)
    finally:
        village.db.dispose()
        district.db.dispose()
    return ChangeSites(village_at, district_at, head_change, removal, addition, household.number)
