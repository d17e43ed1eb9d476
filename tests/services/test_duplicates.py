"""Cross-village duplicates at the district: found by NIK and by normalised name + birth date across villages,
never within one village; decided pairs and merged-away persons are not listed again; only the district's manager
decides."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation
from conftest import SITE_CODE, SiteFixture
from sqlalchemy import text

from puskesos_desk.domain.duplicates import MatchKind, MergeDecision
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.services import duplicates
from tests.cli._helpers import query
from tests.services.duplicate_rows import VILLAGE_A, VILLAGE_B, Member, add_family, district_site, district_user

NIK = "3322011505800003"


@pytest.fixture
def district(seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with district_site(seeded_location, tmp_path) as site:
        yield site


def _pairs(site: SiteFixture) -> list[tuple[set[str], MatchKind]]:
    page = duplicates.list_candidates(site.cli)
    assert page.total == len(page.candidates)
    return [({c.left.person_id, c.right.person_id}, c.match) for c in page.candidates]


def test_same_nik_in_two_villages_is_listed_with_both_sides(district: SiteFixture) -> None:
    [a] = add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [b] = add_family(district, VILLAGE_B, Member("Slamet R.", date(1980, 5, 16), NIK))

    page = duplicates.list_candidates(district.cli)

    assert page.total == 1
    [candidate] = page.candidates
    assert candidate.match is MatchKind.NIK
    assert {candidate.left.person_id, candidate.right.person_id} == {a, b}
    by_id = {side.person_id: side for side in (candidate.left, candidate.right)}
    assert by_id[a].village_code == VILLAGE_A and by_id[a].village_name.upper() == "SUMOGAWE"
    assert by_id[b].nik_masked == "••••••••••••0003"
    assert by_id[b].household_number.startswith("KK-2008-")


def test_same_normalised_name_and_birth_date_in_two_villages_is_listed(district: SiteFixture) -> None:
    [a] = add_family(district, VILLAGE_A, Member("Hj. Siti Aminah", date(1985, 7, 20)))
    [b] = add_family(district, VILLAGE_B, Member("SITI AMINAH", date(1985, 7, 20), "3322016007850004"))
    add_family(district, VILLAGE_B, Member("Siti Aminah", date(1985, 7, 21)))  # another day: someone else

    assert _pairs(district) == [({a, b}, MatchKind.NAMA_TANGGAL_LAHIR)]


def test_within_one_village_nothing_is_listed(district: SiteFixture) -> None:
    add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))

    assert _pairs(district) == []


def test_dummy_niks_and_deleted_persons_are_not_evidence(district: SiteFixture) -> None:
    add_family(district, VILLAGE_A, Member("Ani", date(1990, 1, 1), "0000000000000000"))
    add_family(district, VILLAGE_B, Member("Budi", date(1991, 1, 1), "0000000000000000"))
    add_family(district, VILLAGE_A, Member("Joko Susilo", date(1970, 3, 3), "3322010303700001"))
    [gone] = add_family(district, VILLAGE_B, Member("Joko Susilo", date(1970, 3, 3), "3322010303700001"))
    with district.db.transaction(district.cli.actor) as session:
        session.execute(text(
            "UPDATE person SET deleted_at = '2026-01-01 00:00:00' WHERE id = :id"), {"id": gone})

    assert _pairs(district) == []


def test_a_pair_matching_by_nik_and_by_name_is_listed_once_as_nik(district: SiteFixture) -> None:
    [a] = add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [b] = add_family(district, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15), NIK))

    assert _pairs(district) == [({a, b}, MatchKind.NIK)]


def test_decided_pairs_are_not_listed_again_and_a_merged_person_is_hidden(district: SiteFixture) -> None:
    [a] = add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [b] = add_family(district, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [c] = add_family(district, VILLAGE_A, Member("Dewi Lestari", date(2001, 2, 1)))
    [d] = add_family(district, VILLAGE_B, Member("Dewi Lestari", date(2001, 2, 1)))
    assert len(_pairs(district)) == 2

    decision = duplicates.merge(district.cli, survivor_id=a, duplicate_id=b, reason="NIK sama, dicek Dukcapil")
    duplicates.not_duplicate(district.cli, d, c, reason="Ibu dan anak bernama sama")

    assert _pairs(district) == []
    assert decision.decision is MergeDecision.DIGABUNG and decision.match is MatchKind.NIK
    rows = query(district, "SELECT duplicate_person_id, survivor_person_id, decision, match_kind, reason, "
                                "origin_site FROM person_merge ORDER BY decision")
    assert rows == [(c, d, "BUKAN_DUPLIKAT", "NAMA_TANGGAL_LAHIR", "Ibu dan anak bernama sama", "33.22"),
                    (b, a, "DIGABUNG", "NIK", "NIK sama, dicek Dukcapil", "33.22")]
    snapshot = query(district, "SELECT snapshot FROM person_merge WHERE decision = 'DIGABUNG'")[0][0]
    assert NIK not in snapshot
    assert json.loads(snapshot)["duplicate"] == {
        "person_id": b, "name": "Slamet Riyadi", "nik": "••••••••••••0003", "birth_date": "1980-05-15",
        "village_code": VILLAGE_B, "village_name": "Samirono", "household_number": json.loads(snapshot)["duplicate"][
            "household_number"]}
    # The village rows themselves are untouched: the district never edits them.
    assert query(district, "SELECT deleted_at, duplicate_of FROM person WHERE id = ?", (b,)) == [(None, None)]
    # Audited like every record written through the application.
    assert query(district, "SELECT count(*) FROM audit_event WHERE entity = 'person_merge' "
                                "AND action = 'CREATE'") == [(2,)]

    # A third record of the merged person in another village pairs with the survivor, never with the loser.
    [e] = add_family(district, "33.22.01.2009", Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    assert _pairs(district) == [({a, e}, MatchKind.NIK)]
    with pytest.raises(InputRejected, match="sudah digabung"):
        duplicates.merge(district.cli, survivor_id=e, duplicate_id=b)


def test_paging_and_the_suggested_survivor(district: SiteFixture) -> None:
    made = []
    for index in range(5):
        nik = f"33220115058{index:01d}0003"
        made.append(add_family(district, VILLAGE_A, Member(f"Warga {index}", date(1980, 5, 15), nik))[0])
        add_family(district, VILLAGE_B, Member(f"Warga {index}", date(1980, 5, 15), nik))
    with district.db.transaction(district.cli.actor) as session:  # the village-A record was changed last
        session.execute(text(
            "UPDATE person SET updated_at = '2030-01-01 00:00:00' WHERE origin_site = :v"), {"v": VILLAGE_A})

    first = duplicates.list_candidates(district.cli, limit=2, offset=0)
    rest = duplicates.list_candidates(district.cli, limit=10, offset=2)

    assert first.total == rest.total == 5
    assert len(first.candidates) == 2 and len(rest.candidates) == 3
    lefts = [c.left.person_id for c in (*first.candidates, *rest.candidates)]
    assert sorted(lefts) == sorted(made)  # the most recently changed record is suggested as the survivor


def test_refusals(district: SiteFixture, site_db: SiteFixture) -> None:
    [a] = add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [b] = add_family(district, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15), NIK))
    [c] = add_family(district, VILLAGE_B, Member("Orang Lain", date(1960, 1, 1)))
    petugas = district_user(district, Role.PETUGAS_SEKRETARIAT)

    with pytest.raises(PermissionDenied, match="MERGE_PERSONS"):
        duplicates.merge(petugas, survivor_id=a, duplicate_id=b)
    with pytest.raises(PermissionDenied):
        duplicates.not_duplicate(petugas, a, b, reason="beda orang")
    assert len(duplicates.list_candidates(petugas).candidates) == 1  # reviewing is open to case readers
    with pytest.raises(InputRejected, match="alasan"):
        duplicates.not_duplicate(district.cli, a, b, reason="  ")
    with pytest.raises(InputRejected, match="tidak sama"):
        duplicates.merge(district.cli, survivor_id=a, duplicate_id=c)
    with pytest.raises(InputRejected, match="kabupaten"):
        duplicates.list_candidates(site_db.cli)
    assert SITE_CODE == VILLAGE_A
    manager = district_user(district, Role.MANAJER_SLRT)
    duplicates.merge(manager, survivor_id=a, duplicate_id=b)
    with pytest.raises(InputRejected, match="sudah diputuskan"):
        duplicates.not_duplicate(manager, b, a, reason="berubah pikiran")
