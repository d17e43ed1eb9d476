"""The district generator of the district-scale benchmarks (benchmarks/district_data.py) writes a district the
application can work on: the counts asked for, every reference resolved, unique numbers, and the consolidated views
and the monthly recap read it."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import copy_sqlite
from sqlalchemy import func, select, text

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.consolidated import RecordFilter, RecordKind
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import check_nik
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.services.consolidated import count_records, record_page
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reports import build_report

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import district_data  # benchmarks/ is not a package: found through the path added above

VILLAGES, PERSONS, HOUSEHOLDS, REFERRALS = 3, 200, 60, 40


@pytest.fixture(scope="module")
def generated(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> district_data.GeneratedDistrict:
    path = tmp_path_factory.mktemp("district") / "district.db"
    copy_sqlite(seeded_template, path)
    return district_data.generate_district(f"sqlite:///{path}", villages=VILLAGES, persons=PERSONS,
                                           households=HOUSEHOLDS, referrals=REFERRALS, seed=7)


@pytest.fixture
def district(generated: district_data.GeneratedDistrict, tmp_path: Path) -> Iterator[ServiceContext]:
    path = tmp_path / "copy.db"
    copy_sqlite(Path(generated.url.removeprefix("sqlite:///")), path)
    db = Database(f"sqlite:///{path}")
    yield ServiceContext(db, Actor.cli("pytest", site_code="33.22", site_role=SiteRole.KABUPATEN))
    db.dispose()


def test_counts_are_the_ones_asked_for(generated: district_data.GeneratedDistrict) -> None:
    counts = district_data.table_counts(generated.url)
    assert (counts["household"], counts["person"], counts["membership"], counts["referral"]) == (
        HOUSEHOLDS, PERSONS, PERSONS, REFERRALS)
    assert counts["visit"] > 0 and counts["complaint"] > 0 and counts["need"] > 0
    assert len(generated.villages) == VILLAGES and all(v.startswith("33.22.") for v in generated.villages)
    assert len({v[:8] for v in generated.villages}) == VILLAGES  # round-robin: three kecamatan


def test_every_reference_resolves_and_numbers_are_unique(district: ServiceContext) -> None:
    with district.db.reading() as session:
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        people = session.execute(select(Person.name, Person.name_key, Person.nik, Person.birth_date, Person.sex,
                                        Person.row_version)).all()
        heads = session.execute(select(Household.head_person_id, Person.household_id, Household.id)
                                .join(Person, Person.id == Household.head_person_id)).all()
        letters = session.execute(select(Referral.origin_site, Referral.letter_year, Referral.letter_seq)).all()
    assert all(key == normalize_name(name) and version == 1 for name, key, _, _, _, version in people)
    niks = [nik for _, _, nik, _, _, _ in people if nik]
    assert len(niks) == len(set(niks)) > 0.9 * PERSONS
    assert all(check_nik(nik, birth_date=born, sex=sex).valid
               for _, _, nik, born, sex, _ in people if nik)
    assert len(heads) == HOUSEHOLDS and all(home == household for _, home, household in heads)
    # Letter numbers run 1, 2, 3 … without gaps in each village and year.
    per_site = Counter((site, year) for site, year, _ in letters)
    for (site, year), count in per_site.items():
        assert sorted(seq for s, y, seq in letters if (s, y) == (site, year)) == list(range(1, count + 1))


def test_common_names_repeat(district: ServiceContext) -> None:
    with district.db.reading() as session:
        firsts = Counter(key.split(" ", 1)[0] for key in session.scalars(select(Person.name_key)))
        distinct = session.scalar(select(func.count(func.distinct(Person.name_key))))
    assert firsts.most_common(1)[0][1] >= 0.04 * PERSONS  # one first word (MUHAMMAD, SITI …) is very common
    assert distinct < PERSONS


def test_the_consolidated_views_and_the_recap_read_it(district: ServiceContext) -> None:
    page = record_page(district, RecordFilter(kind=RecordKind.PERSONS), limit=50)
    assert page.total == PERSONS and len(page.rows) == 50 and all(row.village_code for row in page.rows)
    assert count_records(district, RecordFilter(kind=RecordKind.REFERRALS)) == REFERRALS
    assert count_records(district, RecordFilter(kind=RecordKind.HOUSEHOLDS, kecamatan_code=page.rows[0]
                                                .village_code[:8])) > 0
    recap = build_report(district, ReportRequest(ReportKind.RECAP, ReportMonth.of(date.today())))
    headline = recap.sections[0].tables[0].rows
    assert headline[0][0] == "Kunjungan" and sum(row[1] + row[2] for row in headline[:5]) > 0
