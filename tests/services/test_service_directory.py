"""The district's service directory: entries are validated field by field (messages in Bahasa), edits based on a
stale copy are refused, the code never changes, saving counts as a check, deactivation keeps referrals that name
an entry intact, and only district roles with MANAGE_SERVICE_DIRECTORY may change anything."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from backends import DbLocation, rows
from conftest import SiteFixture

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.service_directory import DirectoryFilter, ServiceDraft
from puskesos_desk.services import service_directory as directory
from puskesos_desk.services.auth import create_user, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reference import directory_services as picker_services
from puskesos_desk.services.referral_queries import list_referrals, referral_detail
from puskesos_desk.services.referrals import create_referral
from tests.cli._helpers import query, scalar
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME
from tests.services import referral_rows
from tests.services.sites import new_site

TODAY = date(2026, 11, 23)


def on(ctx: ServiceContext, day: date) -> ServiceContext:
    moment = datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)  # midday in WIB/WITA/WIT alike
    return replace(ctx, clock=lambda: moment)


@pytest.fixture
def district(seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with new_site(seeded_location, tmp_path, "district.db", code=DISTRICT_CODE, site_name=DISTRICT_NAME,
                  role=SiteRole.KABUPATEN) as site:
        yield replace(site, cli=on(site.cli, TODAY))


def signed_in(site: SiteFixture, role: Role) -> ServiceContext:
    username = f"u.{role.value.lower().replace('_', '.')}"
    create_user(site.cli, username=username, full_name=f"Pengguna {role.value}", role=role,
                password="rahasia-panjang-1")
    actor = sign_in(site.db, username=username, password="rahasia-panjang-1").actor
    return on(ServiceContext(site.db, actor), TODAY)


def rutilahu(**changes: object) -> ServiceDraft:
    base = ServiceDraft(code="dinsos-rutilahu ", service_name="Bantuan Rumah Tidak Layak Huni",
                        organization="Dinas Sosial Kabupaten Semarang", organization_kind="pemda",
                        program_code=None, region_code="33.22", phone="(024) 6921-234",
                        email="dinsos@semarangkab.go.id", url="https://dinsos.semarangkab.go.id",
                        required_documents=("Fotokopi KTP-el", " ", "Fotokopi KK"), need_domains=("PERUMAHAN",),
                        response_days=15)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_new_entry_is_stored_checked_today_and_listed(district: SiteFixture) -> None:
    manajer = signed_in(district, Role.MANAJER_SLRT)
    entry = directory.create_service(manajer, rutilahu())

    assert entry.code == "DINSOS-RUTILAHU" and entry.active and not entry.is_example and not entry.stale
    assert entry.draft.required_documents == ("Fotokopi KTP-el", "Fotokopi KK")
    row = query(district, "SELECT last_checked_on, row_version, origin_site, supplied_by, created_by "
                               "FROM service_directory_entry WHERE code = 'DINSOS-RUTILAHU'")
    assert row == [("2026-11-23", 1, DISTRICT_CODE, DISTRICT_NAME, manajer.actor.id)]
    page = directory.list_services(manajer, DirectoryFilter(text="dinsos-rutilahu"))
    assert [e.code for e in page.entries] == ["DINSOS-RUTILAHU"] and page.total == 1 and page.editable
    by_domain = directory.list_services(manajer, DirectoryFilter(need_domain="PERUMAHAN"))
    assert "DINSOS-RUTILAHU" in {e.code for e in by_domain.entries}
    by_kind = directory.list_services(manajer, DirectoryFilter(organization_kind="non_pemerintah"))
    assert by_kind.entries and all(e.draft.organization_kind == "non_pemerintah" for e in by_kind.entries)


def test_every_wrong_field_is_named_in_bahasa(district: SiteFixture) -> None:
    bad = rutilahu(service_name=" ", organization="", organization_kind="", response_days=91, phone="telp kantor",
                   email="dinsos@", url="dinsos.go.id", region_code="99.99", program_code="TIDAK-ADA",
                   need_domains=("ENTAH",))
    with pytest.raises(FieldErrors) as caught:
        directory.create_service(district.cli, bad)
    assert set(caught.value.errors) == {"service_name", "organization", "organization_kind", "response_days",
                                        "phone", "email", "url", "region_code", "program_code", "need_domains"}
    assert "antara 1 dan 90" in caught.value.errors["response_days"]
    assert "99.99" in caught.value.errors["region_code"]
    with pytest.raises(FieldErrors) as zero:
        directory.create_service(district.cli, rutilahu(response_days=0, code="A B"))
    assert set(zero.value.errors) == {"response_days", "code"}
    assert scalar(district, "SELECT COUNT(*) FROM service_directory_entry WHERE code LIKE 'DINSOS-RUT%'") == 0


def test_a_code_is_unique_and_never_changes(district: SiteFixture) -> None:
    entry = directory.create_service(district.cli, rutilahu())
    with pytest.raises(FieldErrors) as taken:
        directory.create_service(district.cli, rutilahu(service_name="Lain"))
    assert "sudah dipakai" in taken.value.errors["code"]
    with pytest.raises(FieldErrors) as renamed:
        directory.update_service(district.cli, entry.id, rutilahu(code="DINSOS-RTLH"),
                                 expected_version=entry.row_version)
    assert "tidak dapat diubah" in renamed.value.errors["code"]
    assert scalar(district, "SELECT code FROM service_directory_entry WHERE id = ?", (entry.id,)) == \
        "DINSOS-RUTILAHU"


def test_an_edit_is_a_check_and_a_stale_copy_is_refused(district: SiteFixture) -> None:
    created = directory.create_service(on(district.cli, date(2026, 1, 5)), rutilahu())
    assert directory.get_service(district.cli, created.id).stale  # checked more than six months before TODAY

    edited = directory.update_service(district.cli, created.id, rutilahu(phone="0298-123456", response_days=20),
                                      expected_version=created.row_version)

    assert edited.row_version == created.row_version + 1 and not edited.stale
    assert query(district, "SELECT phone, response_days, last_checked_on FROM service_directory_entry "
                                "WHERE id = ?", (created.id,)) == [("0298-123456", 20, "2026-11-23")]
    with pytest.raises(Conflict, match="baru saja diubah"):
        directory.update_service(district.cli, created.id, rutilahu(phone="0298-000000"),
                                 expected_version=created.row_version)
    with pytest.raises(Conflict):
        directory.set_service_active(district.cli, created.id, False, expected_version=created.row_version)
    assert scalar(district, "SELECT phone FROM service_directory_entry WHERE id = ?", (created.id,)) == \
        "0298-123456"


def test_stale_entries_are_flagged_counted_and_filtered(district: SiteFixture) -> None:
    everything = directory.list_services(district.cli)
    assert everything.stale_count == everything.total  # the seeded examples have never been checked
    assert all(e.stale and e.last_checked_on is None for e in everything.entries)
    first = everything.entries[0]

    checked = directory.mark_checked(on(district.cli, date(2026, 5, 23)), first.id)  # exactly six months ago

    assert checked.last_checked_on == date(2026, 5, 23) and checked.row_version == first.row_version + 1
    after = directory.list_services(district.cli, DirectoryFilter(stale_only=True))
    assert after.stale_count == everything.stale_count - 1 and after.total == everything.total - 1
    assert first.code not in {e.code for e in after.entries}
    tomorrow = directory.list_services(on(district.cli, date(2026, 11, 24)), DirectoryFilter(stale_only=True))
    assert first.code in {e.code for e in tomorrow.entries}


def test_only_district_roles_with_the_permission_may_change_the_directory(district: SiteFixture,
                                                                          site_db: SiteFixture) -> None:
    entry = directory.list_services(district.cli).entries[0]
    for role in (Role.MANAJER_SLRT, Role.PETUGAS_SEKRETARIAT, Role.OPERATOR_KABUPATEN, Role.ADMIN):
        assert directory.list_services(signed_in(district, role)).editable, role
    auditor = signed_in(district, Role.AUDITOR)
    assert not directory.list_services(auditor).editable
    with pytest.raises(PermissionDenied):
        directory.create_service(auditor, rutilahu())
    with pytest.raises(PermissionDenied):
        directory.mark_checked(auditor, entry.id)

    # At a village the directory is read-only, whoever asks: it comes from the district.
    village_entry = directory.list_services(site_db.cli).entries[0]
    assert not directory.list_services(site_db.cli).editable
    with pytest.raises(InputRejected, match="kabupaten/kota"):
        directory.set_service_active(site_db.cli, village_entry.id, False, expected_version=village_entry.row_version)
    assert scalar(site_db, "SELECT active FROM service_directory_entry WHERE id = ?", (village_entry.id,)) == 1


def test_deactivating_keeps_referrals_that_name_the_entry(site_db: SiteFixture) -> None:
    desk = referral_rows.desk(site_db)
    referral = create_referral(desk.bo, referral_rows.draft(desk))
    service_id = desk.services["DINSOS-PBI-REAKTIVASI"].id
    # The district's database holds the villages' referrals too; make this one the district's to act on it.
    rows(site_db, "UPDATE site SET role = 'kabupaten'")
    district_cli = on(site_db.cli, TODAY)
    entry = directory.get_service(district_cli, service_id)

    off = directory.set_service_active(district_cli, service_id, False, expected_version=entry.row_version)

    assert not off.active
    assert scalar(site_db, "SELECT COUNT(*) FROM service_directory_entry WHERE id = ?", (service_id,)) == 1
    assert service_id not in {s.id for s in picker_services(district_cli)}  # no new referral can choose it
    assert referral_detail(district_cli, referral.id).referral.service_code == "DINSOS-PBI-REAKTIVASI"
    assert referral.id in {r.id for r in list_referrals(district_cli)}
    assert service_id not in {e.id for e in directory.list_services(district_cli).entries}
    assert service_id in {e.id for e in directory.list_services(
        district_cli, DirectoryFilter(include_inactive=True)).entries}
    with pytest.raises(InputRejected, match="sudah nonaktif"):
        directory.set_service_active(district_cli, service_id, False, expected_version=off.row_version)

    on_again = directory.set_service_active(district_cli, service_id, True, expected_version=off.row_version)
    assert on_again.active and service_id in {s.id for s in picker_services(district_cli)}
