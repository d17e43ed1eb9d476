"""Service directory freshness: the district records a check on an entry; entries never checked or checked more
than six calendar months ago are listed as stale; a village cannot record checks on the district's directory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from backends import DbLocation
from conftest import SiteFixture

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.service_freshness import checked_cutoff, is_stale
from puskesos_desk.services.service_freshness import mark_service_checked, stale_services
from tests.cli._helpers import scalar
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, VILLAGE_CODE
from tests.services.sites import new_site


@pytest.mark.parametrize(("today", "cutoff"), [
    (date(2026, 11, 23), date(2026, 5, 23)),
    (date(2026, 8, 31), date(2026, 2, 28)),  # February is shorter: its last day
    (date(2028, 8, 31), date(2028, 2, 29)),
    (date(2027, 3, 15), date(2026, 9, 15)),  # across the year
])
def test_the_cutoff_is_six_calendar_months_back(today: date, cutoff: date) -> None:
    assert checked_cutoff(today) == cutoff


def test_a_check_exactly_six_months_ago_is_still_fresh() -> None:
    today = date(2026, 11, 23)
    assert not is_stale(date(2026, 5, 23), today)
    assert is_stale(date(2026, 5, 22), today)
    assert is_stale(None, today)


@pytest.fixture
def district(seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with new_site(seeded_location, tmp_path, "district.db", code=DISTRICT_CODE, site_name=DISTRICT_NAME,
                  role=SiteRole.KABUPATEN) as site:
        yield site


def _on(site: SiteFixture, day: date) -> SiteFixture:
    clock = datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)  # midday in WIB/WITA/WIT alike
    return replace(site, cli=replace(site.cli, clock=lambda: clock))


def test_marking_an_entry_checked_takes_it_off_the_stale_list_for_six_months(district: SiteFixture) -> None:
    before = stale_services(district.cli, date(2026, 11, 23))
    assert before and all(s.never_checked for s in before)  # the seeded directory has never been checked
    code = before[0].code
    version = scalar(district, "SELECT row_version FROM service_directory_entry WHERE code = ?", (code,))

    assert mark_service_checked(_on(district, date(2026, 5, 23)).cli, code) == date(2026, 5, 23)

    assert scalar(district, "SELECT last_checked_on FROM service_directory_entry WHERE code = ?",
                  (code,)) == "2026-05-23"
    # A new row version: the check travels to the villages with the next return packages.
    assert scalar(district, "SELECT row_version FROM service_directory_entry WHERE code = ?",
                  (code,)) == version + 1
    assert code not in {s.code for s in stale_services(district.cli, date(2026, 11, 23))}
    later = {s.code: s for s in stale_services(district.cli, date(2026, 11, 24))}
    assert later[code].last_checked_on == date(2026, 5, 23) and not later[code].never_checked
    assert len(later) == len(before)


def test_unknown_codes_and_village_sites_are_refused(district: SiteFixture, seeded_location: DbLocation,
                                                    tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="TIDAK-ADA"):
        mark_service_checked(district.cli, "TIDAK-ADA")
    with new_site(seeded_location, tmp_path, "village.db", code=VILLAGE_CODE, site_name="Puskesos Desa Sumogawe",
                  role=SiteRole.DESA) as village:
        code = stale_services(village.cli, date(2026, 11, 23))[0].code
        with pytest.raises(InputRejected, match="kabupaten/kota"):
            mark_service_checked(village.cli, code)
        assert scalar(village, "SELECT last_checked_on FROM service_directory_entry WHERE code = ?",
                      (code,)) is None
