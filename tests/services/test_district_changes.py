"""The district secretariat's list of household change requests from its villages, and the Manajer SLRT's
decision: recorded at the district only (persons and memberships belong to the village), with a reason required
to reject and the same stale-version check as a decision at the village."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, drop
from conftest import SITE_NAME, SiteFixture

from puskesos_desk.domain.casework import ChangeRequestDraft
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.services.changes import request_change
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.district_changes import decide_district_change, list_district_changes
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, VILLAGE_CODE, trust_each_other
from tests.services import sites
from tests.services.factories import family
from tests.services.test_casework import as_role


@dataclass(frozen=True)
class ChangeSites:
    """As tests/exchange/change_sites.py builds them, on the backend under test: a bare village that registered one
    family and asked for three changes, and its district after importing the village's package."""

    village: DbLocation
    district: DbLocation
    head_change: str  # request ids
    removal: str
    addition: str
    household_number: str


def _ask_for_changes(village: SiteFixture) -> tuple[str, str, str, str]:
    household = register_household(village.cli, family()).household
    ids = {m.name: m.id for m in household.members}
    head, wife, child = ids["SLAMET RIYADI"], ids["SITI AMINAH"], ids["DWI LESTARI"]
    head_change = request_change(village.cli, ChangeRequestDraft(
        household_id=household.id, kind="GANTI_KEPALA", reason="Suami merantau", person_id=wife,
        relations={head: "SUAMI", child: "ANAK"})).id
    removal = request_change(village.cli, ChangeRequestDraft(
        household_id=household.id, kind="KELUARKAN_ANGGOTA", reason="Menikah", person_id=child)).id
    baby = MemberDraft(name="Bayu Riyadi", relation="ANAK", sex="L", birth_date=date(2025, 7, 1), no_nik_reason="BAYI")
    addition = request_change(village.cli, ChangeRequestDraft(
        household_id=household.id, kind="TAMBAH_ANGGOTA", reason="Kelahiran", new_member=baby)).id
    return head_change, removal, addition, household.number


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChangeSites]:
    folder = tmp_path_factory.mktemp("district-changes")
    village_at = sites.initialised(seeded_location, folder, "village.db", code=VILLAGE_CODE, site_name=SITE_NAME,
                                   role=SiteRole.DESA)
    district_at = sites.initialised(seeded_location, folder, "district.db", code=DISTRICT_CODE,
                                    site_name=DISTRICT_NAME, role=SiteRole.KABUPATEN)
    village = sites.opened(village_at, VILLAGE_CODE, SiteRole.DESA)
    district = sites.opened(district_at, DISTRICT_CODE, SiteRole.KABUPATEN)
    try:
        trust_each_other(village, district)
        asked = _ask_for_changes(village)
        import_package(district.cli, export_package(village.cli, folder / "desa-1.xlsx").path)
    finally:
        village.db.dispose()
        district.db.dispose()
    yield ChangeSites(village_at, district_at, *asked)
    drop(village_at)
    drop(district_at)


@pytest.fixture
def district(templates: ChangeSites, tmp_path: Path) -> Iterator[SiteFixture]:
    with sites.copied(templates.district, tmp_path, "kabupaten.db", DISTRICT_CODE, SiteRole.KABUPATEN) as site:
        yield site


@pytest.fixture
def manajer(district: SiteFixture) -> ServiceContext:
    return as_role(district.cli, Role.MANAJER_SLRT)


def test_waiting_requests_from_the_villages_are_listed_with_names(manajer: ServiceContext,
                                                                  templates: ChangeSites) -> None:
    page = list_district_changes(manajer)

    assert page.total == 3 and len(page.items) == 3
    by_id = {item.id: item for item in page.items}
    head_change = by_id[templates.head_change]
    assert (head_change.village_code, head_change.household_number) == (VILLAGE_CODE, templates.household_number)
    assert head_change.village_name and head_change.head_name == "SLAMET RIYADI"
    assert head_change.person_name == "SITI AMINAH" and head_change.kind == "GANTI_KEPALA"
    assert "Kepala keluarga baru: SITI AMINAH" in head_change.summary
    assert "Hubungan SLAMET RIYADI menjadi SUAMI" in head_change.summary
    assert by_id[templates.removal].summary == ("Dikeluarkan dari KK: DWI LESTARI",)
    assert by_id[templates.addition].summary[0].startswith("Anggota baru: BAYU RIYADI (ANAK, L")
    assert head_change.reason == "Suami merantau" and head_change.requested_at is not None


def test_paging_and_filters(manajer: ServiceContext, templates: ChangeSites) -> None:
    first = list_district_changes(manajer, limit=2)
    second = list_district_changes(manajer, offset=2, limit=2)
    assert (first.total, len(first.items), len(second.items)) == (3, 2, 1)
    assert {i.id for i in first.items} | {i.id for i in second.items} == {
        templates.head_change, templates.removal, templates.addition}
    assert list_district_changes(manajer, village="33.22.01.2999").total == 0
    assert list_district_changes(manajer, village=VILLAGE_CODE).total == 3
    assert list_district_changes(manajer, status="DIPUTUSKAN").total == 0
    with pytest.raises(InputRejected, match="tidak dikenal"):
        list_district_changes(manajer, status="ENTAH")


def test_approval_is_recorded_but_the_household_is_left_to_the_village(
        manajer: ServiceContext, district: SiteFixture, templates: ChangeSites) -> None:
    [item] = [i for i in list_district_changes(manajer).items if i.id == templates.head_change]
    heads_before = query(district, "SELECT head_person_id FROM household")
    members_before = query(district, "SELECT id, relation, valid_to FROM membership ORDER BY id")

    decided = decide_district_change(manajer, request_id=item.id, expected_version=item.row_version, approve=True,
                                     reason="Sesuai surat keterangan desa")

    assert (decided.status, decided.decided_where, decided.decided_by) == ("DISETUJUI", "kabupaten", manajer.actor.id)
    assert decided.decision_reason == "Sesuai surat keterangan desa" and decided.decided_at is not None
    assert decided.row_version == item.row_version + 1
    assert query(district, "SELECT head_person_id FROM household") == heads_before
    assert query(district, "SELECT id, relation, valid_to FROM membership ORDER BY id") == members_before
    assert {i.id for i in list_district_changes(manajer, status="DIPUTUSKAN").items} == {item.id}
    assert templates.head_change not in {i.id for i in list_district_changes(manajer).items}
    with pytest.raises(InputRejected, match="sudah diputuskan"):
        decide_district_change(manajer, request_id=item.id, expected_version=decided.row_version, approve=False,
                               reason="berubah pikiran")


def test_rejection_needs_a_reason_and_a_stale_version_is_refused(manajer: ServiceContext,
                                                                templates: ChangeSites) -> None:
    [item] = [i for i in list_district_changes(manajer).items if i.id == templates.removal]
    with pytest.raises(FieldErrors) as missing:
        decide_district_change(manajer, request_id=item.id, expected_version=item.row_version, approve=False,
                               reason="  ")
    assert "decision_reason" in missing.value.errors
    with pytest.raises(Conflict):
        decide_district_change(manajer, request_id=item.id, expected_version=item.row_version + 5, approve=False,
                               reason="Belum ada akta nikah")
    rejected = decide_district_change(manajer, request_id=item.id, expected_version=item.row_version,
                                      approve=False, reason="Belum ada akta nikah")
    assert (rejected.status, rejected.decision_reason) == ("DITOLAK", "Belum ada akta nikah")


def test_only_the_manajer_decides_and_only_at_a_district(district: SiteFixture, templates: ChangeSites,
                                                         tmp_path: Path) -> None:
    petugas = as_role(district.cli, Role.PETUGAS_SEKRETARIAT)
    assert list_district_changes(petugas).total == 3  # may read
    with pytest.raises(PermissionDenied):
        decide_district_change(petugas, request_id=templates.removal, expected_version=1, approve=True)

    with sites.copied(templates.village, tmp_path, "desa.db", VILLAGE_CODE, SiteRole.DESA) as village:
        with pytest.raises(InputRejected, match="Sekretariat SLRT kabupaten/kota"):
            list_district_changes(village.cli)
        with pytest.raises(InputRejected, match="Sekretariat SLRT kabupaten/kota"):
            decide_district_change(village.cli, request_id=templates.removal, expected_version=1, approve=True)
