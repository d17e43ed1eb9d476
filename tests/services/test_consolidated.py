"""Consolidated views at a district: every filter narrows in SQL to the rows it means, pages walk the whole list
without repeats, tombstones never show, and a village site is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, drop
from conftest import SiteFixture

from puskesos_desk.domain.consolidated import RecordFilter, RecordKind
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.consolidated import count_records, filter_choices, record_page
from puskesos_desk.services.context import ServiceContext
from tests.services.consolidated_rows import (
    GENUK,
    GETASAN,
    SAMIRONO,
    SUMOGAWE,
    UNGARAN_BARAT,
    District,
    build_district_location,
    district_copy,
)

K = RecordKind
Site = tuple[SiteFixture, District]


@pytest.fixture(scope="module")
def district_template(seeded_location: DbLocation,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DbLocation, District]]:
    location, written = build_district_location(seeded_location, tmp_path_factory.mktemp("consolidated"))
    yield location, written
    drop(location)


@pytest.fixture
def district(district_template: tuple[DbLocation, District], tmp_path: Path) -> Iterator[Site]:
    with district_copy(district_template[0], tmp_path) as site:
        yield site, district_template[1]


def ids(site: Site, kind: RecordKind, **filters: object) -> set[str]:
    """Ids of every row the filter lets through, by name; also checks the separate count agrees."""
    fixture, written = site
    flt = RecordFilter(kind=kind, **filters)  # type: ignore[arg-type]
    page = record_page(fixture.cli, flt, limit=1000)
    assert page.total == len(page.rows) == count_records(fixture.cli, flt)
    names = {row_id: name for name, row_id in written.ids.items()}
    return {names[row.id] for row in page.rows}


def test_each_kind_lists_every_live_row_with_its_village(district: Site) -> None:
    assert ids(district, K.HOUSEHOLDS) == {"hA1", "hA2", "hB1", "hC1"}
    assert ids(district, K.PERSONS) == {"hA1.head", "hA2.head", "hB1.head", "hC1.head", "pA1.child", "pC1.wife"}
    assert ids(district, K.VISITS) == {"vA1", "vA2", "vB1", "vC1"}
    assert ids(district, K.COMPLAINTS) == {"cA1", "cB1", "cC1"}
    assert ids(district, K.NEEDS) == {"nA1", "nB1", "nC1"}
    assert ids(district, K.PROPOSALS) == {"uA2", "uC1"}
    assert ids(district, K.REFERRALS) == {"rA1", "rB1", "rC1"}

    rows = record_page(district[0].cli, RecordFilter(kind=K.REFERRALS)).rows
    by_number = {r.id: r for r in rows}
    genuk = by_number[district[1].ids["rC1"]]
    assert (genuk.village_code, genuk.village_name, genuk.head_name) == (GENUK, "Genuk", "Paijo")
    assert genuk.program_code == "PBI_JK" and genuk.service_name
    assert [r.letter_date for r in rows] == sorted((r.letter_date for r in rows), reverse=True)  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_village_and_kecamatan_narrow_every_kind(district: Site, kind: RecordKind) -> None:
    everything = ids(district, kind)
    sumogawe = ids(district, kind, village_code=SUMOGAWE)
    getasan = ids(district, kind, kecamatan_code=GETASAN)
    ungaran = ids(district, kind, kecamatan_code=UNGARAN_BARAT)
    genuk = ids(district, kind, village_code=GENUK)
    assert sumogawe <= getasan and ids(district, kind, village_code=SAMIRONO) <= getasan
    assert getasan | ungaran == everything and not getasan & ungaran
    assert genuk == ungaran and genuk
    assert all(name.startswith(("hA", "pA", "vA", "cA", "nA", "uA", "rA")) for name in sumogawe)
    assert ids(district, kind, village_code=GENUK, kecamatan_code=GETASAN) == set()


def test_person_filters(district: Site) -> None:
    assert ids(district, K.PERSONS, category_code="PPKS-01") == {"pA1.child", "pC1.wife"}  # tombstoned PPKS ignored
    # PKH is held by household A1 as a whole (both live members); Samirono's PKH is inactive.
    assert ids(district, K.PERSONS, program_code="PKH") == {"hA1.head", "pA1.child"}
    assert ids(district, K.PERSONS, program_code="PBI_JK") == {"pC1.wife"}
    assert ids(district, K.PERSONS, period_from=date(2026, 4, 1)) == {"hC1.head", "pC1.wife"}
    assert ids(district, K.PERSONS, text="budi") == {"pA1.child"}


def test_household_filters(district: Site) -> None:
    assert ids(district, K.HOUSEHOLDS, program_code="PKH") == {"hA1"}
    assert ids(district, K.HOUSEHOLDS, program_code="PBI_JK") == {"hC1"}  # a member's own participation
    assert ids(district, K.HOUSEHOLDS, text="wagi") == {"hA2"}


def test_visit_filters(district: Site) -> None:
    assert ids(district, K.VISITS, status="TERBUKA") == {"vA2", "vC1"}
    assert ids(district, K.VISITS, period_from=date(2026, 2, 10), period_to=date(2026, 3, 10)) == {"vA2", "vB1"}
    assert ids(district, K.VISITS, period_to=date(2026, 1, 9)) == set()


def test_complaint_filters(district: Site) -> None:
    assert ids(district, K.COMPLAINTS, category_code="BANSOS_TIDAK_DITERIMA") == {"cB1", "cC1"}
    assert ids(district, K.COMPLAINTS, program_code="PBI_JK") == {"cA1"}  # the tombstoned one is not counted
    assert ids(district, K.COMPLAINTS, urgency="SEGERA") == {"cB1"}
    assert ids(district, K.COMPLAINTS, status="SELESAI") == {"cC1"}
    assert ids(district, K.COMPLAINTS, period_from=date(2026, 3, 1), kecamatan_code=GETASAN) == {"cB1"}


def test_need_filters(district: Site) -> None:
    assert ids(district, K.NEEDS, category_code="PANGAN") == {"nB1"}  # a need domain
    assert ids(district, K.NEEDS, category_code="PPKS-05") == {"nC1"}  # a PPKS code inside the JSON list
    assert ids(district, K.NEEDS, program_code="SEMBAKO") == {"nB1"}
    assert ids(district, K.NEEDS, status="TERIDENTIFIKASI") == {"nA1"}
    assert ids(district, K.NEEDS, period_to=date(2026, 3, 15)) == {"nA1", "nB1"}


def test_proposal_and_referral_filters(district: Site) -> None:
    assert ids(district, K.PROPOSALS, program_code="SEMBAKO") == {"uA2"}
    assert ids(district, K.PROPOSALS, program_code="PKH") == {"uA2"}  # the tombstone asked for PKH too
    assert ids(district, K.PROPOSALS, status="DRAFT") == {"uC1"}
    assert ids(district, K.REFERRALS, program_code="PKH") == {"rB1"}
    assert ids(district, K.REFERRALS, status="SELESAI") == {"rC1"}
    assert ids(district, K.REFERRALS, period_from=date(2026, 3, 20), period_to=date(2026, 4, 24)) == {"rB1"}


def test_filters_a_kind_has_no_meaning_for_are_ignored(district: Site) -> None:
    assert ids(district, K.HOUSEHOLDS, status="SELESAI", urgency="DARURAT") == ids(district, K.HOUSEHOLDS)


def test_pages_walk_the_whole_list_once(district: Site) -> None:
    fixture, _ = district
    flt = RecordFilter(kind=K.PERSONS)
    seen: list[str] = []
    offset = 0
    while True:
        page = record_page(fixture.cli, flt, offset=offset, limit=4)
        assert page.total == 6 and len(page.rows) <= 4
        seen.extend(row.id for row in page.rows)
        if not page.has_next:
            break
        offset += page.limit
    assert len(seen) == len(set(seen)) == 6
    first = record_page(fixture.cli, flt, limit=4)
    assert not first.has_previous and first.has_next
    assert record_page(fixture.cli, flt, offset=4, limit=4).has_previous
    names = [row.name for row in record_page(fixture.cli, flt).rows]  # type: ignore[union-attr]
    assert names == sorted(names, key=str.lower)


def test_bad_input_is_refused_in_bahasa(district: Site) -> None:
    ctx = district[0].cli
    with pytest.raises(InputRejected, match="Status"):
        record_page(ctx, RecordFilter(kind=K.VISITS, status="BARU"))
    with pytest.raises(InputRejected, match="Kode desa"):
        record_page(ctx, RecordFilter(kind=K.VISITS, village_code="33.22"))
    with pytest.raises(InputRejected, match="periode"):
        record_page(ctx, RecordFilter(kind=K.VISITS, period_from=date(2026, 5, 1), period_to=date(2026, 4, 1)))
    with pytest.raises(InputRejected, match="Halaman"):
        record_page(ctx, RecordFilter(kind=K.VISITS), limit=0)


def test_filter_choices(district: Site) -> None:
    choices = filter_choices(district[0].cli)
    assert [(c.code, c.name) for c in choices.villages] == [(SUMOGAWE, "Sumogawe"), (SAMIRONO, "Samirono"),
                                                            (GENUK, "Genuk")]
    assert [(c.code, c.name) for c in choices.kecamatan] == [(GETASAN, "Getasan"), (UNGARAN_BARAT, "Ungaran Barat")]
    assert "PKH" in {p.code for p in choices.programs}
    assert "PBI_NONAKTIF" in {c.code for c in choices.categories[K.COMPLAINTS]}
    assert {"PANGAN", "PPKS-01"} <= {c.code for c in choices.categories[K.NEEDS]}
    assert choices.statuses[K.VISITS] == ("TERBUKA", "SELESAI", "DIBATALKAN")
    assert K.PERSONS not in choices.statuses


def test_refused_at_a_village_site(site_db: SiteFixture) -> None:
    with pytest.raises(InputRejected, match="kabupaten/kota"):
        record_page(site_db.cli, RecordFilter(kind=K.PERSONS))
    with pytest.raises(InputRejected, match="kabupaten/kota"):
        filter_choices(site_db.cli)


def test_an_account_without_case_access_is_refused(district: Site) -> None:
    fixture, _ = district
    admin = ServiceContext(fixture.db, Actor(id="u1", name="admin", role=Role.ADMIN, site_code="33.22",
                                             site_role=SiteRole.KABUPATEN))
    with pytest.raises(PermissionDenied):
        record_page(admin, RecordFilter(kind=K.PERSONS))
