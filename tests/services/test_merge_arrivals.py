"""A merge arriving at a village: the local duplicate becomes a tombstone pointing to the survivor and leaves its
household; a household head is only flagged, with a message saying what to do; the survivor's village and a merge
already acted on change nothing; a household lists the merges of its members."""

from __future__ import annotations

from dataclasses import replace

from conftest import SiteFixture

from puskesos_desk.services.merge_arrivals import apply_received_merges, household_merges
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query
from tests.services.factories import WIFE_NIK, family
from tests.services.merge_rows import DECIDED_AT, rows_pass_with, store_merge

SURVIVOR = "0b7c4c38-1111-4222-8333-444455556666"  # a person of another village: not in this database


def _ids(site: SiteFixture) -> tuple[str, str, str]:
    household = register_household(site.cli, family()).household
    head = query(site, "SELECT head_person_id FROM household WHERE id = ?", (household.id,))[0][0]
    wife = query(site, "SELECT id FROM person WHERE nik = ?", (WIFE_NIK,))[0][0]
    return household.id, head, wife


def _apply(site: SiteFixture, merge_id: str):  # type: ignore[no-untyped-def]
    run = rows_pass_with(merge_id, site.cli.today())
    with site.db.transaction(site.cli.actor) as session:
        apply_received_merges(session, site.cli, run)
    return run


def test_the_duplicate_becomes_a_tombstone_and_leaves_its_household(site_db: SiteFixture) -> None:
    household, _head, wife = _ids(site_db)
    version = query(site_db, "SELECT row_version FROM person WHERE id = ?", (wife,))[0][0]
    merge = store_merge(site_db, duplicate_id=wife, survivor_id=SURVIVOR, duplicate_name="Siti Aminah",
                        survivor_name="Siti Aminah")

    run = _apply(site_db, merge)

    [(deleted_at, duplicate_of, new_version, reason)] = query(
        site_db, "SELECT deleted_at, duplicate_of, row_version, deleted_reason FROM person WHERE id = ?", (wife,))
    assert deleted_at is not None and duplicate_of == SURVIVOR and new_version == version + 1
    assert reason == "digabung oleh kabupaten"
    assert query(site_db, "SELECT valid_to IS NOT NULL, reason FROM membership WHERE person_id = ?",
                 (wife,)) == [(1, "digabung")]
    assert [m.code for m in run.messages] == ["DIGABUNG"]
    assert query(site_db, "SELECT count(*) FROM audit_event WHERE entity = 'person' AND entity_id = ? "
                               "AND action IN ('UPDATE', 'DELETE')", (wife,))[0][0] >= 1

    [notice] = household_merges(site_db.cli, household)
    assert notice.local_is_duplicate and notice.local_name == "Siti Aminah"
    assert notice.other_village == "Desa Samirono" and notice.decided_on == DECIDED_AT.date()

    again = _apply(site_db, merge)  # the same merge again (a package re-sent): nothing more happens
    assert again.messages == []
    assert query(site_db, "SELECT row_version FROM person WHERE id = ?", (wife,)) == [(new_version,)]


def test_a_household_head_is_flagged_not_deleted(site_db: SiteFixture) -> None:
    household, head, _wife = _ids(site_db)
    merge = store_merge(site_db, duplicate_id=head, survivor_id=SURVIVOR, duplicate_name="Slamet Riyadi",
                        survivor_name="Slamet Riyadi")

    run = _apply(site_db, merge)

    assert query(site_db, "SELECT deleted_at, duplicate_of FROM person WHERE id = ?", (head,)) == [
        (None, SURVIVOR)]
    assert query(site_db, "SELECT count(*) FROM membership WHERE person_id = ? AND valid_to IS NULL",
                 (head,)) == [(1,)]
    [message] = run.messages
    assert message.code == "GABUNG_KEPALA_KELUARGA" and message.severity == "warning"
    assert "kepala keluarga" in message.message and "Desa Samirono" in message.message
    assert household_merges(site_db.cli, household)[0].local_is_duplicate


def test_the_survivors_village_changes_nothing_and_shows_the_merge(site_db: SiteFixture) -> None:
    household, _head, wife = _ids(site_db)
    before = query(site_db, "SELECT row_version, deleted_at, duplicate_of FROM person WHERE id = ?", (wife,))
    merge = store_merge(site_db, duplicate_id="9f0e1d2c-aaaa-4bbb-8ccc-dddd00001111", survivor_id=wife,
                        duplicate_name="Siti Aminah", survivor_name="Siti Aminah", duplicate_village="Samirono",
                        survivor_village="Sumogawe")

    assert _apply(site_db, merge).messages == []
    assert query(site_db, "SELECT row_version, deleted_at, duplicate_of FROM person WHERE id = ?",
                 (wife,)) == before
    [notice] = household_merges(site_db.cli, household)
    assert not notice.local_is_duplicate and notice.other_village == "Desa Samirono"


def test_a_household_lists_only_the_merges_of_its_own_members(site_db: SiteFixture) -> None:
    household, _head, _wife = _ids(site_db)
    draft = family()
    other = register_household(site_db.cli, replace(draft, kk_number="3322010101150015", members=(
        replace(draft.members[0], nik="3322011505800011"),))).household
    other_head = query(site_db, "SELECT head_person_id FROM household WHERE id = ?", (other.id,))[0][0]
    store_merge(site_db, duplicate_id=other_head, survivor_id=SURVIVOR, duplicate_name="Slamet Riyadi",
                survivor_name="Slamet Riyadi")

    assert household_merges(site_db.cli, household) == []
    assert len(household_merges(site_db.cli, other.id)) == 1
