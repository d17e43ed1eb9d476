"""A district database holding the records of three villages in two kecamatan, written straight through the ORM as
an import would leave them (origin_site = the village), with one tombstone of each main kind.

    Getasan (33.22.01):       Sumogawe 33.22.01.2007 (A), Samirono 33.22.01.2008 (B)
    Ungaran Barat (33.22.18): Genuk 33.22.18.1007 (C)
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from backends import DbLocation
from conftest import SiteFixture, copy_sqlite
from sqlalchemy import select

from puskesos_desk.data.orm.casework import Complaint, Need, Participation, Visit
from puskesos_desk.data.orm.household import Household, Person, PersonPpks
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.names import normalize_name
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, init_site, open_site
from tests.services import sites

SUMOGAWE, SAMIRONO, GENUK = "33.22.01.2007", "33.22.01.2008", "33.22.18.1007"
GETASAN, UNGARAN_BARAT = "33.22.01", "33.22.18"
DELETED = datetime(2026, 5, 1, tzinfo=UTC)


def at(year: int, month: int, day: int) -> datetime:
    """Noon WIB as UTC: the same local date in every Indonesian time zone."""
    return datetime(year, month, day, 5, 0, tzinfo=UTC)


@dataclass
class District:
    """Ids of what was written, by a short name, so tests can say which rows they expect."""

    ids: dict[str, str] = field(default_factory=dict)


class _Writer:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.district = District()
        self.serial = 0
        self.services = {code: sid for sid, code in session.execute(
            select(ServiceDirectoryEntry.id, ServiceDirectoryEntry.code))}

    def add(self, key: str, row: Any) -> Any:
        self.session.add(row)
        self.session.flush()
        self.district.ids[key] = row.id
        return row

    def number(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:04d}"

    def household(self, key: str, village: str, head: str, *, created: datetime, deleted: bool = False) -> Household:
        row = self.add(key, Household(number=self.number("KK"), head_name=head, village_code=village,
                                      address="Dusun Krajan", rt="001", rw="002", origin_site=village,
                                      created_at=created, deleted_at=DELETED if deleted else None))
        self.person(f"{key}.head", row, head, created=created, deleted=deleted)
        return row

    def person(self, key: str, household: Household, name: str, *, created: datetime, deleted: bool = False,
               relation: str = "KEPALA_KELUARGA") -> Person:
        return self.add(key, Person(household_id=household.id, name=name, name_key=normalize_name(name), sex="L",
                                    relation=relation, origin_site=household.village_code, created_at=created,
                                    deleted_at=DELETED if deleted else None))

    def casework(self, household: Household, **common: Any) -> dict[str, Any]:
        return {"household_id": household.id, "origin_site": household.village_code, **common}


def _write(w: _Writer) -> None:
    a1 = w.household("hA1", SUMOGAWE, "Slamet Riyadi", created=at(2026, 1, 5))
    a2 = w.household("hA2", SUMOGAWE, "Wagiyem", created=at(2026, 2, 5))
    b1 = w.household("hB1", SAMIRONO, "Sutrisno", created=at(2026, 3, 5))
    c1 = w.household("hC1", GENUK, "Paijo", created=at(2026, 4, 5))
    w.household("hCdel", GENUK, "Terhapus", created=at(2026, 4, 6), deleted=True)
    w.person("pA1.child", a1, "Budi Riyadi", created=at(2026, 1, 6), relation="ANAK")
    w.person("pA1.gone", a1, "Sudah Dihapus", created=at(2026, 1, 6), deleted=True)
    w.person("pC1.wife", c1, "Sumini", created=at(2026, 4, 6), relation="ISTRI")

    # PPKS: a child in Sumogawe and the wife in Genuk; a tombstoned PPKS on Samirono's head must not count.
    for key, code, deleted in (("pA1.child", "PPKS-01", False), ("pC1.wife", "PPKS-01", False),
                               ("hB1.head", "PPKS-01", True), ("hA2.head", "PPKS-05", False)):
        w.session.add(PersonPpks(person_id=w.district.ids[key], ppks_code=code,
                                 deleted_at=DELETED if deleted else None))
    # Participation: PKH for household A1 as a whole, PBI for Genuk's wife only, an inactive PKH in Samirono.
    w.session.add(Participation(household_id=a1.id, program_code="PKH", source="KABUPATEN", as_of=date(2026, 1, 1)))
    w.session.add(Participation(household_id=c1.id, person_id=w.district.ids["pC1.wife"], program_code="PBI_JK",
                                source="KABUPATEN", as_of=date(2026, 1, 1)))
    w.session.add(Participation(household_id=b1.id, program_code="PKH", active=False, source="KABUPATEN",
                                as_of=date(2026, 1, 1)))

    for key, household, when, status, deleted in (
        ("vA1", a1, at(2026, 1, 10), "SELESAI", False), ("vA2", a2, at(2026, 2, 10), "TERBUKA", False),
        ("vB1", b1, at(2026, 3, 10), "SELESAI", False), ("vC1", c1, at(2026, 4, 10), "TERBUKA", False),
        ("vC1del", c1, at(2026, 4, 11), "TERBUKA", True),
    ):
        w.add(key, Visit(**w.casework(household), registration_number=w.number("REG"), occurred_at=when,
                         channel="DATANG_LANGSUNG", applicant_relation="DIRI_SENDIRI", officer_id="fo",
                         purpose="Tanya bansos", status=status, deleted_at=DELETED if deleted else None))

    for key, household, when, category, program, urgency, status, deleted in (
        ("cA1", a1, at(2026, 1, 12), "PBI_NONAKTIF", "PBI_JK", "DARURAT", "BARU", False),
        ("cB1", b1, at(2026, 3, 12), "BANSOS_TIDAK_DITERIMA", "PKH", "SEGERA", "DITANGANI", False),
        ("cC1", c1, at(2026, 4, 12), "BANSOS_TIDAK_DITERIMA", "SEMBAKO", "BIASA", "SELESAI", False),
        ("cC1del", c1, at(2026, 4, 13), "PBI_NONAKTIF", "PBI_JK", "DARURAT", "BARU", True),
    ):
        w.add(key, Complaint(**w.casework(household), number=w.number("KEL"), kind="PENGADUAN",
                             category_code=category, program_code=program, description="-", urgency=urgency,
                             status=status, created_at=when, deleted_at=DELETED if deleted else None))

    for key, household, when, domain, ppks, program, status, deleted in (
        ("nA1", a1, at(2026, 1, 15), "KESEHATAN", ["PPKS-01"], "PBI_JK", "TERIDENTIFIKASI", False),
        ("nB1", b1, at(2026, 3, 15), "PANGAN", [], "SEMBAKO", "DIRUJUK", False),
        ("nC1", c1, at(2026, 4, 15), "PENDIDIKAN", ["PPKS-05"], "PIP", "TERPENUHI", False),
        ("nC1del", c1, at(2026, 4, 16), "KESEHATAN", ["PPKS-01"], "PBI_JK", "TERIDENTIFIKASI", True),
    ):
        w.add(key, Need(**w.casework(household), number=w.number("KEB"), domain_code=domain, ppks_codes=ppks,
                        proposed_program=program, status=status, created_at=when,
                        deleted_at=DELETED if deleted else None))

    for key, household, when, programs, status, deleted in (
        ("uA2", a2, at(2026, 2, 20), ["PKH", "SEMBAKO"], "DIAJUKAN", False),
        ("uC1", c1, at(2026, 4, 20), ["PBI_JK"], "DRAFT", False),
        ("uC1del", c1, at(2026, 4, 21), ["PKH"], "DRAFT", True),
    ):
        w.add(key, DtsenProposal(**w.casework(household), number=w.number("USL"), kind="BARU",
                                 requested_programs=programs, status=status, created_at=when,
                                 deleted_at=DELETED if deleted else None))

    for seq, (key, household, person, day, service, status, deleted) in enumerate((
        ("rB1", b1, "hB1.head", date(2026, 3, 20), "PKH-PENDAMPING", "DIKIRIM", False),
        ("rC1", c1, "pC1.wife", date(2026, 4, 25), "DINSOS-PBI-REAKTIVASI", "SELESAI", False),
        ("rA1", a1, "hA1.head", date(2026, 1, 25), "DINSOS-PBI-REAKTIVASI", "DRAFT", False),
        ("rA1del", a1, "hA1.head", date(2026, 1, 26), "PKH-PENDAMPING", "DRAFT", True),
    ), start=1):
        w.add(key, Referral(**w.casework(household), letter_number=w.number("RUJ"), letter_year=2026, letter_seq=seq,
                            letter_date=day, person_id=w.district.ids[person], service_id=w.services[service],
                            requested_service="-", problem_summary="-", drafted_by="bo", status=status,
                            deleted_at=DELETED if deleted else None))


def write_district(site: SiteFixture) -> District:
    """The three villages' records written into a kabupaten site; the returned ids name each row."""
    with site.db.transaction(site.cli.actor) as session:
        writer = _Writer(session)
        _write(writer)
    return writer.district


def build_district_location(seeded: DbLocation, folder: Path) -> tuple[DbLocation, District]:
    """A kabupaten site with the three villages' records on the backend under test (a template: copy it per test
    with `district_copy`)."""
    location = sites.initialised(seeded, folder, "district.db", code=DISTRICT_CODE, site_name=DISTRICT_NAME,
                                 role=SiteRole.KABUPATEN)
    site = sites.opened(location, DISTRICT_CODE, SiteRole.KABUPATEN)
    try:
        return location, write_district(site)
    finally:
        site.db.dispose()


def district_copy(template: DbLocation, folder: Path) -> AbstractContextManager[SiteFixture]:
    """A fresh copy of a built district, opened as the CLI actor (every permission of the kabupaten site)."""
    return sites.copied(template, folder, "district.db", DISTRICT_CODE, SiteRole.KABUPATEN)


def build_district(seeded: Path, target: Path) -> District:
    """Like build_district_location, as a SQLite file at `target` (for the tests that work on files)."""
    init_site(seeded, target, DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    site = open_site(target, DISTRICT_CODE, SiteRole.KABUPATEN)
    try:
        return write_district(site)
    finally:
        site.db.dispose()


def open_copy(template: Path, target: Path) -> SiteFixture:
    """A fresh copy of a district built by build_district, as a SQLite file opened as the CLI actor."""
    copy_sqlite(template, target)
    return open_site(target, DISTRICT_CODE, SiteRole.KABUPATEN)
