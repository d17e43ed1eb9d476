"""The search-first desk at district scale: answered from the database (name_search and B-tree look-ups) instead of
a per-process index of every person — with the same hits as the in-memory path gives for the same data."""

from __future__ import annotations

import random
from datetime import date

import pytest
from conftest import ADMIN_PASSWORD, SITE_CODE, SITE_NAME, SiteFixture

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.search import DeskHit, MatchKind
from puskesos_desk.services import desk_search
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.desk_search import DeskIndex, desk_index, refresh_desk_index, search_desk
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.site import initialise_site
from tests.services.duplicate_rows import VILLAGE_A, VILLAGE_B, Member, add_family, district_site
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.services.test_desk_search import load, names, nik, one_person

# Kinds by which a family known only to the extract is found on the database path (the extract has no trigram
# index: a word inside its name or a typo finds registered persons only).
EXTRACT_KINDS_FROM_DATABASE = {MatchKind.NIK, MatchKind.KK, MatchKind.NAME_PREFIX}


@pytest.fixture
def from_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any number of persons is "district scale"."""
    monkeypatch.setattr(desk_search, "DATABASE_SEARCH_ABOVE", -1)


def loaded_index(site: SiteFixture) -> DeskIndex:
    """The village path on the same database: a fresh in-memory index, loaded in full."""
    index = DeskIndex()
    with site.db.reading() as session:
        index.ensure_current(session)
    return index


def in_memory(site: SiteFixture, text: str) -> list[DeskHit]:
    return loaded_index(site).search(text, rt=None, rw=None, limit=50)


@pytest.fixture
def village(site_db: SiteFixture, from_database: None) -> SiteFixture:
    """Slamet Riyadi's family (RT 1 / RW 2), Muhamad Slamet (RT 5), Sukarno (RT 3 / RW 1), and an extract holding
    Siti Aminah (tied by NIK), Sukarno without NIK (tied by name + birth date) and Painem (only in the extract)."""
    register_household(site_db.cli, family())
    register_household(site_db.cli, one_person("Muhamad Slamet", date(1970, 1, 1), serial=5, rt="5"))
    register_household(site_db.cli, one_person("Sukarno", date(1961, 6, 6), serial=7, rt="3", rw="1"))
    load(site_db, [
        {"nik": WIFE_NIK, "kk_number": KK_NUMBER, "name": "SITI AMINAH", "birth_date": date(1985, 7, 20),
         "sex": "P", "relation": "ISTRI", "rt": "1", "rw": "2", "desil_national": 3, "programs": {"PKH": True}},
        {"nik": None, "name": "Soekarno", "birth_date": date(1961, 6, 6), "sex": "L", "rt": "3", "rw": "1",
         "desil_national": 6},
        {"nik": nik(12, 3, 1955, 9, woman=True), "kk_number": "3322011203900002", "name": "Painem",
         "birth_date": date(1955, 3, 12), "sex": "P", "relation": "1", "rt": "4", "rw": "1", "desil_national": 1,
         "programs": {"PBI_JK": True}},
    ])
    return site_db


def test_ids_names_and_places_are_answered_from_the_database(village: SiteFixture) -> None:
    cli = village.cli
    assert [(h.name, h.matched_by) for h in search_desk(cli, "3322 0115-0580.0003")] == [
        ("SLAMET RIYADI", MatchKind.NIK)]
    by_kk = search_desk(cli, "3322-0101-0115-0007")
    assert names(by_kk) == ["SLAMET RIYADI", "SITI AMINAH", "DWI LESTARI"]  # head first, then by birth date
    assert {h.matched_by for h in by_kk} == {MatchKind.KK} and by_kk[2].nik == CHILD_NIK
    assert [(h.name, h.matched_by) for h in search_desk(cli, "slam")] == [
        ("SLAMET RIYADI", MatchKind.NAME_PREFIX), ("MUHAMAD SLAMET", MatchKind.NAME_WORD)]
    assert [(h.name, h.matched_by) for h in search_desk(cli, "aminah")] == [("SITI AMINAH", MatchKind.NAME_WORD)]
    assert [(h.name, h.matched_by) for h in search_desk(cli, "riyadi slamet")] == [
        ("SLAMET RIYADI", MatchKind.NAME_PART)]
    [typo] = search_desk(cli, "Slamet Riaydi")
    assert (typo.name, typo.matched_by) == ("SLAMET RIYADI", MatchKind.NAME_SIMILAR) and typo.score < 1
    assert names(search_desk(cli, "Moh Slamt")) == ["MUHAMAD SLAMET"]
    assert names(search_desk(cli, "slamet", rt="5")) == ["MUHAMAD SLAMET"]
    assert names(search_desk(cli, "slamet", rt="005", rw="2")) == ["MUHAMAD SLAMET"]
    assert search_desk(cli, "slamet", rw="1") == []
    assert search_desk(cli, HEAD_NIK, rt="9") == []
    assert search_desk(cli, HEAD_NIK[:15]) == []
    # Nothing was loaded into memory for any of it.
    assert desk_index(village.db).loads == 0 and desk_index(village.db).persons.rows == {}


def test_extract_rows_show_on_persons_and_extract_only_families_are_found(village: SiteFixture) -> None:
    cli = village.cli
    [wife] = search_desk(cli, WIFE_NIK)
    assert wife.registered and wife.register is not None
    assert (wife.register.desil, wife.register.programs, wife.register.linked_by) == (3, ("PKH",), "NIK")
    [sukarno] = search_desk(cli, "sukarno")
    assert sukarno.registered and sukarno.register is not None
    assert (sukarno.register.desil, sukarno.register.linked_by) == (6, "NAMA_TANGGAL_LAHIR")
    painem_nik = nik(12, 3, 1955, 9, woman=True)
    for typed, kind in ((painem_nik, MatchKind.NIK), ("3322011203900002", MatchKind.KK),
                        ("pain", MatchKind.NAME_PREFIX), ("Painem", MatchKind.NAME_PREFIX)):
        [painem] = search_desk(cli, typed)
        assert (painem.name, painem.matched_by, painem.registered) == ("PAINEM", kind, False)
        assert painem.register is not None and painem.register.programs == ("PBI_JK",)
        assert (painem.rt, painem.rw, painem.birth_year, painem.nik) == ("004", "001", 1955, painem_nik)
    assert search_desk(cli, "painem", rt="1") == []
    assert names(search_desk(cli, "painem", rt="4", rw="1")) == ["PAINEM"]
    # The extract row of a registered person never shows as a second, extract-only hit.
    assert names(search_desk(cli, "siti")) == ["SITI AMINAH"]
    assert search_desk(cli, "painem") == in_memory(village, "painem")
    assert search_desk(cli, "siti aminah") == in_memory(village, "siti aminah")


@pytest.fixture
def demo_village(seeded_db: SiteFixture) -> SiteFixture:
    """A demo village of 40 households and its DTSEN extract (with 40 families known only to the extract)."""
    initialise_site(seeded_db.cli, code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA, admin_username="admin",
                    admin_full_name="Admin Desa", admin_password=ADMIN_PASSWORD, address="Jl. Raya Sumogawe No. 1")
    generate_demo(seeded_db.cli, households=40)
    return seeded_db


def test_the_database_path_gives_the_in_memory_hits_on_demo_data(demo_village: SiteFixture,
                                                                 from_database: None) -> None:
    site_db = demo_village
    index = loaded_index(site_db)
    persons = sorted(index.persons.rows.values(), key=lambda p: p.id)
    extract_only = [g for g in index.register.groups if index._person_of_group(g) is None]
    assert len(persons) > 100 and len(extract_only) >= 40  # the demo's families known only to the extract
    rng = random.Random(9)
    # Numbers: NIK and No. KK of registered persons and of families known only to the extract, at the usual limit.
    numbers = [n for p in rng.sample(persons, 25) for n in (p.nik, p.kk_number) if n]
    numbers += [n for g in rng.sample(extract_only, 15) for row in index.register.groups[g][:1]
                for n in (row.nik, row.kk_number) if n]
    for text in numbers:
        expected = index.search(text, rt=None, rw=None, limit=20)
        assert expected and search_desk(site_db.cli, text) == expected, text
    assert search_desk(site_db.cli, numbers[0], rt="099") == index.search(numbers[0], rt="099", rw=None, limit=20)
    # Names: whole, first letters, last word, words reversed, a typo; and extract names' first letters.
    texts = set()
    for person in rng.sample(persons, 25):
        words = person.name_key.split()
        texts |= {person.name_key, person.name_key[:3], words[-1], " ".join(reversed(words))}
        long_words = [i for i, word in enumerate(words) if len(word) >= 5]
        if long_words and len(words) > 1:  # two neighbouring letters swapped inside a word
            at = long_words[0]
            word = words[at]
            words[at] = word[:2] + word[3] + word[2] + word[4:]
            texts.add(" ".join(words))
    texts |= {index.register.groups[g][0].name_key[:4] for g in rng.sample(extract_only, 15)}
    kinds: set[MatchKind] = set()
    extract_hits = 0
    for text in sorted(texts):
        for rt, rw in ((None, None), ("001", None), (None, "002")):
            # A limit above the demo's size: the in-memory path's extract hits by word or typo, which the database
            # path does not have, cannot push a hit out of the list.
            expected = [h for h in index.search(text, rt=rt, rw=rw, limit=1000)
                        if h.registered or h.matched_by in EXTRACT_KINDS_FROM_DATABASE]
            assert search_desk(site_db.cli, text, rt=rt, rw=rw, limit=1000) == expected, (text, rt, rw)
            kinds |= {h.matched_by for h in expected}
            extract_hits += sum(not h.registered for h in expected)
    assert kinds == {MatchKind.NAME_PREFIX, MatchKind.NAME_WORD, MatchKind.NAME_PART, MatchKind.NAME_SIMILAR}
    assert extract_hits >= 15


def test_a_kabupaten_site_answers_from_the_database(seeded_location, tmp_path) -> None:
    with district_site(seeded_location, tmp_path) as district:
        add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), HEAD_NIK),
                   Member("Dwi Lestari", date(2012, 2, 1), CHILD_NIK))
        add_family(district, VILLAGE_B, Member("Slamet Widodo", date(1975, 1, 1)))
        with district.db.transaction(district.cli.actor) as session:
            load_register_rows(session, dataset="DTSEN", as_of=date(2026, 9, 30), file_name="dtsen.xlsx", rows=[
                {"nik": HEAD_NIK, "name": "Slamet Riyadi", "birth_date": date(1980, 5, 15), "desil_national": 2},
                {"nik": WIFE_NIK, "name": "Siti Aminah", "birth_date": date(1985, 7, 20), "desil_national": 2},
            ])
        assert names(search_desk(district.cli, "slamet")) == ["Slamet Riyadi", "Slamet Widodo"]
        [head] = search_desk(district.cli, HEAD_NIK)
        assert head.register is not None and head.register.desil == 2
        assert names(search_desk(district.cli, "siti am")) == ["SITI AMINAH"]
        assert refresh_desk_index(district.cli) == 3
        assert desk_index(district.db).loads == 0


def test_a_village_keeps_its_in_memory_index(site_db: SiteFixture) -> None:
    register_household(site_db.cli, family())
    assert names(search_desk(site_db.cli, "slamet")) == ["SLAMET RIYADI"]
    assert desk_index(site_db.db).loads == 1 and desk_index(site_db.db).from_database is False
