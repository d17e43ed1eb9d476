"""A household change requested at the village is decided at the district and the decision travels back: the
village applies an approval to its persons, memberships and head when it imports the return package, shows a
rejection with its reason, and never applies a decision twice."""

from __future__ import annotations

from pathlib import Path

from backends import rows, scalar, table_digest
from conftest import SiteFixture

from puskesos_desk.domain.casework import ChangeRequestDraft
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.services.changes import request_change
from puskesos_desk.services.district_changes import decide_district_change, list_district_changes
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from tests.exchange.conftest import Linked

CHANGED_TABLES = ("person", "membership", "household", "household_change_request", "audit_event")


def _families(village: SiteFixture, count: int) -> list[tuple[str, str, list[str]]]:
    """(household id, head id, other present members) of demo households with at least two other members."""
    found = []
    for household_id, head_id in rows(village, "SELECT id, head_person_id FROM household WHERE deleted_at IS NULL "
                                               "AND head_person_id IS NOT NULL ORDER BY number"):
        others = [row[0] for row in rows(village, "SELECT id FROM person WHERE household_id = ? AND id != ? AND "
                                                  "residence_status = 'ADA' AND deleted_at IS NULL ORDER BY id",
                                         household_id, head_id)]
        if len(others) >= 2:
            found.append((household_id, head_id, others))
        if len(found) == count:
            return found
    raise AssertionError("the demo village has too few families with members")


def _request_head_change(linked: Linked, household_id: str, head_id: str, others: list[str]) -> str:
    new_head = others[0]
    relations = {head_id: "SUAMI"} | {other: "ANAK" for other in others[1:]}
    draft = ChangeRequestDraft(household_id=household_id, kind="GANTI_KEPALA", reason="Kepala keluarga sakit",
                               person_id=new_head, relations=relations)
    return request_change(linked.village.cli, draft).id


def _request_removal(linked: Linked, household_id: str, person_id: str) -> str:
    draft = ChangeRequestDraft(household_id=household_id, kind="KELUARKAN_ANGGOTA", reason="Menikah",
                               person_id=person_id)
    return request_change(linked.village.cli, draft).id


def test_the_district_decides_and_the_village_applies_the_approval_once(linked: Linked, tmp_path: Path) -> None:
    (approved_home, old_head, others), (rejected_home, _, leaving) = _families(linked.village, 2)
    approved_id = _request_head_change(linked, approved_home, old_head, others)
    rejected_id = _request_removal(linked, rejected_home, leaving[0])

    first = import_package(linked.district.cli, export_package(linked.village.cli, tmp_path / "desa-1.xlsx").path)
    assert not [m for m in first.messages if m.severity == "error"], first.messages
    waiting = {item.id: item for item in list_district_changes(linked.district.cli).items}
    assert {approved_id, rejected_id} <= set(waiting)
    assert waiting[approved_id].village_code == linked.village.cli.actor.site_code
    decide_district_change(linked.district.cli, request_id=approved_id,
                           expected_version=waiting[approved_id].row_version, approve=True)
    decide_district_change(linked.district.cli, request_id=rejected_id,
                           expected_version=waiting[rejected_id].row_version, approve=False,
                           reason="Belum ada akta nikah")
    # The district records the decision only: the village's people stay as they were at the district.
    assert scalar(linked.district, "SELECT head_person_id FROM household WHERE id = ?",
                  approved_home) == old_head

    answer = export_package(linked.district.cli, tmp_path / "kabupaten-1.xlsx",
                            receiver=linked.village.cli.actor.site_code)
    outcome = import_package(linked.village.cli, answer.path)
    assert outcome.status is ImportStatus.APPLIED
    assert not [m for m in outcome.messages if m.code == "PERUBAHAN_TIDAK_DITERAPKAN"]

    village = linked.village
    new_head = others[0]
    assert rows(village, "SELECT head_person_id FROM household WHERE id = ?", approved_home) == [(new_head,)]
    assert rows(village, "SELECT relation FROM person WHERE id = ?", new_head) == [("KEPALA_KELUARGA",)]
    assert rows(village, "SELECT relation FROM person WHERE id = ?", old_head) == [("SUAMI",)]
    assert rows(village, "SELECT relation FROM membership WHERE person_id = ? AND valid_to IS NULL "
                         "AND deleted_at IS NULL", new_head) == [("KEPALA_KELUARGA",)]
    assert rows(village, "SELECT status, decided_where FROM household_change_request WHERE id = ?",
                approved_id) == [("DISETUJUI", "kabupaten")]
    assert '"applied_at_village"' in str(scalar(village, "SELECT payload FROM household_change_request WHERE id = ?",
                                                approved_id))
    # The rejection shows with its reason; the member stays.
    assert rows(village, "SELECT status, decided_where, decision_reason FROM household_change_request "
                         "WHERE id = ?", rejected_id) == [("DITOLAK", "kabupaten", "Belum ada akta nikah")]
    assert rows(village, "SELECT household_id FROM person WHERE id = ?", leaving[0]) == [(rejected_home,)]

    before = {t: d for t, d in table_digest(village).items() if t in CHANGED_TABLES}
    again = import_package(linked.village.cli, answer.path)
    assert again.status is not ImportStatus.APPLIED
    assert {t: d for t, d in table_digest(village).items() if t in CHANGED_TABLES} == before

    # The village's next package tells the district the change was applied; the district takes the update.
    import_package(linked.district.cli, export_package(linked.village.cli, tmp_path / "desa-2.xlsx").path)
    assert '"applied_at_village"' in str(scalar(linked.district, "SELECT payload FROM household_change_request "
                                                                 "WHERE id = ?", approved_id))


def test_an_approval_that_no_longer_fits_warns_and_does_not_fail_the_import(linked: Linked, tmp_path: Path) -> None:
    [(home, _head, others)] = _families(linked.village, 1)
    request_id = _request_removal(linked, home, others[0])
    import_package(linked.district.cli, export_package(linked.village.cli, tmp_path / "desa-1.xlsx").path)
    [item] = [i for i in list_district_changes(linked.district.cli).items if i.id == request_id]
    decide_district_change(linked.district.cli, request_id=request_id, expected_version=item.row_version,
                           approve=True)
    # Meanwhile at the village the member died (recorded by a local edit of the person).
    _mark_died(linked.village, others[0])

    answer = export_package(linked.district.cli, tmp_path / "kabupaten-1.xlsx",
                            receiver=linked.village.cli.actor.site_code)
    outcome = import_package(linked.village.cli, answer.path)

    assert outcome.status is ImportStatus.APPLIED
    [warning] = [m for m in outcome.messages if m.code == "PERUBAHAN_TIDAK_DITERAPKAN"]
    assert warning.severity == "warning"
    payload = str(scalar(linked.village, "SELECT payload FROM household_change_request WHERE id = ?",
                         request_id))
    assert '"village_apply_problem"' in payload and '"applied_at_village"' not in payload
    assert rows(linked.village, "SELECT household_id FROM person WHERE id = ?", others[0]) == [(home,)]


def _mark_died(village: SiteFixture, person_id: str) -> None:
    rows(village, "UPDATE person SET residence_status = 'MENINGGAL' WHERE id = ?", person_id)
