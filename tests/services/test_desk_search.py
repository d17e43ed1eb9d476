"""The search-first desk: NIK/KK exact, names by prefix, word, piece and typo, RT/RW narrowing, and the active
DTSEN/DTKS extract merged with the registered persons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.search import MatchKind
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.desk_search import desk_index, draft_from_register, search_desk
from puskesos_desk.services.registration import register_household
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family


def nik(day: int, month: int, year: int, serial: int, *, woman: bool = False) -> str:
    return f"332201{day + (40 if woman else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"


def one_person(name: str, born: date, *, woman: bool = False, serial: int = 1, rt: str = "1", rw: str = "2",
               kk: str = "") -> HouseholdDraft:
    member = MemberDraft(name=name, relation="KEPALA_KELUARGA", sex="P" if woman else "L", birth_date=born,
                         nik=nik(born.day, born.month, born.year, serial, woman=woman))
    return HouseholdDraft(members=(member,), address="Dusun Krajan", rt=rt, rw=rw, kk_number=kk,
                          no_kk_reason="" if kk else "TIDAK_TAHU")


@pytest.fixture
def village(site_db):
    """Slamet Riyadi's family (RT 1 / RW 2), Muhamad Slamet (RT 5) and Sukarno (RT 3 / RW 1)."""
    first = register_household(site_db.cli, family()).household
    register_household(site_db.cli, one_person("Muhamad Slamet", date(1970, 1, 1), serial=5, rt="5"))
    register_household(site_db.cli, one_person("Sukarno", date(1961, 6, 6), serial=7, rt="3", rw="1"))
    return site_db, first


def load(site_db, rows: list[dict], *, dataset: str = "DTSEN", as_of: date = date(2026, 9, 30)) -> str:
    with site_db.db.transaction(site_db.cli.actor) as session:
        return load_register_rows(session, dataset=dataset, as_of=as_of, file_name="dtsen-sumogawe.xlsx", rows=rows)


def names(hits) -> list[str]:
    return [h.name for h in hits]


def test_nik_and_kk_are_found_exactly_with_separators(village) -> None:
    site_db, household = village
    by_nik = search_desk(site_db.cli, "3322 0115-0580.0003")
    assert [(h.name, h.matched_by, h.household_id) for h in by_nik] == [
        ("SLAMET RIYADI", MatchKind.NIK, household.id)]
    by_kk = search_desk(site_db.cli, "3322-0101-0115-0007")
    # The whole family, head first then by birth date.
    assert names(by_kk) == ["SLAMET RIYADI", "SITI AMINAH", "DWI LESTARI"]
    assert {h.matched_by for h in by_kk} == {MatchKind.KK}
    assert by_kk[0].household_number == "KLG-3322012007-00001" and by_kk[0].nik == HEAD_NIK
    assert search_desk(site_db.cli, HEAD_NIK[:15]) == []  # still typing: never a name search on digits
    assert search_desk(site_db.cli, "3322019999999999") == []


def test_names_by_prefix_then_word_then_piece(village) -> None:
    site_db, _ = village
    hits = search_desk(site_db.cli, "slam")
    assert [(h.name, h.matched_by) for h in hits] == [
        ("SLAMET RIYADI", MatchKind.NAME_PREFIX), ("MUHAMAD SLAMET", MatchKind.NAME_WORD)]
    assert [(h.name, h.matched_by) for h in search_desk(site_db.cli, "aminah")] == [
        ("SITI AMINAH", MatchKind.NAME_WORD)]
    assert [(h.name, h.matched_by) for h in search_desk(site_db.cli, "minah")] == [
        ("SITI AMINAH", MatchKind.NAME_PART)]
    # All words typed, in another order.
    assert [(h.name, h.matched_by) for h in search_desk(site_db.cli, "riyadi slamet")] == [
        ("SLAMET RIYADI", MatchKind.NAME_PART)]
    hit = search_desk(site_db.cli, "dwi")[0]
    assert (hit.rt, hit.rw, hit.birth_year, hit.sex, hit.nik) == ("001", "002", 2012, "P", CHILD_NIK)


@pytest.mark.parametrize(("typed", "expected"), [
    ("Slamer Riyadi", "SLAMET RIYADI"),  # one letter changed
    ("Slmet Riyadi", "SLAMET RIYADI"),  # one letter dropped
    ("Salmet Riyadi", "SLAMET RIYADI"),  # two letters swapped
    ("Slamett Riyaddi", "SLAMET RIYADI"),  # doubled letters
    ("Siti Aminha", "SITI AMINAH"),
    ("Soekarno", "SUKARNO"),  # old spelling
    ("Mochammad Slamet", "MUHAMAD SLAMET"),  # Muhammad variants
    ("M. Slamet", "MUHAMAD SLAMET"),
    ("Moh Slamt", "MUHAMAD SLAMET"),  # abbreviation and a typo together
])
def test_typos_old_spellings_and_abbreviations_find_the_person(village, typed: str, expected: str) -> None:
    site_db, _ = village
    hits = search_desk(site_db.cli, typed)
    assert hits, typed
    assert hits[0].name == expected


def test_typo_matches_come_after_exact_ones_and_unrelated_names_do_not_match(village) -> None:
    site_db, _ = village
    kinds = [h.matched_by for h in search_desk(site_db.cli, "Slamer")]
    assert kinds and set(kinds) == {MatchKind.NAME_SIMILAR}
    assert search_desk(site_db.cli, "Budi Santoso") == []
    assert search_desk(site_db.cli, "Wahyuningsih") == []


def test_rt_rw_narrow_the_results(village) -> None:
    site_db, _ = village
    assert names(search_desk(site_db.cli, "slamet", rt="5")) == ["MUHAMAD SLAMET"]
    assert names(search_desk(site_db.cli, "slamet", rt="005", rw="2")) == ["MUHAMAD SLAMET"]
    assert names(search_desk(site_db.cli, "slamet", rw="1")) == []
    assert names(search_desk(site_db.cli, "sukarno", rt="3", rw="1")) == ["SUKARNO"]
    assert search_desk(site_db.cli, HEAD_NIK, rt="9") == []


def test_extract_only_person_and_person_in_both(village) -> None:
    site_db, _ = village
    load(site_db, [
        # Registered too (same NIK): one hit that says both.
        {"nik": WIFE_NIK, "kk_number": KK_NUMBER, "name": "SITI AMINAH", "birth_date": date(1985, 7, 20),
         "sex": "P", "relation": "ISTRI", "rt": "1", "rw": "2", "desil_national": 3,
         "programs": {"PKH": True, "PBI_JK": {"aktif": True}, "SEMBAKO": False}, "family_id": "F1"},
        # Registered without NIK in the extract: tied by normalised name + birth date ("Soekarno" = SUKARNO).
        {"nik": None, "name": "Soekarno", "birth_date": date(1961, 6, 6), "sex": "L", "rt": "3", "rw": "1",
         "desil_national": 6, "family_id": "F2"},
        # Only in the extract.
        {"nik": nik(12, 3, 1955, 9, woman=True), "kk_number": "3322011203900002", "name": "Painem",
         "birth_date": date(1955, 3, 12), "sex": "P", "relation": "1", "address": "Dusun Ngaduman", "rt": "4",
         "rw": "1", "desil_national": 1, "programs": {"PBI_JK": True}, "family_id": "F3"},
    ])
    [wife] = search_desk(site_db.cli, "siti aminah")
    assert wife.registered and wife.person_id is not None
    assert wife.register is not None
    assert (wife.register.dataset, wife.register.desil, wife.register.as_of) == ("DTSEN", 3, date(2026, 9, 30))
    assert wife.register.programs == ("PBI_JK", "PKH") and wife.register.linked_by == "NIK"
    [sukarno] = search_desk(site_db.cli, "sukarno")
    assert sukarno.registered and sukarno.register is not None and sukarno.register.desil == 6
    assert sukarno.register.linked_by == "NAMA_TANGGAL_LAHIR"
    [painem] = search_desk(site_db.cli, "painem")
    assert not painem.registered and painem.household_id is None
    assert painem.register is not None and painem.register.desil == 1 and painem.register.programs == ("PBI_JK",)
    assert (painem.rt, painem.rw, painem.birth_year) == ("004", "001", 1955)
    # The extract-only person is found by NIK and by a typo too, and narrowed by RT like everyone else.
    assert names(search_desk(site_db.cli, nik(12, 3, 1955, 9, woman=True))) == ["PAINEM"]
    assert names(search_desk(site_db.cli, "Pianem")) == ["PAINEM"]
    assert search_desk(site_db.cli, "painem", rt="1") == []
    # Registered persons not in the extract say so.
    [head] = search_desk(site_db.cli, HEAD_NIK)
    assert head.registered and head.register is None


def test_extract_spelling_finds_the_registered_person(village) -> None:
    site_db, _ = village
    load(site_db, [{"nik": HEAD_NIK, "name": "Slamet Rijadi Prawiro", "birth_date": date(1980, 5, 15), "sex": "L",
                    "rt": "1", "rw": "2", "desil_national": 2}])
    [hit] = search_desk(site_db.cli, "prawiro")
    assert hit.registered and hit.name == "SLAMET RIYADI" and hit.register is not None


def test_superseded_batch_is_ignored_and_the_index_follows_new_batches(village) -> None:
    site_db, _ = village
    painem = {"nik": nik(12, 3, 1955, 9, woman=True), "name": "Painem", "birth_date": date(1955, 3, 12),
              "sex": "P", "rt": "4", "rw": "1", "desil_national": 1}
    paijo = {"nik": nik(1, 8, 1950, 3), "name": "Paijo", "birth_date": date(1950, 8, 1), "sex": "L", "rt": "4",
             "rw": "1", "desil_national": 2}
    load(site_db, [painem], as_of=date(2026, 6, 30))
    assert names(search_desk(site_db.cli, "painem")) == ["PAINEM"]
    loads = desk_index(site_db.db).loads
    load(site_db, [paijo, {**painem, "desil_national": 4}], as_of=date(2026, 9, 30))
    [hit] = search_desk(site_db.cli, "painem")
    assert hit.register is not None and (hit.register.desil, hit.register.as_of) == (4, date(2026, 9, 30))
    assert len(hit.registers) == 1
    load(site_db, [paijo], as_of=date(2026, 12, 31))
    assert search_desk(site_db.cli, "painem") == []
    assert names(search_desk(site_db.cli, "paijo")) == ["PAIJO"]
    # A DTKS batch does not replace the DTSEN one: both show, DTSEN first.
    load(site_db, [{**paijo, "desil_national": None}], dataset="DTKS", as_of=date(2024, 12, 1))
    [hit] = search_desk(site_db.cli, "paijo")
    assert [r.dataset for r in hit.registers] == ["DTSEN", "DTKS"]
    assert desk_index(site_db.db).loads == loads  # kept current without reloading everything


def test_index_follows_registrations_and_changes(village) -> None:
    site_db, _ = village
    assert search_desk(site_db.cli, "Wagiman") == []
    registered = register_household(site_db.cli, one_person("Wagiman", date(1966, 2, 2), serial=8, rt="7"))
    [hit] = search_desk(site_db.cli, "wagiman")
    assert hit.household_id == registered.household.id and hit.rt == "007"
    # A person written by any service (here: removed) leaves the index at the next search.
    from puskesos_desk.data.orm.household import Person

    with site_db.db.transaction(site_db.cli.actor) as session:
        person = session.get(Person, hit.person_id)
        person.deleted_at = site_db.cli.now()
        person.deleted_reason = "Salah input"
    assert search_desk(site_db.cli, "wagiman") == []


def test_search_needs_case_access(village) -> None:
    site_db, _ = village
    admin = ServiceContext(site_db.db, Actor(id="u1", name="admin", role=Role.ADMIN, site_code="33.22.01.2007"))
    with pytest.raises(PermissionDenied):
        search_desk(admin, "slamet")


def test_registration_draft_from_the_extract_takes_the_family(site_db) -> None:
    head_nik, wife_nik = nik(1, 8, 1950, 3), nik(2, 2, 1956, 4, woman=True)
    load(site_db, [
        {"nik": wife_nik, "kk_number": "3322010105100009", "name": "Painem", "birth_date": date(1956, 2, 2),
         "sex": "P", "relation": "2", "address": "Dusun Ngaduman RT 4", "rt": "4", "rw": "1",
         "village_code": "33.22.01.2007", "desil_national": 1, "family_id": "F9"},
        {"nik": head_nik, "kk_number": "3322010105100009", "name": "Paijo", "birth_date": date(1950, 8, 1),
         "sex": "L", "relation": "Kepala Keluarga", "rt": "4", "rw": "1", "desil_national": 1, "family_id": "F9"},
        {"nik": nik(3, 3, 1960, 1), "name": "Tetangga", "birth_date": date(1960, 3, 3), "sex": "L",
         "relation": "1", "family_id": "F10"},
    ])
    [painem] = search_desk(site_db.cli, "painem")
    draft = draft_from_register(site_db.cli, painem.registers[0].record_id)
    assert [(m.name, m.relation, m.nik, m.sex, m.birth_date) for m in draft.members] == [
        ("PAIJO", "KEPALA_KELUARGA", head_nik, "L", date(1950, 8, 1)),
        ("PAINEM", "ISTRI", wife_nik, "P", date(1956, 2, 2)),
    ]
    assert (draft.kk_number, draft.address, draft.rt, draft.rw, draft.village_code) == (
        "3322010105100009", "Dusun Ngaduman RT 4", "004", "001", "33.22.01.2007")
    # The draft registers as it is, and the person is then found once, registered and in DTSEN.
    result = register_household(site_db.cli, replace(draft, hamlet="Ngaduman"))
    [hit] = search_desk(site_db.cli, "painem")
    assert hit.household_id == result.household.id and hit.register is not None and hit.register.desil == 1
