"""A merge of cross-village duplicates travels: the district merges a pair from two villages, both return packages
carry the merge, the loser's village turns its person into a tombstone pointing to the survivor (and its household
shows why), the survivor's village only shows it, and the loser's next package brings the tombstone back to the
district, which lists no duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from backends import DbLocation, rows
from conftest import SITE_CODE, SiteFixture

from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.services import duplicates
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import export_all_villages
from puskesos_desk.services.merge_arrivals import household_merges
from puskesos_desk.services.registration import register_household
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import trusted_village
from tests.services.factories import family

SECOND_CODE = "33.22.01.2008"  # Desa Samirono


@pytest.fixture
def second_village(linked: Linked, seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with trusted_village(seeded_location, linked.district, tmp_path / "village2.db", SECOND_CODE,
                         "Puskesos Desa Samirono") as site:
        yield site


def _send(sender: SiteFixture, receiver: SiteFixture, path: Path) -> None:
    outcome = export_package(sender.cli, path)
    result = import_package(receiver.cli, outcome.path)
    assert result.status is ImportStatus.APPLIED, [m.message for m in result.messages]


def _member_not_heading(village: SiteFixture) -> tuple[str, str, str, str, str, str]:
    """(id, household id, name, nik, sex, birth date) of a village person with a NIK who does not head a household."""
    return rows(village, "SELECT p.id, p.household_id, p.name, p.nik, p.sex, p.birth_date FROM person p "
                         "JOIN household h ON h.id = p.household_id WHERE p.nik IS NOT NULL AND "
                         "p.birth_date IS NOT NULL AND h.head_person_id != p.id AND p.deleted_at IS NULL "
                         "ORDER BY p.id LIMIT 1")[0]


def test_merge_travels_to_both_villages_and_the_tombstone_comes_back(linked: Linked, second_village: SiteFixture,
                                                                     tmp_path: Path) -> None:
    village, district = linked.village, linked.district
    loser, loser_household, name, nik, sex, born = _member_not_heading(village)
    draft = family()
    twin = MemberDraft(name=name, relation="ANAK", sex=sex, birth_date=date.fromisoformat(born),
                       nik=nik)
    registered = register_household(second_village.cli, replace(draft, members=(draft.members[0], twin)))
    survivor_household = registered.household.id
    survivor = rows(second_village, "SELECT id FROM person WHERE nik = ?", nik)[0][0]

    _send(village, district, tmp_path / "desa1.xlsx")
    _send(second_village, district, tmp_path / "desa2.xlsx")
    pairs = [c for c in duplicates.list_candidates(district.cli, limit=500).candidates
             if {c.left.person_id, c.right.person_id} == {loser, survivor}]
    assert len(pairs) == 1

    duplicates.merge(district.cli, survivor_id=survivor, duplicate_id=loser, reason="NIK sama")
    (tmp_path / "balasan").mkdir()
    returned = export_all_villages(district.cli, tmp_path / "balasan")
    assert not returned.failed
    packages = {p.village: p.outcome for p in returned.packages}
    assert packages[SITE_CODE].rows.get("Penggabungan Warga") == 1
    assert packages[SECOND_CODE].rows.get("Penggabungan Warga") == 1

    # The loser's village: a tombstone pointing to the survivor, out of its household, and the household says why.
    assert import_package(village.cli, packages[SITE_CODE].path).status is ImportStatus.APPLIED
    [(deleted_at, duplicate_of)] = rows(village, "SELECT deleted_at, duplicate_of FROM person WHERE id = ?",
                                        loser)
    assert deleted_at is not None and duplicate_of == survivor
    assert rows(village, "SELECT count(*) FROM membership WHERE person_id = ? AND valid_to IS NULL "
                         "AND deleted_at IS NULL", loser) == [(0,)]
    assert rows(village, "SELECT reason FROM membership WHERE person_id = ?", loser) == [("digabung",)]
    [notice] = household_merges(village.cli, loser_household)
    assert notice.local_is_duplicate and notice.local_name == name and notice.other_village == "Desa Samirono"

    # The survivor's village: nothing changes on the person; the merge is there to show.
    assert import_package(second_village.cli, packages[SECOND_CODE].path).status is ImportStatus.APPLIED
    assert rows(second_village, "SELECT deleted_at, duplicate_of FROM person WHERE id = ?",
                survivor) == [(None, None)]
    [shown] = household_merges(second_village.cli, survivor_household)
    assert not shown.local_is_duplicate and shown.other_name == name

    # The loser's village's next package carries the tombstone back; the district lists no duplicate.
    _send(village, district, tmp_path / "desa1-lagi.xlsx")
    assert rows(district, "SELECT deleted_at IS NOT NULL, duplicate_of FROM person WHERE id = ?",
                loser) == [(1, survivor)]
    assert not [c for c in duplicates.list_candidates(district.cli, limit=500).candidates
                if {c.left.person_id, c.right.person_id} & {loser, survivor}]

    # The next return package changes nothing more on the tombstone.
    version = rows(village, "SELECT row_version FROM person WHERE id = ?", loser)
    (tmp_path / "balasan2").mkdir()
    again = export_all_villages(district.cli, tmp_path / "balasan2")
    assert import_package(village.cli, {p.village: p.outcome for p in again.packages}[SITE_CODE].path).status \
        is ImportStatus.APPLIED
    assert rows(village, "SELECT row_version FROM person WHERE id = ?", loser) == version
